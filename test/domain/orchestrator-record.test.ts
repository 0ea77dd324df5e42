/**
 * The master remembers each finished investigation: after the report is posted it records the
 * facts, the top causes and the thread link (the report's permalink, or one built from the ids
 * when the platform does not answer). Fail-open: a failing store is logged and counted, the
 * report stands; a deployment without a store records nothing and counts nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer, Metric, TestClock } from "effect"
import { inlineAgentInvokerLayer } from "../../src/adapters/local/inline-agent-invoker.js"
import { memoryDedupStoreLayer } from "../../src/adapters/local/memory-dedup-store.js"
import { memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import { offLlmLayer } from "../../src/adapters/local/off-llm.js"
import type { AgentResult } from "../../src/domain/agent-result.js"
import type { AgentTask } from "../../src/domain/agent-task.js"
import { AppSettings } from "../../src/domain/app-settings.js"
import type { AppConfig } from "../../src/domain/config.js"
import type { IncidentRecord } from "../../src/domain/incident-record.js"
import { Orchestrator, OrchestratorLive } from "../../src/domain/orchestrator.js"
import { incidentRecordFailures } from "../../src/domain/orchestrator-record.js"
import { ChatError, ChatPlatforms } from "../../src/ports/chat-platform.js"
import {
  IncidentStore,
  IncidentStoreError,
  type IncidentStoreService,
  notConfiguredIncidentStore,
} from "../../src/ports/incident-store.js"
import { investigateTask, onlyAgents } from "../support/investigate-task.js"
import { type MemoryChat, makeMemoryChat, visibleText } from "../support/memory-chat.js"

const alertText =
  "<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)\nPod payments/payments-api-6c9f7d8b4-q7x2m (api) is crash looping. - `critical`"

const config: AppConfig = onlyAgents(["eks"])

const task = (now: DateTime.Utc): AgentTask =>
  investigateTask(now, { investigationId: "inv-rec-0001", alertText })

const eksResult: AgentResult = {
  agent: "eks",
  status: "ok",
  findings: [
    {
      id: "",
      agent: "eks",
      title: "payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts",
      detail: "Last state: Terminated (OOMKilled), exit code 137",
      severity: "high",
      kind: "oom_killed",
      observedAt: null,
      resource: "pod/payments/payments-api-6c9f7d8b4-q7x2m",
      service: "payments-api",
      link: null,
      excerpt: null,
    },
  ],
  summary: "eks looked",
  reason: null,
  scanned: [],
  usage: [],
  durationMs: 0,
}

const recordingStore = (fail = false) => {
  const records: Array<IncidentRecord> = []
  const store: IncidentStoreService = {
    record: (r) =>
      fail
        ? Effect.fail(new IncidentStoreError({ reason: "unavailable", message: "table is gone" }))
        : Effect.sync(() => {
            records.push(r)
          }),
    similar: () => Effect.succeed({ matches: [], considered: 0 }),
  }
  return { records, store }
}

const world = (chat: MemoryChat, store: IncidentStoreService) =>
  OrchestratorLive.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        Layer.succeed(AppSettings, config),
        inlineAgentInvokerLayer({ eks: { mode: "reply", handle: () => Effect.succeed(eksResult) } }),
        chat.layer,
        memoryDedupStoreLayer(),
        offLlmLayer,
        memoryTraceStoreLayer(),
        Layer.succeed(IncidentStore, store),
      ),
    ),
  )

const investigate = Effect.gen(function* () {
  yield* TestClock.setTime(Date.parse("2026-11-27T13:05:20Z"))
  const orchestrator = yield* Orchestrator
  yield* orchestrator.investigate(task(yield* DateTime.now))
})

const failures = Metric.value(incidentRecordFailures).pipe(Effect.map((s) => s.count))

describe("Orchestrator: remembering the incident", () => {
  it.effect("records facts, top causes and the report's permalink after the report is posted", () => {
    const chat = makeMemoryChat()
    const { records, store } = recordingStore()
    return Effect.gen(function* () {
      yield* investigate
      expect(chat.posts().some((p) => visibleText(p.message).includes("Incident Report"))).toBe(true)
      expect(records).toHaveLength(1)
      const r = records[0]
      expect(r?.id).toBe("inv-rec-0001")
      expect(r?.investigationId).toBe("inv-rec-0001")
      expect(r?.alertName).toBe("KubePodCrashLooping")
      expect(r?.namespace).toBe("payments")
      expect(r?.service).toBe("payments-api")
      expect(r?.rootCause).toMatch(/OOMKilled/i)
      expect(r?.causes.length).toBeGreaterThanOrEqual(1)
      expect(r?.alert).toEqual({
        platform: "slack",
        channel: "C0ALERTS",
        messageId: "1795784700.000200",
        threadId: "1795784700.000200",
      })
      // The memory chat's permalink of the report (m2: m1 is the started notice).
      expect(r?.link).toBe("https://chat.example/C0ALERTS/m2")
    }).pipe(Effect.provide(world(chat, store)))
  })

  it.effect("a failing store is counted and logged; the report stands", () => {
    const chat = makeMemoryChat()
    const { store } = recordingStore(true)
    return Effect.gen(function* () {
      const before = yield* failures
      yield* investigate
      expect(chat.posts().some((p) => visibleText(p.message).includes("Incident Report"))).toBe(true)
      expect((yield* failures) - before).toBe(1)
    }).pipe(Effect.provide(world(chat, store)))
  })

  it.effect("no store configured: nothing recorded, nothing counted", () => {
    const chat = makeMemoryChat()
    return Effect.gen(function* () {
      const before = yield* failures
      yield* investigate
      expect((yield* failures) - before).toBe(0)
    }).pipe(Effect.provide(world(chat, notConfiguredIncidentStore())))
  })
})

describe("Orchestrator: the thread link when the platform does not answer", () => {
  it.effect("falls back to a link built from the alert's ids", () => {
    const chat = makeMemoryChat()
    const { records, store } = recordingStore()
    // The same chat, except that chat.getPermalink fails.
    const noPermalinks = Layer.effect(
      ChatPlatforms,
      Effect.map(ChatPlatforms, (p) => ({
        ...p,
        slack: {
          ...p.slack,
          permalink: () =>
            Effect.fail(
              new ChatError({
                platform: "slack",
                operation: "chat.getPermalink",
                reason: "unavailable",
                message: "down",
              }),
            ),
        },
      })),
    ).pipe(Layer.provide(chat.layer))
    return Effect.gen(function* () {
      yield* investigate
      expect(records[0]?.link).toBe("https://slack.com/archives/C0ALERTS/p1795784700000200")
    }).pipe(Effect.provide(world({ ...chat, layer: noPermalinks }, store)))
  })
})
