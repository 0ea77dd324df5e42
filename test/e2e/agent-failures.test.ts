/**
 * Whatever an agent does, the report goes out: a malformed A2A reply, a JSON-RPC error, a 10 MB
 * reply and a crashing agent each become ⚠️ for that agent (with the reason), through the real
 * transports — the routing invoker, three agents on a loopback A2A endpoint (runtime: url) and
 * one inline — while a healthy agent's findings still make the report.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer } from "effect"
import { Hono } from "hono"
import { memoryDedupStoreLayer } from "../../src/adapters/local/memory-dedup-store.js"
import { memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import { offLlmLayer } from "../../src/adapters/local/off-llm.js"
import { routingAgentInvokerLayer } from "../../src/adapters/local/routing-agent-invoker.js"
import { captureLoggerLayer } from "../../src/adapters/log/json-logger.js"
import { AppSettings } from "../../src/domain/app-settings.js"
import { type AppConfig, defaultConfig } from "../../src/domain/config.js"
import { Orchestrator, OrchestratorLive } from "../../src/domain/orchestrator.js"
import { serveLoopback } from "../../src/replay/serve.js"
import { investigateTask, onlyAgents } from "../support/investigate-task.js"
import { makeMemoryChat, visibleText } from "../support/memory-chat.js"

const alertText = "<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments) critical"

/** Four misbehaving answers, one per path. */
const misbehaving = new Hono()
  .post("/malformed", (c) =>
    c.text('{"jsonrpc":"2.0","id":"1","result":{"kind":"message","parts":[{"kind":"text","text":"oops"', 200),
  )
  .post("/rpc-error", (c) =>
    c.json({ jsonrpc: "2.0", id: "1", error: { code: -32000, message: "agent exploded politely" } }),
  )
  .post("/huge", (c) => c.text(`{"jsonrpc":"2.0","id":"1","result":"${"x".repeat(10 * 1024 * 1024)}"}`, 200))

const urlAgents = (config: AppConfig): AppConfig => ({
  ...config,
  agents: {
    ...config.agents,
    cloudwatch_logs: { ...config.agents.cloudwatch_logs, runtime: "url" },
    prometheus: { ...config.agents.prometheus, runtime: "url" },
    incident_history: { ...config.agents.incident_history, runtime: "url" },
    slack_scanner: { ...config.agents.slack_scanner, enabled: false },
    discord_scanner: { ...config.agents.discord_scanner, enabled: false },
  },
})

describe("agents that fail never stop the report", () => {
  it.scopedLive(
    "malformed A2A, JSON-RPC error, 10 MB reply and a crash → ⚠️ for each; the healthy agent's finding is in",
    () =>
      Effect.gen(function* () {
        const server = yield* serveLoopback(misbehaving)
        const config = urlAgents(defaultConfig)
        const chat = makeMemoryChat()
        const invoker = routingAgentInvokerLayer({
          agents: config.agents,
          env: {
            CLOUDWATCH_LOGS_AGENT_URL: `${server.url}/malformed`,
            PROMETHEUS_AGENT_URL: `${server.url}/rpc-error`,
            INCIDENT_HISTORY_AGENT_URL: `${server.url}/huge`,
          },
          inline: {
            eks: {
              mode: "reply",
              handle: () =>
                Effect.succeed({
                  agent: "eks" as const,
                  status: "ok" as const,
                  findings: [
                    {
                      id: "",
                      agent: "eks" as const,
                      title: "payments-api OOMKilled, 6 restarts",
                      detail: "",
                      severity: "high" as const,
                      kind: "oom_killed",
                      observedAt: null,
                      resource: "pod/payments/payments-api-6c9f7d8b4-q7x2m",
                      service: "payments-api",
                      link: null,
                      excerpt: null,
                    },
                  ],
                  summary: "",
                  reason: null,
                  scanned: [],
                  usage: [],
                  durationMs: 0,
                }),
            },
          },
          agentCore: { region: "us-east-1" },
        })
        const world = OrchestratorLive.pipe(
          Layer.provideMerge(
            Layer.mergeAll(
              Layer.succeed(AppSettings, config),
              invoker,
              chat.layer,
              memoryDedupStoreLayer(),
              offLlmLayer,
              memoryTraceStoreLayer(),
            ),
          ),
          Layer.provideMerge(captureLoggerLayer([])),
        )
        const now = yield* DateTime.now
        const task = investigateTask(now, {
          investigationId: "inv-failures-0001",
          alertText,
          workspace: null,
        })
        yield* Effect.flatMap(Orchestrator, (o) => o.investigate(task)).pipe(Effect.provide(world))

        const report = chat.posts().find((p) => visibleText(p.message).includes("Incident Report"))
        const text = visibleText(report?.message)
        expect(text).toMatch(/Kubernetes \(EKS\)\* ✅/)
        expect(text).toContain("eks#1")
        expect(text).toMatch(/CloudWatch Logs\* ⚠️[^\n]*malformed/)
        expect(text).toMatch(/Prometheus\* ⚠️[^\n]*agent exploded politely/)
        expect(text).toMatch(/Past incidents\* ⚠️[^\n]*(large|too_large|MiB|bytes)/i)
      }),
  )

  it.scopedLive("an agent whose handler crashes is ⚠️, and the report still goes out", () =>
    Effect.gen(function* () {
      const config: AppConfig = onlyAgents(["eks"])
      const chat = makeMemoryChat()
      const invoker = routingAgentInvokerLayer({
        agents: config.agents,
        env: {},
        inline: { eks: { mode: "reply", handle: () => Effect.dieMessage("kubeconfig parser blew up") } },
        agentCore: { region: "us-east-1" },
      })
      const world = OrchestratorLive.pipe(
        Layer.provideMerge(
          Layer.mergeAll(
            Layer.succeed(AppSettings, config),
            invoker,
            chat.layer,
            memoryDedupStoreLayer(),
            offLlmLayer,
            memoryTraceStoreLayer(),
          ),
        ),
        Layer.provideMerge(captureLoggerLayer([])),
      )
      const now = yield* DateTime.now
      const base = investigateTask(now, { investigationId: "inv-failures-0002", alertText, workspace: null })
      // A top-level alert of its own (no thread).
      const task = { ...base, alert: { ...base.alert, messageId: "1795784700.000300", threadId: null } }
      yield* Effect.flatMap(Orchestrator, (o) => o.investigate(task)).pipe(Effect.provide(world))
      const text = visibleText(
        chat.posts().find((p) => visibleText(p.message).includes("Incident Report"))?.message,
      )
      expect(text).toMatch(/Kubernetes \(EKS\)\* ⚠️/)
    }),
  )
})
