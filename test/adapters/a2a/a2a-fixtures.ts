/**
 * Shared samples for the A2A and invoker tests: a realistic task (a payments-api OOM alert), a
 * specialist's result with one finding, and a throwaway runtime for agent server apps whose
 * logs are captured instead of printed.
 */
import { DateTime, Layer, ManagedRuntime } from "effect"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import type { AgentId } from "../../../src/domain/agent-id.js"
import type { AgentResult } from "../../../src/domain/agent-result.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"

const at = (iso: string) => DateTime.unsafeMake(iso)

export const alertText =
  "[FIRING:1] KubePodCrashLooping payments-api\nnamespace: payments\nseverity: critical"

export const sampleTask = (overrides: Partial<AgentTask> = {}): AgentTask => ({
  task: "investigate",
  investigationId: "0b6f3c1e-8d2a-4f7b-9c1d-2e3f4a5b6c7d",
  alert: {
    platform: "slack",
    workspace: "T0TEAM",
    channel: "C0ALERTS",
    messageId: "1764156270.000100",
    threadId: "1764156270.000100",
    text: alertText,
    note: null,
    author: { id: "B0ALERTMGR", name: "Alertmanager", bot: true },
    triggeredBy: "U0ONCALL",
    trigger: "mention",
    alertTime: at("2026-11-26T11:24:30Z"),
    receivedAt: at("2026-11-26T11:25:00Z"),
    window: {
      start: at("2026-11-26T10:54:30Z"),
      end: at("2026-11-26T11:29:30Z"),
      changesSince: at("2026-11-26T05:24:30Z"),
    },
  },
  facts: extractFacts(alertText, defaultConfig.severity.labels),
  dedupKey: "slack#C0ALERTS#1764156270.000100",
  hints: { service: "payments-api" },
  deadline: at("2026-11-26T11:26:00Z"),
  ...overrides,
})

export const sampleResult = (agent: AgentId = "eks", overrides: Partial<AgentResult> = {}): AgentResult => ({
  agent,
  status: "ok",
  findings: [
    {
      id: "",
      agent,
      title: "payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts",
      detail: "last state terminated: OOMKilled (exit 137)",
      severity: "high",
      kind: "oom_killed",
      observedAt: at("2026-11-26T11:20:00Z"),
      resource: "pod/payments/payments-api-6c9f7d8b4-q7x2m",
      service: "payments-api",
      link: "https://console.example/pods/payments-api-6c9f7d8b4-q7x2m",
      excerpt: "OOMKilled",
    },
  ],
  summary: "payments-api is OOMKilled",
  reason: null,
  scanned: ["pod/payments/payments-api-6c9f7d8b4-q7x2m"],
  usage: [],
  durationMs: 12,
  ...overrides,
})

/** A runtime with no services, its log lines captured into `logs`. */
export const quietRuntime = (logs: Array<string> = []) => ManagedRuntime.make(captureLoggerLayer(logs))

/** A runtime providing `layer`, its log lines captured into `logs`. */
export const quietRuntimeWith = <A, E>(layer: Layer.Layer<A, E>, logs: Array<string> = []) =>
  ManagedRuntime.make(Layer.merge(layer, captureLoggerLayer(logs)))
