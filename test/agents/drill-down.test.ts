/**
 * The eks agent with a model drill-down, over the real Kubernetes adapter and replay of
 * oom-after-deploy and a scripted model that calls three tools: the plan's findings are kept
 * first and unchanged (so their `eks#n` ids are too), the findings of all three calls follow
 * (less those the plan already had),
 * the tokens land in the task's usage once (through the meter), the transcript and cost are in
 * the result for the trace. With no model the agent is the plan alone; a failing model leaves
 * the plan's result with a note.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Ref, TestClock } from "effect"
import { runAgentTask } from "../../src/adapters/a2a/a2a-endpoint.js"
import { kubernetesClusterLayer } from "../../src/adapters/kubernetes/kubernetes-cluster-layer.js"
import {
  ScriptedLlm,
  type ScriptedTurn,
  scriptedLlmLayer,
  scriptedText,
} from "../../src/adapters/local/scripted-llm.js"
import { drillDownFor } from "../../src/agents/drill-down.js"
import { eksAgent } from "../../src/agents/eks/eks-agent.js"
import { eksTools } from "../../src/agents/eks/tools.js"
import type { AgentResult } from "../../src/domain/agent-result.js"
import { type AppConfig, defaultConfig } from "../../src/domain/config.js"
import { numberFindings } from "../../src/domain/finding.js"
import { meteredLlmLayer } from "../../src/domain/usage-meter.js"
import { LlmError } from "../../src/ports/llm.js"
import { makeKubernetesReplay } from "../../src/replay/kubernetes.js"
import { oomAfterDeploy } from "./eks/fixtures/scenarios.js"
import { oomAlertText, taskFor } from "./eks/fixtures/tasks.js"

const sonnet = "us.anthropic.claude-sonnet-4-6"

const withModel = (model: string | null): AppConfig => ({
  ...defaultConfig,
  agents: { ...defaultConfig.agents, eks: { ...defaultConfig.agents.eks, model } },
})

const threeCalls: ReadonlyArray<ScriptedTurn> = [
  {
    text: "The previous container and the pod's events first.",
    toolCalls: [
      {
        id: "t1",
        name: "pod_logs",
        input: {
          namespace: "payments",
          pod: "payments-api-6c9f7d8b4-w2v9k",
          container: "api",
          previous: true,
        },
      },
      {
        id: "t2",
        name: "object_events",
        input: { namespace: "payments", kind: "Pod", name: "payments-api-6c9f7d8b4-q7x2m" },
      },
    ],
    usage: { inputTokens: 1200, outputTokens: 90 },
    stopReason: "tool_use",
  },
  {
    text: "",
    toolCalls: [
      {
        id: "t3",
        name: "describe_workload",
        input: { namespace: "payments", kind: "Deployment", name: "payments-api" },
      },
    ],
    usage: { inputTokens: 1800, outputTokens: 60 },
    stopReason: "tool_use",
  },
  scriptedText("The v2.14.0 rollout's batch size exhausts the heap.", {
    inputTokens: 2500,
    outputTokens: 40,
  }),
]

const run = (config: AppConfig, turns: ReadonlyArray<ScriptedTurn>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse("2026-11-27T13:10:00Z"))
    const replay = yield* makeKubernetesReplay(oomAfterDeploy)
    const agent = drillDownFor(config, "eks", eksAgent, eksTools)
    const task = taskFor(oomAlertText)
    const llm = Layer.provideMerge(meteredLlmLayer, scriptedLlmLayer(turns))
    return yield* Effect.gen(function* () {
      const result = yield* runAgentTask({ agentId: "eks", ...agent }, task, { sessionId: null }, true)
      const requests = yield* Ref.get((yield* ScriptedLlm).requests)
      return { result, requests }
    }).pipe(Effect.provide(Layer.merge(kubernetesClusterLayer({ kubeconfig: replay.kubeconfig }), llm)))
  })

const comparable = (r: AgentResult) => r.findings.map((f) => [f.kind, f.title])

describe("eks with a model drill-down", () => {
  it.scoped("appends the findings of all three tool calls after the plan's, unchanged", () =>
    Effect.gen(function* () {
      const plan = yield* run(withModel(null), [])
      const { result, requests } = yield* run(withModel(sonnet), threeCalls)
      expect(plan.result.drillDown).toBeUndefined()
      expect(plan.requests).toHaveLength(0)
      const planCount = plan.result.findings.length
      expect(comparable(result).slice(0, planCount)).toEqual(comparable(plan.result))
      const added = result.findings.slice(planCount)
      expect(added.map((f) => [f.kind, f.resource])).toEqual([
        ["container_logs", "pod/payments/payments-api-6c9f7d8b4-w2v9k"],
        ["object_events", "pod/payments/payments-api-6c9f7d8b4-q7x2m"],
      ])
      expect(added[0]?.excerpt).toContain("JavaScript heap out of memory")
      // describe_workload found 0/2 replicas ready and the 6 → 7 rollout, which the plan had already reported: not repeated.
      const [described] =
        result.drillDown?.transcript.filter((e) => e.role === "tool" && e.name === "describe_workload") ?? []
      expect(described).toMatchObject({ status: "success", findings: 2 })
      // The master numbers them after the plan's: eks#1…eks#n are still the plan's findings.
      const ids = numberFindings(result.findings).map((f) => f.id)
      expect(ids.slice(planCount)).toEqual([1, 2].map((i) => `eks#${planCount + i}`))
      expect(result.status).toBe("ok")
      expect(result.summary).toMatch(/Drill-down: 3 tool call\(s\), 2 more finding\(s\)\.$/)
      // Tokens once, through the meter; cost from the price table.
      expect(result.usage).toEqual([{ model: sonnet, inputTokens: 5500, outputTokens: 190 }])
      expect(result.drillDown).toMatchObject({
        model: sonnet,
        stopped: "end_turn",
        steps: 2,
        toolCalls: 3,
        findings: 2,
        inputTokens: 5500,
        outputTokens: 190,
        costUsd: (5500 * 3 + 190 * 15) / 1_000_000,
      })
      expect(
        result.drillDown?.transcript.map((e) => (e.role === "tool" ? `${e.name}:${e.status}` : "model")),
      ).toEqual([
        "model",
        "pod_logs:success",
        "object_events:success",
        "model",
        "describe_workload:success",
        "model",
      ])
      // The model saw the plan's findings and the skills.
      expect(requests[0]?.system).toContain("## pod-logs (tool pod_logs)")
      const opening = requests[0]?.messages[0]?.content[0]
      expect(opening?._tag === "Text" ? opening.text : "").toContain("1. [critical] oom_killed: payments-api")
      expect(requests[0]?.tools?.map((t) => t.name).sort()).toEqual([
        "describe_workload",
        "node_conditions",
        "object_events",
        "pod_logs",
      ])
    }),
  )

  it.scoped("a failing model keeps the plan's result, with a note", () =>
    Effect.gen(function* () {
      const { result } = yield* run(withModel(sonnet), [
        new LlmError({ reason: "unavailable", message: "503" }),
      ])
      const plan = yield* run(withModel(null), [])
      expect(comparable(result)).toEqual(comparable(plan.result))
      expect(result.reason).toContain("drill-down stopped: the model failed (unavailable: 503)")
      expect(result.drillDown?.stopped).toBe("model_error")
    }),
  )

  it("with no model the agent is the plan itself", () => {
    expect(drillDownFor(withModel(null), "eks", eksAgent, eksTools)).toBe(eksAgent)
  })
})
