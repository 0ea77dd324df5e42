import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option, Ref } from "effect"
import { ScriptedLlm, scriptedLlmLayer, scriptedText } from "../../../src/adapters/local/scripted-llm.js"
import { type ConverseRequest, Llm, LlmError } from "../../../src/ports/llm.js"

const ask = (text: string): ConverseRequest => ({
  modelId: "m",
  system: "sys",
  messages: [{ role: "user", content: [{ _tag: "Text", text }] }],
  maxTokens: 10,
  temperature: 0,
  timeoutMs: 1_000,
})

const toolTurn = {
  text: "",
  toolCalls: [{ id: "t1", name: "list_pods", input: { namespace: "payments" } }],
  usage: { inputTokens: 3, outputTokens: 4 },
  stopReason: "tool_use",
}

describe("scriptedLlmLayer", () => {
  it.effect("plays turns in order, errors included, and records every request", () =>
    Effect.gen(function* () {
      const llm = yield* Llm
      const first = yield* llm.converse(ask("one"))
      const second = yield* Effect.flip(llm.converse(ask("two")))
      const third = yield* llm.converse(ask("three"))
      expect(first).toEqual(toolTurn)
      expect(second.reason).toBe("throttled")
      expect(third).toEqual(scriptedText("done"))
      const seen = yield* Ref.get((yield* ScriptedLlm).requests)
      expect(seen.map((r) => r.messages[0]?.content[0])).toEqual([
        { _tag: "Text", text: "one" },
        { _tag: "Text", text: "two" },
        { _tag: "Text", text: "three" },
      ])
    }).pipe(
      Effect.provide(
        scriptedLlmLayer([
          toolTurn,
          new LlmError({ reason: "throttled", message: "slow down" }),
          scriptedText("done"),
        ]),
      ),
    ),
  )

  it.effect("dies, naming the call, when the script is exhausted", () =>
    Effect.gen(function* () {
      const llm = yield* Llm
      yield* llm.converse(ask("one"))
      const exit = yield* Effect.exit(llm.converse(ask("two")))
      const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
      expect(Option.map(defect, String)).toEqual(
        Option.some("RuntimeException: scripted Llm: call 2 but only 1 turns scripted"),
      )
    }).pipe(Effect.provide(scriptedLlmLayer([scriptedText("only")]))),
  )
})
