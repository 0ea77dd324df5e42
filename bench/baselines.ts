/**
 * The two baselines of the intake benchmark, each a bare Hono app with one POST route:
 *
 * - floor: read the raw body, verify Slack's v0 HMAC by hand (node:crypto, timingSafeEqual,
 *   the same ±300 s timestamp window), `JSON.parse` the body, answer `{ok: true}`. Nothing a
 *   verified JSON webhook can do with less work.
 * - bolt: the same route, verified with `@slack/bolt`'s `verifySlackRequest` (what a Bolt app
 *   runs on every request).
 */
import { createHmac, timingSafeEqual } from "node:crypto"
// @slack/bolt is CommonJS; Node's ESM loader exposes its `exports.verifySlackRequest` as a
// named export (cjs-module-lexer sees the `Object.defineProperty(exports, …)` re-export).
import { verifySlackRequest } from "@slack/bolt"
import { type Context, Hono } from "hono"

const windowSeconds = 300

const verifyV0 = (
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string,
) => {
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) return false
  if (Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > windowSeconds) return false
  const expected = Buffer.from(
    `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`, "utf8").digest("hex")}`,
    "utf8",
  )
  const given = Buffer.from(signature, "utf8")
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** The floor's one handler: raw body → v0 HMAC → JSON.parse → `{ok: true}`. */
export const floorHandler = (secret: string) => async (c: Context) => {
  const body = await c.req.text()
  if (!verifyV0(secret, c.req.header("x-slack-request-timestamp"), c.req.header("x-slack-signature"), body)) {
    return c.json({ ok: false }, 401)
  }
  const parsed: unknown = JSON.parse(body)
  if (typeof parsed !== "object" || parsed === null) return c.json({ ok: false }, 400)
  return c.json({ ok: true })
}

export const makeFloorApp = (secret: string) => {
  const app = new Hono()
  app.post("/slack/events", floorHandler(secret))
  return app
}

export const makeBoltApp = (secret: string) => {
  const app = new Hono()
  app.post("/slack/events", async (c) => {
    const body = await c.req.text()
    try {
      verifySlackRequest({
        signingSecret: secret,
        body,
        headers: {
          "x-slack-signature": c.req.header("x-slack-signature") ?? "",
          "x-slack-request-timestamp": Number(c.req.header("x-slack-request-timestamp")),
        },
      })
    } catch {
      return c.json({ ok: false }, 401)
    }
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed !== "object" || parsed === null) return c.json({ ok: false }, 400)
    return c.json({ ok: true })
  })
  return app
}
