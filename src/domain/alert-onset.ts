/**
 * When the trouble began, if the alert says so earlier than the evidence window opens: a tool's
 * start time (Alertmanager's "Starts at"), or a person's "since about 19:00" posted half an hour
 * later. The window then opens a little before that onset — the jump, the rollout and the first
 * errors are what the evidence must show — but never more than `maxLeadMinutes` before the alert.
 * Pure.
 */
import { DateTime } from "effect"
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"

/** How far before the onset the window opens, and how far before the alert it may open at most. */
export const onsetMarginMinutes = 10
export const maxLeadMinutes = 180

// "since 19:00", "since about 08:15 UTC", "since ~13:40", "started around 9:05", "failed at
// 05:04", "the 05:00 export never landed".
const sinceClock =
  /\b(?:since|started|starting|from|began|at|the)[ \t]+(?:about[ \t]+|around[ \t]+|approx\.?[ \t]+|roughly[ \t]+|~[ \t]*)?(\d{1,2}):(\d{2})(?![\d:])(?:[ \t]*(?:utc|z|gmt)\b)?/i

/** The clock time a person gives, on the alert's day (or the day before when it is later). */
export const statedOnset = (text: string, alertTime: DateTime.Utc): DateTime.Utc | null => {
  const m = sinceClock.exec(text)
  const h = Number(m?.[1])
  const min = Number(m?.[2])
  if (m === null || !(h <= 23) || !(min <= 59)) return null
  const day = new Date(alertTime.epochMillis)
  const sameDay = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, min)
  return DateTime.unsafeMake(sameDay > alertTime.epochMillis ? sameDay - 86_400_000 : sameDay)
}

/** The evidence window, opened early enough to hold the onset the alert states (see the header). */
export const windowFromOnset = (
  window: InvestigationWindow,
  facts: AlertFacts,
  text: string,
  alertTime: DateTime.Utc,
): InvestigationWindow => {
  const onset = facts.startsAt ?? statedOnset(text, alertTime)
  if (onset === null) return window
  const earliest = alertTime.epochMillis - maxLeadMinutes * 60_000
  const start = Math.max(earliest, onset.epochMillis - onsetMarginMinutes * 60_000)
  return start < window.start.epochMillis && onset.epochMillis <= alertTime.epochMillis
    ? { ...window, start: DateTime.unsafeMake(start) }
    : window
}
