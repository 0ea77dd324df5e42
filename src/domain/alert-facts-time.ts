/**
 * When the alert says it started. Templates print times as RFC 3339 (`2026-11-27T13:05:00Z`),
 * Go's default (`2026-11-27 13:05:00.123 +0000 UTC`, Alertmanager's "Starts at") or naive
 * `2026-11-27 13:05:00` (read as UTC). Parsing is by hand so an impossible date (Feb 30) is
 * rejected instead of rolled over.
 */
import { DateTime, Option } from "effect"
import { type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"

const timestamp =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[ \t]?(Z|UTC|GMT|[+-]\d{2}:?\d{2})(?![\w:]))?/g

const toUtc = (m: RegExpMatchArray): DateTime.Utc | null => {
  const [, y, mo, d, h, mi, s = "0", frac = "0", zone = "Z"] = m
  const parts = [y, mo, d, h, mi, s].map(Number)
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN, hour = 0, minute = 0, second = 0] = parts
  const ms = Number(frac.padEnd(3, "0").slice(0, 3))
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const check = new Date(local)
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  if (!valid) return null
  return Option.getOrNull(DateTime.make(local - offsetMinutes(zone) * 60_000))
}

const offsetMinutes = (zone: string): number => {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (m === null) return 0
  const sign = m[1] === "-" ? -1 : 1
  return sign * (Number(m[2]) * 60 + Number(m[3]))
}

/** The first valid timestamp in `text`, or null. */
export const parseTimestamp = (text: string): DateTime.Utc | null => {
  for (const m of text.matchAll(timestamp)) {
    const t = toUtc(m)
    if (t !== null) return t
  }
  return null
}

const endLine = /^(?:ends?|ended|resolved)(?:[ \t_-]?(?:at|time))?[ \t]*[:=]/i

/**
 * A labelled start (`Starts at:`, `startsAt=`, `StateChangeTime`), else the first timestamp in
 * the body that is not on an "Ends at" line.
 */
export const startTime = (
  lines: ReadonlyArray<string>,
  pairs: ReadonlyArray<LabelPair>,
): DateTime.Utc | null =>
  lookup(pairs, labelKeys.startsAt, parseTimestamp) ??
  lines.reduce<DateTime.Utc | null>(
    (found, line) => found ?? (endLine.test(line) ? null : parseTimestamp(line)),
    null,
  )
