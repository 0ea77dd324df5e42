/**
 * Discord REST v10 on loopback, for tests and the demo: channel messages (read, post, edit,
 * react) with the bot token, and the interaction webhooks (edit the deferred @original
 * response, post follow-ups) with no auth but a registered token that expires after 15 minutes,
 * as Discord's do. Errors have Discord's JSON shape `{message, code}`; every request is
 * recorded; tests can schedule 429s (JSON `retry_after` plus the X-RateLimit-* headers),
 * error answers, or silence.
 */
import { Effect, Either, type Scope } from "effect"
import { Hono } from "hono"
import {
  bucketHeaders,
  contentOf,
  type DiscordFault,
  type DiscordRoute,
  makeDiscordRoute,
  ok,
  unknownChannel,
  unknownMessage,
} from "./discord-http-state.js"
import {
  type DiscordAuthor,
  type DiscordChannelState,
  type DiscordFailure,
  type DiscordSeedChannel,
  invalidFormBody,
  nextSnowflake,
  pageMessages,
  type StoredDiscordMessage,
  seedDiscordChannels,
  toWire,
} from "./discord-state.js"
import { makeFaultPlan } from "./fault-plan-state.js"
import { makeRequestLog, queryOf, type RecordedRequest } from "./request-log-state.js"
import type { ReplaySeedError } from "./seed-error-state.js"
import { serveLoopback } from "./serve.js"

export type { DiscordRoute } from "./discord-http-state.js"

export interface DiscordReplayOptions {
  /** The bot token expected as `Authorization: Bot …`. */
  readonly token: string
  readonly bot?: Partial<Omit<DiscordAuthor, "bot">>
  readonly guildId?: string
  readonly channels?: Readonly<Record<string, DiscordSeedChannel>>
  /** Epoch ms for new ids and token expiry (default: Effect's Clock at construction). */
  readonly now?: () => number
}

export interface DiscordInteraction {
  readonly applicationId: string
  readonly token: string
  readonly channelId: string
}

export interface DiscordReplay {
  readonly url: string
  /** What `makeDiscordRest` takes as `baseUrl`. */
  readonly apiUrl: string
  readonly bot: DiscordAuthor
  readonly channel: (id: string) => DiscordChannelState | undefined
  /** Ephemeral follow-ups (seen only by the invoking user, so not in the channel). */
  readonly ephemeral: () => ReadonlyArray<StoredDiscordMessage>
  /** A deferred interaction; its @original response appears in the channel at once (loading). */
  readonly registerInteraction: (interaction: DiscordInteraction) => StoredDiscordMessage
  readonly requests: () => ReadonlyArray<RecordedRequest>
  readonly awaitRequests: (
    count: number,
    route?: DiscordRoute,
  ) => Effect.Effect<ReadonlyArray<RecordedRequest>>
  readonly rateLimitNext: (
    route: DiscordRoute,
    retryAfterSeconds: number,
    count?: number,
    global?: boolean,
  ) => void
  readonly failNext: (route: DiscordRoute, failure: DiscordFailure, count?: number) => void
  /**
   * The next `count` successful answers on `route` say the bucket has `remaining` requests
   * left, resetting in `resetAfterSeconds` (X-RateLimit-Remaining / -Reset-After).
   */
  readonly bucketNext: (
    route: DiscordRoute,
    remaining: number,
    resetAfterSeconds: number,
    count?: number,
  ) => void
  readonly hangNext: (route: DiscordRoute, count?: number) => void
}

const TOKEN_TTL_MS = 15 * 60_000
const LOADING = 128
const EPHEMERAL = 64
export const makeDiscordReplay = (
  options: DiscordReplayOptions,
): Effect.Effect<DiscordReplay, ReplaySeedError, Scope.Scope> =>
  Effect.gen(function* () {
    const clock = yield* Effect.clock
    const now = options.now ?? (() => clock.unsafeCurrentTimeMillis())
    const guildId = options.guildId ?? "1345319652556800000"
    const bot: DiscordAuthor = {
      id: "1345319652556800999",
      username: "sre-on-call",
      ...options.bot,
      bot: true,
    }
    const channels = yield* seedDiscordChannels(options.channels ?? {})
    const ephemeral: Array<StoredDiscordMessage> = []
    const interactions = new Map<string, { readonly at: number; readonly original: StoredDiscordMessage }>()
    const log = makeRequestLog()
    const faults = makeFaultPlan<DiscordFault>()

    const channelOf = (id: string) => {
      const existing = channels.get(id)
      if (existing !== undefined) return existing
      const created: DiscordChannelState = { id, name: null, messages: [] }
      channels.set(id, created)
      return created
    }
    const create = (
      channelId: string,
      content: string,
      replyTo: string | null,
      flags = 0,
    ): StoredDiscordMessage => ({
      id: nextSnowflake(channels, now()),
      channelId,
      content,
      author: bot,
      editedAt: null,
      embeds: [],
      replyTo,
      flags,
      reactions: new Set(),
    })
    const find = (channelId: string, messageId: string) =>
      channels.get(channelId)?.messages.find((m) => m.id === messageId)
    const wire = (m: StoredDiscordMessage) => toWire(m, guildId)
    const interaction = (app: string, token: string): Either.Either<StoredDiscordMessage, DiscordFailure> => {
      const found = interactions.get(`${app}/${token}`)
      if (found === undefined) return Either.left({ status: 404, code: 10015, message: "Unknown Webhook" })
      if (now() - found.at > TOKEN_TTL_MS)
        return Either.left({ status: 401, code: 50027, message: "Invalid Webhook Token" })
      return Either.right(found.original)
    }

    const app = new Hono().basePath("/api/v10")
    const buckets = makeFaultPlan<{ readonly remaining: number; readonly resetAfterSeconds: number }>()
    const route = makeDiscordRoute({
      log,
      faults,
      now,
      authorization: `Bot ${options.token}`,
      bucket: (name) => {
        const planned = buckets.take(name)
        return planned === undefined
          ? undefined
          : bucketHeaders(name, planned.remaining, planned.resetAfterSeconds, now())
      },
    })

    app.get(
      "/users/@me",
      route("getCurrentUser", true, () =>
        ok({ id: bot.id, username: bot.username, discriminator: "0", global_name: null, bot: true }),
      ),
    )

    app.get(
      "/channels/:channel/messages",
      route("getMessages", true, (c) => {
        const channel = channels.get(c.req.param("channel") ?? "")
        if (channel === undefined) return Either.left(unknownChannel)
        return Either.map(pageMessages(channel, queryOf(c.req.url)), (page) => ({
          status: 200,
          body: page.map(wire),
        }))
      }),
    )
    app.post(
      "/channels/:channel/messages",
      route("createMessage", true, (c, body) => {
        const channel = channels.get(c.req.param("channel") ?? "")
        if (channel === undefined) return Either.left(unknownChannel)
        return Either.flatMap(contentOf(body), (content) => {
          const ref = body.message_reference
          const refId =
            typeof ref === "object" && ref !== null && "message_id" in ref ? String(ref.message_id) : null
          const lenient =
            typeof ref === "object" && ref !== null && "fail_if_not_exists" in ref && !ref.fail_if_not_exists
          const exists = refId !== null && find(channel.id, refId) !== undefined
          if (refId !== null && !exists && !lenient) return Either.left(invalidFormBody)
          const message = create(channel.id, content, exists ? refId : null)
          channel.messages.push(message)
          return ok(wire(message))
        })
      }),
    )
    app.get(
      "/channels/:channel/messages/:message",
      route("getMessage", true, (c) => {
        if (!channels.has(c.req.param("channel") ?? "")) return Either.left(unknownChannel)
        const message = find(c.req.param("channel") ?? "", c.req.param("message") ?? "")
        return message === undefined ? Either.left(unknownMessage) : ok(wire(message))
      }),
    )
    app.patch(
      "/channels/:channel/messages/:message",
      route("editMessage", true, (c, body) => {
        const message = find(c.req.param("channel") ?? "", c.req.param("message") ?? "")
        if (message === undefined) return Either.left(unknownMessage)
        if (message.author.id !== bot.id)
          return Either.left({
            status: 403,
            code: 50005,
            message: "Cannot edit a message authored by another user",
          })
        return Either.flatMap(contentOf(body), (content) => {
          message.content = content
          message.editedAt = now()
          return ok(wire(message))
        })
      }),
    )
    app.put(
      "/channels/:channel/messages/:message/reactions/:emoji/@me",
      route("addReaction", true, (c) => {
        const message = find(c.req.param("channel") ?? "", c.req.param("message") ?? "")
        const emoji = c.req.param("emoji") ?? ""
        if (message === undefined) return Either.left(unknownMessage)
        if (!/^\p{Extended_Pictographic}/u.test(emoji) && !/^[\w-]+:\d+$/.test(emoji))
          return Either.left({ status: 400, code: 10014, message: "Unknown Emoji" })
        message.reactions.add(emoji)
        return Either.right({ status: 204, body: null })
      }),
    )
    app.patch(
      "/webhooks/:app/:token/messages/@original",
      route("editOriginal", false, (c, body) =>
        Either.flatMap(interaction(c.req.param("app") ?? "", c.req.param("token") ?? ""), (original) =>
          Either.flatMap(contentOf(body), (content) => {
            original.content = content
            original.flags &= ~LOADING
            original.editedAt = now()
            return ok(wire(original))
          }),
        ),
      ),
    )
    app.post(
      "/webhooks/:app/:token",
      route("createFollowup", false, (c, body) =>
        Either.flatMap(interaction(c.req.param("app") ?? "", c.req.param("token") ?? ""), (original) =>
          Either.flatMap(contentOf(body), (content) => {
            const flags = typeof body.flags === "number" ? body.flags & EPHEMERAL : 0
            const message = create(original.channelId, content, null, flags)
            if (flags === EPHEMERAL) ephemeral.push(message)
            else channelOf(original.channelId).messages.push(message)
            return ok(wire(message))
          }),
        ),
      ),
    )

    const server = yield* serveLoopback(app)
    yield* Effect.addFinalizer(() => Effect.sync(faults.releaseAll))
    return {
      url: server.url,
      apiUrl: `${server.url}/api/v10`,
      bot,
      channel: (id) => channels.get(id),
      ephemeral: () => [...ephemeral],
      registerInteraction: (i) => {
        const original = create(i.channelId, "", null, LOADING)
        channelOf(i.channelId).messages.push(original)
        interactions.set(`${i.applicationId}/${i.token}`, { at: now(), original })
        return original
      },
      requests: log.all,
      awaitRequests: log.awaitCount,
      rateLimitNext: (name, retryAfterSeconds, count = 1, global = false) =>
        faults.add(name, { _tag: "rateLimit", retryAfterSeconds, global }, count),
      failNext: (name, failure, count = 1) => faults.add(name, { _tag: "fail", failure }, count),
      bucketNext: (name, remaining, resetAfterSeconds, count = 1) =>
        buckets.add(name, { remaining, resetAfterSeconds }, count),
      hangNext: (name, count = 1) => faults.add(name, { _tag: "hang" }, count),
    }
  })
