/**
 * The Slack Web API calls the bot makes, over `httpCall` (timeouts, jittered retries, 429
 * Retry-After). The token is an Effect read on every call, so a rotated secret is picked up
 * without a restart. Every response is decoded; `ok:false` becomes ChatError(rejected) with
 * Slack's own error code. Writes are JSON POSTs with unfurls off (reports carry internals);
 * reads are GETs with a query. Usable on its own; the ChatPlatform composes it.
 */
import { Effect, Option, Redacted, Schema } from "effect"
import { ChatError } from "../../ports/chat-platform.js"
import { chatErrorFromHttp } from "../fetch/chat-error-from-http.js"
import { defaultRetryPolicy, type HttpRequest, httpCall, type RetryPolicy } from "../fetch/http-call.js"

const opt = <S extends Schema.Schema.Any>(s: S) => Schema.optionalWith(s, { exact: true })

/** A message as conversations.history / replies return it; blocks and attachments stay raw JSON. */
export const SlackMessage = Schema.Struct({
  ts: Schema.String,
  text: Schema.optionalWith(Schema.String, { default: () => "" }),
  user: opt(Schema.String),
  username: opt(Schema.String),
  botId: opt(Schema.String).pipe(Schema.fromKey("bot_id")),
  subtype: opt(Schema.String),
  threadTs: opt(Schema.String).pipe(Schema.fromKey("thread_ts")),
  replyCount: opt(Schema.Number).pipe(Schema.fromKey("reply_count")),
  blocks: opt(Schema.Array(Schema.Unknown)),
  attachments: opt(Schema.Array(Schema.Unknown)),
})
export type SlackMessage = typeof SlackMessage.Type

const Envelope = Schema.Struct({ ok: Schema.Boolean, error: opt(Schema.String) })
const AuthTest = Schema.Struct({
  user_id: Schema.String,
  bot_id: opt(Schema.String),
  team_id: Schema.String,
  team: Schema.String,
})
const Posted = Schema.Struct({ channel: Schema.String, ts: Schema.String })
const Permalink = Schema.Struct({ permalink: Schema.String })
const Page = Schema.Struct({
  messages: Schema.Array(SlackMessage),
  has_more: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  response_metadata: opt(Schema.Struct({ next_cursor: opt(Schema.String) })),
})
const Json = Schema.parseJson()

export interface SlackIdentity {
  readonly userId: string
  readonly botId: string | null
  readonly teamId: string
  readonly team: string
}

export interface SlackPage {
  readonly messages: ReadonlyArray<SlackMessage>
  /** null on the last page */
  readonly nextCursor: string | null
}

export interface SlackWindow {
  readonly oldest?: string
  readonly latest?: string
  readonly inclusive?: boolean
  readonly limit?: number
  readonly cursor?: string
}

export interface SlackWebApiOptions<E> {
  /** default https://slack.com/api */
  readonly baseUrl?: string
  readonly token: Effect.Effect<Redacted.Redacted<string>, E>
  /** per attempt */
  readonly timeoutMs: number
  readonly retry?: Partial<Omit<RetryPolicy, "timeoutMs" | "retryAfterMs">>
}

type Params = Readonly<Record<string, string | number | boolean | ReadonlyArray<unknown> | undefined>>

const queryOf = (params: Params): string => {
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v))
  return query.toString()
}

const slackCode = (body: string): string | undefined =>
  Option.getOrUndefined(
    Option.flatMap(Schema.decodeUnknownOption(Schema.parseJson(Envelope))(body), (e) =>
      Option.fromNullable(e.error),
    ),
  )

const cursorOf = (page: typeof Page.Type): string | null => {
  const next = page.response_metadata?.next_cursor ?? ""
  return next === "" ? null : next
}

/** Follows `nextCursor` for at most `maxPages` pages; a message seen twice (a thread parent repeated per page) is kept once. */
const collect = <E>(
  fetchPage: (cursor: string | undefined) => Effect.Effect<SlackPage, E>,
  maxPages: number,
): Effect.Effect<ReadonlyArray<SlackMessage>, E> =>
  Effect.gen(function* () {
    const all: Array<SlackMessage> = []
    const seen = new Set<string>()
    let cursor: string | undefined
    for (let page = 0; page < maxPages; page++) {
      const result = yield* fetchPage(cursor)
      for (const m of result.messages) {
        if (seen.has(m.ts)) continue
        seen.add(m.ts)
        all.push(m)
      }
      if (result.nextCursor === null) break
      cursor = result.nextCursor
    }
    return all
  })

export const makeSlackWebApi = <E>(options: SlackWebApiOptions<E>) => {
  const base = (options.baseUrl ?? "https://slack.com/api").replace(/\/+$/, "")
  const policy: RetryPolicy = { ...defaultRetryPolicy(options.timeoutMs), ...options.retry }

  const call = <A, I>(
    method: string,
    verb: "GET" | "POST",
    params: Params,
    schema: Schema.Schema<A, I>,
  ): Effect.Effect<A, ChatError | E> =>
    Effect.gen(function* () {
      const token = yield* options.token
      const authorization = `Bearer ${Redacted.value(token)}`
      const label = `slack ${method}`
      const request: HttpRequest =
        verb === "GET"
          ? { method: verb, url: `${base}/${method}?${queryOf(params)}`, headers: { authorization }, label }
          : {
              method: verb,
              url: `${base}/${method}`,
              headers: { authorization, "content-type": "application/json; charset=utf-8" },
              body: JSON.stringify(params),
              label,
            }
      const response = yield* httpCall(request, policy).pipe(
        Effect.mapError((e) => chatErrorFromHttp("slack", method, e, slackCode)),
      )
      const malformed = () =>
        new ChatError({
          platform: "slack",
          operation: method,
          reason: "unavailable",
          code: "malformed_response",
          message: `slack ${method}: unreadable response`,
        })
      const json = yield* Schema.decodeUnknown(Json)(response.body).pipe(Effect.mapError(malformed))
      const envelope = yield* Schema.decodeUnknown(Envelope)(json).pipe(Effect.mapError(malformed))
      if (!envelope.ok) {
        const code = envelope.error ?? "unknown_error"
        return yield* new ChatError({
          platform: "slack",
          operation: method,
          reason: "rejected",
          code,
          message: `slack ${method}: ${code}`,
        })
      }
      return yield* Schema.decodeUnknown(schema)(json).pipe(Effect.mapError(malformed))
    }).pipe(Effect.withSpan(`SlackWebApi.${method}`))

  const page = (method: string, params: Params) =>
    call(method, "GET", params, Page).pipe(
      Effect.map((p): SlackPage => ({ messages: p.messages, nextCursor: cursorOf(p) })),
    )

  const history = (q: { readonly channel: string } & SlackWindow) => page("conversations.history", { ...q })
  const replies = (q: { readonly channel: string; readonly ts: string } & SlackWindow) =>
    page("conversations.replies", { ...q })
  const notFound = (e: ChatError | E) =>
    e instanceof ChatError && (e.code === "thread_not_found" || e.code === "message_not_found")
      ? Effect.succeed<SlackPage>({ messages: [], nextCursor: null })
      : Effect.fail(e)

  return {
    authTest: (): Effect.Effect<SlackIdentity, ChatError | E> =>
      call("auth.test", "POST", {}, AuthTest).pipe(
        Effect.map((a) => ({ userId: a.user_id, botId: a.bot_id ?? null, teamId: a.team_id, team: a.team })),
      ),
    postMessage: (m: {
      readonly channel: string
      readonly text: string
      readonly blocks?: ReadonlyArray<unknown>
      readonly threadTs?: string
    }): Effect.Effect<{ readonly channel: string; readonly ts: string }, ChatError | E> =>
      call(
        "chat.postMessage",
        "POST",
        {
          channel: m.channel,
          text: m.text,
          blocks: m.blocks,
          thread_ts: m.threadTs,
          unfurl_links: false,
          unfurl_media: false,
        },
        Posted,
      ),
    update: (m: {
      readonly channel: string
      readonly ts: string
      readonly text: string
      readonly blocks?: ReadonlyArray<unknown>
    }): Effect.Effect<{ readonly channel: string; readonly ts: string }, ChatError | E> =>
      call("chat.update", "POST", { channel: m.channel, ts: m.ts, text: m.text, blocks: m.blocks }, Posted),
    /** `name` without colons (surrounding ones are stripped); already_reacted counts as success. */
    addReaction: (r: { readonly channel: string; readonly ts: string; readonly name: string }) =>
      call(
        "reactions.add",
        "POST",
        { channel: r.channel, timestamp: r.ts, name: r.name.replace(/^:|:$/g, "") },
        Envelope,
      ).pipe(
        Effect.asVoid,
        Effect.catchIf(
          (e: ChatError | E): boolean => e instanceof ChatError && e.code === "already_reacted",
          () => Effect.void,
        ),
      ),
    /** One page, newest first (Slack's order). */
    history,
    /** One page of a thread: the parent first, then replies oldest first. */
    replies,
    historyAll: (q: { readonly channel: string } & Omit<SlackWindow, "cursor">, maxPages: number) =>
      collect((cursor) => history(cursor === undefined ? q : { ...q, cursor }), maxPages),
    repliesAll: (
      q: { readonly channel: string; readonly ts: string } & Omit<SlackWindow, "cursor">,
      maxPages: number,
    ) => collect((cursor) => replies(cursor === undefined ? q : { ...q, cursor }), maxPages),
    getPermalink: (r: {
      readonly channel: string
      readonly messageTs: string
    }): Effect.Effect<string, ChatError | E> =>
      call("chat.getPermalink", "GET", { channel: r.channel, message_ts: r.messageTs }, Permalink).pipe(
        Effect.map((p) => p.permalink),
      ),
    /**
     * One message by ts. History holds only top-level messages, so a thread reply is looked up
     * with conversations.replies, which answers with the whole thread (parent first, whatever
     * the reply's ts): the message is the one whose ts equals `ts`. None when it does not exist.
     */
    fetchMessage: (channel: string, ts: string): Effect.Effect<Option.Option<SlackMessage>, ChatError | E> =>
      Effect.gen(function* () {
        const window = { oldest: ts, latest: ts, inclusive: true }
        const top = yield* history({ channel, ...window, limit: 1 })
        const found = top.messages.find((m) => m.ts === ts)
        if (found !== undefined) return Option.some(found)
        const thread = yield* replies({ channel, ts, ...window, limit: 2 }).pipe(Effect.catchAll(notFound))
        return Option.fromNullable(thread.messages.find((m) => m.ts === ts))
      }),
  }
}

export type SlackWebApi<E = never> = ReturnType<typeof makeSlackWebApi<E>>
