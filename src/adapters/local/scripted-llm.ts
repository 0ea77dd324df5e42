/**
 * A deterministic `Llm` twin for domain tests: plays scripted turns in order (a reply or an
 * `LlmError`) and records every request, exposed through the `ScriptedLlm` tag so tests can
 * assert the prompt. Calling past the end of the script is a test bug, so it dies loudly
 * rather than failing with an error a fail-open caller would swallow.
 */
import { Context, Effect, Layer, Ref } from "effect"
import { type ConverseRequest, type ConverseResponse, Llm, LlmError } from "../../ports/llm.js"

export type ScriptedTurn = ConverseResponse | LlmError

export interface ScriptedLlmService {
  /** every request received, in order */
  readonly requests: Ref.Ref<ReadonlyArray<ConverseRequest>>
}

export class ScriptedLlm extends Context.Tag("sre-on-call/ScriptedLlm")<ScriptedLlm, ScriptedLlmService>() {}

/** A text-only reply, for scripts. */
export const scriptedText = (
  text: string,
  usage: ConverseResponse["usage"] = { inputTokens: 0, outputTokens: 0 },
): ConverseResponse => ({ text, toolCalls: [], usage, stopReason: "end_turn" })

export const scriptedLlmLayer = (turns: ReadonlyArray<ScriptedTurn>): Layer.Layer<Llm | ScriptedLlm> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const requests = yield* Ref.make<ReadonlyArray<ConverseRequest>>([])
      const converse = (req: ConverseRequest) =>
        Ref.modify(requests, (seen) => [seen.length, [...seen, req]]).pipe(
          Effect.flatMap((index) => {
            const turn = turns[index]
            if (turn === undefined) {
              return Effect.dieMessage(
                `scripted Llm: call ${index + 1} but only ${turns.length} turns scripted`,
              )
            }
            return turn instanceof LlmError ? Effect.fail(turn) : Effect.succeed(turn)
          }),
        )
      return Context.make(Llm, Llm.of({ converse })).pipe(Context.add(ScriptedLlm, { requests }))
    }),
  )
