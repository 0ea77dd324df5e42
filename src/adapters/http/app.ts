/**
 * The Hono edge: four routes, thin. Each webhook route reads the raw body (signatures are over
 * the exact bytes), lower-cases the headers, runs Intake on the one ManagedRuntime built at
 * start, and maps the Exit to a Response: outcomes through `replyBody`, failures through the
 * one status table. A defect is logged with the request id and answered 500 — never a crash.
 */
import { Cause, Effect, Exit, type ManagedRuntime, Option } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { Intake } from "../../domain/intake.js"
import type { Platform } from "../../domain/platform.js"
import { type EdgeError, errorBody, statusOf } from "./errors.js"
import { replyBody } from "./replies.js"
import { type RequestIdVariables, requestId } from "./request-id.js"

export interface HttpAppOptions {
  readonly bodyLimitBytes: number
}

type Env = { Variables: RequestIdVariables }

const lowerCaseHeaders = (headers: Headers): Record<string, string> => {
  const out: Record<string, string> = {}
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value
  })
  return out
}

// The runtime's own construction error (E) is not an EdgeError: it lands in the 500 branch.
const isEdgeError = (e: unknown): e is EdgeError =>
  typeof e === "object" && e !== null && "_tag" in e && typeof e._tag === "string" && e._tag in statusOf

const fail = (c: Context<Env>, e: EdgeError) => c.json(errorBody(e, c.var.requestId), statusOf[e._tag])

export const makeHttpApp = <E>(
  runtime: ManagedRuntime.ManagedRuntime<Intake, E>,
  options: HttpAppOptions,
) => {
  const app = new Hono<Env>()
  // Logging goes through the runtime; if the runtime itself cannot be built (a bad deployment),
  // fall back to Effect's default logger so the reason is still written and the caller still
  // gets the 500 body instead of an exception.
  const run = (c: Context<Env>, effect: Effect.Effect<void, never, never>) =>
    runtime
      .runPromise(effect.pipe(Effect.annotateLogs({ requestId: c.var.requestId })))
      .catch((buildError: unknown) =>
        Effect.runPromise(
          Effect.logError("the service runtime is unavailable", {
            requestId: c.var.requestId,
            error: buildError instanceof Error ? buildError.message : String(buildError),
          }),
        ),
      )

  app.use(requestId())
  app.use(
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: (c) => fail(c as Context<Env>, { _tag: "BodyTooLarge" }),
    }),
  )

  // One fiber per request: intake, and the log line about a failure, run in the same Effect.
  const handle = (
    platform: Platform,
    requestId: string,
    req: { headers: Record<string, string>; rawBody: string },
  ) =>
    Intake.pipe(
      Effect.flatMap((intake) => intake.handle(platform, req)),
      Effect.tapError((e) =>
        (statusOf[e._tag] >= 500 ? Effect.logWarning : Effect.logInfo)("request rejected", {
          platform,
          error: e._tag,
          status: statusOf[e._tag],
          detail: errorBody(e, requestId).error.message,
        }),
      ),
      Effect.tapDefect((defect) =>
        Effect.logError("unexpected failure", { platform, defect: String(defect) }),
      ),
      Effect.annotateLogs("requestId", requestId),
    )

  const webhook = (platform: Platform) => async (c: Context<Env>) => {
    // Signatures are over the exact bytes: decode without dropping a byte-order mark.
    const rawBody = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await c.req.arrayBuffer())
    const headers = lowerCaseHeaders(c.req.raw.headers)
    const exit = await runtime.runPromiseExit(handle(platform, c.var.requestId, { headers, rawBody }))
    if (Exit.isSuccess(exit)) return c.json(replyBody(platform, exit.value), 200)
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
  app.get("/healthz", (c) => c.json({ ok: true }))
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
