/**
 * Shared groups (a found cluster's application logs) are queried only for the lines about the
 * alert's names: the scope condition (their stream or text names one, else the namespace), the
 * narrowed query, the passes it splits into, each event counted once across passes — and, end to
 * end over the CloudWatch Logs replay, an alert naming a service but no cluster finds that
 * service's errors in a Container Insights application group while another service's errors in
 * the same group are never reported.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import fc from "fast-check"
import { makeCloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import {
  errorQuery,
  scopeCondition,
  scopedErrorQuery,
} from "../../../src/agents/cloudwatch-logs/error-query.js"
import { linesOf, partsOf, type QueryPass } from "../../../src/agents/cloudwatch-logs/query-pass.js"
import type { RankedLogGroup } from "../../../src/domain/log-group-discovery.js"
import { parseInsightsQuery } from "../../../src/domain/log-insights-parse.js"
import {
  formatInsightsTimestamp,
  type InsightsRow,
  runInsights,
} from "../../../src/domain/log-insights-run.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

describe("scopeCondition", () => {
  it("matches the stream or the text naming any of the names, case-insensitively, each once", () => {
    expect(scopeCondition(["Ledger-API", "ledger-api", "ledger-worker"], "ledger")).toBe(
      "@logStream like /(?i)(ledger-api|ledger-worker)/ or @message like /(?i)(ledger-api|ledger-worker)/",
    )
  })

  it("escapes dots so a host-like name matches only itself", () => {
    expect(scopeCondition(["orders.svc"], null)).toBe(
      "@logStream like /(?i)(orders\\.svc)/ or @message like /(?i)(orders\\.svc)/",
    )
  })

  it("falls back to the namespace when no name is usable, and to nothing without one", () => {
    expect(scopeCondition(["ab", "has space", 'quo"te'], "payments")).toBe(
      '@logStream like /_payments_/ or kubernetes.namespace_name = "payments"',
    )
    expect(scopeCondition([], "kube.system")).toBeNull()
    expect(scopeCondition([], null)).toBeNull()
  })

  it("whatever the alert's names, the narrowed query parses (seed 20261127)", () => {
    const seed = 20261127
    console.log(`scopeCondition property seed: ${seed}`)
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
        fc.option(fc.string()),
        (names, ns) => {
          const condition = scopeCondition(names, ns)
          if (condition === null) return
          expect(Either.isRight(parseInsightsQuery(scopedErrorQuery(condition)))).toBe(true)
        },
      ),
      { seed, numRuns: 400 },
    )
  })
})

describe("scopedErrorQuery over Container Insights lines", () => {
  const t0 = Date.UTC(2026, 10, 27, 13, 0, 0)
  const row = (i: number, stream: string, message: string): InsightsRow => ({
    "@timestamp": formatInsightsTimestamp(t0 + i * 1000),
    "@message": message,
    "@logStream": stream,
    "@log": "123456789012:/aws/containerinsights/eks-core/application",
    "@ptr": `p${i}`,
  })
  const rows = [
    row(1, "ledger-api-5c6d7e8f9-abcde_ledger_api", "ERROR posting journal failed: lock timeout"),
    row(2, "billing-api-7f8e9d0c1-qwert_billing_api", "ERROR invoice 42 failed"),
    // A shipper's stream: the pod is only in the line's `kubernetes` object.
    row(
      3,
      "fluent-bit-x1y2z",
      '{"log":"ERROR posting failed","kubernetes":{"pod_name":"ledger-api-5c6d7e8f9-abcde"}}',
    ),
    row(4, "ledger-api-5c6d7e8f9-abcde_ledger_api", "INFO journal posted"),
  ]
  const run = (query: string) =>
    Either.getOrThrow(Either.map(parseInsightsQuery(query), (c) => runInsights(c, rows))).rows.map(
      (r) => r["@ptr"],
    )

  it("keeps only the error lines about the alert's names, by stream or by text", () => {
    const condition = scopeCondition(["ledger-api"], null)
    expect(condition).not.toBeNull()
    expect(run(scopedErrorQuery(condition ?? ""))).toEqual(["p3", "p1"])
    expect(run(errorQuery)).toEqual(["p3", "p2", "p1"])
  })
})

const ranked = (name: string, shared: boolean): RankedLogGroup => ({
  name,
  score: shared ? 250 : 500,
  reason: "test",
  service: null,
  shared,
})

describe("partsOf and linesOf", () => {
  const own = ranked("/ecs/ledger-api", false)
  const ci = ranked("/aws/containerinsights/eks-core/application", true)

  it("queries open groups whole and shared groups narrowed; drops shared groups with no scope", () => {
    expect(partsOf([own, ci], "C")).toEqual([
      { groups: [own], scope: null },
      { groups: [ci], scope: "C" },
    ])
    expect(partsOf([own, ci], null)).toEqual([{ groups: [own], scope: null }])
    expect(partsOf([ci], null)).toEqual([])
  })

  it("counts an event once across passes by its @ptr", () => {
    const line = (message: string) => ({ timestampMs: 1, message, stream: "s", group: "g" })
    const pass = (lines: QueryPass["lines"]): QueryPass => ({
      groups: ["g"],
      services: new Map(),
      scope: null,
      query: errorQuery,
      outcome: { queryId: "q", status: "Complete", stopped: false, rows: [], recordsMatched: null, polls: 1 },
      lines,
      truncated: false,
      incomplete: false,
      failed: false,
    })
    const lines = linesOf([
      pass([
        { key: "p1", line: line("ERROR a") },
        { key: "p2", line: line("ERROR b") },
      ]),
      pass([
        { key: "p2", line: line("ERROR b") },
        { key: "p3", line: line("ERROR b") },
      ]),
    ])
    expect(lines.map((l) => l.message)).toEqual(["ERROR a", "ERROR b", "ERROR b"])
  })
})

// A Grafana alert naming the service and no cluster.
const alertText = `[FIRING:1] LedgerApiErrorRate (ledger-api)
Labels:
 - alertname = LedgerApiErrorRate
 - service = ledger-api
 - severity = critical
Annotations:
 - summary = ledger-api is failing to post journal entries`
const now = "2026-11-27T13:10:00Z"
const ledgerStream = "ledger-api-5c6d7e8f9-abcde_ledger_ledger-api"
const billingStream = "billing-api-7f8e9d0c1-qwert_billing_billing-api"
const groups = [
  {
    name: "/aws/containerinsights/eks-core/application",
    events: [
      event(
        "2026-11-27T13:01:00Z",
        ledgerStream,
        "ERROR posting journal entry failed: deadlock detected on ledger_entries",
      ),
      event(
        "2026-11-27T13:02:00Z",
        ledgerStream,
        "ERROR posting journal entry failed: deadlock detected on ledger_entries",
      ),
      event(
        "2026-11-27T13:03:00Z",
        ledgerStream,
        "ERROR posting journal entry failed: deadlock detected on ledger_entries",
      ),
      event("2026-11-27T13:02:30Z", billingStream, "FATAL invoice renderer crashed: segmentation fault"),
      event("2026-11-27T13:03:30Z", billingStream, "FATAL invoice renderer crashed: segmentation fault"),
      event("2026-11-27T13:03:40Z", ledgerStream, "INFO journal batch 77 posted"),
    ],
  },
  { name: "/aws/containerinsights/eks-core/performance", events: [] },
  { name: "/aws/eks/eks-core/cluster", events: [] },
]

describe("the agent over a found cluster's shared group", () => {
  it.scoped("reports the service's own lines, never another service's in the same group", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups, now)
      const task = taskFor({ text: alertText, alertTime: "2026-11-27T13:05:00Z", now })
      expect([task.facts.service, task.facts.cluster]).toEqual(["ledger-api", null])
      const result = yield* makeCloudWatchLogsAgent()
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      expect(result.status).toBe("ok")
      expect(result.scanned).toContain("loggroup//aws/containerinsights/eks-core/application")
      expect(result.summary).toContain(
        "the alert names no cluster; searched the application logs of eks-core",
      )
      const [top, ...rest] = result.findings
      expect(top).toMatchObject({
        kind: "log_signature",
        service: "ledger-api",
        resource: "loggroup//aws/containerinsights/eks-core/application",
      })
      expect(top?.title).toContain("deadlock detected on ledger_entries")
      expect(top?.title).toContain("×3")
      for (const f of [top, ...rest])
        expect(`${f?.title} ${f?.detail} ${f?.excerpt}`).not.toMatch(/billing|segmentation/)
      const queries = replay
        .requests()
        .filter((r) => r.operation === "StartQuery")
        .map((r) => JSON.stringify(r.body))
      expect(queries.length).toBeGreaterThan(0)
      for (const q of queries.filter((q) => q.includes("eks-core/application")))
        expect(q).toContain("@logStream like /(?i)(ledger-api)/")
    }),
  )

  it.scoped("with the cluster configured, the same group is the cluster's own and queried whole", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups, now)
      const task = taskFor({ text: alertText, alertTime: "2026-11-27T13:05:00Z", now })
      const result = yield* makeCloudWatchLogsAgent({ clusterName: "eks-core" })
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      expect(result.status).toBe("ok")
      expect(result.summary).not.toContain("names no cluster")
      const queries = replay
        .requests()
        .filter((r) => r.operation === "StartQuery")
        .map((r) => JSON.stringify(r.body))
      expect(queries.some((q) => q.includes("eks-core/application") && !q.includes("@logStream like"))).toBe(
        true,
      )
    }),
  )
})
