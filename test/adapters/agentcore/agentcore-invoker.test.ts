/**
 * The AgentCore invoker — the real `@aws-sdk/client-bedrock-agentcore` client — against the
 * AgentCore replay on loopback: the request as the service sees it (ARN, qualifier, session id
 * ≥ 33 chars, payload = the A2A request), JSON and SSE answers, an agent server app behind it,
 * the abort at the deadline (TestClock), the 1 MiB cap, and AWS errors mapped to reasons.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Exit, Fiber, Schema, TestClock } from "effect"
import { encodeResultResponse } from "../../../src/adapters/a2a/a2a-codec.js"
import { makeAgentCard } from "../../../src/adapters/a2a/a2a-schema.js"
import { makeAgentServerApp } from "../../../src/adapters/a2a/agent-server-app.js"
import { minSessionIdLength, sessionIdFor } from "../../../src/adapters/a2a/session-id.js"
import { makeAgentCoreInvoker } from "../../../src/adapters/agentcore/agentcore-invoker.js"
import type { AgentId } from "../../../src/domain/agent-id.js"
import { AgentResult } from "../../../src/domain/agent-result.js"
import { AgentTask } from "../../../src/domain/agent-task.js"
import { type ReplayRuntime, serveAgentCoreReplay } from "../../../src/replay/agentcore.js"
import { quietRuntime, sampleResult, sampleTask } from "../a2a/a2a-fixtures.js"
import { awaitSleep } from "../fetch/await-sleep.js"

const arn = (agent: string) => `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/sre_${agent}-AbC123`
const task = sampleTask({ deadline: DateTime.unsafeMake("2999-01-01T00:00:00Z") })
const deadline = DateTime.unsafeMake(60_000)

const answering = (body: string, contentType = "application/json"): ReplayRuntime["handler"] => {
  return () => new Response(body, { headers: { "content-type": contentType } })
}

const against = (runtimes: Readonly<Record<string, ReplayRuntime>>) =>
  Effect.gen(function* () {
    const replay = yield* serveAgentCoreReplay(runtimes)
    const invoker = yield* makeAgentCoreInvoker({
      region: "us-east-1",
      endpoint: replay.url,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" },
      arnFor: (agent) => (agent === "cloudwatch_logs" ? null : arn(agent)),
      describeMissing: (agent) => `${agent.toUpperCase()}_AGENT_RUNTIME_ARN is not set`,
    })
    return { replay, invoker }
  })

const failureOf = <A>(exit: Exit.Exit<A, { readonly reason: string; readonly message: string }>) =>
  Exit.match(exit, {
    onFailure: (cause) =>
      cause._tag === "Fail" ? cause.error : { reason: `cause:${cause._tag}`, message: "" },
    onSuccess: () => ({ reason: "success", message: "" }),
  })

const ok = encodeResultResponse("r", sampleResult("eks"), "payments-api is OOMKilled")

/** Yield to the event loop until `check` holds (real loopback I/O progresses; no sleeping). */
const eventually = <A>(effect: Effect.Effect<A>, check: (a: A) => boolean) =>
  Effect.gen(function* () {
    for (let i = 0; i < 20_000; i++) {
      const a = yield* effect
      if (check(a)) return a
      yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
    }
    return yield* Effect.dieMessage("condition never held")
  })

describe("agentCoreInvoker", () => {
  it.scoped("sends the A2A request as InvokeAgentRuntime's payload and reads a JSON answer", () =>
    Effect.gen(function* () {
      const { replay, invoker } = yield* against({ [arn("eks")]: { handler: answering(ok) } })
      const reply = yield* invoker.invoke("eks", task, deadline)
      expect(reply.text).toBe("payments-api is OOMKilled")
      expect(yield* Schema.decodeUnknown(AgentResult)(reply.data)).toMatchObject({
        agent: "eks",
        status: "ok",
      })

      const [sent] = yield* replay.invocations
      expect(sent).toMatchObject({
        arn: arn("eks"),
        qualifier: "DEFAULT",
        sessionId: sessionIdFor(task.investigationId, "eks"),
        signed: true,
        aborted: false,
      })
      expect(sent?.headers["content-type"]).toBe("application/json")
      expect(sent?.headers.accept).toBe("application/json, text/event-stream")
      const payload: unknown = JSON.parse(sent?.body ?? "")
      expect(payload).toMatchObject({
        jsonrpc: "2.0",
        id: `req-eks-${task.investigationId}`,
        method: "message/send",
        params: {
          message: {
            role: "user",
            parts: [{ kind: "text" }, { kind: "data", data: Schema.encodeSync(AgentTask)(task) }],
          },
        },
      })
    }),
  )

  it.scoped("derives a session id of at least 33 characters from a short investigation id", () =>
    Effect.gen(function* () {
      const { replay, invoker } = yield* against({ [arn("eks")]: { handler: answering(ok) } })
      yield* invoker.invoke(
        "eks",
        sampleTask({ investigationId: "inv-1", deadline: task.deadline }),
        deadline,
      )
      const [sent] = yield* replay.invocations
      expect(sent?.sessionId?.length).toBeGreaterThanOrEqual(minSessionIdLength)
      expect(sent?.sessionId).toBe(sessionIdFor("inv-1", "eks"))
    }),
  )

  it.scoped("reads an SSE answer split across small chunks", () =>
    Effect.gen(function* () {
      const { invoker } = yield* against({
        [arn("eks")]: { handler: answering(ok), format: "sse", chunkBytes: 7 },
      })
      const reply = yield* invoker.invoke("eks", task, deadline)
      expect(reply.text).toBe("payments-api is OOMKilled")
      expect(reply.data).toMatchObject({ agent: "eks", findings: [{ kind: "oom_killed" }] })
    }),
  )

  it.scoped("reaches an agent server app through the replay (the master accepts at once)", () =>
    Effect.gen(function* () {
      const card = makeAgentCard({
        name: "master",
        description: "m",
        version: "0",
        url: "http://x/",
        skills: [],
      })
      const runtime = quietRuntime()
      const server = makeAgentServerApp(
        { agentId: "master", mode: "accept", card, handle: () => Effect.succeed(sampleResult("master")) },
        runtime,
      )
      yield* Effect.addFinalizer(() => Effect.promise(() => server.close().then(() => runtime.dispose())))
      const { invoker } = yield* against({ [arn("master")]: { handler: server.app.fetch, format: "sse" } })
      const reply = yield* invoker.invoke("master", task, deadline)
      expect(reply.data).toEqual({ accepted: true, investigationId: task.investigationId })
    }),
  )

  it.scoped("aborts the call at the deadline (TestClock) and the service sees the client go", () =>
    Effect.gen(function* () {
      const { replay, invoker } = yield* against({
        [arn("eks")]: { handler: answering(ok), delayMs: 30_000 },
      })
      const fiber = yield* Effect.fork(invoker.invoke("eks", task, DateTime.unsafeMake(5_000)))
      yield* eventually(replay.invocations, (xs) => xs.length === 1)
      yield* awaitSleep((at) => at === 5_000)
      yield* TestClock.adjust("5 seconds")
      const error = failureOf(yield* Fiber.await(fiber))
      expect(error).toMatchObject({ reason: "timeout" })
      yield* eventually(replay.invocations, (xs) => xs[0]?.aborted === true)
    }),
  )

  it.scoped("caps the answer at 1 MiB: a 10 MB reply is malformed, JSON or SSE", () =>
    Effect.gen(function* () {
      const huge = encodeResultResponse(
        "r",
        sampleResult("eks", { summary: "x".repeat(10 * 1024 * 1024) }),
        "big",
      )
      const { invoker } = yield* against({
        [arn("eks")]: { handler: answering(huge) },
        [arn("prometheus")]: { handler: answering(huge), format: "sse", chunkBytes: 65_536 },
      })
      const json = failureOf(yield* Effect.exit(invoker.invoke("eks", task, deadline)))
      expect(json).toMatchObject({ reason: "malformed" })
      expect(json.message).toContain("exceeds 1048576 bytes")
      expect(failureOf(yield* Effect.exit(invoker.invoke("prometheus", task, deadline)))).toMatchObject({
        reason: "malformed",
      })
    }),
  )

  it.scoped("maps AWS errors and missing configuration to reasons", () =>
    Effect.gen(function* () {
      const error = (status: number, errorType: string): ReplayRuntime => ({
        handler: answering(ok),
        error: { status, errorType, message: `${errorType} from the replay` },
      })
      const cases: ReadonlyArray<[AgentId, ReplayRuntime | null, string]> = [
        ["eks", error(403, "AccessDeniedException"), "rejected"],
        ["prometheus", error(400, "ValidationException"), "rejected"],
        ["slack_scanner", error(429, "ThrottlingException"), "unreachable"],
        ["discord_scanner", error(500, "InternalServerException"), "unreachable"],
        ["incident_history", error(424, "RuntimeClientError"), "unreachable"],
        ["master", null, "not_configured"],
      ]
      const runtimes: Record<string, ReplayRuntime> = {}
      for (const [agent, runtime] of cases) if (runtime !== null) runtimes[arn(agent)] = runtime
      const { invoker } = yield* against(runtimes)
      for (const [agent, , reason] of cases) {
        const failure = failureOf(yield* Effect.exit(invoker.invoke(agent, task, deadline)))
        expect({ agent, reason: failure.reason }).toEqual({ agent, reason })
      }
      const denied = failureOf(yield* Effect.exit(invoker.invoke("eks", task, deadline)))
      expect(denied.message).toContain("AccessDeniedException")
      const missing = failureOf(yield* Effect.exit(invoker.invoke("cloudwatch_logs", task, deadline)))
      expect(missing).toMatchObject({
        reason: "not_configured",
        message: "CLOUDWATCH_LOGS_AGENT_RUNTIME_ARN is not set",
      })
    }),
  )

  it.scoped("maps a JSON-RPC error from the agent to rejected", () =>
    Effect.gen(function* () {
      const rpcError = JSON.stringify({
        jsonrpc: "2.0",
        id: "r",
        error: { code: -32602, message: "Invalid params" },
      })
      const { invoker } = yield* against({ [arn("eks")]: { handler: answering(rpcError) } })
      const failure = failureOf(yield* Effect.exit(invoker.invoke("eks", task, deadline)))
      expect(failure).toMatchObject({ reason: "rejected" })
      expect(failure.message).toContain("-32602")
    }),
  )
})
