/**
 * A Slack Web API on loopback, for tests and the demo: the methods the bot calls, answered from
 * a seeded workspace the bot's own posts are added to, so later reads see them. Bodies may be
 * JSON, form-encoded or a GET query, as Slack accepts. Every request is recorded; tests can
 * schedule `ok:false` answers, 429s with Retry-After, or silence (to time a call out).
 */
import { Effect, Either, type Scope } from "effect"
import { Hono } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { makeFaultPlan } from "./fault-plan-state.js"
import {
  authorizationOf,
  makeRequestLog,
  queryOf,
  type RecordedRequest,
  rawPathOf,
} from "./request-log-state.js"
import type { ReplaySeedError } from "./seed-error-state.js"
import { serveLoopback } from "./serve.js"
import { blocksOf, type Params, readParams, str, windowOf } from "./slack-params-state.js"
import {
  findMessage,
  historyPage,
  nextTs,
  repliesPage,
  type SlackChannelState,
  type SlackSeedChannel,
  type StoredSlackMessage,
  seedChannels,
  toWire,
} from "./slack-state.js"

export interface SlackBotIdentity {
  readonly userId: string
  readonly botId: string
  readonly teamId: string
  readonly team: string
  /** workspace subdomain, for permalinks */
  readonly domain: string
}

export interface SlackReplayOptions {
  /** The bot token the server expects as `Authorization: Bearer …`. */
  readonly token: string
  readonly identity?: Partial<SlackBotIdentity>
  readonly channels?: Readonly<Record<string, SlackSeedChannel>>
  /** Epoch ms for new messages' ts (default: Effect's Clock at construction). */
  readonly now?: () => number
  /** conversations.replies repeats the thread parent on every page, not just the first. */
  readonly repliesParentOnEveryPage?: boolean
}

type SlackFault =
  | { readonly _tag: "fail"; readonly error: string; readonly status: ContentfulStatusCode }
  | { readonly _tag: "rateLimit"; readonly retryAfterSeconds: number }
  | { readonly _tag: "hang" }

export interface SlackReplay {
  readonly url: string
  /** What `makeSlackWebApi` takes as `baseUrl`. */
  readonly apiUrl: string
  readonly identity: SlackBotIdentity
  readonly channel: (id: string) => SlackChannelState | undefined
  readonly requests: () => ReadonlyArray<RecordedRequest>
  readonly awaitRequests: (count: number, method?: string) => Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** The next `count` calls to `method` answer `{ok:false, error}` (HTTP 200 unless `status`). */
  readonly failNext: (method: string, error: string, count?: number, status?: ContentfulStatusCode) => void
  /** The next `count` calls to `method` answer 429 with `Retry-After: retryAfterSeconds`. */
  readonly rateLimitNext: (method: string, retryAfterSeconds: number, count?: number) => void
  /** The next `count` calls to `method` get no answer until the server closes. */
  readonly hangNext: (method: string, count?: number) => void
}

export const makeSlackReplay = (
  options: SlackReplayOptions,
): Effect.Effect<SlackReplay, ReplaySeedError, Scope.Scope> =>
  Effect.gen(function* () {
    const clock = yield* Effect.clock
    const now = options.now ?? (() => clock.unsafeCurrentTimeMillis())
    const identity: SlackBotIdentity = {
      userId: "U0SREBOT",
      botId: "B0SREBOT",
      teamId: "T0REPLAY",
      team: "Replay",
      domain: "replay",
      ...options.identity,
    }
    const channels = yield* seedChannels(options.channels ?? {})
    const log = makeRequestLog()
    const faults = makeFaultPlan<SlackFault>()
    const ours = (m: StoredSlackMessage) => m.user === identity.userId || m.botId === identity.botId

    const methods: Record<
      string,
      (p: Params, ch: SlackChannelState | undefined) => Either.Either<Params, string>
    > = {
      "auth.test": () =>
        Either.right({
          url: `https://${identity.domain}.slack.com/`,
          team: identity.team,
          user: "sre-on-call",
          team_id: identity.teamId,
          user_id: identity.userId,
          bot_id: identity.botId,
        }),
      "chat.postMessage": (p, ch) => {
        const text = str(p.text) ?? ""
        if (ch === undefined) return Either.left("channel_not_found")
        if (text === "" && !Array.isArray(p.blocks)) return Either.left("no_text")
        const threadTs = str(p.thread_ts)
        const thread = threadTs === undefined ? undefined : findMessage(ch, threadTs)
        if (threadTs !== undefined && thread === undefined) return Either.left("thread_not_found")
        const message: StoredSlackMessage = {
          ts: nextTs(ch, now()),
          text,
          user: identity.userId,
          botId: identity.botId,
          replies: [],
          reactions: new Map(),
          ...blocksOf(p.blocks),
        }
        if (thread === undefined) ch.messages.push(message)
        else {
          thread.parent.threadTs = thread.parent.ts
          message.threadTs = thread.parent.ts
          thread.parent.replies.push(message)
        }
        return Either.right({ channel: ch.id, ts: message.ts, message: toWire(message) })
      },
      "chat.update": (p, ch) => {
        if (ch === undefined) return Either.left("channel_not_found")
        const found = findMessage(ch, str(p.ts) ?? "")
        if (found === undefined) return Either.left("message_not_found")
        if (!ours(found.message)) return Either.left("cant_update_message")
        found.message.text = str(p.text) ?? found.message.text
        if (Array.isArray(p.blocks)) found.message.blocks = p.blocks
        found.message.edited = { user: identity.userId, ts: nextTs(ch, now()) }
        return Either.right({ channel: ch.id, ts: found.message.ts, text: found.message.text })
      },
      "reactions.add": (p, ch) => {
        const name = str(p.name) ?? ""
        if (ch === undefined) return Either.left("channel_not_found")
        const found = findMessage(ch, str(p.timestamp) ?? "")
        if (found === undefined) return Either.left("message_not_found")
        if (!/^[a-z0-9_+'-]+$/.test(name)) return Either.left("invalid_name")
        const users = found.message.reactions.get(name) ?? []
        if (users.includes(identity.userId)) return Either.left("already_reacted")
        found.message.reactions.set(name, [...users, identity.userId])
        return Either.right({})
      },
      "conversations.history": (p, ch) =>
        ch === undefined
          ? Either.left("channel_not_found")
          : Either.map(historyPage(ch, windowOf(p)), (page) => ({
              messages: page.messages.map(toWire),
              has_more: page.nextCursor !== null,
              pin_count: 0,
              ...(page.nextCursor === null ? {} : { response_metadata: { next_cursor: page.nextCursor } }),
            })),
      "conversations.replies": (p, ch) =>
        ch === undefined
          ? Either.left("channel_not_found")
          : Either.map(
              repliesPage(ch, str(p.ts) ?? "", windowOf(p), options.repliesParentOnEveryPage === true),
              (page) => ({
                messages: page.messages.map(toWire),
                has_more: page.nextCursor !== null,
                response_metadata: { next_cursor: page.nextCursor ?? "" },
              }),
            ),
      "chat.getPermalink": (p, ch) => {
        if (ch === undefined) return Either.left("channel_not_found")
        const found = findMessage(ch, str(p.message_ts) ?? "")
        if (found === undefined) return Either.left("message_not_found")
        const link = `https://${identity.domain}.slack.com/archives/${ch.id}/p${found.message.ts.replace(".", "")}`
        const thread = found.parent === found.message ? "" : `?thread_ts=${found.parent.ts}&cid=${ch.id}`
        return Either.right({ channel: ch.id, permalink: `${link}${thread}` })
      },
    }

    const app = new Hono()
    app.all("/api/:method", async (c) => {
      const method = c.req.param("method")
      const params = await readParams(c)
      const authorization = authorizationOf(c.req.header("authorization"), `Bearer ${options.token}`)
      log.record({
        method: c.req.method,
        path: rawPathOf(c.req.url),
        operation: method,
        query: queryOf(c.req.url),
        body: Either.getOrNull(params),
        authorization,
      })
      if (authorization !== "valid")
        return c.json({ ok: false, error: authorization === "none" ? "not_authed" : "invalid_auth" })
      const fault = faults.take(method)
      if (fault?._tag === "rateLimit")
        return c.json({ ok: false, error: "ratelimited" }, 429, {
          "retry-after": String(fault.retryAfterSeconds),
        })
      if (fault?._tag === "fail") return c.json({ ok: false, error: fault.error }, fault.status)
      if (fault?._tag === "hang") {
        await faults.hold()
        return c.json({ ok: false, error: "fatal_error" }, 503)
      }
      if (Either.isLeft(params)) return c.json({ ok: false, error: params.left })
      const handler = methods[method]
      if (handler === undefined) return c.json({ ok: false, error: "unknown_method" })
      const channel = channels.get(str(params.right.channel) ?? "")
      const result = handler(params.right, channel)
      return c.json(
        Either.isRight(result) ? { ok: true, ...result.right } : { ok: false, error: result.left },
      )
    })

    const server = yield* serveLoopback(app)
    yield* Effect.addFinalizer(() => Effect.sync(faults.releaseAll))
    return {
      url: server.url,
      apiUrl: `${server.url}/api`,
      identity,
      channel: (id) => channels.get(id),
      requests: log.all,
      awaitRequests: log.awaitCount,
      failNext: (method, error, count = 1, status = 200) =>
        faults.add(method, { _tag: "fail", error, status }, count),
      rateLimitNext: (method, retryAfterSeconds, count = 1) =>
        faults.add(method, { _tag: "rateLimit", retryAfterSeconds }, count),
      hangNext: (method, count = 1) => faults.add(method, { _tag: "hang" }, count),
    }
  })
