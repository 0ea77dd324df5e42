/**
 * The plain-URL invoker against real HTTP on loopback: an agent server app (round trip, session
 * header, JSON-RPC errors, the deadline on a TestClock interrupting the agent's work), and raw
 * servers for what a misbehaving agent might send (10 MB, SSE, HTTP errors).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Deferred, Effect, Exit, Fiber, type ManagedRuntime, Schema, TestClock } from "effect"
import { Hono } from "hono"
import { encodeResultResponse } from "../../../src/adapters/a2a/a2a-codec.js"
import { makeAgentCard } from "../../../src/adapters/a2a/a2a-schema.js"
import { type AgentServerOptions, makeAgentServerApp } from "../../../src/adapters/a2a/agent-server-app.js"
import { sessionIdFor, sessionIdHeader } from "../../../src/adapters/a2a/session-id.js"
import { makeUrlAgentInvoker } from "../../../src/adapters/a2a/url-agent-invoker.js"
import { AgentResult } from "../../../src/domain/agent-result.js"
import { serveLoopback } from "../../../src/replay/serve.js"
import { awaitSleep } from "../fetch/await-sleep.js"
import { quietRuntime, sampleResult, sampleTask } from "./a2a-fixtures.js"

const card = makeAgentCard({ name: "eks", description: "k8s", version: "0", url: "http://x/", skills: [] })

/** An agent server app on loopback for the test's scope. */
const serveAgent = <R, E>(
  options: Omit<AgentServerOptions<R>, "card">,
  runtime: ManagedRuntime.ManagedRuntime<R, E>,
) =>
  Effect.gen(function* () {
    const server = makeAgentServerApp({ ...options, card }, runtime)
    yield* Effect.addFinalizer(() => Effect.promise(() => server.close().then(() => runtime.dispose())))
    return yield* serveLoopback(server.app)
  })

const serveRaw = (answer: (c: { req: { header: (n: string) => string | undefined } }) => Response) =>
  Effect.gen(function* () {
    const app = new Hono()
    app.post("/", (c) => answer(c))
    return yield* serveLoopback(app)
  })

const task = sampleTask({ deadline: DateTime.unsafeMake("2999-01-01T00:00:00Z") })
const deadline = DateTime.unsafeMake(60_000)
const failureOf = <A>(exit: Exit.Exit<A, { readonly reason: string; readonly message: string }>) =>
  Exit.match(exit, {
    onFailure: (cause) =>
      cause._tag === "Fail" ? cause.error : { reason: `cause:${cause._tag}`, message: "" },
    onSuccess: () => ({ reason: "success", message: "" }),
  })

describe("urlAgentInvoker", () => {
  it.scoped("round-trips a task to an agent server and returns its result", () =>
    Effect.gen(function* () {
      const sessions: Array<string | null> = []
      const agent = yield* serveAgent(
        {
          agentId: "eks",
          mode: "reply",
          handle: (_task, ctx) =>
            Effect.sync(() => sessions.push(ctx.sessionId)).pipe(Effect.as(sampleResult("eks"))),
        },
        quietRuntime(),
      )
      const invoker = makeUrlAgentInvoker({ urlFor: (a) => (a === "eks" ? `${agent.url}/` : null) })
      const reply = yield* invoker.invoke("eks", task, deadline)
      expect(reply.text).toBe("payments-api is OOMKilled")
      const result = yield* Schema.decodeUnknown(AgentResult)(reply.data)
      expect(result).toMatchObject({ agent: "eks", status: "ok", findings: [{ kind: "oom_killed" }] })
      expect(sessions).toEqual([sessionIdFor(task.investigationId, "eks")])
    }),
  )

  it.scoped("names the missing variable when no URL is configured", () =>
    Effect.gen(function* () {
      const invoker = makeUrlAgentInvoker({
        urlFor: () => null,
        describeMissing: (a) => `${a.toUpperCase()}_AGENT_URL is not set`,
      })
      const error = failureOf(yield* Effect.exit(invoker.invoke("eks", task, deadline)))
      expect(error).toMatchObject({ reason: "not_configured", message: "EKS_AGENT_URL is not set" })
    }),
  )

  it.scoped("maps a JSON-RPC error to rejected, a refused connection to unreachable", () =>
    Effect.gen(function* () {
      const agent = yield* serveAgent(
        { agentId: "eks", mode: "reply", handle: () => Effect.dieMessage("boom") },
        quietRuntime(),
      )
      const rejected = failureOf(
        yield* Effect.exit(makeUrlAgentInvoker({ urlFor: () => agent.url }).invoke("eks", task, deadline)),
      )
      expect(rejected).toMatchObject({ reason: "rejected" })
      expect(rejected.message).toContain("-32603")
      const closed = yield* Effect.scoped(serveRaw(() => new Response("")))
      const refused = failureOf(
        yield* Effect.exit(
          makeUrlAgentInvoker({ urlFor: () => closed.url, maxAttempts: 1 }).invoke("eks", task, deadline),
        ),
      )
      expect(refused).toMatchObject({ reason: "unreachable" })
    }),
  )

  it.scoped("gives up at the deadline (TestClock) and the agent's work is interrupted", () =>
    Effect.gen(function* () {
      const entered = yield* Deferred.make<void>()
      const interrupted = yield* Deferred.make<void>()
      const agent = yield* serveAgent(
        {
          agentId: "eks",
          mode: "reply",
          handle: () =>
            Deferred.succeed(entered, undefined).pipe(
              Effect.zipRight(Effect.never),
              Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined)),
            ),
        },
        quietRuntime(),
      )
      const invoker = makeUrlAgentInvoker({ urlFor: () => agent.url })
      const fiber = yield* Effect.fork(invoker.invoke("eks", task, DateTime.unsafeMake(5_000)))
      yield* Deferred.await(entered)
      yield* awaitSleep((at) => at === 5_000)
      yield* TestClock.adjust("5 seconds")
      const error = failureOf(yield* Fiber.await(fiber))
      expect(error).toMatchObject({ reason: "timeout" })
      yield* Deferred.await(interrupted)
    }),
  )

  it.scoped("fails at once, without a call, when the deadline has passed", () =>
    Effect.gen(function* () {
      let calls = 0
      const agent = yield* serveRaw(() => {
        calls++
        return new Response("{}")
      })
      yield* TestClock.setTime(10_000)
      const error = failureOf(
        yield* Effect.exit(
          makeUrlAgentInvoker({ urlFor: () => agent.url }).invoke("eks", task, DateTime.unsafeMake(9_000)),
        ),
      )
      expect(error).toMatchObject({ reason: "timeout" })
      expect(calls).toBe(0)
    }),
  )

  it.scoped("turns a 10 MB answer into malformed, HTTP errors into rejected/unreachable, and reads SSE", () =>
    Effect.gen(function* () {
      const accepted = encodeResultResponse("r", { accepted: true, investigationId: "i" }, "accepted")
      const huge = yield* serveRaw(() => new Response(`{"pad":"${"x".repeat(10 * 1024 * 1024)}"}`))
      const notFound = yield* serveRaw(() => new Response("no", { status: 404 }))
      const broken = yield* serveRaw(() => new Response("down", { status: 503 }))
      const sse = yield* serveRaw(
        () =>
          new Response(`: hi\n\ndata: ${accepted}\n\n`, { headers: { "content-type": "text/event-stream" } }),
      )
      const via = (url: string) =>
        Effect.exit(
          makeUrlAgentInvoker({ urlFor: () => url, maxAttempts: 1 }).invoke("master", task, deadline),
        )
      expect(failureOf(yield* via(huge.url))).toMatchObject({ reason: "malformed" })
      expect(failureOf(yield* via(notFound.url))).toMatchObject({ reason: "rejected" })
      expect(failureOf(yield* via(broken.url))).toMatchObject({ reason: "unreachable" })
      const reply = yield* makeUrlAgentInvoker({ urlFor: () => sse.url }).invoke("master", task, deadline)
      expect(reply).toEqual({ data: { accepted: true, investigationId: "i" }, text: "accepted" })
    }),
  )

  it.scoped("sends the A2A headers", () =>
    Effect.gen(function* () {
      const seen: Array<Record<string, string | undefined>> = []
      const agent = yield* serveRaw((c) => {
        seen.push({
          type: c.req.header("content-type"),
          accept: c.req.header("accept"),
          session: c.req.header(sessionIdHeader),
        })
        return new Response(encodeResultResponse("r", sampleResult(), "x"))
      })
      yield* makeUrlAgentInvoker({ urlFor: () => agent.url }).invoke("eks", task, deadline)
      expect(seen).toEqual([
        {
          type: "application/json",
          accept: "application/json, text/event-stream",
          session: sessionIdFor(task.investigationId, "eks"),
        },
      ])
    }),
  )
})
