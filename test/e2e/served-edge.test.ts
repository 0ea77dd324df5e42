/**
 * The HTTP edge as `npm start -- --serve` runs it: the app on @hono/node-server, real sockets.
 * node-server hands the app a lazy Request (the body is read straight from the socket), so the
 * request edge must behave the same there as under `app.request`: a signed alert is queued,
 * every answer carries an x-request-id, and an oversize body is refused whether it declares its
 * length or streams it chunked.
 */
import { request as httpRequest } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { signSlackRequest } from "../../src/cli/synthetic.js"
import { defaultConfig } from "../../src/domain/config.js"
import { type Harness, makeHarness, mention, slackSecret, tsAgo } from "../support/intake-harness.js"

const limit = defaultConfig.limits.request_body_bytes

interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly body: string
}

/** One request over a fresh socket; `chunks` are written one by one (chunked, no Content-Length). */
const send = (
  url: string,
  o: {
    readonly method: string
    readonly headers?: Readonly<Record<string, string>>
    readonly body?: string
    readonly chunks?: ReadonlyArray<string>
  },
) =>
  new Promise<Answer>((resolve, reject) => {
    const target = new URL(url)
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: o.method,
        headers: o.headers,
      },
      (res) => {
        const parts: Array<Buffer> = []
        res.on("data", (c: Buffer) => parts.push(c))
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString("utf8"),
          }),
        )
      },
    )
    // The server may answer 413 and close before the whole body is written.
    req.on("error", (e: NodeJS.ErrnoException) =>
      e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e),
    )
    if (o.chunks !== undefined) {
      for (const c of o.chunks) req.write(c)
      req.end()
    } else req.end(o.body)
  })

describe("the HTTP edge served by @hono/node-server", () => {
  let h: Harness
  let base: string
  beforeAll(async () => {
    h = await makeHarness()
    base = await h.serve()
  })
  afterAll(() => h.close())

  it("a signed alert over a socket is queued, answered 200 with an investigation id and an x-request-id", async () => {
    const raw = JSON.stringify(
      mention({ text: "[FIRING:1] KubePodCrashLooping payments-api", ts: tsAgo(5_000, 401) }),
    )
    const signed = signSlackRequest(slackSecret, Date.now(), raw, "/slack/events")
    const r = await send(`${base}/slack/events`, {
      method: "POST",
      headers: signed.headers,
      body: signed.body,
    })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, investigationId: expect.any(String) })
    expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
    await h.waitForInvocations(1)
  })

  it("a caller's sane x-request-id is kept (GET /healthz); an unknown route's 404 carries one too", async () => {
    const r = await send(`${base}/healthz`, { method: "GET", headers: { "x-request-id": "lb-42.abc" } })
    expect(r.status).toBe(200)
    expect(r.headers["x-request-id"]).toBe("lb-42.abc")
    expect(r.headers["content-type"]).toMatch(/^application\/json/)
    const missing = await send(`${base}/nope`, { method: "GET" })
    expect(missing.status).toBe(404)
    const id = missing.headers["x-request-id"]
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: "not_found", requestId: id } })
  })

  it("a declared Content-Length over the limit → 413 before the body is read", async () => {
    const body = "x".repeat(limit + 1)
    const r = await send(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(limit + 1) },
      body,
    })
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: "body_too_large" } })
    expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("a chunked body (no Content-Length) over the limit → 413; one under it is read and verified", async () => {
    const piece = "y".repeat(64 * 1024)
    const over = await send(`${base}/discord/interactions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      chunks: Array.from({ length: Math.ceil(limit / piece.length) + 1 }, () => piece),
    })
    expect(over.status).toBe(413)
    expect(JSON.parse(over.body)).toMatchObject({ error: { code: "body_too_large" } })

    // Under the limit and chunked: the body reaches the signature check (a wrong one → 401).
    const under = await send(`${base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
        "x-slack-signature": `v0=${"0".repeat(64)}`,
      },
      chunks: ['{"type":', '"event_callback"}'],
    })
    expect(under.status).toBe(401)
    expect(JSON.parse(under.body)).toMatchObject({ error: { code: "bad_signature" } })
  })
})
