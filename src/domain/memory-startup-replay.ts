/**
 * The startup replay an OOM-killed container died in. A store that rebuilds its in-memory state
 * at startup — Prometheus' TSDB head replaying its WAL, Loki's or Thanos' ingester replaying its
 * WAL, Kafka recovering log segments, a search node loading its index, a cache warming from a
 * snapshot — needs memory in proportion to the data it holds. When its killed instance's log
 * starts such a replay and never says it finished, the data outgrew the limit (series, entries,
 * segments accumulated over days, no deploy needed), and every restart dies the same way: the
 * cause must name the replay and its progress, not only "OOMKilled". A replay that completed
 * before the kill is no such death (the memory filled serving), and is left to the other readers
 * of the family (memory-last-request.ts, memory-with-load.ts). Pure.
 */

export interface StartupReplay {
  /** What was replayed or loaded, as the log names it ("WAL", "index", "snapshot"). */
  readonly what: string
  /** The line that started it, without timestamp. */
  readonly started: string
  /** How far it got when last logged ("segment 18990 of 19012"), if a line said. */
  readonly progress: string | null
}

const stamp =
  /^(?:ts=)?\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?\]?\s*/

/** A store's words for rebuilding its state from disk at startup; group 1 is what it reads. */
const replayStart =
  /\b(?:replaying|replay of|recovering(?: from)?|loading|rebuilding|reloading|restoring(?: from)?|warming(?: up)?)\s+(?:the\s+|on-disk\s+|its\s+)?(wal|write[- ]ahead log|journal|commit ?log|log segments?|segments|checkpoint|snapshot|index(?:es)?|head|cache|state store|state)\b/i

/** The replay finished: a completion of the replay, or the server ready to serve. */
const replayDone =
  /\b(?:replay(?:ed)? (?:completed|finished|done)|(?:recovery|loading|load|restore|warm-?up) (?:completed|complete|finished|done)|server is ready|ready to (?:receive|serve|accept)|tsdb started|started (?:successfully|serving)|listening on)\b/i

/** Progress as a replay logs it: "segment=18990 maxSegment=19012", "12/40 segments", "63%". */
const progressOf = (line: string): string | null => {
  const seg = /\bsegment[=: ]\s*(\d+)\b[^\n]*?\bmax_?segment[=: ]\s*(\d+)/i.exec(line)
  if (seg !== null) return `segment ${seg[1] ?? ""} of ${seg[2] ?? ""}`
  const ofTotal = /\b(\d+)\s*\/\s*(\d+)\s+(segments|files|chunks|blocks|shards)\b/i.exec(line)
  if (ofTotal !== null) return `${ofTotal[1] ?? ""} of ${ofTotal[2] ?? ""} ${ofTotal[3] ?? ""}`
  const pct = /\b(\d{1,3}(?:\.\d+)?)\s?%/.exec(line)
  return pct === null ? null : `${pct[1] ?? ""}%`
}

const normalise = (what: string): string => {
  const w = what.toLowerCase()
  if (w === "wal" || w.startsWith("write")) return "WAL"
  return w
}

/** The replay a (killed instance's) log started and never finished, or null. */
export const unfinishedReplay = (text: string): StartupReplay | null => {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
  const at = lines.findLastIndex((l) => replayStart.test(l))
  if (at < 0) return null
  const after = lines.slice(at + 1)
  if (after.some((l) => replayDone.test(l))) return null
  const start = lines[at] ?? ""
  const what = replayStart.exec(start)?.[1] ?? "state"
  const progress =
    [start, ...after]
      .reverse()
      .map(progressOf)
      .find((p) => p !== null) ?? null
  return { what: normalise(what), started: start.replace(stamp, "").slice(0, 160), progress }
}
