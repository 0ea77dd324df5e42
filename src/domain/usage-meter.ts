/**
 * Per-task token accounting. The original kept one process-global accumulator and reset it at
 * the start of every request, so two investigations running in one container corrupted each
 * other's totals (weak point 18). Here `meter(effect)` gives the effect its own accumulator,
 * carried in a FiberRef: every fiber the task forks inherits it, so every model call anywhere
 * in the task's fiber tree is attributed to that task and to no other. A nested `meter` keeps
 * its own usage (the inner task reports it itself; the outer one must not count it twice).
 */
import { Effect, FiberRef, Layer, Option, Ref } from "effect"
import { globalValue } from "effect/GlobalValue"
import { Llm, type LlmService, type LlmUsage } from "../ports/llm.js"
import type { AgentUsage } from "./agent-result.js"

type Accumulator = Ref.Ref<ReadonlyArray<AgentUsage>>

const currentMeter = globalValue("sre-on-call/UsageMeter", () =>
  FiberRef.unsafeMake<Option.Option<Accumulator>>(Option.none()),
)

/** One entry per model, in first-use order, tokens summed. */
export const totalsByModel = (usage: ReadonlyArray<AgentUsage>): ReadonlyArray<AgentUsage> => {
  const totals = new Map<string | null, { inputTokens: number; outputTokens: number }>()
  for (const u of usage) {
    const seen = totals.get(u.model) ?? { inputTokens: 0, outputTokens: 0 }
    totals.set(u.model, {
      inputTokens: seen.inputTokens + u.inputTokens,
      outputTokens: seen.outputTokens + u.outputTokens,
    })
  }
  return [...totals].map(([model, t]) => ({ model, ...t }))
}

/** Attribute one model call's usage to the task whose fiber tree we are in (no-op outside any). */
export const recordUsage = (usage: AgentUsage): Effect.Effect<void> =>
  FiberRef.get(currentMeter).pipe(
    Effect.flatMap(
      Option.match({
        onNone: () => Effect.logDebug("model usage recorded outside any metered task"),
        onSome: (acc) => Ref.update(acc, (xs) => [...xs, usage]),
      }),
    ),
  )

/** `recordUsage` for what `Llm.converse` reports (token counts clamped to whole, non-negative). */
export const recordLlmUsage = (modelId: string | null, usage: LlmUsage): Effect.Effect<void> =>
  recordUsage({
    model: modelId,
    inputTokens: Math.max(0, Math.trunc(usage.inputTokens)),
    outputTokens: Math.max(0, Math.trunc(usage.outputTokens)),
  })

/** Usage recorded so far by the current task (empty outside any metered task). */
export const usageSoFar: Effect.Effect<ReadonlyArray<AgentUsage>> = FiberRef.get(currentMeter).pipe(
  Effect.flatMap(
    Option.match({
      onNone: () => Effect.succeed<ReadonlyArray<AgentUsage>>([]),
      onSome: (acc) => Ref.get(acc).pipe(Effect.map(totalsByModel)),
    }),
  ),
)

/**
 * Run `effect` as one task: its result, and the usage recorded anywhere in its fiber tree
 * (totals per model). Usage recorded before a failure is lost with the failure; callers that
 * need it on timeout put the timeout inside (`meter(work.pipe(Effect.timeoutOption(d)))`).
 */
export const meter = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<readonly [A, ReadonlyArray<AgentUsage>], E, R> =>
  Effect.gen(function* () {
    const acc = yield* Ref.make<ReadonlyArray<AgentUsage>>([])
    const a = yield* Effect.locally(effect, currentMeter, Option.some(acc))
    const usage = yield* Ref.get(acc)
    return [a, totalsByModel(usage)] as const
  })

/** An `Llm` that records every successful call's usage against the current task. */
export const meteredLlm = (llm: LlmService): LlmService => ({
  converse: (req) =>
    llm.converse(req).pipe(Effect.tap((response) => recordLlmUsage(req.modelId, response.usage))),
})

/** Wraps whatever `Llm` is provided: `meteredLlmLayer.pipe(Layer.provide(bedrockLlmLayer(…)))`. */
export const meteredLlmLayer: Layer.Layer<Llm, never, Llm> = Layer.effect(Llm, Effect.map(Llm, meteredLlm))
