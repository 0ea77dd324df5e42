/**
 * client-node failures as `ClusterError`s, at the boundary. An `ApiException` carries the HTTP
 * code and the raw body, which for an API server refusal is a `Status` whose message names the
 * RBAC gap ("pods is forbidden: User … cannot list resource \"pods\" …"): that message is kept
 * (redacted, clipped) so the agent can tell the operator exactly what to grant. A 429 also
 * reports how long the server asked us to wait.
 */
import { ApiException } from "@kubernetes/client-node"
import { Either, Schema } from "effect"
import { redact } from "../../domain/redact.js"
import { ClusterError, type ClusterErrorReason } from "../../ports/cluster.js"
import { retryAfterFromHeaders } from "../fetch/retry-after.js"

const Status = Schema.Struct({
  message: Schema.optional(Schema.String),
  reason: Schema.optional(Schema.String),
})
const StatusJson = Schema.parseJson(Status)

const clip = (s: string, max = 400): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/** The Status message of an error body (a JSON string, or an already-parsed object), if it has one. */
export const statusMessage = (body: unknown): string | null => {
  const decoded =
    typeof body === "string"
      ? Schema.decodeUnknownEither(StatusJson)(body)
      : Schema.decodeUnknownEither(Status)(body)
  return Either.match(decoded, { onLeft: () => null, onRight: (s) => s.message ?? null })
}

export interface CallFailure {
  readonly error: ClusterError
  /** 429: the server's Retry-After, in ms. */
  readonly retryAfterMs?: number
}

const reasonFor = (code: number, message: string): ClusterErrorReason => {
  if (code === 401 || code === 403) return "forbidden"
  if (code === 404 || (code === 400 && /\bnot found\b/i.test(message))) return "not_found"
  if (code === 429) return "throttled"
  return "unavailable"
}

const headerBag = (headers: Readonly<Record<string, string>> | undefined): Headers => {
  const out = new Headers()
  for (const [k, v] of Object.entries(headers ?? {})) if (typeof v === "string") out.set(k, v)
  return out
}

/** Map anything client-node threw for the call named `label`. */
export const failureFrom = (error: unknown, label: string, nowMs: number): CallFailure => {
  if (error instanceof ApiException) {
    const code = typeof error.code === "number" ? error.code : 0
    const detail =
      statusMessage(error.body) ?? (code === 401 ? "Unauthorized: the credentials were rejected" : "")
    const message = clip(redact(`${label}: HTTP ${code}${detail === "" ? "" : `: ${detail}`}`))
    const retryAfterMs = code === 429 ? retryAfterFromHeaders(headerBag(error.headers), nowMs) : undefined
    return {
      error: new ClusterError({ reason: reasonFor(code, detail), message }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    }
  }
  const text = error instanceof Error ? error.message : String(error)
  if (/HTTP protocol is not allowed/i.test(text)) {
    return {
      error: new ClusterError({
        reason: "not_configured",
        message: `${label}: the kubeconfig names a plain-http server without insecure-skip-tls-verify`,
      }),
    }
  }
  return { error: new ClusterError({ reason: "unavailable", message: clip(redact(`${label}: ${text}`)) }) }
}
