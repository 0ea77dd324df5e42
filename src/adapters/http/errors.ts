/**
 * The one error → status table and the one JSON error body. Domain and adapters fail with
 * tagged errors; only this file knows HTTP. 503 for dependencies that are down (the platform
 * retries, and the claim was released), 401 for signatures, 400 for unreadable bodies.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { IntakeError } from "../../domain/intake-error.js"

export type EdgeError =
  | IntakeError
  | { readonly _tag: "BodyTooLarge" }
  | { readonly _tag: "NotFound" }
  | { readonly _tag: "Internal" }

export const statusOf = {
  WebhookRejected: 401,
  MalformedWebhook: 400,
  BodyTooLarge: 413,
  NotFound: 404,
  SecretUnavailable: 503,
  UpstreamUnavailable: 503,
  DedupStoreError: 503,
  DispatchQueueError: 503,
  Internal: 500,
} as const satisfies Record<EdgeError["_tag"], ContentfulStatusCode>

const codeOf = (e: EdgeError): string => {
  switch (e._tag) {
    case "WebhookRejected":
      return e.reason
    case "SecretUnavailable":
      return `secret_${e.reason}`
    default:
      return e._tag.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase()
  }
}

const messageOf = (e: EdgeError): string => {
  switch (e._tag) {
    case "BodyTooLarge":
      return "request body exceeds the size limit"
    case "NotFound":
      return "no such route"
    case "Internal":
      return "internal error"
    case "SecretUnavailable":
      // Names the variable (never its value) so the operator knows what to set.
      return `${e.message}; this route is disabled until it is configured`
    case "DedupStoreError":
      return "the dedup store is unavailable; please retry"
    case "DispatchQueueError":
      return "the dispatch queue is unavailable; please retry"
    default:
      return e.message
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly requestId: string }
}

export const errorBody = (e: EdgeError, requestId: string): ErrorBody => ({
  error: { code: codeOf(e), message: messageOf(e), requestId },
})
