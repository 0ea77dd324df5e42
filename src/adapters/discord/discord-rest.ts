/**
 * The Discord REST v10 calls the bot makes, over `httpCall`. Channel calls use the bot token
 * (read per call, so rotation works); interaction-webhook calls carry the interaction token in
 * the URL path and no Authorization header. That token is a credential: calls are labelled by
 * route template, and anything echoed back from Discord is scrubbed of it, so it never reaches
 * a log line or an error. Messages never ping anyone (`allowed_mentions: {parse: []}`), and a
 * reply to a deleted alert is still posted (`fail_if_not_exists: false`).
 */
import { Effect, Option, Redacted, Schema } from "effect"
import { ChatError } from "../../ports/chat-platform.js"
import { chatErrorFromHttp } from "../fetch/chat-error-from-http.js"
import { defaultRetryPolicy, type HttpResponse, httpCall, type RetryPolicy } from "../fetch/http-call.js"
import { retryAfterFromHeaders, secondsToMs } from "../fetch/retry-after.js"
import { compareSnowflakes, Snowflake } from "./snowflake.js"

const opt = <S extends Schema.Schema.Any>(s: S) => Schema.optionalWith(s, { exact: true })

export const DiscordMessage = Schema.Struct({
  id: Snowflake,
  channelId: Schema.String.pipe(Schema.propertySignature, Schema.fromKey("channel_id")),
  content: Schema.optionalWith(Schema.String, { default: () => "" }),
  timestamp: Schema.String,
  editedTimestamp: opt(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("edited_timestamp")),
  author: Schema.Struct({
    id: Schema.String,
    username: Schema.String,
    bot: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  }),
  messageReference: opt(
    Schema.Struct({ messageId: opt(Schema.String).pipe(Schema.fromKey("message_id")) }),
  ).pipe(Schema.fromKey("message_reference")),
  /** Raw embeds and attachments (alert integrations post embeds); text extraction lives elsewhere. */
  embeds: Schema.optionalWith(Schema.Array(Schema.Unknown), { default: () => [] }),
  attachments: Schema.optionalWith(Schema.Array(Schema.Unknown), { default: () => [] }),
  flags: opt(Schema.Number),
})
export type DiscordMessage = typeof DiscordMessage.Type

export interface DiscordMessageRef {
  readonly channelId: string
  readonly id: string
}

export interface MessagesQuery {
  readonly channelId: string
  readonly after?: string
  readonly before?: string
  readonly around?: string
  readonly limit?: number
}

/** What a response's `X-RateLimit-*` headers say about the route's bucket. */
export interface DiscordRateLimit {
  /** Requests left in the bucket before it resets; null when the header is absent. */
  readonly remaining: number | null
  /** How long until the bucket resets, in ms; null when the header is absent. */
  readonly resetAfterMs: number | null
}

export interface DiscordMessagesPage {
  readonly messages: ReadonlyArray<DiscordMessage>
  readonly rateLimit: DiscordRateLimit
}

const finiteOrNull = (raw: string | null): number | null => {
  if (raw === null || raw.trim() === "") return null
  const n = Number(raw)
  return Number.isFinite(n) ? n : null
}

export const rateLimitOf = (headers: Headers): DiscordRateLimit => {
  const remaining = finiteOrNull(headers.get("x-ratelimit-remaining"))
  const resetAfter = finiteOrNull(headers.get("x-ratelimit-reset-after"))
  return {
    remaining: remaining === null ? null : Math.max(0, Math.floor(remaining)),
    resetAfterMs: resetAfter === null ? null : (secondsToMs(resetAfter) ?? null),
  }
}

const CurrentUser = Schema.Struct({ id: Snowflake, username: Schema.String })

export interface DiscordRestOptions<E> {
  /** default https://discord.com/api/v10 */
  readonly baseUrl?: string
  /** the bot token (without the `Bot ` prefix) */
  readonly token: Effect.Effect<Redacted.Redacted<string>, E>
  /** per attempt */
  readonly timeoutMs: number
  readonly retry?: Partial<Omit<RetryPolicy, "timeoutMs" | "retryAfterMs">>
}

const ErrorBody = Schema.parseJson(Schema.Struct({ code: opt(Schema.Number), message: opt(Schema.String) }))
const RateLimitBody = Schema.parseJson(Schema.Struct({ retry_after: Schema.Number }))
const Json = Schema.parseJson()
const UNKNOWN_MESSAGE = "10008"

/** A 429's wait: JSON `retry_after` (seconds), else `Retry-After`, else `X-RateLimit-Reset-After`. */
export const discordRetryAfterMs = (response: HttpResponse, nowMs: number): number | undefined =>
  Option.getOrUndefined(
    Option.flatMapNullable(Schema.decodeUnknownOption(RateLimitBody)(response.body), (b) =>
      secondsToMs(b.retry_after),
    ),
  ) ??
  retryAfterFromHeaders(response.headers, nowMs) ??
  secondsToMs(Number(response.headers.get("x-ratelimit-reset-after") ?? Number.NaN))

const discordCode = (body: string): string | undefined =>
  Option.getOrUndefined(
    Option.flatMapNullable(Schema.decodeUnknownOption(ErrorBody)(body), (b) =>
      b.code === undefined || b.code === 0 ? undefined : String(b.code),
    ),
  )

const scrub = (text: string, secret: string | undefined): string =>
  secret === undefined || secret === "" ? text : text.split(secret).join("<redacted>")

const seg = encodeURIComponent

interface Call {
  readonly method: "GET" | "POST" | "PUT" | "PATCH"
  /** route template, safe to log: `/channels/{channel}/messages` */
  readonly route: string
  readonly path: string
  readonly query?: URLSearchParams
  readonly body?: unknown
  /** interaction token: no bot auth, and scrubbed from anything that could be logged */
  readonly webhookToken?: Redacted.Redacted<string>
}

export const makeDiscordRest = <E>(options: DiscordRestOptions<E>) => {
  const base = (options.baseUrl ?? "https://discord.com/api/v10").replace(/\/+$/, "")
  const policy: RetryPolicy = {
    ...defaultRetryPolicy(options.timeoutMs),
    ...options.retry,
    retryAfterMs: discordRetryAfterMs,
  }

  const send = (c: Call): Effect.Effect<HttpResponse, ChatError | E> =>
    Effect.gen(function* () {
      const secret = c.webhookToken === undefined ? undefined : Redacted.value(c.webhookToken)
      const headers: Record<string, string> = {
        "user-agent": "DiscordBot (https://github.com/sre-on-call, 0.1.0)",
      }
      if (c.webhookToken === undefined) headers.authorization = `Bot ${Redacted.value(yield* options.token)}`
      if (c.body !== undefined) headers["content-type"] = "application/json"
      const query = c.query === undefined || c.query.size === 0 ? "" : `?${c.query.toString()}`
      const operation = `${c.method} ${c.route}`
      return yield* httpCall(
        {
          method: c.method,
          url: `${base}${c.path}${query}`,
          headers,
          label: `discord ${operation}`,
          ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
        },
        policy,
      ).pipe(
        Effect.mapError((e) => {
          const error = chatErrorFromHttp("discord", operation, e, discordCode)
          // Only Discord's own code and message, never the rest of the body.
          const said =
            e.bodySnippet === undefined ? Option.none() : Schema.decodeUnknownOption(ErrorBody)(e.bodySnippet)
          const detail = Option.match(said, {
            onNone: () => "",
            onSome: (b) => ` (${[b.code, b.message].filter((x) => x !== undefined).join(" ")})`,
          })
          return new ChatError({ ...error, message: scrub(`${error.message}${detail}`, secret) })
        }),
      )
    }).pipe(Effect.withSpan(`DiscordRest.${c.method} ${c.route}`))

  const decodedWithHeaders = <A, I>(
    c: Call,
    schema: Schema.Schema<A, I>,
  ): Effect.Effect<{ readonly value: A; readonly headers: Headers }, ChatError | E> =>
    send(c).pipe(
      Effect.flatMap((r) =>
        Schema.decodeUnknown(Json)(r.body).pipe(
          Effect.flatMap(Schema.decodeUnknown(schema)),
          Effect.map((value) => ({ value, headers: r.headers })),
        ),
      ),
      Effect.catchTag("ParseError", () =>
        Effect.fail(
          new ChatError({
            platform: "discord",
            operation: `${c.method} ${c.route}`,
            reason: "unavailable",
            code: "malformed_response",
            message: `discord ${c.method} ${c.route}: unreadable response`,
          }),
        ),
      ),
    )
  const decoded = <A, I>(c: Call, schema: Schema.Schema<A, I>): Effect.Effect<A, ChatError | E> =>
    decodedWithHeaders(c, schema).pipe(Effect.map((r) => r.value))
  const ref = (c: Call) =>
    decoded(c, DiscordMessage).pipe(
      Effect.map((m): DiscordMessageRef => ({ channelId: m.channelId, id: m.id })),
    )

  /** One page, newest first, with the bucket's rate-limit state from the response headers. */
  const getMessagesPage = (q: MessagesQuery): Effect.Effect<DiscordMessagesPage, ChatError | E> => {
    const anchors = [q.after, q.before, q.around].filter((a) => a !== undefined)
    if (anchors.length > 1 || (q.limit !== undefined && (q.limit < 1 || q.limit > 100)))
      return Effect.fail(
        new ChatError({
          platform: "discord",
          operation: "GET /channels/{channel}/messages",
          reason: "rejected",
          code: "invalid_query",
          message: "discord get messages: at most one of after/before/around, and limit 1–100",
        }),
      )
    const query = new URLSearchParams()
    for (const [k, v] of [
      ["after", q.after],
      ["before", q.before],
      ["around", q.around],
      ["limit", q.limit === undefined ? undefined : String(q.limit)],
    ] as const)
      if (v !== undefined) query.set(k, v)
    return decodedWithHeaders(
      {
        method: "GET",
        route: "/channels/{channel}/messages",
        path: `/channels/${seg(q.channelId)}/messages`,
        query,
      },
      Schema.Array(DiscordMessage),
    ).pipe(Effect.map((r) => ({ messages: r.value, rateLimit: rateLimitOf(r.headers) })))
  }
  const getMessages = (q: MessagesQuery): Effect.Effect<ReadonlyArray<DiscordMessage>, ChatError | E> =>
    getMessagesPage(q).pipe(Effect.map((p) => p.messages))

  const webhookPath = (i: { readonly applicationId: string; readonly token: Redacted.Redacted<string> }) =>
    `/webhooks/${seg(i.applicationId)}/${seg(Redacted.value(i.token))}`

  return {
    createMessage: (m: { readonly channelId: string; readonly content: string; readonly replyTo?: string }) =>
      ref({
        method: "POST",
        route: "/channels/{channel}/messages",
        path: `/channels/${seg(m.channelId)}/messages`,
        body: {
          content: m.content,
          allowed_mentions: { parse: [] },
          ...(m.replyTo === undefined
            ? {}
            : { message_reference: { message_id: m.replyTo, fail_if_not_exists: false } }),
        },
      }),
    editMessage: (m: { readonly channelId: string; readonly messageId: string; readonly content: string }) =>
      ref({
        method: "PATCH",
        route: "/channels/{channel}/messages/{message}",
        path: `/channels/${seg(m.channelId)}/messages/${seg(m.messageId)}`,
        body: { content: m.content, allowed_mentions: { parse: [] } },
      }),
    /** One page, newest first (Discord's order). */
    getMessages,
    getMessagesPage,
    /** GET /users/@me: the bot's own user (whose messages are ours). */
    getCurrentUser: () => decoded({ method: "GET", route: "/users/@me", path: "/users/@me" }, CurrentUser),
    /** Every message after `after`, oldest first, following pages of 100 for at most `maxPages`. */
    getMessagesAfter: (channelId: string, after: string, maxPages: number) =>
      Effect.gen(function* () {
        const all: Array<DiscordMessage> = []
        let cursor = after
        for (let page = 0; page < maxPages; page++) {
          const batch = [...(yield* getMessages({ channelId, after: cursor, limit: 100 }))].sort((a, b) =>
            compareSnowflakes(a.id, b.id),
          )
          all.push(...batch)
          const last = batch[batch.length - 1]
          if (last === undefined || batch.length < 100) break
          cursor = last.id
        }
        return all
      }),
    /** None when Discord answers Unknown Message. */
    getMessage: (
      channelId: string,
      messageId: string,
    ): Effect.Effect<Option.Option<DiscordMessage>, ChatError | E> =>
      decoded(
        {
          method: "GET",
          route: "/channels/{channel}/messages/{message}",
          path: `/channels/${seg(channelId)}/messages/${seg(messageId)}`,
        },
        DiscordMessage,
      ).pipe(
        Effect.map(Option.some),
        Effect.catchIf(
          (e: ChatError | E): boolean => e instanceof ChatError && e.code === UNKNOWN_MESSAGE,
          () => Effect.succeed(Option.none()),
        ),
      ),
    /** `emoji`: a unicode emoji or `name:id` for a custom one. */
    addReaction: (r: { readonly channelId: string; readonly messageId: string; readonly emoji: string }) =>
      send({
        method: "PUT",
        route: "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
        path: `/channels/${seg(r.channelId)}/messages/${seg(r.messageId)}/reactions/${seg(r.emoji)}/@me`,
      }).pipe(Effect.asVoid),
    editOriginalInteractionResponse: (i: {
      readonly applicationId: string
      readonly token: Redacted.Redacted<string>
      readonly content: string
    }) =>
      ref({
        method: "PATCH",
        route: "/webhooks/{application}/{token}/messages/@original",
        path: `${webhookPath(i)}/messages/@original`,
        body: { content: i.content, allowed_mentions: { parse: [] } },
        webhookToken: i.token,
      }),
    createFollowup: (i: {
      readonly applicationId: string
      readonly token: Redacted.Redacted<string>
      readonly content: string
      readonly ephemeral?: boolean
    }) =>
      ref({
        method: "POST",
        route: "/webhooks/{application}/{token}",
        path: webhookPath(i),
        body: {
          content: i.content,
          allowed_mentions: { parse: [] },
          ...(i.ephemeral === true ? { flags: 64 } : {}),
        },
        webhookToken: i.token,
      }),
  }
}

export type DiscordRest<E = never> = ReturnType<typeof makeDiscordRest<E>>
