/**
 * An InvokeAgentRuntime failure → AgentInvokeError, by the exception's name first and its HTTP
 * status second. A wrong ARN is a deployment problem (`not_configured`), a refused request
 * (permissions, validation) is `rejected`, and throttling, the service's own faults, the agent
 * container failing (RuntimeClientError) and network errors are `unreachable` — worth a retry
 * by whoever owns the budget. Messages keep the AWS error name, never credentials.
 */
import { Option, Schema } from "effect"
import type { AgentId } from "../../domain/agent-id.js"
import { AgentInvokeError } from "../../ports/agent-invoker.js"

const SdkError = Schema.Struct({
  name: Schema.String,
  message: Schema.optional(Schema.String),
  $metadata: Schema.optional(Schema.Struct({ httpStatusCode: Schema.optional(Schema.Number) })),
})

const decodeSdkError = Schema.decodeUnknownOption(SdkError)

const rejected = new Set(["AccessDeniedException", "ValidationException", "UnauthorizedException"])
const throttled = new Set([
  "ThrottlingException",
  "ServiceQuotaExceededException",
  "TooManyRequestsException",
])

export const invokeErrorFromAgentCore = (agent: AgentId, cause: unknown): AgentInvokeError =>
  Option.match(decodeSdkError(cause), {
    onNone: () =>
      new AgentInvokeError({
        agent,
        reason: "unreachable",
        message: `${agent}: InvokeAgentRuntime failed: ${String(cause).slice(0, 300)}`,
      }),
    onSome: ({ name, message = "", $metadata }) => {
      const status = $metadata?.httpStatusCode
      const text = `${agent}: ${name}${status === undefined ? "" : ` (HTTP ${status})`}: ${message}`.slice(
        0,
        400,
      )
      if (name === "ResourceNotFoundException" || status === 404) {
        return new AgentInvokeError({
          agent,
          reason: "not_configured",
          message: `${text} — check the agent's runtime ARN`,
        })
      }
      if (throttled.has(name) || status === 429) {
        return new AgentInvokeError({ agent, reason: "unreachable", message: `${text} (throttled)` })
      }
      if (rejected.has(name) || status === 400 || status === 403) {
        return new AgentInvokeError({ agent, reason: "rejected", message: text })
      }
      if (name === "AbortError" || name === "TimeoutError") {
        return new AgentInvokeError({ agent, reason: "timeout", message: text })
      }
      return new AgentInvokeError({ agent, reason: "unreachable", message: text })
    },
  })
