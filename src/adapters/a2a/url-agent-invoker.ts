/**
 * AgentInvoker over a plain URL: the A2A request POSTed to an agent server (local A2A servers,
 * `npm start` in several processes, any A2A endpoint). One `httpCall` whose attempt timeout and
 * overall deadline are both the time left until the caller's deadline, so nothing is retried
 * past it; a connection refused or a 5xx may be retried inside that time. The answer is decoded
 * like AgentCore's (JSON or SSE, 1 MiB cap, JSON-RPC errors as values).
 */
import { Effect, Either, Layer } from "effect"
import type { AgentId } from "../../domain/agent-id.js"
import { AgentInvokeError, AgentInvoker, type AgentInvokerService } from "../../ports/agent-invoker.js"
import { httpCall } from "../fetch/http-call.js"
import type { HttpCallError } from "../fetch/http-call-error.js"
import { decodeReplyBody, invokeErrorFromReply, maxA2ABytes } from "./a2a-reply.js"
import { deadlineError, notConfigured, prepareInvocation } from "./invocation.js"
import { sessionIdHeader } from "./session-id.js"

export interface UrlInvokerOptions {
  /** The agent's A2A endpoint (its `POST /`), or null when none is configured. */
  readonly urlFor: (agent: AgentId) => string | null
  /** Attempts within the deadline (default 2: one retry after a refused connection or a 5xx). */
  readonly maxAttempts?: number
  readonly maxReplyBytes?: number
  /** Named in the not_configured message (e.g. `EKS_AGENT_URL`). */
  readonly describeMissing?: (agent: AgentId) => string
}

const fromHttpError = (agent: AgentId, error: HttpCallError, remainingMs: number): AgentInvokeError => {
  switch (error.reason) {
    case "timeout":
      return deadlineError(agent, remainingMs)
    case "status":
      return new AgentInvokeError({
        agent,
        reason: error.status !== undefined && error.status < 500 ? "rejected" : "unreachable",
        message: `${agent}: ${error.message}`,
      })
    default:
      return new AgentInvokeError({ agent, reason: "unreachable", message: `${agent}: ${error.message}` })
  }
}

export const makeUrlAgentInvoker = (options: UrlInvokerOptions): AgentInvokerService => ({
  invoke: (agent, task, deadline) =>
    Effect.gen(function* () {
      const url = options.urlFor(agent)
      if (url === null) {
        return yield* notConfigured(
          agent,
          options.describeMissing?.(agent) ?? `no A2A URL is configured for agent ${agent}`,
        )
      }
      const call = yield* prepareInvocation(agent, task, deadline)
      const response = yield* httpCall(
        {
          method: "POST",
          url,
          label: `a2a ${agent}`,
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            [sessionIdHeader]: call.sessionId,
          },
          body: call.body,
        },
        {
          timeoutMs: call.remainingMs,
          deadlineMs: call.remainingMs,
          maxAttempts: options.maxAttempts ?? 2,
          baseDelayMs: 100,
        },
      ).pipe(Effect.mapError((e) => fromHttpError(agent, e, call.remainingMs)))
      const decoded = decodeReplyBody(
        response.body,
        response.headers.get("content-type") ?? undefined,
        options.maxReplyBytes ?? maxA2ABytes,
      )
      return yield* Either.mapLeft(decoded, (e) => invokeErrorFromReply(agent, e))
    }).pipe(Effect.withSpan("AgentInvoker.url", { attributes: { agent } })),
})

export const urlAgentInvokerLayer = (options: UrlInvokerOptions): Layer.Layer<AgentInvoker> =>
  Layer.succeed(AgentInvoker, makeUrlAgentInvoker(options))
