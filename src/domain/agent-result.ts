/**
 * What an agent reports for one task, and how the master records agents that never reported.
 * `status`: ok | error (this request failed: retry or check manually) | unhealthy (the agent
 * cannot work in this deployment: a configuration problem, e.g. "no kubeconfig") | timeout
 * (still running when the report was built, or interrupted at the cutoff) | disabled (off in
 * config.yaml) | skipped (not relevant to this alert, with the reason).
 */
import { Schema } from "effect"
import { AgentId } from "./agent-id.js"
import { DrillDownRecord } from "./drill-down-record.js"
import { Finding } from "./finding.js"

export const AgentStatus = Schema.Literal("ok", "error", "unhealthy", "timeout", "disabled", "skipped")
export type AgentStatus = typeof AgentStatus.Type

export const AgentUsage = Schema.Struct({
  /** The model the agent used, when it used one. */
  model: Schema.NullOr(Schema.String),
  inputTokens: Schema.Int.pipe(Schema.nonNegative()),
  outputTokens: Schema.Int.pipe(Schema.nonNegative()),
})
export type AgentUsage = typeof AgentUsage.Type

export const AgentResult = Schema.Struct({
  agent: AgentId,
  status: AgentStatus,
  /** Every finding from every tool call of this task (never only the last call's). */
  findings: Schema.Array(Finding),
  summary: Schema.String,
  /** Why: the error, the unhealthy reason, why it was skipped. */
  reason: Schema.NullOr(Schema.String),
  /** What was looked at ("pod/payments/…", "loggroup/…", "channel/C0…"). */
  scanned: Schema.Array(Schema.String),
  usage: Schema.Array(AgentUsage),
  durationMs: Schema.Number.pipe(Schema.nonNegative()),
  /** The model drill-down, when one ran (for the trace; absent with no model). */
  drillDown: Schema.optionalWith(DrillDownRecord, { exact: true }),
})
export type AgentResult = typeof AgentResult.Type

export const noUsage: ReadonlyArray<AgentUsage> = []

/** A result the master writes itself for an agent that did not (or could not) answer. */
export const placeholderResult = (
  agent: AgentId,
  status: Exclude<AgentStatus, "ok">,
  reason: string,
  durationMs = 0,
): AgentResult => ({
  agent,
  status,
  findings: [],
  summary: "",
  reason,
  scanned: [],
  usage: noUsage,
  durationMs,
})
