/**
 * The bounded model drill-down an agent may run after its deterministic plan: the model sees the
 * alert, what the plan already found and the agent's tools (Converse `toolConfig`), and may ask
 * for tool calls; we run them and answer with their results, turn after turn, until the model
 * ends its turn or a bound stops it — tool rounds (`maxSteps`), tokens (`tokenBudget`, the sum
 * of every turn's usage) or time (`deadlineMs`, on Effect's Clock; each model call is also told
 * the time left). The original kept only the last tool call's structured result (W2); here the
 * findings of EVERY tool call accumulate. A tool input that does not decode, an unknown tool, a
 * failing tool: each becomes an error tool result the model reads, never a failure of the loop.
 * A model error ends the loop with what was found so far. Pure over the `Llm` port (no SDK);
 * every text we send or keep is redacted.
 */
import { Clock, Duration, Effect, Option } from "effect"
import { Llm, type LlmContent, type LlmMessage, type LlmTool, type LlmUsage } from "../ports/llm.js"
import type { StopReason, TranscriptEntry } from "./drill-down-record.js"
import type { Finding } from "./finding.js"
import { redact } from "./redact.js"
import { toTraceData } from "./trace.js"

export type { StopReason, TranscriptEntry } from "./drill-down-record.js"

/** What one tool call gives back: findings for the report, text for the model. */
export interface ToolOutput {
  readonly findings: ReadonlyArray<Finding>
  readonly text: string
}

/** A tool as the loop sees it: its Converse spec and a call that decodes its own input. */
export interface LoopTool<R> {
  readonly spec: LlmTool
  /** Fails with the message the model should read (a bad input, a refused read). */
  readonly call: (input: unknown) => Effect.Effect<ToolOutput, string, R>
}

export interface ToolLoopInput<R> {
  readonly modelId: string
  readonly system: string
  /** The first user message: the alert and what the deterministic plan found. */
  readonly opening: string
  readonly tools: ReadonlyArray<LoopTool<R>>
  /** Model turns that ask for tools, at most. */
  readonly maxSteps: number
  /** Input + output tokens over all turns, at most (checked before each turn). */
  readonly tokenBudget: number
  /** Epoch ms by which the loop must have stopped. */
  readonly deadlineMs: number
  /** Output tokens per turn (default 1024). */
  readonly maxTokensPerTurn?: number
}

export interface ToolLoopOutcome {
  readonly findings: ReadonlyArray<Finding>
  /** The model's last text (its summary when it ended its turn). */
  readonly text: string
  readonly stopped: StopReason
  /** Tool rounds run. */
  readonly steps: number
  readonly toolCalls: number
  readonly usage: LlmUsage
  readonly transcript: ReadonlyArray<TranscriptEntry>
  /** The model error that ended the loop, if one did. */
  readonly error: string | null
}

/** Below this much time left, another model turn cannot usefully finish. */
export const minTurnMs = 1000
/** Tool calls honoured per model turn; the rest answer an error. */
export const maxCallsPerTurn = 5
/** What a tool result may put in front of the model. */
export const maxToolResultChars = 4000

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

const addUsage = (a: LlmUsage, b: LlmUsage): LlmUsage => ({
  inputTokens: a.inputTokens + Math.max(0, Math.trunc(b.inputTokens)),
  outputTokens: a.outputTokens + Math.max(0, Math.trunc(b.outputTokens)),
})

const tokensOf = (u: LlmUsage): number => u.inputTokens + u.outputTokens

interface CallResult {
  readonly content: LlmContent & { readonly _tag: "ToolResult" }
  readonly findings: ReadonlyArray<Finding>
  readonly entry: TranscriptEntry
}

const runCall = <R>(
  tools: ReadonlyMap<string, LoopTool<R>>,
  call: { readonly id: string; readonly name: string; readonly input: unknown },
  index: number,
  step: number,
  deadlineMs: number,
): Effect.Effect<CallResult, never, R> =>
  Effect.gen(function* () {
    const tool = tools.get(call.name)
    const leftMs = deadlineMs - (yield* Clock.currentTimeMillis)
    const outcome: Effect.Effect<ToolOutput, string, R> =
      index >= maxCallsPerTurn
        ? Effect.fail(`at most ${maxCallsPerTurn} tool calls per turn; this one was not run`)
        : tool === undefined
          ? Effect.fail(`unknown tool ${call.name}; available: ${[...tools.keys()].join(", ")}`)
          : leftMs <= 0
            ? Effect.fail("the investigation deadline is reached; summarize what you have")
            : tool.call(call.input).pipe(
                Effect.timeoutFail({
                  duration: Duration.millis(leftMs),
                  onTimeout: () => "the tool did not finish before the investigation deadline",
                }),
              )
    const result = yield* Effect.either(outcome)
    const status = result._tag === "Right" ? ("success" as const) : ("error" as const)
    const text = clip(redact(result._tag === "Right" ? result.right.text : result.left), maxToolResultChars)
    const findings = result._tag === "Right" ? result.right.findings : []
    return {
      content: { _tag: "ToolResult", id: call.id, content: text === "" ? "(no output)" : text, status },
      findings,
      entry: {
        role: "tool",
        step,
        id: call.id,
        name: call.name,
        status,
        content: text,
        findings: findings.length,
      },
    }
  })

/** Run the loop; it never fails (see the module header). */
export const runToolLoop = <R>(input: ToolLoopInput<R>): Effect.Effect<ToolLoopOutcome, never, Llm | R> =>
  Effect.gen(function* () {
    const llm = yield* Llm
    const tools = new Map(input.tools.map((t) => [t.spec.name, t]))
    const messages: Array<LlmMessage> = [
      { role: "user", content: [{ _tag: "Text", text: redact(input.opening) }] },
    ]
    const transcript: Array<TranscriptEntry> = []
    const findings: Array<Finding> = []
    let usage: LlmUsage = { inputTokens: 0, outputTokens: 0 }
    let steps = 0
    let toolCalls = 0
    let text = ""
    const done = (stopped: StopReason, error: string | null = null): ToolLoopOutcome => ({
      findings,
      text,
      stopped,
      steps,
      toolCalls,
      usage,
      transcript,
      error,
    })
    while (true) {
      if (steps >= input.maxSteps) return done("max_steps")
      if (tokensOf(usage) >= input.tokenBudget) return done("token_budget")
      const leftMs = input.deadlineMs - (yield* Clock.currentTimeMillis)
      if (leftMs < minTurnMs) return done("deadline")
      const reply = yield* llm
        .converse({
          modelId: input.modelId,
          system: redact(input.system),
          // A snapshot: the conversation grows after the call, the request must not.
          messages: [...messages],
          tools: input.tools.map((t) => t.spec),
          maxTokens: Math.max(
            1,
            Math.min(input.maxTokensPerTurn ?? 1024, input.tokenBudget - tokensOf(usage)),
          ),
          temperature: 0,
          timeoutMs: leftMs,
        })
        // The adapter honours timeoutMs itself; this bound is for any Llm, on Effect's Clock.
        .pipe(Effect.either, Effect.timeoutOption(Duration.millis(leftMs)))
      if (Option.isNone(reply)) return done("deadline")
      if (reply.value._tag === "Left") {
        const e = reply.value.left
        return done(e.reason === "timeout" ? "deadline" : "model_error", `${e.reason}: ${e.message}`)
      }
      const turn = reply.value.right
      usage = addUsage(usage, turn.usage)
      text = redact(turn.text)
      const calls = turn.toolCalls
      transcript.push({
        role: "assistant",
        step: steps + 1,
        text,
        // JSON as decoded from the model's reply; redacted like every other trace value.
        toolCalls: calls.map((c) => ({ id: c.id, name: c.name, input: toTraceData(c.input) })),
        usage: turn.usage,
        stopReason: turn.stopReason,
      })
      if (calls.length === 0) return done("end_turn")
      steps += 1
      messages.push({
        role: "assistant",
        content: [
          ...(turn.text === "" ? [] : [{ _tag: "Text" as const, text: turn.text }]),
          ...calls.map((c) => ({ _tag: "ToolUse" as const, id: c.id, name: c.name, input: c.input })),
        ],
      })
      const results = yield* Effect.forEach(
        calls,
        (call, index) => runCall(tools, call, index, steps, input.deadlineMs),
        { concurrency: 4 },
      )
      for (const r of results) {
        findings.push(...r.findings)
        transcript.push(r.entry)
      }
      toolCalls += Math.min(calls.length, maxCallsPerTurn)
      messages.push({ role: "user", content: results.map((r) => r.content) })
    }
  })
