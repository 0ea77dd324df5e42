/**
 * The one failure an outbound HTTP call can end with. It names the call by its label, never by
 * its URL (a Discord interaction URL carries a credential), and keeps only a short snippet of
 * the body so an adapter can read the platform's own error code.
 */
import { Schema } from "effect"

export const HttpFailureReason = Schema.Literal("timeout", "network", "status", "rate_limited")
export type HttpFailureReason = typeof HttpFailureReason.Type

export class HttpCallError extends Schema.TaggedError<HttpCallError>()("HttpCallError", {
  reason: HttpFailureReason,
  /** What was called, e.g. `slack chat.postMessage` (safe to log). */
  label: Schema.String,
  /** The last HTTP status seen, when there was one. */
  status: Schema.optional(Schema.Number),
  /** The first characters of the last error body. */
  bodySnippet: Schema.optional(Schema.String),
  attempts: Schema.Number,
  message: Schema.String,
}) {}

export const bodySnippetLength = 300

export const snippet = (body: string): string =>
  body.length > bodySnippetLength ? `${body.slice(0, bodySnippetLength)}…` : body
