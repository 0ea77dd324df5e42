/**
 * A scenario's `history:` entries become the run's past incidents: imported (no investigation,
 * no alert message), link and resolution time as written, names only when given; and the
 * composition root's AWS choice: no INCIDENTS_TABLE_NAME → a store that answers not_configured.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { awsIncidents } from "../../src/layers.js"
import { IncidentStore } from "../../src/ports/incident-store.js"
import { decodeScenario } from "../../src/replay/scenario.js"
import { historyRecords } from "../../src/replay/scenario-history.js"

const doc = {
  name: "history-only",
  description: "d",
  now: "2026-11-27T13:10:00Z",
  alert: {
    platform: "slack",
    channel: "C0ALERTS",
    message_id: "1795784700.000200",
    posted_at: "2026-11-27T13:05:00Z",
    author: "Alertmanager",
    bot: true,
    trigger: "mention",
    text: "<@U0SREBOT> KubePodCrashLooping payments-api",
  },
  history: [
    {
      id: "INC-0412",
      title: "payments-api OOMKilled",
      summary: "heap above the limit",
      root_cause: "memory limit too low",
      resolved_at: "2026-08-31T23:40:00Z",
      link: "https://acme.slack.com/archives/C0ALERTS/p1788219600000100",
      alert_name: "KubePodCrashLooping",
      service: "payments-api",
    },
    {
      id: "INC-0100",
      title: "old",
      summary: "s",
      root_cause: "r",
      resolved_at: "2025-01-01T00:00:00Z",
      link: "https://tickets.example.com/INC-0100",
    },
  ],
  expect: { decision: "investigate" },
}

describe("historyRecords", () => {
  it("maps each entry to an imported incident record", () => {
    const scenario = Either.getOrThrow(decodeScenario(doc))
    const [first, second] = historyRecords(scenario)
    expect(first).toMatchObject({
      id: "INC-0412",
      investigationId: null,
      alert: null,
      rootCause: "memory limit too low",
      causes: ["memory limit too low"],
      alertName: "KubePodCrashLooping",
      service: "payments-api",
      namespace: null,
      link: "https://acme.slack.com/archives/C0ALERTS/p1788219600000100",
    })
    expect(first?.resolvedAt?.epochMillis).toBe(Date.parse("2026-08-31T23:40:00Z"))
    expect(second).toMatchObject({ id: "INC-0100", alertName: null, service: null })
  })
})

describe("awsIncidents", () => {
  it.effect("without INCIDENTS_TABLE_NAME the store answers not_configured, naming the variable", () =>
    Effect.gen(function* () {
      const store = yield* IncidentStore.pipe(Effect.provide(awsIncidents({}, "us-east-1")))
      const error = yield* Effect.flip(
        store.similar(
          { alertName: null, service: "x", workload: null, namespace: null, cluster: null, text: "" },
          { limit: 1, exclude: { investigationId: "i", alert: null } },
        ),
      )
      expect(error.reason).toBe("not_configured")
      expect(error.message).toContain("INCIDENTS_TABLE_NAME")
    }),
  )
})
