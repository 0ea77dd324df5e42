/**
 * Hostile input for the classifier: units the rules react to (a word they key on, a half-open
 * mention, "[firing:", "db is down "…), each repeated to a size. Shared by the property test
 * (what is decided on 1 MiB) and bench/classify-hostile.ts (whether it stays linear).
 */
export const hostileUnits: ReadonlyArray<string> = [
  " ",
  "\n",
  "a",
  "7",
  "<",
  "<@",
  ":a",
  "http://",
  "is ",
  "thanks ",
  "fixed ",
  "db is down ",
  "🙏",
  "*",
  "a.",
  "[firing:",
  "investigate ",
  "&lt;",
  "1 events in ",
  "value: ",
  "sev 1 ",
  "at 99% ",
  "can not ",
  "users seeing ",
  "thanks for fixing the outage, payments are broken again. ",
]

/** `unit` repeated to exactly `bytes` UTF-16 code units. */
export const fillTo = (unit: string, bytes: number): string =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes)
