/**
 * What a word is searched by: its singular, since a pattern is a substring and a person writes
 * "valves" of `valve-schedule-dispatcher` ("deliveries" → "delivery"); not "status", "address".
 * Pure.
 */
export const searchStem = (w: string): string =>
  /ies$/.test(w) && w.length > 5
    ? `${w.slice(0, -3)}y`
    : /[^su]s$/.test(w) && w.length > 4
      ? w.slice(0, -1)
      : w
