/**
 * x-request-id on every response and log line: the caller's, when it is a sane token (so a
 * proxy's id carries through), otherwise a fresh one.
 */
import { randomUUID } from "node:crypto"
import type { MiddlewareHandler } from "hono"

export type RequestIdVariables = { requestId: string }

const sane = /^[A-Za-z0-9._:-]{1,128}$/

export const requestId = (): MiddlewareHandler<{ Variables: RequestIdVariables }> =>
  async function requestIdMiddleware(c, next) {
    const incoming = c.req.header("x-request-id")
    const id = incoming !== undefined && sane.test(incoming) ? incoming : randomUUID()
    c.set("requestId", id)
    c.header("x-request-id", id)
    await next()
  }
