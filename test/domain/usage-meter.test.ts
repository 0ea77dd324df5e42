/**
 * Per-task token accounting: usage recorded anywhere in a task's fiber tree (forked children
 * included) lands in that task's totals and nowhere else; two concurrent tasks interleaving
 * their model calls keep separate totals (the original's global accumulator did not).
 */
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Layer } from "effect"
import { scriptedLlmLayer, scriptedText } from "../../src/adapters/local/scripted-llm.js"
import {
  meter,
  meteredLlmLayer,
  recordLlmUsage,
  recordUsage,
  totalsByModel,
  usageSoFar,
} from "../../src/domain/usage-meter.js"
import { Llm } from "../../src/ports/llm.js"

const haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
const sonnet = "us.anthropic.claude-sonnet-4-6"
const use = (model: string | null, inputTokens: number, outputTokens: number) => ({
  model,
  inputTokens,
  outputTokens,
})

describe("usage meter", () => {
  it("sums usage per model, in first-use order", () => {
    expect(
      totalsByModel([use(haiku, 10, 1), use(sonnet, 100, 10), use(haiku, 5, 2), use(null, 1, 1)]),
    ).toEqual([use(haiku, 15, 3), use(sonnet, 100, 10), use(null, 1, 1)])
  })

  it.effect("attributes usage from forked fibers to the task that forked them", () =>
    Effect.gen(function* () {
      const [value, usage] = yield* meter(
        Effect.gen(function* () {
          yield* recordUsage(use(haiku, 100, 10))
          yield* Effect.forEach(
            [1, 2, 3],
            (n) => recordLlmUsage(haiku, { inputTokens: n, outputTokens: n }),
            {
              concurrency: "unbounded",
            },
          )
          const child = yield* Effect.fork(recordUsage(use(sonnet, 7, 7)))
          yield* Fiber.join(child)
          expect(yield* usageSoFar).toEqual([use(haiku, 106, 16), use(sonnet, 7, 7)])
          return "done"
        }),
      )
      expect(value).toBe("done")
      expect(usage).toEqual([use(haiku, 106, 16), use(sonnet, 7, 7)])
    }),
  )

  it.effect("isolates a nested task and ignores usage outside any task", () =>
    Effect.gen(function* () {
      yield* recordUsage(use(haiku, 999, 999))
      const [[, inner], outer] = yield* meter(
        Effect.gen(function* () {
          yield* recordUsage(use(haiku, 1, 1))
          return yield* meter(recordUsage(use(sonnet, 50, 5)))
        }),
      )
      expect(inner).toEqual([use(sonnet, 50, 5)])
      expect(outer).toEqual([use(haiku, 1, 1)])
      expect(yield* usageSoFar).toEqual([])
    }),
  )

  it.effect("keeps two concurrent, interleaved tasks' totals apart", () =>
    Effect.gen(function* () {
      const aFirst = yield* Deferred.make<void>()
      const bFirst = yield* Deferred.make<void>()
      // A records, lets B record, then records again: the calls interleave A, B, A, B.
      const taskA = meter(
        Effect.gen(function* () {
          yield* recordUsage(use(haiku, 100, 10))
          yield* Deferred.succeed(aFirst, undefined)
          yield* Deferred.await(bFirst)
          yield* recordUsage(use(haiku, 200, 20))
        }),
      )
      const taskB = meter(
        Effect.gen(function* () {
          yield* Deferred.await(aFirst)
          yield* recordUsage(use(sonnet, 3000, 300))
          yield* Deferred.succeed(bFirst, undefined)
          yield* recordUsage(use(haiku, 4, 4))
        }),
      )
      const [[, a], [, b]] = yield* Effect.all([taskA, taskB], { concurrency: 2 })
      expect(a).toEqual([use(haiku, 300, 30)])
      expect(b).toEqual([use(sonnet, 3000, 300), use(haiku, 4, 4)])
    }),
  )

  it.effect("meteredLlm records every successful converse against the current task", () =>
    Effect.gen(function* () {
      const [, usage] = yield* meter(
        Effect.gen(function* () {
          const llm = yield* Llm
          const request = {
            modelId: haiku,
            system: "s",
            messages: [],
            maxTokens: 10,
            temperature: 0,
            timeoutMs: 1000,
          }
          yield* llm.converse(request)
          yield* llm.converse({ ...request, modelId: sonnet })
        }).pipe(
          Effect.provide(
            meteredLlmLayer.pipe(
              Layer.provide(
                scriptedLlmLayer([
                  scriptedText("a", { inputTokens: 120, outputTokens: 8 }),
                  scriptedText("b", { inputTokens: 900, outputTokens: 90 }),
                ]),
              ),
            ),
          ),
        ),
      )
      expect(usage).toEqual([use(haiku, 120, 8), use(sonnet, 900, 90)])
    }),
  )
})
