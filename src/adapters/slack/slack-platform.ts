/**
 * Slack as a ChatPlatform: the ingest (signature, allow-list, alert context) over the Web API
 * client. The bot token is read per call through Secrets, so an unset token makes outbound
 * calls fail as not_configured (a clear error) without affecting signature checks.
 */
import { Effect, Option } from "effect"
import type { WindowSettings } from "../../domain/alert-context.js"
import { ChatError, type ChatPlatformService } from "../../ports/chat-platform.js"
import type { SecretsService } from "../../ports/secrets.js"
import { slackMessageText } from "./message-text.js"
import { defaultSlackHistoryOptions, slackHistory } from "./slack-history.js"
import { slackIngest } from "./slack-ingest.js"
import { makeSlackWebApi } from "./slack-web-api.js"

export interface SlackPlatformOptions {
  readonly secrets: SecretsService
  /** default https://slack.com/api */
  readonly apiUrl?: string
  readonly timeoutMs: number
  readonly signatureWindowSeconds: number
  readonly reactionTrigger: string
  readonly windows: WindowSettings
  readonly againRequested: (note: string) => boolean
  /** Our bot's identity when the composition root already knows it (auth.test at start). */
  readonly identity?: { readonly userId: string | null; readonly botId: string | null }
}

/** Unicode emoji we react with → Slack's names. */
const slackEmojiNames: Readonly<Record<string, string>> = {
  "👀": "eyes",
  "✅": "white_check_mark",
  "⚠️": "warning",
  "⏳": "hourglass_flowing_sand",
  "🔎": "mag_right",
}

export const makeSlackPlatform = (options: SlackPlatformOptions): ChatPlatformService => {
  const api = makeSlackWebApi({
    ...(options.apiUrl === undefined ? {} : { baseUrl: options.apiUrl }),
    timeoutMs: options.timeoutMs,
    token: options.secrets.get("SLACK_BOT_TOKEN").pipe(
      Effect.mapError(
        (e) =>
          new ChatError({
            platform: "slack",
            operation: "token",
            reason: "not_configured",
            message: e.message,
          }),
      ),
    ),
  })
  const noIdentity = { userId: null, botId: null }
  // Looked up at most once, and only when an event does not carry our bot's user id itself.
  const identity = options.identity
    ? Effect.succeed(options.identity)
    : Effect.runSync(
        Effect.cached(
          api.authTest().pipe(
            Effect.map((i) => ({ userId: i.userId, botId: i.botId })),
            Effect.timeout("1500 millis"),
            Effect.orElseSucceed(() => noIdentity),
          ),
        ),
      )

  const ingest = slackIngest({
    secrets: options.secrets,
    signatureWindowSeconds: options.signatureWindowSeconds,
    reactionTrigger: options.reactionTrigger,
    windows: options.windows,
    ownIdentity: identity,
    againRequested: options.againRequested,
    messageText: slackMessageText,
    fetchMessage: (channel, ts) =>
      api.fetchMessage(channel, ts).pipe(
        Effect.map(
          Option.map((m) => ({
            ts: m.ts,
            text: slackMessageText(m),
            user: m.user ?? null,
            botId: m.botId ?? null,
            username: m.username ?? null,
            threadTs: m.threadTs ?? null,
          })),
        ),
      ),
  })

  return {
    platform: "slack",
    ingest,
    post: (target, message) =>
      api
        .postMessage({
          channel: target.channel,
          text: message.text,
          ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
          ...(target.threadId === null ? {} : { threadTs: target.threadId }),
        })
        .pipe(Effect.map((p) => ({ channel: p.channel, messageId: p.ts }))),
    update: (ref, message) =>
      api
        .update({
          channel: ref.channel,
          ts: ref.messageId,
          text: message.text,
          ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
        })
        .pipe(Effect.asVoid),
    react: (ref, emoji) =>
      api.addReaction({ channel: ref.channel, ts: ref.messageId, name: slackEmojiNames[emoji] ?? emoji }),
    permalink: (ref) => api.getPermalink({ channel: ref.channel, messageTs: ref.messageId }),
    editInteractionResponse: () =>
      Effect.fail(
        new ChatError({
          platform: "slack",
          operation: "editInteractionResponse",
          reason: "not_configured",
          message: "Slack has no deferred interaction responses",
        }),
      ),
    history: slackHistory(api, identity, defaultSlackHistoryOptions),
  }
}
