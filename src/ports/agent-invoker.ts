/**
 * Sends a task to an agent over A2A and returns its reply: AgentCore runtime ARN, plain URL,
 * or inline. The task never carries an interaction token or any other credential.
 */
import { Context, type DateTime, type Effect, Schema } from "effect"
import { AgentId } from "../domain/agent-id.js"
import type { AgentTask } from "../domain/agent-task.js"

export { AgentId } from "../domain/agent-id.js"
export { AgentTask } from "../domain/agent-task.js"

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
