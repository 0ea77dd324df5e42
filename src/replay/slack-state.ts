/**
 * The Slack workspace a replay serves: channels, top-level messages with their threads, and
 * what the bot did to them. Semantics follow Slack's where the bot depends on them: history is
 * newest first and holds no thread replies; replies is the whole thread, parent first, whatever
 * message of the thread `ts` names; `oldest`/`latest` are exclusive unless `inclusive`; cursors
 * are opaque. Stricter than Slack in one place: posting to a thread that does not exist fails.
 */
import { Either } from "effect"
import { ReplaySeedError } from "./seed-error-state.js"

export interface SlackSeedReply {
  readonly ts: string
  readonly text: string
  readonly user?: string
  /** Posted by an integration (gets a bot_id). */
  readonly bot?: boolean
  readonly botId?: string
  readonly username?: string
  readonly subtype?: string
  readonly blocks?: ReadonlyArray<unknown>
  readonly attachments?: ReadonlyArray<unknown>
}
export interface SlackSeedMessage extends SlackSeedReply {
  readonly replies?: ReadonlyArray<SlackSeedReply>
}
export interface SlackSeedChannel {
  readonly name?: string
  readonly messages: ReadonlyArray<SlackSeedMessage>
}

export interface StoredSlackMessage {
  ts: string
  text: string
  user?: string
  botId?: string
  username?: string
  subtype?: string
  blocks?: ReadonlyArray<unknown>
  attachments?: ReadonlyArray<unknown>
  threadTs?: string
  edited?: { readonly user: string; readonly ts: string }
  readonly replies: Array<StoredSlackMessage>
  readonly reactions: Map<string, Array<string>>
}

export interface SlackChannelState {
  readonly id: string
  readonly name: string | null
  /** top level, oldest first */
  readonly messages: Array<StoredSlackMessage>
}

export type SlackResult<A> = Either.Either<A, string>

/** Slack ts → microseconds, for ordering; null when it is not a ts. */
export const tsMicros = (ts: string): bigint | null => {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts)
  return m === null ? null : BigInt(m[1] ?? "0") * 1_000_000n + BigInt((m[2] ?? "").padEnd(6, "0"))
}
export const tsFromMicros = (micros: bigint): string =>
  `${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, "0")}`
const key = (ts: string): bigint => tsMicros(ts) ?? -1n

const store = (seed: SlackSeedReply, threadTs?: string): StoredSlackMessage => {
  const botId =
    seed.botId ?? (seed.bot === true ? `B${seed.user ?? seed.username ?? "INTEGRATION"}` : undefined)
  return {
    ts: seed.ts,
    text: seed.text,
    replies: [],
    reactions: new Map(),
    ...(seed.user === undefined ? {} : { user: seed.user }),
    ...(botId === undefined ? {} : { botId }),
    ...(seed.username === undefined ? {} : { username: seed.username }),
    ...(seed.subtype === undefined ? {} : { subtype: seed.subtype }),
    ...(seed.blocks === undefined ? {} : { blocks: seed.blocks }),
    ...(seed.attachments === undefined ? {} : { attachments: seed.attachments }),
    ...(threadTs === undefined ? {} : { threadTs }),
  }
}

const byTs = (a: StoredSlackMessage, b: StoredSlackMessage) =>
  key(a.ts) < key(b.ts) ? -1 : key(a.ts) > key(b.ts) ? 1 : 0

export const seedChannels = (
  seeds: Readonly<Record<string, SlackSeedChannel>>,
): Either.Either<Map<string, SlackChannelState>, ReplaySeedError> => {
  const channels = new Map<string, SlackChannelState>()
  for (const [id, seed] of Object.entries(seeds)) {
    const messages: Array<StoredSlackMessage> = []
    for (const m of seed.messages) {
      const all = [m, ...(m.replies ?? [])]
      const bad = all.find((x) => tsMicros(x.ts) === null)
      if (bad !== undefined)
        return Either.left(new ReplaySeedError({ message: `slack ${id}: "${bad.ts}" is not a ts` }))
      const parent = store(m, m.replies !== undefined && m.replies.length > 0 ? m.ts : undefined)
      parent.replies.push(...(m.replies ?? []).map((r) => store(r, m.ts)).sort(byTs))
      messages.push(parent)
    }
    channels.set(id, { id, name: seed.name ?? null, messages: messages.sort(byTs) })
  }
  return Either.right(channels)
}

/** The message with this ts (top level or reply) and the thread parent it belongs to. */
export const findMessage = (
  channel: SlackChannelState,
  ts: string,
): { readonly message: StoredSlackMessage; readonly parent: StoredSlackMessage } | undefined => {
  for (const top of channel.messages) {
    if (top.ts === ts) return { message: top, parent: top }
    const reply = top.replies.find((r) => r.ts === ts)
    if (reply !== undefined) return { message: reply, parent: top }
  }
  return undefined
}

/** A ts later than every message in the channel and not before `nowMs`. */
export const nextTs = (channel: SlackChannelState, nowMs: number): string => {
  let latest = BigInt(Math.max(0, Math.floor(nowMs))) * 1000n
  for (const top of channel.messages)
    for (const m of [top, ...top.replies]) if (key(m.ts) >= latest) latest = key(m.ts) + 1n
  return tsFromMicros(latest)
}

export interface SlackWindowQuery {
  readonly oldest?: string
  readonly latest?: string
  readonly inclusive?: boolean
  readonly limit?: number
  readonly cursor?: string
}

export interface SlackPageResult {
  readonly messages: ReadonlyArray<StoredSlackMessage>
  readonly nextCursor: string | null
}

const inWindow = (q: SlackWindowQuery) => (m: StoredSlackMessage) => {
  const k = key(m.ts)
  const oldest = q.oldest === undefined ? null : tsMicros(q.oldest)
  const latest = q.latest === undefined ? null : tsMicros(q.latest)
  const afterOldest = oldest === null || (q.inclusive === true ? k >= oldest : k > oldest)
  const beforeLatest = latest === null || (q.inclusive === true ? k <= latest : k < latest)
  return afterOldest && beforeLatest
}

const encodeCursor = (ts: string) => Buffer.from(`next_ts:${ts}`).toString("base64")
const decodeCursor = (cursor: string | undefined): SlackResult<bigint | null> => {
  if (cursor === undefined || cursor === "") return Either.right(null)
  const m = /^next_ts:(.+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"))
  const micros = m?.[1] === undefined ? null : tsMicros(m[1])
  return micros === null ? Either.left("invalid_cursor") : Either.right(micros)
}
const limitOf = (limit: number | undefined, fallback: number) =>
  limit === undefined || !Number.isFinite(limit) || limit < 1 ? fallback : Math.min(999, Math.floor(limit))

/** conversations.history: top-level messages, newest first; the cursor moves to older ones. */
export const historyPage = (channel: SlackChannelState, q: SlackWindowQuery): SlackResult<SlackPageResult> =>
  Either.map(decodeCursor(q.cursor), (after) => {
    const candidates = channel.messages
      .filter(inWindow(q))
      .filter((m) => after === null || key(m.ts) < after)
      .reverse()
    const limit = limitOf(q.limit, 100)
    const page = candidates.slice(0, limit)
    const last = page[page.length - 1]
    return {
      messages: page,
      nextCursor: candidates.length > limit && last !== undefined ? encodeCursor(last.ts) : null,
    }
  })

/**
 * conversations.replies: the thread `ts` belongs to, parent first, replies oldest first. The
 * parent counts toward `limit` on the first page; with `parentOnEveryPage` (Slack's docs leave
 * it open) later pages repeat it on top, uncounted, so clients must not rely on either.
 */
export const repliesPage = (
  channel: SlackChannelState,
  ts: string,
  q: SlackWindowQuery,
  parentOnEveryPage = false,
): SlackResult<SlackPageResult> => {
  const found = findMessage(channel, ts)
  if (found === undefined) return Either.left("thread_not_found")
  return Either.map(decodeCursor(q.cursor), (after) => {
    const replies = found.parent.replies
      .filter(inWindow(q))
      .filter((m) => after === null || key(m.ts) > after)
    const candidates = after === null ? [found.parent, ...replies] : replies
    const limit = limitOf(q.limit, 1000)
    const page = candidates.slice(0, limit)
    const last = page[page.length - 1]
    return {
      messages: after !== null && parentOnEveryPage ? [found.parent, ...page] : page,
      nextCursor: candidates.length > limit && last !== undefined ? encodeCursor(last.ts) : null,
    }
  })
}

/** The message as the Web API returns it. */
export const toWire = (m: StoredSlackMessage): Record<string, unknown> => ({
  type: "message",
  ts: m.ts,
  text: m.text,
  ...(m.user === undefined ? {} : { user: m.user }),
  ...(m.botId === undefined ? {} : { bot_id: m.botId }),
  ...(m.username === undefined ? {} : { username: m.username }),
  ...(m.subtype === undefined ? {} : { subtype: m.subtype }),
  ...(m.blocks === undefined ? {} : { blocks: m.blocks }),
  ...(m.attachments === undefined ? {} : { attachments: m.attachments }),
  ...(m.threadTs === undefined ? {} : { thread_ts: m.threadTs }),
  ...(m.replies.length === 0
    ? {}
    : { reply_count: m.replies.length, latest_reply: m.replies[m.replies.length - 1]?.ts }),
  ...(m.edited === undefined ? {} : { edited: m.edited }),
  ...(m.reactions.size === 0
    ? {}
    : { reactions: [...m.reactions].map(([name, users]) => ({ name, users, count: users.length })) }),
})
