/**
 * The Discord guild a replay serves: channels of messages whose snowflake ids carry their own
 * time (a seed whose id disagrees with its timestamp is refused), read with Discord's
 * pagination: newest first, `before`/`after`/`around` mutually exclusive, `after` giving the
 * oldest `limit` messages past the anchor.
 */
import { Either } from "effect"
import { compareSnowflakes, snowflakeFromTime, timeFromSnowflake } from "../adapters/discord/snowflake.js"
import { ReplaySeedError } from "./seed-error-state.js"

export interface DiscordSeedMessage {
  readonly id: string
  /** RFC 3339; must agree with the id's embedded time (to the second). Derived from the id when absent. */
  readonly timestamp?: string
  /** author's username */
  readonly user: string
  readonly userId?: string
  readonly bot?: boolean
  readonly text: string
  readonly embeds?: ReadonlyArray<unknown>
  readonly replyTo?: string
}
export interface DiscordSeedChannel {
  readonly name?: string
  readonly messages: ReadonlyArray<DiscordSeedMessage>
}

export interface DiscordAuthor {
  readonly id: string
  readonly username: string
  readonly bot: boolean
}

export interface StoredDiscordMessage {
  readonly id: string
  readonly channelId: string
  content: string
  readonly author: DiscordAuthor
  editedAt: number | null
  readonly embeds: ReadonlyArray<unknown>
  readonly replyTo: string | null
  flags: number
  /** emoji → whether the bot reacted (count is 1 per reaction in a replay) */
  readonly reactions: Set<string>
}

export interface DiscordChannelState {
  readonly id: string
  readonly name: string | null
  /** oldest first */
  readonly messages: Array<StoredDiscordMessage>
}

/** A Discord error answer: HTTP status, JSON error code and message. */
export interface DiscordFailure {
  readonly status: 400 | 401 | 403 | 404
  readonly code: number
  readonly message: string
}

export const invalidFormBody: DiscordFailure = { status: 400, code: 50035, message: "Invalid Form Body" }
const isSnowflake = (s: string) => /^\d{1,20}$/.test(s)
const byId = (a: StoredDiscordMessage, b: StoredDiscordMessage) => compareSnowflakes(a.id, b.id)

export const seedDiscordChannels = (
  seeds: Readonly<Record<string, DiscordSeedChannel>>,
): Either.Either<Map<string, DiscordChannelState>, ReplaySeedError> => {
  const channels = new Map<string, DiscordChannelState>()
  const authorIds = new Map<string, string>()
  for (const [id, seed] of Object.entries(seeds)) {
    const messages: Array<StoredDiscordMessage> = []
    for (const m of seed.messages) {
      if (!isSnowflake(m.id))
        return Either.left(new ReplaySeedError({ message: `discord ${id}: "${m.id}" is not a snowflake` }))
      const at = m.timestamp === undefined ? timeFromSnowflake(m.id) : Date.parse(m.timestamp)
      if (!(Math.abs(at - timeFromSnowflake(m.id)) < 1000))
        return Either.left(
          new ReplaySeedError({
            message: `discord ${id}: message ${m.id} is not from ${m.timestamp ?? "?"}`,
          }),
        )
      const authorId =
        m.userId ?? authorIds.get(m.user) ?? String(100_000_000_000_000_001n + BigInt(authorIds.size))
      authorIds.set(m.user, authorId)
      messages.push({
        id: m.id,
        channelId: id,
        content: m.text,
        author: { id: authorId, username: m.user, bot: m.bot === true },
        editedAt: null,
        embeds: m.embeds ?? [],
        replyTo: m.replyTo ?? null,
        flags: 0,
        reactions: new Set(),
      })
    }
    channels.set(id, { id, name: seed.name ?? null, messages: messages.sort(byId) })
  }
  return Either.right(channels)
}

/** A fresh id at `nowMs`, later than every id already handed out. */
export const nextSnowflake = (channels: ReadonlyMap<string, DiscordChannelState>, nowMs: number): string => {
  let candidate = snowflakeFromTime(nowMs)
  for (const channel of channels.values()) {
    const last = channel.messages[channel.messages.length - 1]
    if (last !== undefined && compareSnowflakes(last.id, candidate) >= 0)
      candidate = (BigInt(last.id) + 1n).toString()
  }
  return candidate
}

export interface PageQuery {
  readonly before?: string
  readonly after?: string
  readonly around?: string
  readonly limit?: string
}

/** GET /channels/{id}/messages: newest first. */
export const pageMessages = (
  channel: DiscordChannelState,
  q: PageQuery,
): Either.Either<ReadonlyArray<StoredDiscordMessage>, DiscordFailure> => {
  const anchors = [q.before, q.after, q.around].filter((a) => a !== undefined)
  const limit = q.limit === undefined ? 50 : Number(q.limit)
  if (
    anchors.length > 1 ||
    anchors.some((a) => !isSnowflake(a)) ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > 100
  )
    return Either.left(invalidFormBody)
  const asc = channel.messages
  if (q.after !== undefined) {
    const after = q.after
    return Either.right(
      asc
        .filter((m) => compareSnowflakes(m.id, after) > 0)
        .slice(0, limit)
        .reverse(),
    )
  }
  if (q.around !== undefined) {
    const around = q.around
    const pivot = asc.findIndex((m) => compareSnowflakes(m.id, around) >= 0)
    const centre = pivot === -1 ? asc.length : pivot
    const start = Math.max(0, Math.min(centre - Math.floor(limit / 2), asc.length - limit))
    return Either.right(asc.slice(start, start + limit).reverse())
  }
  const before = q.before
  const older = before === undefined ? asc : asc.filter((m) => compareSnowflakes(m.id, before) < 0)
  return Either.right(older.slice(Math.max(0, older.length - limit)).reverse())
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00")

/** The message as REST v10 returns it. */
export const toWire = (m: StoredDiscordMessage, guildId: string): Record<string, unknown> => ({
  id: m.id,
  type: m.replyTo === null ? 0 : 19,
  channel_id: m.channelId,
  content: m.content,
  timestamp: iso(timeFromSnowflake(m.id)),
  edited_timestamp: m.editedAt === null ? null : iso(m.editedAt),
  author: {
    id: m.author.id,
    username: m.author.username,
    global_name: null,
    discriminator: "0",
    bot: m.author.bot,
  },
  embeds: m.embeds,
  attachments: [],
  mentions: [],
  mention_roles: [],
  pinned: false,
  mention_everyone: false,
  tts: false,
  flags: m.flags,
  ...(m.replyTo === null
    ? {}
    : { message_reference: { type: 0, message_id: m.replyTo, channel_id: m.channelId, guild_id: guildId } }),
  ...(m.reactions.size === 0
    ? {}
    : {
        reactions: [...m.reactions].map((name) => ({ emoji: { id: null, name }, count: 1, me: true })),
      }),
})
