/**
 * A past incident as the incident-history agent remembers it: what fired (alert name, service,
 * namespace, cluster), what the investigation concluded (title, top cause, causes) and where a
 * human can read it (the thread link — always stored, the original never set it, weak point 11).
 * Records come from two places: the master after each investigation (`recordOfReport`) and
 * imports such as a scenario's `history:` section (no investigation id, no alert message).
 */
import { type DateTime, Option, Schema } from "effect"
import type { AgentTask } from "./agent-task.js"
import type { IncidentReport } from "./incident-report.js"
import { Platform } from "./platform.js"
import { redact } from "./redact.js"
import { Severity } from "./severity.js"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))
const Name = Schema.NullOr(Schema.String)

/** The alert message an investigation answered: how a re-investigation of it is recognised. */
export const IncidentAlertRef = Schema.Struct({
  platform: Platform,
  channel: Schema.String,
  messageId: Schema.String,
  /** The thread the report went to (Slack thread root ts); null when it is the message itself. */
  threadId: Schema.NullOr(Schema.String),
})
export type IncidentAlertRef = typeof IncidentAlertRef.Type

export const IncidentRecord = Schema.Struct({
  /** Unique in the store: the investigation id, or an imported ticket id (`INC-0412`). */
  id: NonEmpty,
  /** The investigation that produced it; null for imported incidents. */
  investigationId: Name,
  title: Schema.String,
  /** One or two sentences: the top cause, or the headline when none was established. */
  summary: Schema.String,
  rootCause: Name,
  /** Every cause the report gave, best first (at most 3). */
  causes: Schema.Array(Schema.String),
  alertName: Name,
  service: Name,
  namespace: Name,
  cluster: Name,
  severity: Schema.NullOr(Severity),
  alert: Schema.NullOr(IncidentAlertRef),
  /** Where to read it: the report's thread, or the ticket. Required. */
  link: NonEmpty,
  /** When it fired (the alert time). */
  occurredAt: Schema.DateTimeUtc,
  resolvedAt: Schema.NullOr(Schema.DateTimeUtc),
  recordedAt: Schema.DateTimeUtc,
})
export type IncidentRecord = typeof IncidentRecord.Type

/** What must never come back from `similar()`: the investigation asking, and its own alert message. */
export interface IncidentExclusion {
  readonly investigationId: string
  readonly alert: IncidentAlertRef | null
}

/** The thread an alert ref's report lives in: the thread root when there is one, else the message. */
const threadAnchor = (a: IncidentAlertRef): string => a.threadId ?? a.messageId

/**
 * The current investigation, a re-investigation of the same alert ("investigate again", a
 * thread mention, a reaction) and anything answered in the same thread are all "this incident".
 */
export const isExcluded = (record: IncidentRecord, exclude: IncidentExclusion): boolean => {
  if (record.id === exclude.investigationId || record.investigationId === exclude.investigationId) return true
  const mine = exclude.alert
  const theirs = record.alert
  if (mine === null || theirs === null) return false
  if (mine.platform !== theirs.platform || mine.channel !== theirs.channel) return false
  return (
    mine.messageId === theirs.messageId ||
    threadAnchor(mine) === threadAnchor(theirs) ||
    threadAnchor(mine) === theirs.messageId ||
    mine.messageId === threadAnchor(theirs)
  )
}

export const alertRefOf = (task: AgentTask): IncidentAlertRef => ({
  platform: task.alert.platform,
  channel: task.alert.channel,
  messageId: task.alert.messageId,
  threadId: task.alert.threadId,
})

/**
 * A link to the thread that needs no API call, for when the platform's permalink call fails:
 * Slack's `/archives/<channel>/p<ts>` redirects into the workspace, Discord's channel URL is fixed.
 */
export const fallbackThreadLink = (ref: IncidentAlertRef, workspace: string | null): string => {
  const anchor = threadAnchor(ref)
  return ref.platform === "slack"
    ? `https://slack.com/archives/${ref.channel}/p${anchor.replace(".", "")}`
    : `https://discord.com/channels/${workspace ?? "@me"}/${ref.channel}/${anchor}`
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)

const orNull = (s: string | null): string | null => {
  const t = (s ?? "").trim()
  return t === "" ? null : t
}

/** Pure: the record of a finished investigation from its task, final report and thread link. */
export const recordOfReport = (
  task: AgentTask,
  report: IncidentReport,
  link: string,
  recordedAt: DateTime.Utc,
): IncidentRecord => {
  const causes = report.causes.map((c) => clip(redact(c.text), 600))
  const top = Option.getOrNull(Option.fromNullable(causes[0]))
  return {
    id: task.investigationId,
    investigationId: task.investigationId,
    title: clip(redact(report.headline), 300),
    summary: top ?? clip(redact(report.headline), 600),
    rootCause: top,
    causes,
    alertName: orNull(task.facts.alertName),
    service: orNull(task.facts.service) ?? orNull(task.facts.workload),
    namespace: orNull(task.facts.namespace),
    cluster: orNull(task.facts.cluster),
    severity: report.severity,
    alert: alertRefOf(task),
    link,
    occurredAt: task.alert.alertTime,
    resolvedAt: null,
    recordedAt,
  }
}
