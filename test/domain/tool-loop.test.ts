/**
 * The bounded tool loop over a scripted model on the TestClock: findings of every tool call
 * accumulate; each bound — tool rounds, tokens, time (a slow model turn, a slow tool) — stops
 * it; a malformed tool input, an unknown tool or a failing tool becomes an error tool result and
 * the loop goes on; a model error ends it with what was found; text reaching the model is redacted.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Ref, Schema, TestClock } from "effect"
import {
  ScriptedLlm,
  type ScriptedTurn,
  scriptedLlmLayer,
  scriptedText,
} from "../../src/adapters/local/scripted-llm.js"
import { agentTool, bindTool, ToolFailed } from "../../src/agents/agent-tool.js"
import type { Finding } from "../../src/domain/finding.js"
import { type LoopTool, runToolLoop, type ToolLoopInput } from "../../src/domain/tool-loop.js"
import { type ConverseRequest, type ConverseResponse, Llm, LlmError } from "../../src/ports/llm.js"
import { oomAlertText, taskFor } from "../agents/eks/fixtures/tasks.js"

const task = taskFor(oomAlertText)

const finding = (title: string): Finding => ({
  id: "",
  agent: "eks",
  title,
  detail: "",
  severity: "medium",
  kind: "container_logs",
  observedAt: null,
  resource: `pod/payments/${title}`,
  service: null,
  link: null,
  excerpt: null,
})

/** `probe`: answers one finding named after its `target`; `fail`: always refuses. */
const probe = bindTool(
  agentTool({
    name: "probe",
    description: "probe one target",
    input: Schema.Struct({ target: Schema.String.pipe(Schema.minLength(1)) }),
    run: ({ target }) => Effect.succeed({ findings: [finding(target)], text: `probed ${target}` }),
  }),
  task,
  "probe one target",
)

const fail = bindTool(
  agentTool({
    name: "fail",
    description: "always refuses",
    input: Schema.Struct({}),
    run: () => Effect.fail(new ToolFailed({ message: "forbidden: pods/log (password=hunter2)" })),
  }),
  task,
  "always refuses",
)

const slow = bindTool(
  agentTool({
    name: "slow",
    description: "takes 10 s",
    input: Schema.Struct({}),
    run: () => Effect.as(Effect.sleep("10 seconds"), { findings: [finding("slow")], text: "slow" }),
  }),
  task,
  "takes 10 s",
)

const call = (id: string, name: string, input: unknown) => ({ id, name, input })

const toolTurn = (
  calls: ReadonlyArray<ReturnType<typeof call>>,
  usage = { inputTokens: 100, outputTokens: 10 },
): ConverseResponse => ({ text: "", toolCalls: calls, usage, stopReason: "tool_use" })

const input = (over: Partial<ToolLoopInput<never>> = {}): ToolLoopInput<never> => ({
  modelId: "us.anthropic.claude-sonnet-4-6",
  system: "system prompt",
  opening: "the alert",
  tools: [probe, fail, slow] satisfies ReadonlyArray<LoopTool<never>>,
  maxSteps: 4,
  tokenBudget: 20_000,
  deadlineMs: 60_000,
  ...over,
})

const run = (turns: ReadonlyArray<ScriptedTurn>, over: Partial<ToolLoopInput<never>> = {}) =>
  Effect.gen(function* () {
    const outcome = yield* runToolLoop(input(over))
    const requests = yield* Ref.get((yield* ScriptedLlm).requests)
    return { outcome, requests }
  }).pipe(Effect.provide(scriptedLlmLayer(turns)))

const toolResults = (req: ConverseRequest | undefined) =>
  (req?.messages.at(-1)?.content ?? []).flatMap((c) => (c._tag === "ToolResult" ? [c] : []))

describe("runToolLoop", () => {
  it.effect("accumulates the findings of every tool call until the model ends its turn", () =>
    Effect.gen(function* () {
      const { outcome, requests } = yield* run([
        toolTurn([call("t1", "probe", { target: "a" }), call("t2", "probe", { target: "b" })]),
        toolTurn([call("t3", "probe", { target: "c" })]),
        scriptedText("a, b and c explain it", { inputTokens: 300, outputTokens: 20 }),
      ])
      expect(outcome.findings.map((f) => f.title)).toEqual(["a", "b", "c"])
      expect([outcome.stopped, outcome.steps, outcome.toolCalls, outcome.text]).toEqual([
        "end_turn",
        2,
        3,
        "a, b and c explain it",
      ])
      expect(outcome.usage).toEqual({ inputTokens: 500, outputTokens: 40 })
      expect(requests).toHaveLength(3)
      expect(requests[0]?.tools?.map((t) => t.name)).toEqual(["probe", "fail", "slow"])
      expect(requests[0]?.temperature).toBe(0)
      expect(toolResults(requests[1]).map((r) => [r.id, r.status, r.content])).toEqual([
        ["t1", "success", "probed a"],
        ["t2", "success", "probed b"],
      ])
      // The assistant turn is echoed back before its results, as Converse requires.
      expect(requests[2]?.messages.map((m) => m.role)).toEqual([
        "user",
        "assistant",
        "user",
        "assistant",
        "user",
      ])
      expect(outcome.transcript.filter((e) => e.role === "tool")).toHaveLength(3)
    }),
  )

  it.effect("stops after max steps without another model call, keeping every step's findings", () =>
    Effect.gen(function* () {
      const { outcome, requests } = yield* run(
        [
          toolTurn([call("t1", "probe", { target: "a" })]),
          toolTurn([call("t2", "probe", { target: "b" })]),
          toolTurn([call("t3", "probe", { target: "c" })]),
        ],
        { maxSteps: 2 },
      )
      expect([outcome.stopped, outcome.steps]).toEqual(["max_steps", 2])
      expect(outcome.findings.map((f) => f.title)).toEqual(["a", "b"])
      expect(requests).toHaveLength(2)
    }),
  )

  it.effect("stops when the token budget is spent, and never asks for more output than is left", () =>
    Effect.gen(function* () {
      const { outcome, requests } = yield* run(
        [
          toolTurn([call("t1", "probe", { target: "a" })], { inputTokens: 700, outputTokens: 100 }),
          toolTurn([call("t2", "probe", { target: "b" })], { inputTokens: 900, outputTokens: 100 }),
          toolTurn([call("t3", "probe", { target: "c" })]),
        ],
        { tokenBudget: 1500 },
      )
      expect(outcome.stopped).toBe("token_budget")
      expect(requests.map((r) => r.maxTokens)).toEqual([1024, 700])
      expect(outcome.findings.map((f) => f.title)).toEqual(["a", "b"])
      expect(outcome.usage).toEqual({ inputTokens: 1600, outputTokens: 200 })
    }),
  )

  it.effect("stops at the deadline while a slow model turn is still running", () =>
    Effect.gen(function* () {
      const calls = yield* Ref.make<ReadonlyArray<ConverseRequest>>([])
      const slowLlm = Layer.succeed(
        Llm,
        Llm.of({
          converse: (req) =>
            Ref.update(calls, (xs) => [...xs, req]).pipe(
              Effect.zipRight(Effect.sleep("20 seconds")),
              Effect.as(toolTurn([call("t1", "probe", { target: "late" })])),
            ),
        }),
      )
      const fiber = yield* runToolLoop(input({ deadlineMs: 8000 })).pipe(Effect.provide(slowLlm), Effect.fork)
      yield* TestClock.adjust("7999 millis")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      const outcome = yield* Fiber.join(fiber)
      expect([outcome.stopped, outcome.findings.length, outcome.steps]).toEqual(["deadline", 0, 0])
      // The model call itself is told the time left.
      expect((yield* Ref.get(calls)).map((r) => r.timeoutMs)).toEqual([8000])
    }),
  )

  it.effect("a tool still running at the deadline answers an error, and no further turn starts", () =>
    Effect.gen(function* () {
      const fiber = yield* run(
        [toolTurn([call("t1", "probe", { target: "a" }), call("t2", "slow", {})]), scriptedText("never")],
        { deadlineMs: 5000 },
      ).pipe(Effect.fork)
      yield* TestClock.adjust("5 seconds")
      const { outcome, requests } = yield* Fiber.join(fiber)
      expect(outcome.stopped).toBe("deadline")
      expect(outcome.findings.map((f) => f.title)).toEqual(["a"])
      expect(requests).toHaveLength(1)
      const slowResult = outcome.transcript.find((e) => e.role === "tool" && e.name === "slow")
      expect(slowResult).toMatchObject({ status: "error", content: expect.stringContaining("deadline") })
    }),
  )

  it.effect("does not start a turn with less than a second left", () =>
    Effect.gen(function* () {
      const { outcome, requests } = yield* run([scriptedText("unused")], { deadlineMs: 999 })
      expect([outcome.stopped, requests.length]).toEqual(["deadline", 0])
    }),
  )

  it.effect("a malformed tool input becomes an error tool result and the loop continues", () =>
    Effect.gen(function* () {
      const { outcome, requests } = yield* run([
        toolTurn([call("t1", "probe", { target: 42 }), call("t2", "probe", { target: "a", extra: true })]),
        toolTurn([call("t3", "probe", { target: "b" })]),
        scriptedText("done"),
      ])
      const [bad, extra] = toolResults(requests[1])
      expect(bad?.status).toBe("error")
      expect(bad?.content).toMatch(/^invalid input for probe: target: Expected string, actual 42/)
      expect(extra?.status).toBe("error")
      expect(extra?.content).toContain("extra")
      expect(outcome.stopped).toBe("end_turn")
      expect(outcome.findings.map((f) => f.title)).toEqual(["b"])
    }),
  )

  it.effect("an unknown tool and a failing tool answer errors; their text is redacted", () =>
    Effect.gen(function* () {
      const { outcome, requests } = yield* run([
        toolTurn([call("t1", "nope", {}), call("t2", "fail", {})]),
        scriptedText("done"),
      ])
      const [unknown, failed] = toolResults(requests[1])
      expect(unknown).toMatchObject({
        status: "error",
        content: "unknown tool nope; available: probe, fail, slow",
      })
      expect(failed?.status).toBe("error")
      expect(failed?.content).toContain("forbidden: pods/log")
      expect(failed?.content).not.toContain("hunter2")
      expect(JSON.stringify(outcome.transcript)).not.toContain("hunter2")
      expect(outcome.stopped).toBe("end_turn")
    }),
  )

  it.effect("caps the tool calls of one turn", () =>
    Effect.gen(function* () {
      const many = ["a", "b", "c", "d", "e", "f", "g"].map((t, i) => call(`t${i}`, "probe", { target: t }))
      const { outcome, requests } = yield* run([toolTurn(many), scriptedText("done")])
      expect(outcome.findings.map((f) => f.title)).toEqual(["a", "b", "c", "d", "e"])
      expect(toolResults(requests[1]).map((r) => r.status)).toEqual([
        "success",
        "success",
        "success",
        "success",
        "success",
        "error",
        "error",
      ])
    }),
  )

  it.effect("a model error ends the loop with the findings so far", () =>
    Effect.gen(function* () {
      const { outcome } = yield* run([
        toolTurn([call("t1", "probe", { target: "a" })]),
        new LlmError({ reason: "throttled", message: "slow down" }),
      ])
      expect([outcome.stopped, outcome.error]).toEqual(["model_error", "throttled: slow down"])
      expect(outcome.findings.map((f) => f.title)).toEqual(["a"])
    }),
  )

  it.effect("redacts the opening message and the system prompt", () =>
    Effect.gen(function* () {
      const { requests } = yield* run([scriptedText("ok")], {
        opening: "token=xoxb-1234567890-abcdefghij in the alert",
        system: "api_key=sk-abcdefghijklmnopqrstuvwxyz",
      })
      const sent = JSON.stringify(requests[0])
      expect(sent).not.toContain("xoxb-1234567890")
      expect(sent).not.toContain("sk-abcdefghijklmnopqrstuvwxyz")
    }),
  )
})
