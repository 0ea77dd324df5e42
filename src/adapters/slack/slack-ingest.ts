/**
 * Slack intake: verify the v0 signature (refreshing the secret once on failure, in case it was
 * rotated), then turn the delivery into a WebhookEvent. Allow-list: app_mention (top level or
 * inside a thread) and reaction_added with the configured emoji; slash commands. Only our own
 * bot's events are dropped — integration bots (Alertmanager, Grafana) are the main alert source.
 */
import { Clock, DateTime, Effect, Either, Option, Redacted } from "effect"
import {
  type InvestigationWindow,
  investigationWindow,
  type WindowSettings,
} from "../../domain/alert-context.js"
import type { Trigger } from "../../domain/platform.js"
import { WebhookEvent } from "../../domain/webhook-event.js"
import type {
  ChatError,
  InboundRequest,
  MalformedWebhook,
  WebhookRejected,
} from "../../ports/chat-platform.js"
import type { SecretsService, SecretUnavailable } from "../../ports/secrets.js"
import { UpstreamUnavailable } from "../../ports/upstream-unavailable.js"
import { verifySlackSignature } from "./signature.js"
import {
  type AppMention,
  classifySlackEvent,
  type EventCallback,
  parseSlackEnvelope,
  type ReactionAdded,
  slackTsToMillis,
  stripMentions,
} from "./slack-events.js"

/** A fetched message, as far as intake cares. */
export interface SlackMessage {
  readonly ts: string
  readonly text: string
  readonly user: string | null
  readonly botId: string | null
  readonly username: string | null
  readonly threadTs: string | null
}

export interface SlackIngestDeps {
  readonly secrets: SecretsService
  readonly signatureWindowSeconds: number
  readonly reactionTrigger: string
  readonly windows: WindowSettings
  /** Our own bot, when known without a request (auth.test at start). */
  readonly ownIdentity: Effect.Effect<{ readonly userId: string | null; readonly botId: string | null }>
  /** The message at (channel, ts), top level or a thread reply; none when it does not exist. */
  readonly fetchMessage: (
    channel: string,
    ts: string,
  ) => Effect.Effect<Option.Option<SlackMessage>, ChatError>
  /** The visible text of an event or message (text + blocks + attachments, once). */
  readonly messageText: (message: unknown) => string
  readonly againRequested: (note: string) => boolean
}

type IngestError = WebhookRejected | MalformedWebhook | SecretUnavailable | UpstreamUnavailable

const ignored = (reason: string) => Effect.succeed(WebhookEvent.Ignored({ reason }))

const checkWith =
  (deps: SlackIngestDeps, req: InboundRequest, nowMs: number) => (secret: Redacted.Redacted<string>) =>
    verifySlackSignature({
      secret: Redacted.value(secret),
      timestamp: req.headers["x-slack-request-timestamp"],
      signature: req.headers["x-slack-signature"],
      rawBody: req.rawBody,
      nowSeconds: Math.floor(nowMs / 1000),
      windowSeconds: deps.signatureWindowSeconds,
    })

/**
 * On every delivery: one secret read (plain values are free) and one HMAC, then `accepted`.
 * Only a failed check takes the slow path: re-read the secret once, in case it was rotated,
 * then decide.
 */
const verified = <A, E>(
  deps: SlackIngestDeps,
  req: InboundRequest,
  nowMs: number,
  accepted: () => Effect.Effect<A, E>,
): Effect.Effect<A, E | WebhookRejected | SecretUnavailable> => {
  const check = checkWith(deps, req, nowMs)
  return Effect.flatMap(deps.secrets.get("SLACK_SIGNING_SECRET"), (secret) => {
    const first = check(secret)
    if (Either.isRight(first)) return accepted()
    if (first.left.reason !== "bad_signature") return Effect.fail(first.left)
    return Effect.flatMap(deps.secrets.refresh("SLACK_SIGNING_SECRET"), (changed) =>
      changed
        ? Effect.flatMap(deps.secrets.get("SLACK_SIGNING_SECRET"), (rotated) =>
            Effect.flatMap(check(rotated), accepted),
          )
        : Effect.fail(first.left),
    )
  })
}

const windowAround = (
  deps: SlackIngestDeps,
  ts: string,
): { alertTime: DateTime.Utc; window: InvestigationWindow } | null => {
  const ms = slackTsToMillis(ts)
  if (ms === null) return null
  const alertTime = DateTime.unsafeMake(ms)
  return { alertTime, window: investigationWindow(alertTime, deps.windows) }
}

const fetchOrUnavailable = (deps: SlackIngestDeps, channel: string, ts: string) =>
  deps.fetchMessage(channel, ts).pipe(
    Effect.catchTag("ChatError", (e) =>
      e.reason === "rejected"
        ? Effect.succeed(Option.none<SlackMessage>())
        : Effect.fail(
            new UpstreamUnavailable({
              service: "slack",
              message: `could not read the message: ${e.message}`,
            }),
          ),
    ),
  )

type Identity = { readonly userId: string | null; readonly botId: string | null }

/** Our bot's identity from the event's `authorizations` (no request), or null when it has none. */
const ownUserInEvent = (callback: EventCallback): Identity | null => {
  const fromEvent = callback.authorizations?.find((a) => a.is_bot === true)?.user_id ?? null
  return fromEvent === null ? null : { userId: fromEvent, botId: null }
}

const alertEvent = (
  deps: SlackIngestDeps,
  nowMs: number,
  fields: {
    readonly callback: EventCallback
    readonly channel: string
    readonly messageId: string
    readonly threadId: string
    readonly text: string
    readonly note: string | null
    readonly author: { readonly id: string; readonly name: string | null; readonly bot: boolean }
    readonly triggeredBy: string | null
    readonly trigger: Trigger
    readonly triggerId: string
    readonly retryAttempt: number | null
    readonly again: boolean
  },
): WebhookEvent => {
  const timing = windowAround(deps, fields.messageId)
  if (timing === null) return WebhookEvent.Ignored({ reason: `unreadable message ts ${fields.messageId}` })
  if (fields.text.trim() === "") return WebhookEvent.Ignored({ reason: "the message has no text" })
  const receivedAt = DateTime.unsafeMake(nowMs)
  return WebhookEvent.Alert({
    context: {
      platform: "slack",
      workspace: fields.callback.team_id ?? null,
      channel: fields.channel,
      messageId: fields.messageId,
      threadId: fields.threadId,
      text: fields.text,
      note: fields.note,
      author: fields.author,
      triggeredBy: fields.triggeredBy,
      trigger: fields.trigger,
      alertTime: timing.alertTime,
      receivedAt,
      window: timing.window,
    },
    retryAttempt: fields.retryAttempt,
    again: fields.again,
    triggerId: fields.triggerId,
    interaction: null,
  })
}

const authorOf = (m: { user: string | null; botId: string | null; username: string | null }) => ({
  id: m.user ?? m.botId ?? "unknown",
  name: m.username,
  bot: m.botId !== null,
})

const onMention = (
  deps: SlackIngestDeps,
  nowMs: number,
  callback: EventCallback,
  event: AppMention,
  retry: number | null,
) => {
  const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts
  const mentionText = deps.messageText(event)
  if (!inThread) {
    return Effect.succeed(
      alertEvent(deps, nowMs, {
        callback,
        channel: event.channel,
        messageId: event.ts,
        threadId: event.ts,
        text: mentionText,
        note: null,
        author: authorOf({
          user: event.user ?? null,
          botId: event.bot_id ?? null,
          username: event.username ?? null,
        }),
        triggeredBy: event.user ?? null,
        trigger: "mention",
        triggerId: event.ts,
        retryAttempt: retry,
        again: false,
      }),
    )
  }
  return Effect.gen(function* () {
    // A mention inside a thread investigates the thread's parent, with the operator's note.
    const parentTs = event.thread_ts ?? event.ts
    const parent = yield* fetchOrUnavailable(deps, event.channel, parentTs)
    if (Option.isNone(parent)) return WebhookEvent.Ignored({ reason: `thread parent ${parentTs} not found` })
    const note = stripMentions(mentionText)
    const parentText = parent.value.text.trim()
    const text = note === "" ? parentText : `${parentText}\n\n---\nOperator note (via @mention): ${note}`
    return alertEvent(deps, nowMs, {
      callback,
      channel: event.channel,
      messageId: parentTs,
      threadId: parentTs,
      text: parentText === "" ? "" : text,
      note: note === "" ? null : note,
      author: authorOf(parent.value),
      triggeredBy: event.user ?? null,
      trigger: "thread_mention",
      triggerId: event.ts,
      retryAttempt: retry,
      again: deps.againRequested(note),
    })
  })
}

const onReaction = (
  deps: SlackIngestDeps,
  nowMs: number,
  callback: EventCallback,
  event: ReactionAdded,
  retry: number | null,
) =>
  Effect.gen(function* () {
    const wanted = deps.reactionTrigger.replace(/^:|:$/g, "")
    // Skin-tone variants ("sre-on-call::skin-tone-2") are the same reaction.
    if (event.reaction.split("::")[0] !== wanted) {
      return WebhookEvent.Ignored({ reason: `reaction :${event.reaction}: is not the trigger :${wanted}:` })
    }
    if (event.item.type !== "message")
      return WebhookEvent.Ignored({ reason: `reaction on a ${event.item.type}` })
    const channel = event.item.channel
    const ts = event.item.ts
    if (channel === undefined || ts === undefined)
      return WebhookEvent.Ignored({ reason: "reaction without item channel/ts" })
    const message = yield* fetchOrUnavailable(deps, channel, ts)
    if (Option.isNone(message)) return WebhookEvent.Ignored({ reason: `reacted message ${ts} not found` })
    return alertEvent(deps, nowMs, {
      callback,
      channel,
      messageId: ts,
      // Replies go to the message's own thread (a reply's thread is its parent's).
      threadId: message.value.threadTs ?? ts,
      text: message.value.text,
      note: null,
      author: authorOf(message.value),
      triggeredBy: event.user,
      trigger: "reaction",
      triggerId: `reaction:${event.user}:${event.event_ts ?? ts}`,
      retryAttempt: retry,
      again: false,
    })
  })

const parseRetry = (header: string | undefined): number | null => {
  if (header === undefined || !/^\d{1,4}$/.test(header)) return null
  return Number(header)
}

const slashCommand = (rawBody: string) => {
  const form = new URLSearchParams(rawBody)
  const threadTs = form.get("thread_ts")
  return WebhookEvent.Command({
    platform: "slack",
    command: form.get("command") ?? "",
    text: form.get("text") ?? "",
    channel: form.get("channel_id") ?? "",
    user: form.get("user_id"),
    threadId: threadTs === null || threadTs === "" ? null : threadTs,
  })
}

/** Everything after the signature: decode, allow-list, and build the event (sync unless a fetch is needed). */
const route = (
  deps: SlackIngestDeps,
  req: InboundRequest,
  nowMs: number,
): Effect.Effect<WebhookEvent, IngestError> => {
  const contentType = req.headers["content-type"] ?? ""
  if (contentType.includes("application/x-www-form-urlencoded")) {
    if (new URLSearchParams(req.rawBody).has("command")) return Effect.succeed(slashCommand(req.rawBody))
    return ignored("form body without a command (interactive payloads are not supported)")
  }
  const envelope = parseSlackEnvelope(req.rawBody)
  if (Either.isLeft(envelope)) return Effect.fail(envelope.left)
  const e = envelope.right
  if (e._tag === "UrlVerification")
    return Effect.succeed(WebhookEvent.Challenge({ body: { challenge: e.challenge } }))
  if (e._tag === "Other") return ignored(`envelope type ${e.type}`)
  const callback = e.callback
  const event = classifySlackEvent(callback.event)
  if (event._tag === "Unsupported") return ignored(event.reason)
  const decide = (own: Identity): Effect.Effect<WebhookEvent, IngestError> => {
    const actor = event.event.user
    const botId = event._tag === "AppMention" ? event.event.bot_id : undefined
    if ((own.userId !== null && actor === own.userId) || (own.botId !== null && botId === own.botId)) {
      return ignored("our own bot's event")
    }
    const retry = parseRetry(req.headers["x-slack-retry-num"])
    return event._tag === "AppMention"
      ? onMention(deps, nowMs, callback, event.event, retry)
      : onReaction(deps, nowMs, callback, event.event, retry)
  }
  // Slack names our bot in `authorizations`; only without it is the platform asked.
  const own = ownUserInEvent(callback)
  return own === null ? Effect.flatMap(deps.ownIdentity, decide) : decide(own)
}

export const slackIngest =
  (deps: SlackIngestDeps) =>
  (req: InboundRequest): Effect.Effect<WebhookEvent, IngestError> =>
    Effect.flatMap(Clock.currentTimeMillis, (nowMs) =>
      verified(deps, req, nowMs, () => route(deps, req, nowMs)),
    )
