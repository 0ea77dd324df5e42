/**
 * The one middleware every route gets: the request id (handed to the handler, for its answer
 * and every log line) and the body limit. A declared Content-Length is checked here
 * without touching the body; only a body without one (chunked) is streamed through Hono's
 * counting limiter, so an oversize body is refused before it is held in memory.
 */
import type { Context, MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"
import { type RequestIdVariables, requestIdFor } from "./request-id.js"

type Env = { Variables: RequestIdVariables }

export const requestEdge = (options: {
  readonly bodyLimitBytes: number
  readonly onTooLarge: (c: Context<Env>) => Response | Promise<Response>
}): MiddlewareHandler<Env> => {
  const limitBody = bodyLimit({
    maxSize: options.bodyLimitBytes,
    onError: (c) => options.onTooLarge(c as Context<Env>),
  })
  return async function requestEdgeMiddleware(c, next) {
    const id = requestIdFor(c.req.header("x-request-id"))
    // Every answer is built by `jsonWithRequestId`, which puts the id on the response.
    c.set("requestId", id)
    const raw = c.req.raw
    // Not `raw.body === null`: on @hono/node-server, touching `body` builds a whole web Request
    // (a stream over the socket) that the body reads below never need.
    if (raw.method === "GET" || raw.method === "HEAD") return next()
    const declared = Number(raw.headers.get("content-length") ?? Number.NaN)
    if (!Number.isSafeInteger(declared) || raw.headers.has("transfer-encoding")) return limitBody(c, next)
    return declared > options.bodyLimitBytes ? options.onTooLarge(c) : next()
  }
}
