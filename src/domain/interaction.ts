/**
 * A Discord interaction we answered with a deferred response. The token lets us edit that
 * response for 15 minutes; it is a credential, so it is Redacted (prints as <redacted>) and it
 * never leaves intake/dispatch: not in A2A tasks, logs or traces.
 */
import { Schema } from "effect"

export const InteractionRef = Schema.Struct({
  applicationId: Schema.String,
  interactionId: Schema.String,
  token: Schema.Redacted(Schema.String),
})
export type InteractionRef = typeof InteractionRef.Type
