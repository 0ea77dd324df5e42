/**
 * x-request-id on every response and log line: the caller's, when it is a sane token (so a
 * proxy's id carries through), otherwise a fresh one.
 */
import { randomUUID } from "node:crypto"

export type RequestIdVariables = { requestId: string }

const sane = /^[A-Za-z0-9._:-]{1,128}$/

/** The caller's id when it is a sane token, else a fresh UUID. */
export const requestIdFor = (incoming: string | undefined): string =>
  incoming !== undefined && sane.test(incoming) ? incoming : randomUUID()

/**
 * A JSON answer carrying the request id. Built as a plain Response with its headers as a plain
 * object rather than through `c.header` + `c.json`: Hono turns headers set ahead of the answer
 * into a `Headers` object, which @hono/node-server then has to convert back, on every delivery.
 */
export const jsonWithRequestId = (body: unknown, status: number, requestId: string): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
  })
