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

const verify = (deps: SlackIngestDeps, req: InboundRequest) =>
  Effect.gen(function* () {
    const nowSeconds = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    const check = (secret: Redacted.Redacted<string>) =>
      verifySlackSignature({
        secret: Redacted.value(secret),
        timestamp: req.headers["x-slack-request-timestamp"],
        signature: req.headers["x-slack-signature"],
        rawBody: req.rawBody,
        nowSeconds,
        windowSeconds: deps.signatureWindowSeconds,
      })
    const first = check(yield* deps.secrets.get("SLACK_SIGNING_SECRET"))
    if (Either.isRight(first)) return
    if (first.left.reason !== "bad_signature") return yield* first.left
    // The secret may have been rotated since we cached it: re-read once, then decide.
    const changed = yield* deps.secrets.refresh("SLACK_SIGNING_SECRET")
    if (!changed) return yield* first.left
    const second = check(yield* deps.secrets.get("SLACK_SIGNING_SECRET"))
    if (Either.isLeft(second)) return yield* second.left
  })

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

const ownUser = (deps: SlackIngestDeps, callback: EventCallback) =>
  Effect.gen(function* () {
    const fromEvent = callback.authorizations?.find((a) => a.is_bot === true)?.user_id ?? null
    const known = yield* deps.ownIdentity
    return { userId: fromEvent ?? known.userId, botId: known.botId }
  })

const alertEvent = (
  deps: SlackIngestDeps,
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
) =>
  Effect.gen(function* () {
    const timing = windowAround(deps, fields.messageId)
    if (timing === null) return WebhookEvent.Ignored({ reason: `unreadable message ts ${fields.messageId}` })
    if (fields.text.trim() === "") return WebhookEvent.Ignored({ reason: "the message has no text" })
    const receivedAt = yield* DateTime.now
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
  })

const authorOf = (m: { user: string | null; botId: string | null; username: string | null }) => ({
  id: m.user ?? m.botId ?? "unknown",
  name: m.username,
  bot: m.botId !== null,
})

const onMention = (deps: SlackIngestDeps, callback: EventCallback, event: AppMention, retry: number | null) =>
  Effect.gen(function* () {
    const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts
    const mentionText = deps.messageText(event)
    if (!inThread) {
      return yield* alertEvent(deps, {
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
      })
    }
    // A mention inside a thread investigates the thread's parent, with the operator's note.
    const parentTs = event.thread_ts ?? event.ts
    const parent = yield* fetchOrUnavailable(deps, event.channel, parentTs)
    if (Option.isNone(parent)) return WebhookEvent.Ignored({ reason: `thread parent ${parentTs} not found` })
    const note = stripMentions(mentionText)
    const parentText = parent.value.text.trim()
    const text = note === "" ? parentText : `${parentText}\n\n---\nOperator note (via @mention): ${note}`
    return yield* alertEvent(deps, {
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

const onReaction = (
  deps: SlackIngestDeps,
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
    return yield* alertEvent(deps, {
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

export const slackIngest =
  (deps: SlackIngestDeps) =>
  (req: InboundRequest): Effect.Effect<WebhookEvent, IngestError> =>
    Effect.gen(function* () {
      yield* verify(deps, req)
      const contentType = req.headers["content-type"] ?? ""
      if (contentType.includes("application/x-www-form-urlencoded")) {
        if (new URLSearchParams(req.rawBody).has("command")) return slashCommand(req.rawBody)
        return yield* ignored("form body without a command (interactive payloads are not supported)")
      }
      const envelope = yield* parseSlackEnvelope(req.rawBody)
      if (envelope._tag === "UrlVerification")
        return WebhookEvent.Challenge({ body: { challenge: envelope.challenge } })
      if (envelope._tag === "Other") return yield* ignored(`envelope type ${envelope.type}`)
      const callback = envelope.callback
      const event = classifySlackEvent(callback.event)
      if (event._tag === "Unsupported") return yield* ignored(event.reason)
      const own = yield* ownUser(deps, callback)
      const actor = event.event.user
      const botId = event._tag === "AppMention" ? event.event.bot_id : undefined
      if ((own.userId !== null && actor === own.userId) || (own.botId !== null && botId === own.botId)) {
        return yield* ignored("our own bot's event")
      }
      const retry = parseRetry(req.headers["x-slack-retry-num"])
      return event._tag === "AppMention"
        ? yield* onMention(deps, callback, event.event, retry)
        : yield* onReaction(deps, callback, event.event, retry)
    })
