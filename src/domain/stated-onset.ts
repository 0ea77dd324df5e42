/**
 * The onset a person states in their own words: "since about 19:00", "since around 11pm",
 * "since the 14:05 deploy", "for the last 3 hours", "since last night", "overnight", "since
 * yesterday evening". People notice hours late (transcripts "stuck since 11pm" reported at 08:12),
 * so the evidence must reach back to what they say, not just the default half hour.
 *
 * Read as UTC: the config names no timezone for a workspace, and the scenarios' people write UTC.
 * A clock later than the alert's is the day before; a vague part of a day is read at its earliest
 * plausible hour (a window that opens too early costs a few more lines, one too late misses the
 * first failure). A year ("since 2019") or a day part without a preposition ("last night was
 * quiet") states no onset. Pure.
 */
import { DateTime } from "effect"

export interface StatedOnset {
  readonly at: DateTime.Utc
  /** The words read, as the person wrote them: the report quotes them. */
  readonly phrase: string
  /**
   * Said as when it began ("since", "for the last", "overnight"), not a clock that names a thing
   * ("the 15:10 sailing" may be still to come): only a firm onset reaches back hours.
   */
  readonly firm: boolean
}

const hourMs = 3_600_000
const dayMs = 24 * hourMs

const approx = String.raw`(?:about[ \t]+|around[ \t]+|approx\.?[ \t]+|roughly[ \t]+|~[ \t]*)?`

// "since 19:00", "since about 08:15 UTC", "started around 9:05", "since the 14:05 deploy".
const clock24 = new RegExp(
  String.raw`\b(?:since|started|starting|from|began)[ \t]+(?:the[ \t]+)?${approx}(\d{1,2}):(\d{2})(?![\d:])(?:[ \t]*(?:utc|z|gmt)\b)?`,
  "i",
)
// "failed at 05:04", "the 05:00 export": a clock a person gives for what failed, or for something
// scheduled ("the 15:10 sailing") — a weaker word for when it began (see `StatedOnset.firm`).
const clockNamed = new RegExp(
  String.raw`\b(?:at|the)[ \t]+${approx}(\d{1,2}):(\d{2})(?![\d:])(?:[ \t]*(?:utc|z|gmt)\b)?`,
  "i",
)
// "since around 11pm", "from 9:30 a.m.", "started at 7 pm".
const clock12 = new RegExp(
  String.raw`\b(?:since|started|starting|from|began)[ \t]+(?:at[ \t]+)?${approx}(\d{1,2})(?::(\d{2}))?[ \t]*([ap])(?:m\b|\.m\.)`,
  "i",
)
// "for the last 3 hours", "in the past 45 min", "over the last 2h", "for 6 hours now".
const lastDuration =
  /\b(?:for|in|over|during)[ \t]+(?:the[ \t]+)?(?:(?:last|past)[ \t]+)?(\d{1,2}|an?|one|two|three|four|five|six)[ \t]*(hours?|hrs?|h|minutes?|mins?|m)\b/i
// "since last night", "since yesterday evening", "starting this morning", "overnight".
const dayPart =
  /\b(?:(?:since|from|starting|started)[ \t]+(last[ \t]+night|yesterday(?:[ \t]+(?:morning|afternoon|evening|night))?|this[ \t]+morning)|(overnight)(?![ \t]+(?:was|were|is|has been)\b))/i

// "the Saturday 06:00 UTC run", "last night's 2am run", "the 23:30 export job": the clock of a
// scheduled run a person says failed or never finished — when the trouble began, however long
// ago they noticed. A clock with minutes or am/pm, then the run's word ("3 jobs" is a count).
const clockRun =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?|last[ \t]+night'?s|this[ \t]+morning'?s|today'?s|tonight'?s|nightly|daily|scheduled|the)[ \t]+(\d{1,2})(?::(\d{2}))?[ \t]*([ap])?(?:m\b|\.m\.)?[ \t]*(?:utc|gmt|z)?[ \t]+(?:\w+[ \t]+)?(?:run|job|import|export|batch|sync|backup|load|cron)\b/i

const words: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
}

/** `h:min` UTC on the alert's day, or the day before when that is later than the alert. */
const atClock = (alertMs: number, h: number, min: number): number | null => {
  if (!(h <= 23) || !(min <= 59)) return null
  const day = new Date(alertMs)
  const same = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, min)
  return same > alertMs ? same - dayMs : same
}

/** Midnight UTC of the alert's day, minus `daysBack` days, plus `hour` hours. */
const dayHour = (alertMs: number, daysBack: number, hour: number): number => {
  const day = new Date(alertMs)
  return (
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - daysBack * dayMs + hour * hourMs
  )
}

// The earliest plausible hour of each part of a day: "last night" may mean the evening.
const partHours: Readonly<Record<string, number>> = {
  morning: 6,
  afternoon: 12,
  evening: 18,
  night: 20,
}

const clockReader =
  (re: RegExp) =>
  (text: string, alertMs: number): number | null => {
    const m = re.exec(text)
    return m === null ? null : atClock(alertMs, Number(m[1]), Number(m[2]))
  }

const fromClock12 = (text: string, alertMs: number): number | null => {
  const m = clock12.exec(text)
  const h = Number(m?.[1])
  if (m === null || !(h >= 1 && h <= 12)) return null
  const pm = (m[3] ?? "").toLowerCase() === "p"
  return atClock(alertMs, (h % 12) + (pm ? 12 : 0), Number(m[2] ?? "0"))
}

const fromDuration = (text: string, alertMs: number): number | null => {
  const m = lastDuration.exec(text)
  if (m === null) return null
  const n = words[(m[1] ?? "").toLowerCase()] ?? Number(m[1])
  const unit = (m[2] ?? "").toLowerCase().startsWith("h") ? hourMs : 60_000
  return n > 0 ? alertMs - n * unit : null
}

const fromDayPart = (text: string, alertMs: number): number | null => {
  const m = dayPart.exec(text)
  if (m === null) return null
  const said = (m[1] ?? m[2] ?? "").toLowerCase().replace(/\s+/g, " ")
  if (said === "overnight" || said === "last night") return dayHour(alertMs, 1, partHours.night ?? 20)
  if (said === "this morning") return dayHour(alertMs, 0, partHours.morning ?? 6)
  if (said === "yesterday") return dayHour(alertMs, 1, 0)
  return dayHour(alertMs, 1, partHours[said.replace("yesterday ", "")] ?? 0)
}

const fromClockRun = (text: string, alertMs: number): number | null => {
  const m = clockRun.exec(text)
  if (m === null || (m[2] === undefined && m[3] === undefined)) return null
  const h = Number(m[1])
  if (m[3] === undefined) return atClock(alertMs, h, Number(m[2]))
  if (!(h >= 1 && h <= 12)) return null
  return atClock(alertMs, (h % 12) + (m[3].toLowerCase() === "p" ? 12 : 0), Number(m[2] ?? "0"))
}

interface Reader {
  readonly re: RegExp
  readonly read: (text: string, alertMs: number) => number | null
  readonly firm: boolean
}
const readers: ReadonlyArray<Reader> = [
  { re: clock24, read: clockReader(clock24), firm: true },
  { re: clock12, read: fromClock12, firm: true },
  { re: lastDuration, read: fromDuration, firm: true },
  { re: dayPart, read: fromDayPart, firm: true },
  { re: clockRun, read: fromClockRun, firm: true },
  { re: clockNamed, read: clockReader(clockNamed), firm: false },
]

/** The first onset the text states, with the words read; null when it states none. */
export const readStatedOnset = (text: string, alertTime: DateTime.Utc): StatedOnset | null => {
  for (const { re, read, firm } of readers) {
    const ms = read(text, alertTime.epochMillis)
    const phrase = re.exec(text)?.[0]
    if (ms !== null && phrase !== undefined)
      return { at: DateTime.unsafeMake(ms), phrase: phrase.trim(), firm }
  }
  return null
}
