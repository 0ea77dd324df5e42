/**
 * The `Llm` twin for "no model configured": every call fails `disabled`, so callers take their
 * deterministic path (the classifier fails open, agents skip the drill-down) without a network.
 */
import { Effect, Layer } from "effect"
import { Llm, LlmError } from "../../ports/llm.js"

export const offLlmLayer: Layer.Layer<Llm> = Layer.succeed(
  Llm,
  Llm.of({
    converse: () => Effect.fail(new LlmError({ reason: "disabled", message: "no model configured" })),
  }),
)
