/**
 * The inline invoker: same A2A round trip as a remote agent (the reply is the encoded result),
 * accept mode runs the master in the layer's scope, the caller's deadline bounds the call on
 * the TestClock, and a handler defect or an invalid result is an error value, never a crash.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Deferred, Effect, Exit, Fiber, Layer, Schema, TestClock } from "effect"
import { inlineAgentInvokerLayer } from "../../../src/adapters/local/inline-agent-invoker.js"
import { scriptedLlmLayer, scriptedText } from "../../../src/adapters/local/scripted-llm.js"
import { AgentResult } from "../../../src/domain/agent-result.js"
import { meteredLlmLayer } from "../../../src/domain/usage-meter.js"
import { AgentInvoker } from "../../../src/ports/agent-invoker.js"
import { Llm } from "../../../src/ports/llm.js"
import { sampleResult, sampleTask } from "../a2a/a2a-fixtures.js"
import { awaitSleep } from "../fetch/await-sleep.js"

const task = sampleTask({ deadline: DateTime.unsafeMake("2999-01-01T00:00:00Z") })
const deadline = DateTime.unsafeMake(60_000)

const failureOf = <A>(exit: Exit.Exit<A, { readonly reason: string; readonly message: string }>) =>
  Exit.match(exit, {
    onFailure: (cause) =>
      cause._tag === "Fail" ? cause.error : { reason: `cause:${cause._tag}`, message: "" },
    onSuccess: () => ({ reason: "success", message: "" }),
  })

describe("inlineAgentInvoker", () => {
  it.scoped("round-trips through the A2A codec, with the handler's model usage metered", () =>
    Effect.gen(function* () {
      const invoker = yield* AgentInvoker
      const reply = yield* invoker.invoke("eks", task, deadline)
      expect(reply.text).toBe("payments-api is OOMKilled")
      expect(reply.data).toEqual(
        Schema.encodeSync(AgentResult)(
          sampleResult("eks", { usage: [{ model: "haiku", inputTokens: 12, outputTokens: 3 }] }),
        ),
      )
    }).pipe(
      Effect.provide(
        inlineAgentInvokerLayer({
          eks: {
            mode: "reply",
            handle: () =>
              Effect.gen(function* () {
                const llm = yield* Llm
                yield* Effect.orDie(
                  llm.converse({
                    modelId: "haiku",
                    system: "",
                    messages: [],
                    maxTokens: 1,
                    temperature: 0,
                    timeoutMs: 1,
                  }),
                )
                return sampleResult("eks")
              }),
          },
        }).pipe(
          Layer.provide(
            meteredLlmLayer.pipe(
              Layer.provide(scriptedLlmLayer([scriptedText("x", { inputTokens: 12, outputTokens: 3 })])),
            ),
          ),
        ),
      ),
    ),
  )

  it.scoped("accepts at once in accept mode and runs the work in the layer's scope", () =>
    Effect.gen(function* () {
      const release = yield* Deferred.make<void>()
      const done = yield* Deferred.make<string>()
      const context = yield* Layer.build(
        inlineAgentInvokerLayer({
          master: {
            mode: "accept",
            handle: (t) =>
              Deferred.await(release).pipe(
                Effect.zipRight(Deferred.succeed(done, t.investigationId)),
                Effect.as(sampleResult("master")),
              ),
          },
        }),
      )
      const invoker = yield* Effect.provide(AgentInvoker, context)
      const reply = yield* invoker.invoke("master", task, deadline)
      expect(reply.data).toEqual({ accepted: true, investigationId: task.investigationId })
      expect(yield* Deferred.isDone(done)).toBe(false)
      yield* Deferred.succeed(release, undefined)
      expect(yield* Deferred.await(done)).toBe(task.investigationId)
    }),
  )

  it.scoped("is bounded by the caller's deadline on the clock", () =>
    Effect.gen(function* () {
      const invoker = yield* AgentInvoker
      const fiber = yield* Effect.fork(invoker.invoke("eks", task, DateTime.unsafeMake(2_000)))
      yield* awaitSleep((at) => at === 2_000)
      yield* TestClock.adjust("2 seconds")
      expect(failureOf(yield* Fiber.await(fiber))).toMatchObject({ reason: "timeout" })
    }).pipe(Effect.provide(inlineAgentInvokerLayer({ eks: { mode: "reply", handle: () => Effect.never } }))),
  )

  it.scoped("turns a defect, an invalid result and an unknown agent into error values", () =>
    Effect.gen(function* () {
      const invoker = yield* AgentInvoker
      const died = failureOf(yield* Effect.exit(invoker.invoke("eks", task, deadline)))
      expect(died).toMatchObject({ reason: "rejected" })
      expect(died.message).toContain("-32603")
      const invalid = failureOf(yield* Effect.exit(invoker.invoke("prometheus", task, deadline)))
      expect(invalid).toMatchObject({ reason: "rejected" })
      expect(invalid.message).toContain("invalid agent result")
      const unknown = failureOf(yield* Effect.exit(invoker.invoke("slack_scanner", task, deadline)))
      expect(unknown).toMatchObject({ reason: "not_configured" })
      // and it still works afterwards
      const again = yield* Effect.exit(invoker.invoke("eks", task, deadline))
      expect(failureOf(again).reason).toBe("rejected")
    }).pipe(
      Effect.provide(
        inlineAgentInvokerLayer({
          eks: { mode: "reply", handle: () => Effect.dieMessage("handler bug") },
          prometheus: {
            mode: "reply",
            handle: () => Effect.succeed(sampleResult("prometheus", { durationMs: -1 })),
          },
        }),
      ),
    ),
  )

  it.scoped("answers a timeout result when the task's own deadline passes first", () =>
    Effect.gen(function* () {
      const invoker = yield* AgentInvoker
      const short = sampleTask({ deadline: DateTime.unsafeMake(1_000) })
      const fiber = yield* Effect.fork(invoker.invoke("eks", short, deadline))
      yield* awaitSleep((at) => at === 1_000)
      yield* TestClock.adjust("1 second")
      const reply = yield* Fiber.join(fiber)
      expect(reply.data).toMatchObject({ agent: "eks", status: "timeout", durationMs: 1_000 })
    }).pipe(Effect.provide(inlineAgentInvokerLayer({ eks: { mode: "reply", handle: () => Effect.never } }))),
  )
})
