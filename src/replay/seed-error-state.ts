/** A replay seed that contradicts itself (a Slack ts that is not one, a snowflake whose time disagrees with its timestamp). */
import { Schema } from "effect"

export class ReplaySeedError extends Schema.TaggedError<ReplaySeedError>()("ReplaySeedError", {
  message: Schema.String,
}) {}
