/**
 * A dependency we need to answer this delivery (the chat API that tells us what was reacted
 * to, the model classifier's host) is down. Intake answers 503 so the platform retries later,
 * instead of dropping the alert.
 */
import { Schema } from "effect"

export class UpstreamUnavailable extends Schema.TaggedError<UpstreamUnavailable>()("UpstreamUnavailable", {
  service: Schema.String,
  message: Schema.String,
}) {}
