/**
 * DIAGNOSTICS ONLY, not designs: two apps that tell what the intake target measures.
 *
 * - `makePlainApp`: the same work as an alert's path (verify, envelope decode, message text,
 *   tier-1 classify, an id, a claim in a Set, an answer) as one plain async Hono handler behind
 *   the same request edge, with no Effect at all. It answers "what would taking Effect off the
 *   hot path buy?": what is left of the gap to the floor is the work itself.
 * - `makeSpinApp`: the floor plus a fixed busy wait per request (no I/O, no allocation). Over
 *   HTTP it shows how the server's CPU per request grows with a handler's own time alone: a
 *   slower server leaves the client idle, so each answer must wake it (docs/benchmarks.md).
 */
import { randomUUID } from "node:crypto"
import { Either } from "effect"
import { Hono } from "hono"
import { requestEdge } from "../src/adapters/http/request-edge.js"
import { jsonWithRequestId, type RequestIdVariables } from "../src/adapters/http/request-id.js"
import { slackMessageText } from "../src/adapters/slack/message-text.js"
import { verifySlackSignature } from "../src/adapters/slack/signature.js"
import { parseSlackEnvelope } from "../src/adapters/slack/slack-events.js"
import { classify } from "../src/domain/classify.js"
import { defaultConfig } from "../src/domain/config.js"
import { floorHandler } from "./baselines.js"

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true })

export const makePlainApp = (secret: string) => {
  const held = new Set<string>()
  return new Hono<{ Variables: RequestIdVariables }>()
    .use(
      requestEdge({
        bodyLimitBytes: defaultConfig.limits.request_body_bytes,
        onTooLarge: (c) => c.json({ ok: false }, 413),
      }),
    )
    .post("/slack/events", async (c) => {
      const rawBody = utf8.decode(await c.req.arrayBuffer())
      // Headers by `get`, as the production edge reads them (src/adapters/http/app.ts).
      const headers = c.req.raw.headers
      const verified = verifySlackSignature({
        secret,
        timestamp: headers.get("x-slack-request-timestamp") ?? undefined,
        signature: headers.get("x-slack-signature") ?? undefined,
        rawBody,
        nowSeconds: Math.floor(Date.now() / 1000),
        windowSeconds: 300,
      })
      const envelope = parseSlackEnvelope(rawBody)
      if (Either.isLeft(verified) || Either.isLeft(envelope) || envelope.right._tag !== "EventCallback")
        return c.json({ ok: false }, 400)
      const text = slackMessageText(envelope.right.callback.event)
      const classification = classify({ text, trigger: "mention" }, defaultConfig.classifier)
      const key = `slack:${envelope.right.callback.event_id ?? randomUUID()}`
      if (classification.decision !== "investigate" || held.has(key)) return c.json({ ok: false }, 409)
      held.add(key)
      return jsonWithRequestId({ ok: true, investigationId: randomUUID() }, 200, c.get("requestId"))
    })
}

export const makeSpinApp = (secret: string, spinMicros: number) => {
  const floor = floorHandler(secret)
  return new Hono().post("/slack/events", (c) => {
    const until = performance.now() + spinMicros / 1000
    while (performance.now() < until) {
      // busy: the handler's own time, nothing else
    }
    return floor(c)
  })
}
