/**
 * Sends a task to an agent over A2A and returns its reply: AgentCore runtime ARN, plain URL,
 * or inline. The task never carries an interaction token or any other credential.
 */
import { Context, type DateTime, type Effect, Schema } from "effect"
import { AlertContext } from "../domain/alert-context.js"

export const AgentId = Schema.Literal(
  "master",
  "eks",
  "cloudwatch_logs",
  "slack_scanner",
  "discord_scanner",
  "incident_history",
  "prometheus",
)
export type AgentId = typeof AgentId.Type

/** The DataPart a task travels as: `{kind: "data", data: AgentTask}`. */
export const AgentTask = Schema.Struct({
  task: Schema.Literal("investigate", "snapshot", "postmortem"),
  investigationId: Schema.String,
  alert: AlertContext,
  /** Free-form routing hints for the agent (service names, log groups, …). */
  hints: Schema.Record({ key: Schema.String, value: Schema.String }),
  /** Absolute RFC 3339 instant by which the agent must answer. */
  deadline: Schema.DateTimeUtc,
})
export type AgentTask = typeof AgentTask.Type

export interface AgentReply {
  /** The DataPart's data (decoded by the caller against the schema it expects). */
  readonly data: unknown
  /** The human-readable text part. */
  readonly text: string
}

export class AgentInvokeError extends Schema.TaggedError<AgentInvokeError>()("AgentInvokeError", {
  agent: AgentId,
  reason: Schema.Literal("unreachable", "timeout", "rejected", "malformed", "not_configured"),
  message: Schema.String,
}) {}

export interface AgentInvokerService {
  readonly invoke: (
    agent: AgentId,
    task: AgentTask,
    deadline: DateTime.Utc,
  ) => Effect.Effect<AgentReply, AgentInvokeError>
}

export class AgentInvoker extends Context.Tag("sre-on-call/AgentInvoker")<
  AgentInvoker,
  AgentInvokerService
>() {}
