/**
 * When the trouble began, if the alert says so earlier than the evidence window opens: a tool's
 * start time (Alertmanager's "Starts at"), or a person's "since about 19:00" posted half an hour
 * later. The window then opens a little before that onset — the jump, the rollout and the first
 * errors are what the evidence must show — but never more than `maxLeadMinutes` (a tool's) or
 * `maxStatedLeadMinutes` (a person's) before the alert.
 * Pure.
 */
import { DateTime } from "effect"
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import { readStatedOnset } from "./stated-onset.js"

/** How far before the onset the window opens, and how far before the alert a tool's onset may open it. */
export const onsetMarginMinutes = 10
export const maxLeadMinutes = 180
/**
 * A person's own onset may reach further back: they notice late ("stuck since 11pm", posted at
 * 08:12), and what they say is the only pointer to the first failure. A day bounds it: older
 * than that is history, not this incident's window.
 */
export const maxStatedLeadMinutes = 24 * 60

/** The instant a person gives for the onset (stated-onset.ts), or null. */
export const statedOnset = (text: string, alertTime: DateTime.Utc): DateTime.Utc | null =>
  readStatedOnset(text, alertTime)?.at ?? null

/** The evidence window, opened early enough to hold the onset the alert states (see the header). */
export const windowFromOnset = (
  window: InvestigationWindow,
  facts: AlertFacts,
  text: string,
  alertTime: DateTime.Utc,
): InvestigationWindow => {
  const stated = facts.startsAt === null ? readStatedOnset(text, alertTime) : null
  const onset = facts.startsAt ?? stated?.at ?? null
  if (onset === null) return window
  const lead = stated?.firm === true ? maxStatedLeadMinutes : maxLeadMinutes
  const earliest = alertTime.epochMillis - lead * 60_000
  const start = Math.max(earliest, onset.epochMillis - onsetMarginMinutes * 60_000)
  return start < window.start.epochMillis && onset.epochMillis <= alertTime.epochMillis
    ? { ...window, start: DateTime.unsafeMake(start) }
    : window
}
