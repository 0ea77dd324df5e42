/**
 * Discord's HTTP conventions for the replay: its error answers, its content rules (no empty
 * message, at most 2,000 characters), the headers of a 429, and the wrapper every route shares.
 */
import { Either } from "effect"
import type { Context } from "hono"
import { type DiscordFailure, invalidFormBody } from "./discord-state.js"
import type { FaultPlan } from "./fault-plan-state.js"
import { authorizationOf, queryOf, type RequestLog, rawPathOf } from "./request-log-state.js"

export type DiscordRoute =
  | "getMessages"
  | "createMessage"
  | "getMessage"
  | "editMessage"
  | "addReaction"
  | "editOriginal"
  | "createFollowup"
  | "getCurrentUser"

export type DiscordFault =
  | { readonly _tag: "rateLimit"; readonly retryAfterSeconds: number; readonly global: boolean }
  | { readonly _tag: "fail"; readonly failure: DiscordFailure }
  | { readonly _tag: "hang" }

export const unknownChannel: DiscordFailure = { status: 404, code: 10003, message: "Unknown Channel" }
export const unknownMessage: DiscordFailure = { status: 404, code: 10008, message: "Unknown Message" }

export type Outcome = Either.Either<{ readonly status: 200 | 204; readonly body: unknown }, DiscordFailure>
export const ok = (body: unknown): Outcome => Either.right({ status: 200, body })

export const readJson = async (c: Context): Promise<Record<string, unknown>> => {
  try {
    const parsed: unknown = await c.req.json()
    return typeof parsed === "object" && parsed !== null ? { ...parsed } : {}
  } catch {
    return {}
  }
}
export const contentOf = (body: Record<string, unknown>): Either.Either<string, DiscordFailure> => {
  const content = typeof body.content === "string" ? body.content : ""
  if (content.length > 2000) return Either.left(invalidFormBody)
  if (content === "" && !Array.isArray(body.embeds))
    return Either.left({ status: 400, code: 50006, message: "Cannot send an empty message" })
  return Either.right(content)
}

/** Headers Discord sends with a 429 (the body carries the exact `retry_after`). */
export const rateLimitHeaders = (
  bucket: string,
  retryAfterSeconds: number,
  global: boolean,
  nowMs: number,
): Record<string, string> => ({
  "retry-after": String(Math.ceil(retryAfterSeconds)),
  "x-ratelimit-limit": "5",
  "x-ratelimit-remaining": "0",
  "x-ratelimit-reset": (nowMs / 1000 + retryAfterSeconds).toFixed(3),
  "x-ratelimit-reset-after": retryAfterSeconds.toFixed(3),
  "x-ratelimit-bucket": `replay-${bucket}`,
  "x-ratelimit-scope": global ? "global" : "user",
  ...(global ? { "x-ratelimit-global": "true" } : {}),
})

/** Headers of a successful answer whose bucket has `remaining` requests left until it resets. */
export const bucketHeaders = (
  bucket: string,
  remaining: number,
  resetAfterSeconds: number,
  nowMs: number,
): Record<string, string> => ({
  "x-ratelimit-limit": "5",
  "x-ratelimit-remaining": String(remaining),
  "x-ratelimit-reset": (nowMs / 1000 + resetAfterSeconds).toFixed(3),
  "x-ratelimit-reset-after": resetAfterSeconds.toFixed(3),
  "x-ratelimit-bucket": `replay-${bucket}`,
})

/**
 * Wraps a route's handler in what every Discord route does: read the JSON body, record the
 * request, check the bot token (channel routes), apply a planned fault, answer in Discord's shape.
 */
export const makeDiscordRoute =
  (deps: {
    readonly log: RequestLog
    readonly faults: FaultPlan<DiscordFault>
    readonly now: () => number
    /** the expected header, `Bot <token>` */
    readonly authorization: string
    /** Rate-limit headers for a successful answer on this route (a bucket running low), if planned. */
    readonly bucket?: (name: DiscordRoute) => Record<string, string> | undefined
  }) =>
  (name: DiscordRoute, botAuth: boolean, handle: (c: Context, body: Record<string, unknown>) => Outcome) =>
  async (c: Context) => {
    const hasBody = c.req.method !== "GET" && c.req.method !== "PUT"
    const body = hasBody ? await readJson(c) : {}
    const authorization = authorizationOf(c.req.header("authorization"), deps.authorization)
    deps.log.record({
      method: c.req.method,
      path: rawPathOf(c.req.url),
      operation: name,
      query: queryOf(c.req.url),
      body: hasBody ? body : null,
      authorization,
    })
    if (botAuth && authorization !== "valid") return c.json({ message: "401: Unauthorized", code: 0 }, 401)
    const fault = deps.faults.take(name)
    if (fault?._tag === "hang") {
      await deps.faults.hold()
      return c.json({ message: "replay closed", code: 0 }, 503)
    }
    if (fault?._tag === "rateLimit") {
      const { retryAfterSeconds, global } = fault
      const limited = { message: "You are being rate limited.", retry_after: retryAfterSeconds, global }
      return c.json(limited, 429, rateLimitHeaders(name, retryAfterSeconds, global, deps.now()))
    }
    const outcome = fault?._tag === "fail" ? Either.left(fault.failure) : handle(c, body)
    if (Either.isLeft(outcome))
      return c.json({ message: outcome.left.message, code: outcome.left.code }, outcome.left.status)
    const headers = deps.bucket?.(name) ?? {}
    return outcome.right.status === 204
      ? c.body(null, 204, headers)
      : c.json(outcome.right.body, 200, headers)
  }
