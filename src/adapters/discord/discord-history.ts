/**
 * Channel history for the Discord scanner: GET /channels/{id}/messages with `after` set to the
 * snowflake of the window's start and `limit=100`, moving `after` to the newest id of each page
 * until a short page or a message past the window's end. Never `before` with `after` (Discord
 * treats them as mutually exclusive; the original sent both and got one page of the wrong end).
 * Rate limits are honoured before they bite: when a response says the bucket is empty
 * (`X-RateLimit-Remaining: 0`), the next page waits `X-RateLimit-Reset-After`; a 429 waits its
 * `retry_after` in `httpCall`. A wait beyond the budget ends the read as throttled, keeping
 * what was read. Replies are ordinary channel messages on Discord (with a message_reference);
 * thread channels are not followed.
 */
import { DateTime, Duration, Effect } from "effect"
import type {
  ChannelHistory,
  HistoryIncomplete,
  HistoryMessage,
  HistoryWindow,
} from "../../domain/chat-history.js"
import { ChatError } from "../../ports/chat-platform.js"
import type { DiscordMessage, DiscordMessagesPage, DiscordRest } from "./discord-rest.js"
import { discordMessageText } from "./message-text.js"
import { compareSnowflakes, snowflakeFromTime, timeFromSnowflake } from "./snowflake.js"

export interface DiscordHistoryOptions {
  /** Pages of 100 per channel at most. */
  readonly maxPages: number
  /** The longest bucket reset we wait for between pages; beyond it the read stops as throttled. */
  readonly maxResetWaitMs: number
}

export const defaultDiscordHistoryOptions: DiscordHistoryOptions = { maxPages: 10, maxResetWaitMs: 5000 }

const PAGE = 100

/** The snowflake just before millisecond `ms`, as an exclusive `after` anchor. */
export const afterAnchor = (ms: number): string => {
  const first = BigInt(snowflakeFromTime(ms))
  return (first > 0n ? first - 1n : 0n).toString()
}

const toHistory = (channel: string, ownId: string | null, m: DiscordMessage): HistoryMessage => ({
  channel,
  messageId: m.id,
  threadId: m.messageReference?.messageId ?? null,
  postedAt: DateTime.unsafeMake(timeFromSnowflake(m.id)),
  text: discordMessageText(m),
  author: { id: m.author.id, name: m.author.username, bot: m.author.bot },
  own: ownId !== null && m.author.id === ownId,
})

type Step =
  | { readonly _tag: "page"; readonly page: DiscordMessagesPage }
  | { readonly _tag: "throttled"; readonly message: string }

export const discordHistory =
  <E>(rest: DiscordRest<E>, ownId: Effect.Effect<string | null>, options: DiscordHistoryOptions) =>
  (channel: string, window: HistoryWindow): Effect.Effect<ChannelHistory, ChatError | E> =>
    Effect.gen(function* () {
      const own = yield* ownId
      const latest = window.latest.epochMillis
      const kept: Array<DiscordMessage> = []
      let after = afterAnchor(window.oldest.epochMillis)
      let pages = 0
      let incomplete: HistoryIncomplete | null = null
      let waitBeforeNextMs = 0
      for (;;) {
        if (pages >= options.maxPages) {
          incomplete = { reason: "page_limit", message: `more than ${options.maxPages} pages of history` }
          break
        }
        if (waitBeforeNextMs > options.maxResetWaitMs) {
          incomplete = {
            reason: "rate_limited",
            message: `discord rate limit: the bucket resets in ${waitBeforeNextMs} ms, beyond the scan's budget`,
          }
          break
        }
        if (waitBeforeNextMs > 0) yield* Effect.sleep(Duration.millis(waitBeforeNextMs))
        const got: Step = yield* rest.getMessagesPage({ channelId: channel, after, limit: PAGE }).pipe(
          Effect.map((page): Step => ({ _tag: "page", page })),
          Effect.catchIf(
            (e: ChatError | E): e is ChatError => e instanceof ChatError && e.reason === "rate_limited",
            (e) => Effect.succeed<Step>({ _tag: "throttled", message: e.message }),
          ),
        )
        pages++
        if (got._tag === "throttled") {
          incomplete = { reason: "rate_limited", message: got.message }
          break
        }
        const batch = [...got.page.messages].sort((a, b) => compareSnowflakes(a.id, b.id))
        kept.push(...batch.filter((m) => timeFromSnowflake(m.id) <= latest))
        const last = batch[batch.length - 1]
        if (last === undefined || batch.length < PAGE || timeFromSnowflake(last.id) > latest) break
        after = last.id
        const { remaining, resetAfterMs } = got.page.rateLimit
        waitBeforeNextMs = remaining === 0 && resetAfterMs !== null ? resetAfterMs : 0
      }
      return {
        channel,
        messages: kept.map((m) => toHistory(channel, own, m)),
        pages,
        incomplete,
      }
    }).pipe(Effect.withSpan("DiscordHistory.read", { attributes: { channel } }))
