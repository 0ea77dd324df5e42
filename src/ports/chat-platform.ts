/**
 * One chat platform (Slack or Discord): inbound verification and decoding, and the outbound
 * calls the bot makes in a thread. Every outbound call has an explicit timeout and retries
 * with jitter, honouring Retry-After on 429 and never retrying other 4xx.
 */
import { Context, type Effect, Schema } from "effect"
import type { ChannelHistory, HistoryWindow } from "../domain/chat-history.js"
import type { MessageRef } from "../domain/dedup.js"
import type { InteractionRef } from "../domain/interaction.js"
import type { Platform } from "../domain/platform.js"
import type { WebhookEvent } from "../domain/webhook-event.js"
import type { SecretUnavailable } from "./secrets.js"
import type { UpstreamUnavailable } from "./upstream-unavailable.js"

/** Signature or replay-window failure: 401. */
export class WebhookRejected extends Schema.TaggedError<WebhookRejected>()("WebhookRejected", {
  reason: Schema.Literal("missing_signature", "bad_signature", "stale_timestamp"),
  message: Schema.String,
}) {}

/** Verified but unreadable (not JSON, not an object): 400. */
export class MalformedWebhook extends Schema.TaggedError<MalformedWebhook>()("MalformedWebhook", {
  message: Schema.String,
}) {}

export class ChatError extends Schema.TaggedError<ChatError>()("ChatError", {
  platform: Schema.Literal("slack", "discord"),
  operation: Schema.String,
  /** rate_limited: still 429 after the allowed waits; rejected: a 4xx / ok:false; unavailable: 5xx, network, timeout */
  reason: Schema.Literal("rate_limited", "rejected", "unavailable", "not_configured"),
  /** The platform's own error code (`channel_not_found`, HTTP status, …). */
  code: Schema.optional(Schema.String),
  message: Schema.String,
}) {}

/** Lower-cased header names → values, and the raw body exactly as received. */
/**
 * The request headers the webhook adapters read, lower-case: the HTTP edge hands over exactly
 * these (a header an adapter starts to read must be added here).
 */
export const webhookHeaderNames = [
  "content-type",
  "x-slack-signature",
  "x-slack-request-timestamp",
  "x-slack-retry-num",
  "x-signature-ed25519",
  "x-signature-timestamp",
] as const

export interface InboundRequest {
  /** Lower-case names; at the edge, the `webhookHeaderNames` the request carries. */
  readonly headers: Readonly<Record<string, string>>
  readonly rawBody: string
}

export interface ChatMessage {
  /** Plain-text / mrkdwn fallback; the whole message on Discord. */
  readonly text: string
  /** Slack Block Kit blocks, when the message has them. */
  readonly blocks?: ReadonlyArray<Readonly<Record<string, unknown>>>
}

export interface ThreadTarget {
  readonly channel: string
  /** Slack thread_ts / Discord message to reply to; null posts at top level. */
  readonly threadId: string | null
}

export interface ChatPlatformService {
  readonly platform: Platform
  readonly ingest: (
    req: InboundRequest,
  ) => Effect.Effect<
    WebhookEvent,
    WebhookRejected | MalformedWebhook | SecretUnavailable | UpstreamUnavailable
  >
  readonly post: (target: ThreadTarget, message: ChatMessage) => Effect.Effect<MessageRef, ChatError>
  readonly update: (ref: MessageRef, message: ChatMessage) => Effect.Effect<void, ChatError>
  /** Add a reaction; an "already reacted" answer counts as success. */
  readonly react: (ref: MessageRef, emoji: string) => Effect.Effect<void, ChatError>
  /** A link a human can click to open the message. */
  readonly permalink: (ref: MessageRef, workspace: string | null) => Effect.Effect<string, ChatError>
  /**
   * Edit the response to a deferred interaction (Discord PATCH …/messages/@original); returns
   * the response message. Slack has no deferred interactions: fails with not_configured.
   */
  readonly editInteractionResponse: (
    interaction: InteractionRef,
    message: ChatMessage,
  ) => Effect.Effect<MessageRef, ChatError>
  /**
   * A channel's messages in `window` (thread replies included), oldest first, for the chat
   * scanners: paginated, each message marked when it is our own bot's. Throttling that outlasts
   * the allowed waits ends the read early with what was read (`incomplete`), not an error.
   */
  readonly history: (channel: string, window: HistoryWindow) => Effect.Effect<ChannelHistory, ChatError>
}

/** Both platforms, so domain code can pick by `context.platform`. */
export interface ChatPlatformsService {
  readonly slack: ChatPlatformService
  readonly discord: ChatPlatformService
}

export class ChatPlatforms extends Context.Tag("sre-on-call/ChatPlatforms")<
  ChatPlatforms,
  ChatPlatformsService
>() {}
