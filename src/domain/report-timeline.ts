/**
 * The timeline: when the alert fired and was posted, and every timed finding inside the
 * investigation window (the change lookback for rollouts and announcements), oldest first.
 * Ties keep a fixed order — the alert, then catalogue order, then the agent's own numbering —
 * so the same evidence always reads the same way.
 */

import { agentInfo } from "./agent-id.js"
import type { AlertContext } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import { evidenceOrder } from "./causes.js"
import type { Finding } from "./finding.js"
import type { TimelineEntry } from "./incident-report.js"
import { redact as redactText } from "./redact.js"
import { inWindow } from "./report-scope.js"
import { clipText, maxTitleChars, oneLine } from "./report-text.js"
import { readStatedOnset } from "./stated-onset.js"

const alertEntries = (
  context: AlertContext,
  facts: AlertFacts,
  title: string,
): ReadonlyArray<TimelineEntry> => {
  const name = clipText(oneLine(redactText(facts.alertName ?? title)), maxTitleChars)
  const posted: TimelineEntry = { at: context.alertTime, text: `Alert posted: ${name}`, findings: [] }
  const started = facts.startsAt
  if (started !== null) {
    return started.epochMillis < context.alertTime.epochMillis
      ? [{ at: started, text: `Alert started firing: ${name}`, findings: [] }, posted]
      : [posted]
  }
  // A person's onset opened the evidence window (alert-onset.ts): say which words were read, so a
  // reader can tell why evidence from hours before the alert counts.
  const stated = readStatedOnset(context.text, context.alertTime)
  return stated?.firm === true && stated.at.epochMillis < context.alertTime.epochMillis
    ? [
        {
          at: stated.at,
          text: `Onset stated in the alert: "${oneLine(redactText(stated.phrase))}"`,
          findings: [],
        },
        posted,
      ]
    : [posted]
}

const findingEntry = (f: Finding & { observedAt: NonNullable<Finding["observedAt"]> }): TimelineEntry => ({
  at: f.observedAt,
  text: clipText(`${agentInfo(f.agent).name}: ${oneLine(f.title)}`, maxTitleChars),
  findings: [f.id],
})

const timed = (f: Finding): f is Finding & { observedAt: NonNullable<Finding["observedAt"]> } =>
  f.observedAt !== null

export const buildTimeline = (o: {
  readonly context: AlertContext
  readonly facts: AlertFacts
  /** Already redacted (the alert's title). */
  readonly title: string
  readonly findings: ReadonlyArray<Finding>
}): ReadonlyArray<TimelineEntry> => {
  const alert = alertEntries(o.context, o.facts, o.title).map((entry, i) => ({ entry, rank: i }))
  const found = o.findings
    .filter(timed)
    .filter((f) => inWindow(o.context.window, f))
    .sort(evidenceOrder)
    .map((f, i) => ({ entry: findingEntry(f), rank: alert.length + i }))
  return [...alert, ...found]
    .sort((a, b) => a.entry.at.epochMillis - b.entry.at.epochMillis || a.rank - b.rank)
    .map((x) => x.entry)
}
