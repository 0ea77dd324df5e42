/**
 * The incident_history agent over the in-memory store: a strong match is a `medium`
 * `similar_incident` finding with the past incident's link, title and root cause; the current
 * investigation and its own alert never come back; weak matches are `info`; no store →
 * `unhealthy` with the reason; an empty store → `ok` saying so; a store failure → `error`.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makeMemoryIncidentStore } from "../../../src/adapters/local/memory-incident-store.js"
import { incidentHistoryAgent, queryOf } from "../../../src/agents/incident-history/incident-history-agent.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import {
  IncidentStore,
  IncidentStoreError,
  type IncidentStoreService,
  notConfiguredIncidentStore,
} from "../../../src/ports/incident-store.js"
import { at, corpus, query, right } from "../../domain/incident-support.js"
import { taskFor } from "../cloudwatch-logs/agent-harness.js"

const task: AgentTask = {
  ...taskFor({ text: query.text, alertTime: "2026-11-27T13:05:00Z", now: "2026-11-27T13:10:00Z" }),
  investigationId: "inv-current",
}

const run = (store: IncidentStoreService, t: AgentTask = task) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
    return yield* incidentHistoryAgent
      .handle(t, { sessionId: null })
      .pipe(Effect.provideService(IncidentStore, store))
  })

describe("incident_history agent", () => {
  it("asks with the alert's facts and text", () => {
    const q = queryOf(task)
    expect(q.alertName).toBe("KubePodCrashLooping")
    expect(q.namespace).toBe("payments")
    expect(q.text).toContain("OOMKilled")
  })

  it.effect("reports the right past incident first, medium, with its link, title and root cause", () =>
    Effect.gen(function* () {
      const result = yield* run(yield* makeMemoryIncidentStore(corpus))
      expect(result.status).toBe("ok")
      const first = result.findings[0]
      expect(first?.kind).toBe("similar_incident")
      expect(first?.severity).toBe("medium")
      expect(first?.resource).toBe(`incident/${right.id}`)
      expect(first?.link).toBe(right.link)
      expect(first?.title).toContain(right.title)
      expect(first?.detail).toContain("Root cause then: OOMKilled")
      expect(first?.service).toBe("payments-api")
      expect(result.summary).toContain(right.id)
      // Anything after the strong match is context only.
      for (const f of result.findings.slice(1)) expect(f.severity).toBe("info")
    }),
  )

  it.effect("never reports the current investigation or an earlier one of the same alert message", () =>
    Effect.gen(function* () {
      const result = yield* run(yield* makeMemoryIncidentStore(corpus))
      const resources = result.findings.map((f) => f.resource)
      expect(resources).not.toContain("incident/inv-current")
      expect(resources).not.toContain("incident/inv-older-same-thread")
    }),
  )

  it.effect("an empty store: ok, saying there are no past incidents", () =>
    Effect.gen(function* () {
      const result = yield* run(yield* makeMemoryIncidentStore())
      expect(result.status).toBe("ok")
      expect(result.findings).toEqual([])
      expect(result.summary).toMatch(/no past incidents recorded/i)
    }),
  )

  it.effect("no store configured: unhealthy with the reason", () =>
    Effect.gen(function* () {
      const result = yield* run(notConfiguredIncidentStore("INCIDENTS_TABLE_NAME is not set"))
      expect(result.status).toBe("unhealthy")
      expect(result.reason).toBe("INCIDENTS_TABLE_NAME is not set")
    }),
  )

  it.effect("a failing store: error, never a crash", () =>
    Effect.gen(function* () {
      const failing: IncidentStoreService = {
        record: () => Effect.void,
        similar: () => Effect.fail(new IncidentStoreError({ reason: "throttled", message: "slow down" })),
      }
      const result = yield* run(failing)
      expect(result.status).toBe("error")
      expect(result.reason).toBe("slow down")
    }),
  )

  it.effect("a snapshot task is skipped", () =>
    Effect.gen(function* () {
      const result = yield* run(yield* makeMemoryIncidentStore(corpus), { ...task, task: "snapshot" })
      expect(result.status).toBe("skipped")
    }),
  )
})
