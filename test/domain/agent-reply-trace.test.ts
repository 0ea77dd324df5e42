/**
 * The master's `agent_reply` trace event carries an agent's drill-down record (model, why it
 * stopped, tokens, cost, transcript) after the AgentResult crossed the A2A encoding; without a
 * drill-down the event has none.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Ref, Schema } from "effect"
import { AgentResult, placeholderResult } from "../../src/domain/agent-result.js"
import type { DrillDownRecord } from "../../src/domain/drill-down-record.js"
import { callAgent } from "../../src/domain/orchestrator-agents.js"
import { AgentInvoker } from "../../src/ports/agent-invoker.js"
import { oomAlertText, taskFor } from "../agents/eks/fixtures/tasks.js"

const record: DrillDownRecord = {
  model: "us.anthropic.claude-sonnet-4-6",
  stopped: "max_steps",
  error: null,
  steps: 4,
  toolCalls: 5,
  findings: 2,
  inputTokens: 9000,
  outputTokens: 300,
  costUsd: 0.0315,
  transcript: [
    {
      role: "assistant",
      step: 1,
      text: "",
      toolCalls: [{ id: "t1", name: "pod_logs", input: { pod: "p" } }],
      usage: { inputTokens: 9000, outputTokens: 300 },
      stopReason: "tool_use",
    },
    {
      role: "tool",
      step: 1,
      id: "t1",
      name: "pod_logs",
      status: "success",
      content: "3 line(s)",
      findings: 1,
    },
  ],
}

const traced = (result: AgentResult) =>
  Effect.gen(function* () {
    const events = yield* Ref.make<ReadonlyArray<{ step: string; data: unknown }>>([])
    const task = taskFor(oomAlertText)
    const at = DateTime.unsafeMake("2026-11-27T13:11:00Z")
    yield* callAgent({
      invoker: AgentInvoker.of({
        invoke: () => Effect.succeed({ data: Schema.encodeSync(AgentResult)(result), text: "" }),
      }),
      task,
      agent: "eks",
      releaseAt: at,
      cutoffAt: at,
      trace: (step, data) => Ref.update(events, (xs) => [...xs, { step, data }]),
    })
    return (yield* Ref.get(events)).find((e) => e.step === "agent_reply")?.data
  })

describe("agent_reply trace", () => {
  it.effect("carries the drill-down record", () =>
    Effect.gen(function* () {
      const reply = yield* traced({
        ...placeholderResult("eks", "skipped", "x"),
        status: "ok",
        drillDown: record,
      })
      expect(reply).toMatchObject({ agent: "eks", drillDown: record })
    }),
  )

  it.effect("has none without a drill-down", () =>
    Effect.gen(function* () {
      const reply = yield* traced({ ...placeholderResult("eks", "skipped", "x"), status: "ok" })
      expect(reply).not.toHaveProperty("drillDown")
    }),
  )
})
