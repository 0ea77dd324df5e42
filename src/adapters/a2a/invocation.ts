/**
 * What every AgentInvoker transport does before sending: the time left until the caller's
 * deadline (from Effect's Clock, so tests drive it), the JSON-RPC request bytes, and the session
 * id. A deadline already past fails at once, without a call: no work is started that nobody
 * will wait for.
 */
import { Clock, type DateTime, Effect } from "effect"
import type { AgentId } from "../../domain/agent-id.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { newInvestigationId } from "../../domain/ids.js"
import { AgentInvokeError } from "../../ports/agent-invoker.js"
import { encodeTaskRequest } from "./a2a-codec.js"
import { sessionIdFor } from "./session-id.js"

export interface Invocation {
  readonly body: string
  readonly sessionId: string
  /** ms until the deadline, > 0 */
  readonly remainingMs: number
}

export const deadlineError = (agent: AgentId, remainingMs: number): AgentInvokeError =>
  new AgentInvokeError({
    agent,
    reason: "timeout",
    message: `${agent}: no answer before the deadline (${Math.max(0, remainingMs)} ms)`,
  })

export const prepareInvocation = (
  agent: AgentId,
  task: AgentTask,
  deadline: DateTime.Utc,
): Effect.Effect<Invocation, AgentInvokeError> =>
  Effect.gen(function* () {
    const remainingMs = deadline.epochMillis - (yield* Clock.currentTimeMillis)
    if (remainingMs <= 0) return yield* deadlineError(agent, remainingMs)
    const messageId = yield* newInvestigationId
    return {
      body: encodeTaskRequest(task, `req-${agent}-${task.investigationId}`, messageId),
      sessionId: sessionIdFor(task.investigationId, agent),
      remainingMs,
    }
  })

export const notConfigured = (agent: AgentId, message: string): AgentInvokeError =>
  new AgentInvokeError({ agent, reason: "not_configured", message })
