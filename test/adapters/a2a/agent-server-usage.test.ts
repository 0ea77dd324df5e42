/**
 * Two investigations running at once in one agent server (weak point 18): their model calls
 * interleave (A, B, A, B — a server-wide lock, as in the original, would deadlock here) and
 * each reply reports only its own task's token totals, per model.
 */
import { afterEach, describe, expect, it } from "@effect/vitest"
import { DateTime, Deferred, Effect, Layer } from "effect"
import { scriptedLlmLayer, scriptedText } from "../../../src/adapters/local/scripted-llm.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { meteredLlmLayer } from "../../../src/domain/usage-meter.js"
import { Llm } from "../../../src/ports/llm.js"
import { quietRuntime, sampleResult, sampleTask } from "./a2a-fixtures.js"
import { decodeResult, makeStarter, post, replyData, requestFor } from "./agent-server-harness.js"

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f()
})
const start = makeStarter(cleanups)

describe("agent server app: per-task token accounting", () => {
  it("runs two investigations concurrently and reports each one's own token totals", async () => {
    const haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
    const sonnet = "us.anthropic.claude-sonnet-4-6"
    const scripts: Record<string, ReadonlyArray<[string, number, number]>> = {
      "inv-a": [
        [haiku, 100, 10],
        [haiku, 200, 20],
      ],
      "inv-b": [
        [sonnet, 3000, 300],
        [haiku, 5, 5],
      ],
    }
    // A's first call, then B's first, then A's second, then B's second: one lock would deadlock.
    const aFirst = Effect.runSync(Deferred.make<void>())
    const bFirst = Effect.runSync(Deferred.make<void>())
    const handle = (task: AgentTask) =>
      Effect.gen(function* () {
        const llm = yield* Llm
        const script = scripts[task.investigationId] ?? []
        const isA = task.investigationId === "inv-a"
        const call = (i: number) =>
          Effect.orDie(
            llm.converse({
              modelId: script[i]?.[0] ?? "none",
              system: "",
              messages: [],
              maxTokens: 1,
              temperature: 0,
              timeoutMs: 100,
            }),
          )
        if (!isA) yield* Deferred.await(aFirst)
        yield* call(0)
        yield* Deferred.succeed(isA ? aFirst : bFirst, undefined)
        if (isA) yield* Deferred.await(bFirst)
        yield* call(1)
        return sampleResult("eks", { summary: task.investigationId })
      }).pipe(
        Effect.provide(
          meteredLlmLayer.pipe(
            Layer.provide(
              scriptedLlmLayer(
                (scripts[task.investigationId] ?? []).map(([, i, o]) =>
                  scriptedText("x", { inputTokens: i, outputTokens: o }),
                ),
              ),
            ),
          ),
        ),
      )
    const server = start({ agentId: "eks", mode: "reply", handle }, quietRuntime())
    const deadline = DateTime.unsafeMake("2999-01-01T00:00:00Z")
    const [a, b] = await Promise.all(
      ["inv-a", "inv-b"].map(async (investigationId) =>
        decodeResult(
          await replyData(await post(server, requestFor(sampleTask({ investigationId, deadline })))),
        ),
      ),
    )
    expect(a?.summary).toBe("inv-a")
    expect(a?.usage).toEqual([{ model: haiku, inputTokens: 300, outputTokens: 30 }])
    expect(b?.summary).toBe("inv-b")
    expect(b?.usage).toEqual([
      { model: sonnet, inputTokens: 3000, outputTokens: 300 },
      { model: haiku, inputTokens: 5, outputTokens: 5 },
    ])
  })
})
