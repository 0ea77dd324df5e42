import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, TestClock } from "effect"
import { Hono } from "hono"
import { defaultRetryPolicy, httpCall, type RetryPolicy } from "../../../src/adapters/fetch/http-call.js"
import { HttpCallError } from "../../../src/adapters/fetch/http-call-error.js"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import { serveLoopback } from "../../../src/replay/serve.js"
import { advanceToSleepAt, advanceToSleepWithin } from "./await-sleep.js"

type Scripted = { status: number; body?: string; headers?: Record<string, string> } | "hang"

/** A server answering each request with the next scripted answer (the last one repeats). */
const scriptedServer = (script: ReadonlyArray<Scripted>) =>
  Effect.gen(function* () {
    const seen: Array<{ method: string; path: string; body: string; auth: string | undefined }> = []
    const held: Array<() => void> = []
    const app = new Hono()
    app.all("*", async (c) => {
      seen.push({
        method: c.req.method,
        path: c.req.path,
        body: await c.req.text(),
        auth: c.req.header("authorization"),
      })
      const next = script[Math.min(seen.length, script.length) - 1] ?? { status: 500 }
      if (next === "hang") {
        await new Promise<void>((resolve) => held.push(resolve))
        return c.text("late", 503)
      }
      return new Response(next.body ?? "", { status: next.status, headers: next.headers ?? {} })
    })
    const { url } = yield* serveLoopback(app)
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        for (const release of held) release()
      }),
    )
    return { url, seen }
  })

const policy: RetryPolicy = { timeoutMs: 1000, deadlineMs: 10_000, maxAttempts: 3, baseDelayMs: 250 }
const secretPath = "/hooks/s3cr3t-token/messages"
const call = (url: string, p: RetryPolicy = policy) =>
  httpCall(
    {
      method: "POST",
      url: `${url}${secretPath}`,
      headers: { authorization: "Bearer xoxb-very-secret", "content-type": "application/json" },
      body: '{"text":"private body"}',
      label: "test call",
    },
    p,
  )

describe("httpCall", () => {
  it.scoped("returns a 2xx response with its body, sending method, headers and body", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer([{ status: 200, body: '{"ok":true}' }])
      const response = yield* call(server.url)
      expect(response.status).toBe(200)
      expect(response.body).toBe('{"ok":true}')
      expect(server.seen).toEqual([
        {
          method: "POST",
          path: secretPath,
          body: '{"text":"private body"}',
          auth: "Bearer xoxb-very-secret",
        },
      ])
    }),
  )

  it.scoped("never retries a 4xx other than 429, and keeps a snippet of the body", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer([{ status: 404, body: '{"code":10008}' }, { status: 200 }])
      const error = yield* Effect.flip(call(server.url))
      expect(error).toBeInstanceOf(HttpCallError)
      expect(error).toMatchObject({
        reason: "status",
        status: 404,
        bodySnippet: '{"code":10008}',
        attempts: 1,
      })
      expect(server.seen).toHaveLength(1)
    }),
  )

  it.scoped("retries a 5xx after a jittered backoff and logs the retry without URL, body or auth", () =>
    Effect.gen(function* () {
      const lines: Array<string> = []
      const server = yield* scriptedServer([{ status: 503 }, { status: 200, body: "fine" }])
      const fiber = yield* Effect.fork(call(server.url).pipe(Effect.provide(captureLoggerLayer(lines))))
      yield* advanceToSleepWithin(200, 300)
      const response = yield* Fiber.join(fiber)
      expect(response.body).toBe("fine")
      expect(server.seen).toHaveLength(2)
      const retries = lines.map((l) => JSON.parse(l)).filter((l) => l.message === "http call retry")
      expect(retries).toHaveLength(1)
      expect(retries[0]).toMatchObject({ level: "DEBUG", call: "test call", status: 503, retryAfterMs: null })
      const all = lines.join("\n")
      for (const secret of ["s3cr3t-token", "xoxb-very-secret", "private body", "127.0.0.1"])
        expect(all).not.toContain(secret)
    }),
  )

  it.scoped("gives up on 5xx after maxAttempts with the last status", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer([{ status: 502, body: "bad gateway" }])
      const fiber = yield* Effect.fork(Effect.flip(call(server.url)))
      const first = yield* advanceToSleepWithin(200, 300)
      yield* advanceToSleepWithin(first + 400, first + 600)
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ reason: "status", status: 502, attempts: 3, bodySnippet: "bad gateway" })
      expect(server.seen).toHaveLength(3)
    }),
  )

  it.scoped("on 429 waits exactly the Retry-After seconds, then succeeds", () =>
    Effect.gen(function* () {
      const lines: Array<string> = []
      const server = yield* scriptedServer([
        { status: 429, headers: { "retry-after": "2" } },
        { status: 200 },
      ])
      const fiber = yield* Effect.fork(call(server.url).pipe(Effect.provide(captureLoggerLayer(lines))))
      yield* advanceToSleepAt(2000)
      expect((yield* Fiber.join(fiber)).status).toBe(200)
      expect(server.seen).toHaveLength(2)
      const retry = lines.map((l) => JSON.parse(l)).find((l) => l.message === "http call retry")
      expect(retry).toMatchObject({ reason: "rate_limited", retryAfterMs: 2000, delayMs: 2000 })
    }),
  )

  it.scoped("on 429 fails rate_limited at once when Retry-After exceeds the remaining budget", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer([
        { status: 429, headers: { "retry-after": "30" } },
        { status: 200 },
      ])
      const error = yield* Effect.flip(call(server.url))
      expect(error).toMatchObject({ reason: "rate_limited", status: 429, attempts: 1 })
      expect(server.seen).toHaveLength(1)
    }),
  )

  it.scoped("reads the wait through the policy's hook (a JSON retry_after)", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer([{ status: 429, body: '{"retry_after":1.5}' }, { status: 204 }])
      const hooked: RetryPolicy = {
        ...policy,
        retryAfterMs: (r) => Math.ceil(Number(/"retry_after":([\d.]+)/.exec(r.body)?.[1]) * 1000),
      }
      const fiber = yield* Effect.fork(call(server.url, hooked))
      yield* advanceToSleepAt(1500)
      expect((yield* Fiber.join(fiber)).status).toBe(204)
    }),
  )

  it.scoped("times an unanswered attempt out, aborting it, and retries timeouts", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer(["hang"])
      const fiber = yield* Effect.fork(Effect.flip(call(server.url, { ...policy, maxAttempts: 2 })))
      yield* advanceToSleepAt(1000)
      const backoff = yield* advanceToSleepWithin(1200, 1300)
      yield* advanceToSleepAt(backoff + 1000)
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ reason: "timeout", attempts: 2 })
      expect(error.message).toContain("no answer within 1000 ms")
      expect(server.seen).toHaveLength(2)
    }),
  )

  it.scoped("stops at the overall deadline, naming the last failure", () =>
    Effect.gen(function* () {
      const server = yield* scriptedServer([{ status: 500 }, "hang"])
      const fiber = yield* Effect.fork(
        Effect.flip(call(server.url, { ...policy, timeoutMs: 5000, deadlineMs: 1500 })),
      )
      yield* advanceToSleepWithin(200, 300)
      yield* TestClock.setTime(1500)
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ reason: "timeout", status: 500, attempts: 2 })
      expect(error.message).toContain("deadline of 1500 ms")
    }),
  )

  it.scoped("reports a refused connection as a network error, retried", () =>
    Effect.gen(function* () {
      const closed = yield* Effect.scoped(scriptedServer([{ status: 200 }]))
      const fiber = yield* Effect.fork(Effect.flip(call(closed.url, { ...policy, maxAttempts: 2 })))
      yield* advanceToSleepWithin(200, 300)
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ reason: "network", attempts: 2 })
      expect(error.message).toContain("ECONNREFUSED")
      expect(error.message).not.toContain("s3cr3t")
    }),
  )

  it("defaults to three attempts within three timeouts", () => {
    expect(defaultRetryPolicy(2000)).toEqual({
      timeoutMs: 2000,
      deadlineMs: 6000,
      maxAttempts: 3,
      baseDelayMs: 250,
    })
  })
})
