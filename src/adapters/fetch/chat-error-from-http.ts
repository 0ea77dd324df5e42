/**
 * How a failed chat call reads to the rest of the system: 429 after the allowed waits is
 * rate_limited, another 4xx is rejected (with the platform's own code when the body names one),
 * and 5xx, network errors and timeouts are unavailable. Shared by the Slack and Discord clients
 * so both platforms fail the same way.
 */
import { ChatError } from "../../ports/chat-platform.js"
import type { HttpCallError } from "./http-call-error.js"

export const chatErrorFromHttp = (
  platform: "slack" | "discord",
  operation: string,
  error: HttpCallError,
  /** The platform's error code read from the body snippet, when there is one. */
  platformCode: (bodySnippet: string) => string | undefined,
): ChatError => {
  const base = { platform, operation, message: error.message }
  const code = error.bodySnippet === undefined ? undefined : platformCode(error.bodySnippet)
  if (error.reason === "rate_limited")
    return new ChatError({ ...base, reason: "rate_limited", code: code ?? "429" })
  if (error.reason === "status" && error.status !== undefined && error.status < 500)
    return new ChatError({ ...base, reason: "rejected", code: code ?? String(error.status) })
  return new ChatError({
    ...base,
    reason: "unavailable",
    code: error.status === undefined ? error.reason : String(error.status),
  })
}
