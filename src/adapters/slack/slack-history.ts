/**
 * Channel history for the Slack scanner: conversations.history over the window (oldest/latest,
 * inclusive) following `next_cursor` page by page, then conversations.replies for each message
 * in it that has a thread, so replies count as evidence too. Each message is marked when it is
 * our own bot's (by user id or bot id, from auth.test). A 429 is waited out as long as the
 * call's budget allows (Retry-After, in `httpCall`); past that the read stops and says it was
 * throttled, keeping what it had. Caps on pages and threads keep one noisy channel bounded.
 */
import { DateTime, Effect } from "effect"
import type {
  ChannelHistory,
  HistoryIncomplete,
  HistoryMessage,
  HistoryWindow,
} from "../../domain/chat-history.js"
import { ChatError } from "../../ports/chat-platform.js"
import { slackMessageText } from "./message-text.js"
import type { SlackMessage, SlackPage, SlackWebApi } from "./slack-web-api.js"

export interface SlackHistoryOptions {
  /** Messages per page (Slack allows up to 999; 200 is its recommendation). */
  readonly pageSize: number
  /** History pages per channel at most. */
  readonly maxPages: number
  /** Threads whose replies are read, at most (newest first). */
  readonly maxThreads: number
}

export const defaultSlackHistoryOptions: SlackHistoryOptions = { pageSize: 200, maxPages: 10, maxThreads: 20 }

export interface SlackOwnIdentity {
  readonly userId: string | null
  readonly botId: string | null
}

/** Epoch ms → a Slack ts (`seconds.micros`). */
export const slackTsOf = (ms: number): string => {
  const whole = Math.floor(ms)
  return `${Math.floor(whole / 1000)}.${String((whole % 1000) * 1000).padStart(6, "0")}`
}

/** A Slack ts → epoch ms; null when it is not one. */
export const slackTsMillis = (ts: string): number | null => {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts)
  if (m === null) return null
  return Number(m[1]) * 1000 + Math.floor(Number((m[2] ?? "").padEnd(6, "0")) / 1000)
}

const toHistory = (channel: string, own: SlackOwnIdentity, m: SlackMessage): HistoryMessage | null => {
  const ms = slackTsMillis(m.ts)
  if (ms === null) return null
  const bot = m.botId !== undefined || m.subtype === "bot_message"
  return {
    channel,
    messageId: m.ts,
    threadId: m.threadTs !== undefined && m.threadTs !== m.ts ? m.threadTs : null,
    postedAt: DateTime.unsafeMake(ms),
    text: slackMessageText(m),
    author: { id: m.user ?? m.botId ?? null, name: m.username ?? null, bot },
    own: (own.userId !== null && m.user === own.userId) || (own.botId !== null && m.botId === own.botId),
  }
}

type Step =
  | { readonly _tag: "page"; readonly page: SlackPage }
  | { readonly _tag: "throttled"; readonly message: string }

/** One page, or the fact that Slack is still throttling us (any other failure fails the read). */
const step = <E>(fetch: Effect.Effect<SlackPage, ChatError | E>): Effect.Effect<Step, ChatError | E> =>
  fetch.pipe(
    Effect.map((page): Step => ({ _tag: "page", page })),
    Effect.catchIf(
      (e: ChatError | E): e is ChatError => e instanceof ChatError && e.reason === "rate_limited",
      (e) => Effect.succeed<Step>({ _tag: "throttled", message: e.message }),
    ),
  )

export const slackHistory =
  <E>(api: SlackWebApi<E>, identity: Effect.Effect<SlackOwnIdentity>, options: SlackHistoryOptions) =>
  (channel: string, window: HistoryWindow): Effect.Effect<ChannelHistory, ChatError | E> =>
    Effect.gen(function* () {
      const own = yield* identity
      const range = {
        oldest: slackTsOf(window.oldest.epochMillis),
        latest: slackTsOf(window.latest.epochMillis + 1),
        inclusive: true,
        limit: options.pageSize,
      }
      const later = window.repliesUntil
      const repliesRange =
        later === undefined || later.epochMillis <= window.latest.epochMillis
          ? {}
          : { latest: slackTsOf(later.epochMillis + 1) }
      const top: Array<SlackMessage> = []
      const replies: Array<SlackMessage> = []
      let pages = 0
      let incomplete: HistoryIncomplete | null = null
      let cursor: string | undefined
      for (;;) {
        if (pages >= options.maxPages) {
          incomplete = { reason: "page_limit", message: `more than ${options.maxPages} pages of history` }
          break
        }
        const got = yield* step(
          api.history({ channel, ...range, ...(cursor === undefined ? {} : { cursor }) }),
        )
        pages++
        if (got._tag === "throttled") {
          incomplete = { reason: "rate_limited", message: got.message }
          break
        }
        top.push(...got.page.messages)
        if (got.page.nextCursor === null) break
        cursor = got.page.nextCursor
      }
      // Threads started in the window, newest first (history's order), up to the cap.
      const threads = top.filter((m) => (m.replyCount ?? 0) > 0).slice(0, options.maxThreads)
      for (const parent of threads) {
        if (incomplete?.reason === "rate_limited") break
        let replyCursor: string | undefined
        for (let page = 0; page < options.maxPages; page++) {
          const got = yield* step(
            api.replies({
              channel,
              ts: parent.ts,
              ...range,
              ...repliesRange,
              ...(replyCursor === undefined ? {} : { cursor: replyCursor }),
            }),
          ).pipe(
            // A thread deleted between the two calls is simply gone.
            Effect.catchIf(
              (e: ChatError | E): boolean => e instanceof ChatError && e.code === "thread_not_found",
              () => Effect.succeed<Step>({ _tag: "page", page: { messages: [], nextCursor: null } }),
            ),
          )
          pages++
          if (got._tag === "throttled") {
            incomplete = { reason: "rate_limited", message: got.message }
            break
          }
          // Slack may repeat the parent on every page: only the replies are new.
          replies.push(...got.page.messages.filter((m) => m.ts !== parent.ts))
          if (got.page.nextCursor === null) break
          replyCursor = got.page.nextCursor
        }
      }
      const seen = new Set<string>()
      const messages = [...top, ...replies]
        .filter((m) => !seen.has(m.ts) && seen.add(m.ts) !== undefined)
        .flatMap((m) => {
          const h = toHistory(channel, own, m)
          return h === null ? [] : [h]
        })
        .sort(
          (a, b) => a.postedAt.epochMillis - b.postedAt.epochMillis || (a.messageId < b.messageId ? -1 : 1),
        )
      return { channel, messages, pages, incomplete }
    }).pipe(Effect.withSpan("SlackHistory.read", { attributes: { channel } }))
