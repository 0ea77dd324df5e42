/**
 * What an agent's model drill-down leaves in its AgentResult for the trace: the model, why the
 * loop stopped, its size and tokens, the cost when the model is priced (null: unknown, never a
 * silent zero), and the redacted transcript (each model turn and each tool result). The master
 * writes it into the `agent_reply` trace event; the report shows only the findings and usage.
 */
import { Schema } from "effect"
import { JsonValue } from "./trace.js"

const Count = Schema.Int.pipe(Schema.nonNegative())

export const TranscriptEntry = Schema.Union(
  Schema.Struct({
    role: Schema.Literal("assistant"),
    step: Count,
    text: Schema.String,
    // A model's tool input is JSON (Converse), and the record travels as JSON over A2A.
    toolCalls: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String, input: JsonValue })),
    usage: Schema.Struct({ inputTokens: Schema.Number, outputTokens: Schema.Number }),
    stopReason: Schema.String,
  }),
  Schema.Struct({
    role: Schema.Literal("tool"),
    step: Count,
    id: Schema.String,
    name: Schema.String,
    status: Schema.Literal("success", "error"),
    content: Schema.String,
    findings: Count,
  }),
)
export type TranscriptEntry = typeof TranscriptEntry.Type

export const StopReason = Schema.Literal("end_turn", "max_steps", "token_budget", "deadline", "model_error")
export type StopReason = typeof StopReason.Type

export const DrillDownRecord = Schema.Struct({
  model: Schema.String,
  stopped: StopReason,
  /** The model error that ended it, if one did. */
  error: Schema.NullOr(Schema.String),
  steps: Count,
  toolCalls: Count,
  /** Findings it added to the result (after dropping repeats of the plan's). */
  findings: Count,
  inputTokens: Count,
  outputTokens: Count,
  costUsd: Schema.NullOr(Schema.Number),
  transcript: Schema.Array(TranscriptEntry),
})
export type DrillDownRecord = typeof DrillDownRecord.Type
