/**
 * Slack request signing (v0): HMAC-SHA256 over `v0:{timestamp}:{rawBody}` with the signing
 * secret, sent as `X-Slack-Signature: v0=<hex>`. The timestamp must be within ±window seconds
 * of now (300 accepted, 301 not) so a captured request cannot be replayed later. Pure: the
 * caller passes the secret and the current time.
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import { Either } from "effect"
import { WebhookRejected } from "../../ports/chat-platform.js"

export interface SlackSignatureInput {
  readonly secret: string
  readonly timestamp: string | undefined
  readonly signature: string | undefined
  readonly rawBody: string
  readonly nowSeconds: number
  readonly windowSeconds: number
}

export const slackSignature = (secret: string, timestamp: string, rawBody: string): string =>
  `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`, "utf8").digest("hex")}`

export const verifySlackSignature = (input: SlackSignatureInput): Either.Either<void, WebhookRejected> => {
  const { timestamp, signature } = input
  if (timestamp === undefined || timestamp === "" || signature === undefined || signature === "") {
    return Either.left(
      new WebhookRejected({
        reason: "missing_signature",
        message: "missing X-Slack-Request-Timestamp or X-Slack-Signature header",
      }),
    )
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return Either.left(
      new WebhookRejected({
        reason: "bad_signature",
        message: "X-Slack-Request-Timestamp is not a Unix time",
      }),
    )
  }
  if (Math.abs(input.nowSeconds - Number(timestamp)) > input.windowSeconds) {
    return Either.left(
      new WebhookRejected({
        reason: "stale_timestamp",
        message: `request timestamp is more than ${input.windowSeconds} s from now`,
      }),
    )
  }
  const expected = Buffer.from(slackSignature(input.secret, timestamp, input.rawBody), "utf8")
  const given = Buffer.from(signature, "utf8")
  // timingSafeEqual needs equal lengths; a length mismatch is already a mismatch.
  const ok = expected.length === given.length && timingSafeEqual(expected, given)
  return ok
    ? Either.void
    : Either.left(new WebhookRejected({ reason: "bad_signature", message: "invalid Slack signature" }))
}
