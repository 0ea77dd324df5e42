/**
 * The Hono edge: four routes, thin. Each webhook route reads the raw body (signatures are over
 * the exact bytes), lower-cases the headers, runs Intake on the one ManagedRuntime built at
 * start, and maps the Exit to a Response: outcomes through `replyBody`, failures through the
 * one status table. A defect is logged with the request id and answered 500 — never a crash.
 */
import { Cause, Effect, Exit, FiberRef, HashMap, type ManagedRuntime, Option } from "effect"
import { type Context, Hono } from "hono"
import { Intake } from "../../domain/intake.js"
import type { Platform } from "../../domain/platform.js"
import { webhookHeaderNames } from "../../ports/chat-platform.js"
import { type EdgeError, errorBody, statusOf } from "./errors.js"
import { replyBody } from "./replies.js"
import { requestEdge } from "./request-edge.js"
import { jsonWithRequestId, type RequestIdVariables } from "./request-id.js"

export interface HttpAppOptions {
  readonly bodyLimitBytes: number
}

type Env = { Variables: RequestIdVariables }

// Signatures are over the exact bytes: decode without dropping a byte-order mark. One decoder
// for the process (a non-streaming decode keeps no state between calls).
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true })

/**
 * Every log line of the request's fiber carries its request id. Each request runs in a fresh
 * root fiber that ends with the request, so the annotation is set once rather than scoped with
 * `annotateLogs` (whose acquire/release to restore the old value costs more than the rest of a
 * classified alert's path and restores nothing here).
 */
const withRequestId = <A, E, R>(requestId: string, effect: Effect.Effect<A, E, R>) =>
  Effect.zipRight(
    FiberRef.update(FiberRef.currentLogAnnotations, HashMap.set<string, unknown>("requestId", requestId)),
    effect,
  )

/**
 * The headers the adapters read, each by `get`. Not a walk over every header: on
 * @hono/node-server `forEach` builds a second, native Headers object from the socket's raw
 * headers on every delivery, where `get` reads the raw headers directly (the floor's way).
 */
const webhookHeaders = (headers: Headers): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const name of webhookHeaderNames) {
    const value = headers.get(name)
    if (value !== null) out[name] = value
  }
  return out
}

// The runtime's own construction error (E) is not an EdgeError: it lands in the 500 branch.
const isEdgeError = (e: unknown): e is EdgeError =>
  typeof e === "object" && e !== null && "_tag" in e && typeof e._tag === "string" && e._tag in statusOf

const fail = (c: Context<Env>, e: EdgeError) => {
  const id = c.get("requestId")
  return jsonWithRequestId(errorBody(e, id), statusOf[e._tag], id)
}

export const makeHttpApp = <E>(
  runtime: ManagedRuntime.ManagedRuntime<Intake, E>,
  options: HttpAppOptions,
) => {
  const app = new Hono<Env>()
  // Logging goes through the runtime; if the runtime itself cannot be built (a bad deployment),
  // fall back to Effect's default logger so the reason is still written and the caller still
  // gets the 500 body instead of an exception.
  const run = (c: Context<Env>, effect: Effect.Effect<void, never, never>) =>
    runtime.runPromise(withRequestId(c.get("requestId"), effect)).catch((buildError: unknown) =>
      Effect.runPromise(
        Effect.logError("the service runtime is unavailable", {
          requestId: c.get("requestId"),
          error: buildError instanceof Error ? buildError.message : String(buildError),
        }),
      ),
    )

  app.use(
    requestEdge({
      bodyLimitBytes: options.bodyLimitBytes,
      onTooLarge: (c) => fail(c, { _tag: "BodyTooLarge" }),
    }),
  )

  // One fiber per request: intake, and the log line about a failure, run in the same Effect.
  const handle = (
    platform: Platform,
    requestId: string,
    req: { headers: Record<string, string>; rawBody: string },
  ) =>
    withRequestId(
      requestId,
      Intake.pipe(
        Effect.flatMap((intake) => intake.handle(platform, req)),
        // One tap for both kinds of failure (a rejected request, a defect): one frame, not two.
        Effect.tapErrorCause((cause) => {
          const failure = Cause.failureOption(cause)
          if (Option.isNone(failure)) {
            const defect = Cause.dieOption(cause)
            return Option.isSome(defect)
              ? Effect.logError("unexpected failure", { platform, defect: String(defect.value) })
              : Effect.void
          }
          const e = failure.value
          return (statusOf[e._tag] >= 500 ? Effect.logWarning : Effect.logInfo)("request rejected", {
            platform,
            error: e._tag,
            status: statusOf[e._tag],
            detail: errorBody(e, requestId).error.message,
          })
        }),
      ),
    )

  const webhook = (platform: Platform) => async (c: Context<Env>) => {
    const rawBody = utf8.decode(await c.req.arrayBuffer())
    const headers = webhookHeaders(c.req.raw.headers)
    const exit = await runtime.runPromiseExit(handle(platform, c.get("requestId"), { headers, rawBody }))
    if (Exit.isSuccess(exit))
      return jsonWithRequestId(replyBody(platform, exit.value), 200, c.get("requestId"))
    const failure = Cause.failureOption(exit.cause).pipe(
      Option.flatMap((e): Option.Option<EdgeError> => (isEdgeError(e) ? Option.some(e) : Option.none())),
    )
    if (Option.isSome(failure)) return fail(c, failure.value)
    // Not an intake error: the runtime itself could not be built (its error is in the cause).
    if (!Cause.isDie(exit.cause)) {
      await run(c, Effect.logError("the service runtime is unavailable", { cause: Cause.pretty(exit.cause) }))
    }
    return fail(c, { _tag: "Internal" })
  }

  app.post("/slack/events", webhook("slack"))
  app.post("/slack/commands", webhook("slack"))
  app.post("/discord/interactions", webhook("discord"))
  app.get("/healthz", (c) => jsonWithRequestId({ ok: true }, 200, c.get("requestId")))
  app.notFound((c) => fail(c, { _tag: "NotFound" }))
  app.onError(async (err, c) => {
    await run(
      c,
      Effect.logError("unhandled error in the HTTP edge").pipe(Effect.annotateLogs({ error: err.message })),
    )
    return fail(c, { _tag: "Internal" })
  })
  return app
}
