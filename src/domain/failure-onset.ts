/**
 * When a failure began, as a finding states it: "failing since 2027-01-11T11:41:02Z". Agents write
 * the phrase when their evidence dates the start (a crash loop's first BackOff event) — observedAt stays the latest sighting, which every live failure has
 * near the alert. Pure.
 */
import { DateTime } from "effect"
import type { Finding } from "./finding.js"

/** The phrase agents write and `onsetOf` reads back. */
export const onsetPhrase = (t: DateTime.Utc): string =>
  `failing since ${DateTime.formatIso(t).replace(".000Z", "Z")}`

const sincePattern = /\bfailing since (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)/i

/** The onset a finding states in its title or detail, else null. */
export const onsetOf = (f: Finding): DateTime.Utc | null => {
  const m = sincePattern.exec(`${f.title}\n${f.detail}`)
  const ms = m?.[1] === undefined ? Number.NaN : Date.parse(m[1])
  return Number.isFinite(ms) ? DateTime.unsafeMake(ms) : null
}
