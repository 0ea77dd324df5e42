/**
 * The Incident Report as data: built by one pure, deterministic function from the alert and the
 * agents' results, then rendered per platform. Its JSON form is the report contract of
 * `cli investigate --format json` (scenarios/FORMAT.md).
 */
import { Schema } from "effect"
import { AgentId } from "./agent-id.js"
import { AgentStatus } from "./agent-result.js"
import { Finding } from "./finding.js"
import { Platform } from "./platform.js"
import { Severity } from "./severity.js"

export const ReportCause = Schema.Struct({
  text: Schema.String,
  /** Finding ids (`eks#3`) the cause rests on; at least one, all present in `evidence`. */
  findings: Schema.Array(Schema.String),
})
export type ReportCause = typeof ReportCause.Type

export const EvidenceBlock = Schema.Struct({
  agent: AgentId,
  status: AgentStatus,
  summary: Schema.String,
  /** The error, the unhealthy or skipped reason. */
  reason: Schema.NullOr(Schema.String),
  /** Every finding, numbered, most severe first within the agent's own order. */
  findings: Schema.Array(Finding),
  durationMs: Schema.Number,
})
export type EvidenceBlock = typeof EvidenceBlock.Type

export const TimelineEntry = Schema.Struct({
  at: Schema.DateTimeUtc,
  text: Schema.String,
  /** The finding ids behind this moment, if any (the alert itself has none). */
  findings: Schema.Array(Schema.String),
})
export type TimelineEntry = typeof TimelineEntry.Type

export const ReportLink = Schema.Struct({ label: Schema.String, url: Schema.String })
export type ReportLink = typeof ReportLink.Type

/** Why an analysis is only an alternative hypothesis (analysis-verdict.ts defines each rule). */
export const AnalysisReason = Schema.Literal("cites_nothing", "unknown_ids", "contradicts_top_cause")
export type AnalysisReason = typeof AnalysisReason.Type

/**
 * A model's reading of the findings. `supported`: it cites existing findings and agrees with the
 * top cause (shown as "Analysis"); `alternative`: shown as an alternative hypothesis, never as
 * the cause, with the reason.
 */
export const ReportAnalysis = Schema.Struct({
  text: Schema.String,
  /** Cited finding ids present in `evidence`. */
  cites: Schema.Array(Schema.String),
  /** Cited ids that are not in `evidence`. */
  unknownCites: Schema.Array(Schema.String),
  verdict: Schema.Literal("supported", "alternative"),
  reason: Schema.NullOr(AnalysisReason),
  model: Schema.String,
})
export type ReportAnalysis = typeof ReportAnalysis.Type

/** The analysis as the model wrote it, before the report checks it against the evidence. */
export interface AnalysisDraft {
  readonly text: string
  /** Every id it cites, known or not. */
  readonly cites: ReadonlyArray<string>
  readonly model: string
}

/** One agent's model use in this report: tokens and cost (null: the model is not priced). */
export const AgentCost = Schema.Struct({
  agent: AgentId,
  model: Schema.String,
  inputTokens: Schema.Number,
  outputTokens: Schema.Number,
  costUsd: Schema.NullOr(Schema.Number),
})
export type AgentCost = typeof AgentCost.Type

export const ReportFooter = Schema.Struct({
  /** From the investigation's start to this revision of the report. */
  durationMs: Schema.Number,
  inputTokens: Schema.Number,
  outputTokens: Schema.Number,
  /** null: at least one model used is not in the price table (shown as "unknown"). */
  costUsd: Schema.NullOr(Schema.Number),
  unknownModels: Schema.Array(Schema.String),
  /** Per agent and model (catalogue order, the master last); agents that used no model are left out. */
  agents: Schema.Array(AgentCost),
})
export type ReportFooter = typeof ReportFooter.Type

export const ReportAlert = Schema.Struct({
  platform: Platform,
  channel: Schema.String,
  messageId: Schema.String,
  alertTime: Schema.DateTimeUtc,
  /** The alert's first meaningful line, for headers. */
  title: Schema.String,
  source: Schema.String,
  alertName: Schema.NullOr(Schema.String),
})
export type ReportAlert = typeof ReportAlert.Type

export const IncidentReport = Schema.Struct({
  investigationId: Schema.String,
  /** 1 for the report released at the deadline; +1 for every in-place update after it. */
  revision: Schema.Int.pipe(Schema.positive()),
  headline: Schema.String,
  /** max(the alert's own severity label, the findings cited by the top cause). */
  severity: Severity,
  alert: ReportAlert,
  /** At most 3, best first. */
  causes: Schema.Array(ReportCause),
  /** Services, not log groups or pods. */
  services: Schema.Array(Schema.String),
  /** One block per agent, in catalogue order (never completion order). */
  evidence: Schema.Array(EvidenceBlock),
  timeline: Schema.Array(TimelineEntry),
  impact: Schema.String,
  actions: Schema.Array(Schema.String),
  links: Schema.Array(ReportLink),
  analysis: Schema.NullOr(ReportAnalysis),
  footer: ReportFooter,
})
export type IncidentReport = typeof IncidentReport.Type
