/**
 * The task an agent receives, as the A2A DataPart `{kind: "data", data: AgentTask}`. Typed and
 * routed by `task`, never by a model. It carries the alert and its facts but never a
 * credential (no interaction token, no bot token).
 */
import { Schema } from "effect"
import { AlertContext } from "./alert-context.js"
import { AlertFacts } from "./alert-facts.js"

export const TaskKind = Schema.Literal("investigate", "snapshot", "postmortem")
export type TaskKind = typeof TaskKind.Type

export const AgentTask = Schema.Struct({
  task: TaskKind,
  investigationId: Schema.String,
  alert: AlertContext,
  /** Read from the alert text without a model; agents scope their work from it. */
  facts: AlertFacts,
  /** The intake claim (`{platform}#{channel}#{message}[#rN]`), so the master can mark it DONE. */
  dedupKey: Schema.NullOr(Schema.String),
  /** Free-form routing hints for the agent (service names, log groups, …). */
  hints: Schema.Record({ key: Schema.String, value: Schema.String }),
  /** Absolute RFC 3339 instant by which the agent must answer. */
  deadline: Schema.DateTimeUtc,
})
export type AgentTask = typeof AgentTask.Type
