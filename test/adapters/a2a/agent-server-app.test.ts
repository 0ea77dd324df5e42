/**
 * The agent server (AgentCore's A2A contract) through `app.request`: the card, `/ping` moving
 * Healthy → HealthyBusy → Healthy around an accepted investigation (on a TestClock, so
 * `time_of_last_update` is exact), JSON-RPC errors as HTTP 200 bodies, 413 over 1 MiB, reply
 * mode bounded by the task deadline (usage metered into the reply), and a defect answered as
 * an internal error. Concurrent token accounting: agent-server-usage.test.ts.
 */
import { afterEach, describe, expect, it } from "@effect/vitest"
import { DateTime, Deferred, Effect, Layer, Schema, TestClock, TestContext } from "effect"
import { sessionIdHeader } from "../../../src/adapters/a2a/session-id.js"
import { scriptedLlmLayer, scriptedText } from "../../../src/adapters/local/scripted-llm.js"
import { meteredLlmLayer } from "../../../src/domain/usage-meter.js"
import { Llm } from "../../../src/ports/llm.js"
import { awaitSleep } from "../fetch/await-sleep.js"
import { quietRuntime, quietRuntimeWith, sampleResult, sampleTask } from "./a2a-fixtures.js"
import { card, decodeResult, makeStarter, post, replyData, requestFor, rpc } from "./agent-server-harness.js"

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f()
})
const start = makeStarter(cleanups)

const PingBody = Schema.Struct({ status: Schema.String, time_of_last_update: Schema.Number })

/** Let the server's fibers run (no real sleeping). */
const turns = (n = 50) =>
  Array.from({ length: n }).reduce<Promise<void>>(
    (p) => p.then(() => new Promise((resolve) => setImmediate(resolve))),
    Promise.resolve(),
  )

describe("agent server app", () => {
  it("serves the agent card", async () => {
    const server = start(
      { agentId: "eks", mode: "reply", handle: () => Effect.succeed(sampleResult()) },
      quietRuntime(),
    )
    const response = await server.app.request("/.well-known/agent-card.json")
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(card)
    expect((await server.app.request("/invocations")).status).toBe(404)
  })

  it("pings Healthy, HealthyBusy while an accepted investigation runs, then Healthy again", async () => {
    const runtime = quietRuntimeWith(TestContext.TestContext)
    const release = Effect.runSync(Deferred.make<void>())
    const started = Effect.runSync(Deferred.make<string | null>())
    const server = start(
      {
        agentId: "master",
        mode: "accept",
        handle: (task, ctx) =>
          Deferred.succeed(started, ctx.sessionId).pipe(
            Effect.zipRight(Deferred.await(release)),
            Effect.as(sampleResult("master", { summary: task.investigationId })),
          ),
      },
      runtime,
    )
    const ping = async () =>
      Schema.decodeUnknownPromise(PingBody)(await (await server.app.request("/ping")).json())
    expect(await ping()).toEqual({ status: "Healthy", time_of_last_update: 0 })
    await runtime.runPromise(TestClock.adjust("5 seconds"))

    const task = sampleTask({ deadline: DateTime.unsafeMake(60_000) })
    const answer = await post(server, requestFor(task), { [sessionIdHeader]: "s".repeat(40) })
    expect(answer.status).toBe(200)
    expect(await replyData(answer)).toEqual({ accepted: true, investigationId: task.investigationId })
    expect(await Effect.runPromise(Deferred.await(started))).toBe("s".repeat(40))
    expect(await ping()).toEqual({ status: "HealthyBusy", time_of_last_update: 5 })

    await runtime.runPromise(TestClock.adjust("4 seconds"))
    expect(await ping()).toEqual({ status: "HealthyBusy", time_of_last_update: 5 })
    Effect.runSync(Deferred.succeed(release, undefined))
    for (let i = 0; i < 100 && (await ping()).status !== "Healthy"; i++) await turns(5)
    expect(await ping()).toEqual({ status: "Healthy", time_of_last_update: 9 })
  })

  it("answers protocol errors as HTTP 200 JSON-RPC errors, and 413 over 1 MiB", async () => {
    const server = start(
      { agentId: "eks", mode: "reply", handle: () => Effect.succeed(sampleResult()) },
      quietRuntime(),
    )
    const parse = await rpc(await post(server, "{oops"))
    expect(parse).toEqual({
      status: 200,
      json: { jsonrpc: "2.0", id: null, error: expect.objectContaining({ code: -32700 }) },
    })
    const method = await rpc(
      await post(server, JSON.stringify({ jsonrpc: "2.0", id: "a", method: "tasks/cancel" })),
    )
    expect(method).toEqual({
      status: 200,
      json: { jsonrpc: "2.0", id: "a", error: expect.objectContaining({ code: -32601 }) },
    })
    const params = await rpc(
      await post(
        server,
        JSON.stringify({ jsonrpc: "2.0", id: 2, method: "message/send", params: { message: {} } }),
      ),
    )
    expect(params).toEqual({
      status: 200,
      json: { jsonrpc: "2.0", id: 2, error: expect.objectContaining({ code: -32602 }) },
    })
    const invalid = await rpc(await post(server, JSON.stringify({ id: 3, method: "message/send" })))
    expect(invalid.json).toMatchObject({ id: 3, error: { code: -32600 } })
    const huge = await post(server, JSON.stringify({ pad: "x".repeat(1_048_576) }))
    expect(huge.status).toBe(413)
  })

  it("replies with the handler's result, the session id passed through, usage metered", async () => {
    const runtime = quietRuntimeWith(
      meteredLlmLayer.pipe(
        Layer.provide(scriptedLlmLayer([scriptedText("ok", { inputTokens: 40, outputTokens: 4 })])),
      ),
    )
    const seen: Array<string | null> = []
    const server = start(
      {
        agentId: "eks",
        mode: "reply",
        handle: (_task, ctx) =>
          Effect.gen(function* () {
            seen.push(ctx.sessionId)
            const llm = yield* Llm
            yield* Effect.orDie(
              llm.converse({
                modelId: "m",
                system: "",
                messages: [],
                maxTokens: 1,
                temperature: 0,
                timeoutMs: 100,
              }),
            )
            return sampleResult("eks")
          }),
      },
      runtime,
    )
    const task = sampleTask({ deadline: DateTime.unsafeMake("2999-01-01T00:00:00Z") })
    const result = await decodeResult(await replyData(await post(server, requestFor(task))))
    expect(result).toMatchObject({ agent: "eks", status: "ok", summary: "payments-api is OOMKilled" })
    expect(result.usage).toEqual([{ model: "m", inputTokens: 40, outputTokens: 4 }])
    expect(seen).toEqual([null])
  })

  it("bounds a reply-mode task by its deadline: a timeout result, not a hang", async () => {
    const runtime = quietRuntimeWith(TestContext.TestContext)
    const server = start({ agentId: "prometheus", mode: "reply", handle: () => Effect.never }, runtime)
    const task = sampleTask({ deadline: DateTime.unsafeMake(3_000) })
    const pending = post(server, requestFor(task))
    await runtime.runPromise(
      awaitSleep((at) => at === 3_000).pipe(Effect.zipRight(TestClock.adjust("3 seconds"))),
    )
    const result = await decodeResult(await replyData(await pending))
    expect(result).toMatchObject({ agent: "prometheus", status: "timeout", durationMs: 3_000 })
    expect(result.reason).toContain("deadline")
  })

  it("answers a handler defect with a JSON-RPC internal error and keeps serving", async () => {
    let calls = 0
    const server = start(
      {
        agentId: "eks",
        mode: "reply",
        handle: () => (calls++ === 0 ? Effect.dieMessage("boom") : Effect.succeed(sampleResult())),
      },
      quietRuntime(),
    )
    const task = sampleTask({ deadline: DateTime.unsafeMake("2999-01-01T00:00:00Z") })
    expect((await rpc(await post(server, requestFor(task)))).json).toMatchObject({ error: { code: -32603 } })
    expect(await replyData(await post(server, requestFor(task)))).toMatchObject({
      agent: "eks",
      status: "ok",
    })
  })
})
