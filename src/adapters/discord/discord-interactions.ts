/**
 * The Discord interaction payloads we act on (only the fields we use), decoded with Schema.
 * Interaction types: 1 PING, 2 APPLICATION_COMMAND (data.type 1 slash, 3 message context
 * menu with the target in data.resolved.messages), 3 component, 4 autocomplete, 5 modal.
 */
import { Either, Schema } from "effect"
import { MalformedWebhook } from "../../ports/chat-platform.js"
import { parseJsonObject } from "../http/json-body.js"

const User = Schema.Struct({
  id: Schema.String,
  username: Schema.optional(Schema.String),
  global_name: Schema.optional(Schema.NullOr(Schema.String)),
  bot: Schema.optional(Schema.Boolean),
})

export const Interaction = Schema.Struct({
  id: Schema.String,
  application_id: Schema.String,
  type: Schema.Number,
  token: Schema.optional(Schema.String),
  guild_id: Schema.optional(Schema.String),
  channel_id: Schema.optional(Schema.String),
  member: Schema.optional(Schema.Struct({ user: Schema.optional(User) })),
  user: Schema.optional(User),
  data: Schema.optional(Schema.Unknown),
})
export type Interaction = typeof Interaction.Type

export const ResolvedMessage = Schema.Struct({
  id: Schema.String,
  channel_id: Schema.optional(Schema.String),
  author: Schema.optional(User),
  timestamp: Schema.optional(Schema.String),
})
export type ResolvedMessage = typeof ResolvedMessage.Type

export const CommandData = Schema.Struct({
  name: Schema.String,
  type: Schema.optionalWith(Schema.Number, { default: () => 1 }),
  target_id: Schema.optional(Schema.String),
  resolved: Schema.optional(
    Schema.Struct({
      messages: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
    }),
  ),
  options: Schema.optional(
    Schema.Array(
      Schema.Struct({ name: Schema.String, type: Schema.Number, value: Schema.optional(Schema.Unknown) }),
    ),
  ),
})
export type CommandData = typeof CommandData.Type

export const parseInteraction = (rawBody: string): Either.Either<Interaction, MalformedWebhook> => {
  const parsed = parseJsonObject(rawBody)
  if (Either.isLeft(parsed)) return Either.left(parsed.left)
  const json = parsed.right
  return Schema.decodeUnknownEither(Interaction)(json).pipe(
    Either.mapLeft(
      () => new MalformedWebhook({ message: "not a Discord interaction (id, application_id, type)" }),
    ),
  )
}

export const decodeCommandData = Schema.decodeUnknownOption(CommandData)
export const decodeResolvedMessage = Schema.decodeUnknownOption(ResolvedMessage)

/** The string value of a slash-command option, trimmed; "" when absent. */
export const optionText = (data: CommandData, name: string): string => {
  const value = data.options?.find((o) => o.name === name)?.value
  return typeof value === "string" ? value.trim() : ""
}
