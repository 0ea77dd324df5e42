/**
 * The Slack Events API payloads we act on, decoded with Schema (only the fields we use).
 * Everything else a signed request can carry (other event types, message_changed,
 * app_rate_limited, unknown envelopes) is recognised and ignored with a reason.
 */
import { Either, Schema } from "effect"
import type { MalformedWebhook } from "../../ports/chat-platform.js"
import { parseJsonObject } from "../http/json-body.js"

export const UrlVerification = Schema.Struct({
  type: Schema.Literal("url_verification"),
  challenge: Schema.optionalWith(Schema.String, { default: () => "" }),
})

export const Authorization = Schema.Struct({
  user_id: Schema.optional(Schema.NullOr(Schema.String)),
  is_bot: Schema.optional(Schema.NullOr(Schema.Boolean)),
})

export const EventCallback = Schema.Struct({
  type: Schema.Literal("event_callback"),
  team_id: Schema.optional(Schema.String),
  event_id: Schema.optional(Schema.String),
  event: Schema.Unknown,
  authorizations: Schema.optional(Schema.Array(Authorization)),
})
export type EventCallback = typeof EventCallback.Type

export const AppMention = Schema.Struct({
  type: Schema.Literal("app_mention"),
  subtype: Schema.optional(Schema.String),
  user: Schema.optional(Schema.String),
  bot_id: Schema.optional(Schema.String),
  username: Schema.optional(Schema.String),
  text: Schema.optionalWith(Schema.String, { default: () => "" }),
  ts: Schema.String,
  thread_ts: Schema.optional(Schema.String),
  channel: Schema.String,
})
export type AppMention = typeof AppMention.Type

export const ReactionAdded = Schema.Struct({
  type: Schema.Literal("reaction_added"),
  user: Schema.String,
  reaction: Schema.String,
  item: Schema.Struct({
    type: Schema.String,
    channel: Schema.optional(Schema.String),
    ts: Schema.optional(Schema.String),
  }),
  event_ts: Schema.optional(Schema.String),
})
export type ReactionAdded = typeof ReactionAdded.Type

/** The fields of a fetched message (conversations.history / replies) that intake needs. */
export const FetchedMessage = Schema.Struct({
  ts: Schema.String,
  text: Schema.optional(Schema.String),
  user: Schema.optional(Schema.String),
  bot_id: Schema.optional(Schema.String),
  username: Schema.optional(Schema.String),
  thread_ts: Schema.optional(Schema.String),
})

const TypeOnly = Schema.Struct({ type: Schema.String, subtype: Schema.optional(Schema.String) })

export type SlackEnvelope =
  | { readonly _tag: "UrlVerification"; readonly challenge: string }
  | { readonly _tag: "EventCallback"; readonly callback: EventCallback }
  | { readonly _tag: "Other"; readonly type: string }

// Built once: every delivery runs these.
const decodeTypeOnly = Schema.decodeUnknownEither(TypeOnly)
const decodeUrlVerification = Schema.decodeUnknownEither(UrlVerification)
const decodeEventCallback = Schema.decodeUnknownEither(EventCallback)
const decodeAppMention = Schema.decodeUnknownEither(AppMention)
const decodeReactionAdded = Schema.decodeUnknownEither(ReactionAdded)

/** Parse the body of a signed Events API request. */
export const parseSlackEnvelope = (rawBody: string): Either.Either<SlackEnvelope, MalformedWebhook> => {
  const parsed = parseJsonObject(rawBody)
  if (Either.isLeft(parsed)) return Either.left(parsed.left)
  const json = parsed.right
  const typed = decodeTypeOnly(json)
  if (Either.isLeft(typed)) return Either.right({ _tag: "Other", type: "(no type)" })
  switch (typed.right.type) {
    case "url_verification":
      return decodeUrlVerification(json).pipe(
        Either.map((v): SlackEnvelope => ({ _tag: "UrlVerification", challenge: v.challenge })),
        Either.orElse(() =>
          Either.right<SlackEnvelope>({ _tag: "Other", type: "url_verification (malformed)" }),
        ),
      )
    case "event_callback":
      return decodeEventCallback(json).pipe(
        Either.map((callback): SlackEnvelope => ({ _tag: "EventCallback", callback })),
        Either.orElse(() =>
          Either.right<SlackEnvelope>({ _tag: "Other", type: "event_callback (malformed)" }),
        ),
      )
    default:
      return Either.right({ _tag: "Other", type: typed.right.type })
  }
}

export type SlackEvent =
  | { readonly _tag: "AppMention"; readonly event: AppMention }
  | { readonly _tag: "ReactionAdded"; readonly event: ReactionAdded }
  | { readonly _tag: "Unsupported"; readonly reason: string }

/** The allow-list: app_mention and reaction_added; anything else is unsupported, with a reason. */
export const classifySlackEvent = (event: unknown): SlackEvent => {
  const typed = decodeTypeOnly(event)
  if (Either.isLeft(typed)) return { _tag: "Unsupported", reason: "event without a type" }
  const { type, subtype } = typed.right
  if (type === "app_mention") {
    if (subtype !== undefined && subtype !== "bot_message" && subtype !== "thread_broadcast") {
      return { _tag: "Unsupported", reason: `app_mention subtype ${subtype}` }
    }
    const mention = decodeAppMention(event)
    return Either.isRight(mention)
      ? { _tag: "AppMention", event: mention.right }
      : { _tag: "Unsupported", reason: "app_mention without channel or ts" }
  }
  if (type === "reaction_added") {
    const reaction = decodeReactionAdded(event)
    return Either.isRight(reaction)
      ? { _tag: "ReactionAdded", event: reaction.right }
      : { _tag: "Unsupported", reason: "reaction_added without user, reaction or item" }
  }
  return { _tag: "Unsupported", reason: `event type ${type}${subtype === undefined ? "" : `/${subtype}`}` }
}

/** Slack `ts` ("1795784700.000200") → epoch milliseconds, or null when it is not a ts. */
export const slackTsToMillis = (ts: string): number | null => {
  const m = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(ts)
  if (m === null || m[1] === undefined) return null
  const fraction = (m[2] ?? "").padEnd(3, "0").slice(0, 3)
  return Number(m[1]) * 1000 + Number(fraction)
}

/** Mention tokens out, whitespace collapsed: what the operator actually wrote. */
export const stripMentions = (text: string): string =>
  text
    .replace(/<[@!#][^>\s]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
