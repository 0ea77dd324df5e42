import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { offLlmLayer } from "../../../src/adapters/local/off-llm.js"
import { Llm, LlmError } from "../../../src/ports/llm.js"

describe("offLlmLayer", () => {
  it.effect("fails every call with disabled: no model configured", () =>
    Effect.gen(function* () {
      const llm = yield* Llm
      const error = yield* Effect.flip(
        llm.converse({
          modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
          system: "s",
          messages: [{ role: "user", content: [{ _tag: "Text", text: "hi" }] }],
          maxTokens: 5,
          temperature: 0,
          timeoutMs: 1_000,
        }),
      )
      expect(error).toBeInstanceOf(LlmError)
      expect({ reason: error.reason, message: error.message }).toEqual({
        reason: "disabled",
        message: "no model configured",
      })
    }).pipe(Effect.provide(offLlmLayer)),
  )
})
