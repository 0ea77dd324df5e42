/**
 * The release rule on a TestClock, with inline agents going through the real A2A path: the
 * report goes out at the deadline with ✅/⏳, a 70 s result updates it in place, a hung agent is
 * interrupted at 300 s; with only fast agents the report goes out as soon as they settle. No
 * real sleeps: every wait is on the TestClock.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Fiber, Layer, TestClock } from "effect"
import { type InlineAgents, inlineAgentInvokerLayer } from "../../src/adapters/local/inline-agent-invoker.js"
import { memoryDedupStoreLayer } from "../../src/adapters/local/memory-dedup-store.js"
import { MemoryTraces, memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import { offLlmLayer } from "../../src/adapters/local/off-llm.js"
import type { SpecialistId } from "../../src/domain/agent-id.js"
import type { AgentResult } from "../../src/domain/agent-result.js"
import type { AgentTask } from "../../src/domain/agent-task.js"
import { AppSettings } from "../../src/domain/app-settings.js"
import type { AppConfig } from "../../src/domain/config.js"
import { Orchestrator, OrchestratorLive } from "../../src/domain/orchestrator.js"
import { DedupStore } from "../../src/ports/dedup-store.js"
import { investigateTask, onlyAgents } from "../support/investigate-task.js"
import { type MemoryChat, makeMemoryChat, visibleText } from "../support/memory-chat.js"

const alertText =
  "<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)\nPod payments/payments-api-6c9f7d8b4-q7x2m (api) is crash looping. - `critical`"

const task = (now: DateTime.Utc): AgentTask =>
  investigateTask(now, {
    investigationId: "inv-0001-test",
    alertText,
    dedupKey: "slack#C0ALERTS#1795784700.000200",
  })

const ok = (agent: SpecialistId, title: string): AgentResult => ({
  agent,
  status: "ok",
  findings: [
    {
      id: "",
      agent,
      title,
      detail: "",
      severity: "high",
      kind: "oom_killed",
      observedAt: null,
      resource: "pod/payments/payments-api-6c9f7d8b4-q7x2m",
      service: "payments-api",
      link: null,
      excerpt: null,
    },
  ],
  summary: `${agent} looked`,
  reason: null,
  scanned: [],
  usage: [],
  durationMs: 0,
})

const answersAfter = (delay: `${number} seconds`, result: AgentResult) => ({
  mode: "reply" as const,
  handle: () => Effect.as(Effect.sleep(delay), result),
})

const world = (config: AppConfig, agents: InlineAgents<never>, chat: MemoryChat) =>
  OrchestratorLive.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        Layer.succeed(AppSettings, config),
        inlineAgentInvokerLayer(agents),
        chat.layer,
        memoryDedupStoreLayer(),
        offLlmLayer,
        memoryTraceStoreLayer(),
      ),
    ),
  )

/** Let woken fibers run to their next wait. */
const settle = Effect.repeatN(Effect.yieldNow(), 200)
const advance = (d: `${number} seconds`) => Effect.zipRight(TestClock.adjust(d), settle)

const reportMessages = (chat: MemoryChat) =>
  chat.posts().filter((p) => visibleText(p.message).includes("Incident Report"))

describe("Orchestrator: the release rule", () => {
  it.effect(
    "1 s, 70 s and a hung agent: report at the deadline, updated in place at 70 s, hung one interrupted at 300 s",
    () => {
      const chat = makeMemoryChat()
      const agents = {
        eks: answersAfter("1 seconds", ok("eks", "payments-api OOMKilled, 6 restarts")),
        cloudwatch_logs: answersAfter(
          "70 seconds",
          ok("cloudwatch_logs", "JavaScript heap out of memory in payments-api"),
        ),
        prometheus: { mode: "reply" as const, handle: () => Effect.never },
      }
      return Effect.gen(function* () {
        yield* TestClock.setTime(Date.parse("2026-11-27T13:05:20Z"))
        const orchestrator = yield* Orchestrator
        const now = yield* DateTime.now
        const fiber = yield* Effect.fork(orchestrator.investigate(task(now)))
        yield* settle

        // Within 5 s: the started notice, listing the agents asked.
        const started = chat.posts()
        expect(started).toHaveLength(1)
        expect(visibleText(started[0]?.message)).toMatch(
          /Investigation started[\s\S]*Kubernetes[\s\S]*CloudWatch Logs[\s\S]*Prometheus/,
        )

        yield* advance("1 seconds")
        yield* advance("58 seconds")
        expect(chat.posts()).toHaveLength(1) // eks answered at 1 s, but two agents are still running

        yield* advance("1 seconds") // t = 60 s: the deadline
        const report = reportMessages(chat)
        expect(report.length).toBeGreaterThanOrEqual(1)
        const first = visibleText(report[0]?.message)
        expect(first).toMatch(/Kubernetes \(EKS\)\* ✅/)
        expect(first).toMatch(/CloudWatch Logs\* ⏳/)
        expect(first).toMatch(/Prometheus\* ⏳/)
        expect(first).toContain("eks#1")

        const dedup = yield* DedupStore
        const claim = yield* dedup.get("slack#C0ALERTS#1795784700.000200", Date.parse("2026-11-27T13:06:21Z"))
        expect(claim._tag).toBe("None") // never claimed in this test: the master only moves an existing claim

        yield* advance("10 seconds") // t = 70 s: the late result
        const updates = chat.updates()
        expect(updates.length).toBeGreaterThanOrEqual(1)
        const updated = visibleText(chat.messages.get("m2"))
        expect(updated).toMatch(/CloudWatch Logs\* ✅/)
        expect(updated).toContain("cloudwatch_logs#1")
        expect(updated).toMatch(/Prometheus\* ⏳/)
        expect(chat.posts().some((p) => visibleText(p.message).includes("Late result"))).toBe(true)

        yield* advance("229 seconds") // t = 299 s: prometheus still running, nothing more yet
        expect(visibleText(chat.messages.get("m2"))).toMatch(/Prometheus\* ⏳/)
        yield* advance("1 seconds") // t = 300 s: the cutoff
        yield* Fiber.join(fiber)
        const final = visibleText(chat.messages.get("m2"))
        expect(final).toMatch(/Prometheus\* ⏳/)
        expect(final).toMatch(/interrupted/)
        expect(
          chat.posts().some((p) => /Stopped waiting for .*Prometheus/.test(visibleText(p.message))),
        ).toBe(true)

        const traces = yield* MemoryTraces
        const steps = (yield* traces.events("inv-0001-test")).map((e) => e.step)
        expect(steps).toEqual(
          expect.arrayContaining([
            "plan",
            "agent_request",
            "agent_reply",
            "report",
            "late_update",
            "interrupted",
          ]),
        )
      }).pipe(Effect.provide(world(onlyAgents(["eks", "cloudwatch_logs", "prometheus"]), agents, chat)))
    },
  )

  it.effect("three fast agents: the report goes out as soon as they settle, not at the deadline", () => {
    const chat = makeMemoryChat()
    const agents = {
      eks: answersAfter("1 seconds", ok("eks", "payments-api OOMKilled")),
      cloudwatch_logs: answersAfter("2 seconds", ok("cloudwatch_logs", "heap out of memory")),
      prometheus: answersAfter("3 seconds", ok("prometheus", "memory at limit")),
    }
    return Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-11-27T13:05:20Z"))
      const orchestrator = yield* Orchestrator
      const fiber = yield* Effect.fork(orchestrator.investigate(task(yield* DateTime.now)))
      yield* settle
      yield* advance("2 seconds")
      expect(reportMessages(chat)).toHaveLength(0)
      yield* advance("1 seconds") // t = 3 s: all three settled
      yield* Fiber.join(fiber)
      const report = reportMessages(chat)
      expect(report.length).toBeGreaterThanOrEqual(1)
      const text = visibleText(report[0]?.message)
      for (const name of ["Kubernetes \\(EKS\\)", "CloudWatch Logs", "Prometheus"])
        expect(text).toMatch(new RegExp(`${name}\\* ✅`))
      expect(chat.updates()).toHaveLength(0)
    }).pipe(Effect.provide(world(onlyAgents(["eks", "cloudwatch_logs", "prometheus"]), agents, chat)))
  })

  it.effect("a crash posts 'investigation failed' with the investigation id", () => {
    const chat = makeMemoryChat((m) => m.text.includes("Incident Report"))
    return Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-11-27T13:05:20Z"))
      const orchestrator = yield* Orchestrator
      const fiber = yield* Effect.fork(orchestrator.investigate(task(yield* DateTime.now)))
      yield* settle
      yield* advance("1 seconds")
      yield* Fiber.join(fiber)
      const failure = chat.posts().find((p) => /Investigation failed/i.test(visibleText(p.message)))
      expect(visibleText(failure?.message)).toContain("inv-0001-test")
    }).pipe(
      Effect.provide(
        world(onlyAgents(["eks"]), { eks: answersAfter("1 seconds", ok("eks", "OOMKilled")) }, chat),
      ),
    )
  })
})

describe("Orchestrator: a follow-up for a metric agent the alert could not scope", () => {
  const backlogText =
    "<@U0SREBOT> [FIRING:1] DocConvertQueueBacklog Pipeline (doc-convert-prod)\nOldest message in SQS queue doc-convert-prod is 40m old"
  const backlogTask = (now: DateTime.Utc): AgentTask =>
    investigateTask(now, { investigationId: "inv-0002-test", alertText: backlogText })
  const pending = (severity: "high" | "low"): AgentResult => {
    const base = ok("eks", "doc-converter: 14 pods Pending, node group at max size")
    return {
      ...base,
      findings: base.findings.map((f) => ({
        ...f,
        severity,
        resource: "deployment/pipeline/doc-converter",
        service: "doc-converter",
      })),
    }
  }
  const skipped: AgentResult = {
    ...ok("prometheus", ""),
    status: "skipped",
    findings: [],
    reason: "no metric query applies",
  }

  /**
   * One investigation with eks answering `eksResult` at 1 s and a metric agent that can only query
   * what the task's facts name; the services it was asked about (null: none), and the chat.
   */
  const investigateWith = (eksResult: AgentResult, taskOf: (now: DateTime.Utc) => AgentTask) => {
    const chat = makeMemoryChat()
    const asked: Array<string | null> = []
    const agents = {
      eks: answersAfter("1 seconds", eksResult),
      prometheus: {
        mode: "reply" as const,
        handle: (t: AgentTask) =>
          Effect.as(
            Effect.sync(() => asked.push(t.facts.service)),
            t.facts.service === null
              ? skipped
              : ok("prometheus", `${t.facts.service} in ${t.facts.namespace}: 5xx rate 40× its baseline`),
          ),
      },
    }
    return Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-11-27T13:05:20Z"))
      const orchestrator = yield* Orchestrator
      const fiber = yield* Effect.fork(orchestrator.investigate(taskOf(yield* DateTime.now)))
      yield* settle
      yield* advance("1 seconds")
      yield* Fiber.join(fiber)
      const steps = (yield* (yield* MemoryTraces).events(taskOf(yield* DateTime.now).investigationId)).map(
        (e) => e.step,
      )
      return { asked, report: visibleText(reportMessages(chat)[0]?.message), steps }
    }).pipe(Effect.provide(world(onlyAgents(["eks", "prometheus"]), agents, chat)))
  }

  it.effect(
    "skipped for want of a scope, asked again with the workload eks found: its findings are in the report",
    () =>
      Effect.gen(function* () {
        const { asked, report, steps } = yield* investigateWith(pending("high"), backlogTask)
        expect(asked).toEqual([null, "doc-converter"])
        expect(report).toMatch(/Prometheus\* ✅/)
        expect(report).toContain("doc-converter in pipeline: 5xx rate 40× its baseline")
        expect(steps).toContain("follow_up")
      }),
  )

  it.effect("decoy: a cluster finding below medium gives no scope: asked once, still skipped", () =>
    Effect.gen(function* () {
      const { asked, report, steps } = yield* investigateWith(pending("low"), backlogTask)
      expect(asked).toEqual([null])
      expect(report).not.toContain("5xx rate 40×")
      expect(steps).not.toContain("follow_up")
    }),
  )

  it.effect("decoy: an alert that names its service is never followed up", () =>
    Effect.gen(function* () {
      const { asked } = yield* investigateWith(pending("high"), task)
      expect(asked).toHaveLength(1)
      expect(asked[0]).not.toBeNull()
    }),
  )
})
