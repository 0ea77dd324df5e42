/**
 * The prometheus agent end to end over the replay and the real adapter: a real error-rate jump
 * is reported once, with its values and the rule; flat and merely noisy series are not; no
 * Prometheus → unhealthy; an alert naming no service → skipped; a refused template is named
 * while the other queries still answer; every query failing → error; and a hung server does
 * not hold the answer past the report's release.
 */

import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Fiber, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { throttleQuery, usageQuery } from "../../../src/agents/prometheus/aws-quota-sweep.js"
import { brokerAlarmQuery } from "../../../src/agents/prometheus/broker-alarm-sweep.js"
import {
  deploymentAvailableQuery,
  hpaDesiredQuery,
  statefulSetReadyQuery,
} from "../../../src/agents/prometheus/capacity-shortfall-sweep.js"
import { certificateExpiryQuery } from "../../../src/agents/prometheus/certificate-expiry-sweep.js"
import { connectionHolderQuery } from "../../../src/agents/prometheus/connection-holder-sweep.js"
import { consumerCeilingQuery } from "../../../src/agents/prometheus/consumer-ceiling-sweep.js"
import { consumerStallQuery } from "../../../src/agents/prometheus/consumer-stall-sweep.js"
import { cpuNeighbourQuery } from "../../../src/agents/prometheus/cpu-neighbour-sweep.js"
import { credentialQueries } from "../../../src/agents/prometheus/credential-refusal-sweep.js"
import { cronJobStallQuery } from "../../../src/agents/prometheus/cronjob-stall-sweep.js"
import { datastoreLockQuery } from "../../../src/agents/prometheus/datastore-lock-sweep.js"
import {
  hpaBacklogQuery,
  hpaMaxQuery,
  hpaPendingQuery,
} from "../../../src/agents/prometheus/hpa-max-sweep.js"
import { memoryLoadQuery } from "../../../src/agents/prometheus/memory-load-sweep.js"
import {
  failedScaleUpsQuery,
  maxCountQuery,
  nodesCountQuery,
  pendingQuery,
  targetCountQuery,
  unschedulableQuery,
} from "../../../src/agents/prometheus/node-group-max-sweep.js"
import { nodePressureQuery } from "../../../src/agents/prometheus/node-pressure-sweep.js"
import { apiErrorQuery, noAddressQuery } from "../../../src/agents/prometheus/pod-ip-sweep.js"
import { makePrometheusAgent, prometheusAgent } from "../../../src/agents/prometheus/prometheus-agent.js"
import { providerQueries } from "../../../src/agents/prometheus/provider-error-sweep.js"
import { replicaLagQuery } from "../../../src/agents/prometheus/replica-lag-sweep.js"
import { primaryRoleQuery, replicaRoleQuery } from "../../../src/agents/prometheus/role-switch-sweep.js"
import { saturationChecks } from "../../../src/agents/prometheus/saturation-sweep.js"
import { serverErrorQuery } from "../../../src/agents/prometheus/server-error-sweep.js"
import { storageDrainQuery } from "../../../src/agents/prometheus/storage-drain-sweep.js"
import { tlsFailureQuery } from "../../../src/agents/prometheus/tls-failure-sweep.js"
import { waitingQuery } from "../../../src/agents/prometheus/waiting-pods-sweep.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { kafkaPartitionQuery } from "../../../src/domain/kafka-partitions.js"
import { queueBacklogQuery } from "../../../src/domain/metric-queue-backlog.js"
import {
  MetricSource,
  type MetricSourceService,
  notConfiguredMetricSource,
} from "../../../src/ports/metric-source.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { advanceToSleepAt } from "../../adapters/fetch/await-sleep.js"
import { taskFor } from "../cloudwatch-logs/agent-harness.js"
import {
  alertText,
  alertTime,
  flat,
  gaugeSamples,
  jitter,
  noisy,
  now,
  type Rates,
  realAnomaly,
  requestSeries,
} from "./metric-fixtures.js"

// The sweeps every run asks, whatever the alert names.
const sweepQueries = [
  // A Kafka cluster's partitions (kafka-partition-sweep.ts); `up` and volumes only when one is non-zero.
  kafkaPartitionQuery,
  ...saturationChecks.map((c) => c.expr),
  apiErrorQuery,
  noAddressQuery,
  throttleQuery,
  usageQuery,
  certificateExpiryQuery,
  primaryRoleQuery,
  replicaRoleQuery,
  ...providerQueries,
  tlsFailureQuery,
  waitingQuery,
  maxCountQuery,
  targetCountQuery,
  nodesCountQuery,
  unschedulableQuery,
  failedScaleUpsQuery,
  pendingQuery,
  // The workloads short of pods: HPA desired vs available replicas (capacity-shortfall-sweep.ts).
  hpaDesiredQuery,
  deploymentAvailableQuery,
  statefulSetReadyQuery,
  // A broker's alarm gauges; its memory and queues are asked only once one fired.
  brokerAlarmQuery,
  // Nodes under disk/memory/PID pressure (node-pressure-sweep.ts).
  nodePressureQuery,
  // Token requests refused (401/403) and database replicas' lag.
  ...credentialQueries,
  replicaLagQuery,
  // Consumer groups that stopped, databases counting deadlocks (consumer-stall-sweep.ts, datastore-lock-sweep.ts).
  consumerStallQuery,
  consumerCeilingQuery,
  // SQS queues backing up with their deletes at 0 (queue-backlog-sweep.ts); the replicas only once one did.
  queueBacklogQuery,
  datastoreLockQuery,
  // Who holds a full database's connections (connection-holder-sweep.ts).
  connectionHolderQuery,
  // HPAs at their max with throttled pods, CronJobs stalled, memory with a load surge.
  hpaMaxQuery,
  hpaPendingQuery,
  hpaBacklogQuery,
  cronJobStallQuery,
  memoryLoadQuery,
  cpuNeighbourQuery,
  // A database's storage draining, a replication slot holding WAL (storage-drain-sweep.ts).
  storageDrainQuery,
]

const settings = defaultConfig.sources.prometheus
const task = taskFor({ text: alertText, alertTime, now })

const harness = (rates: Rates) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse(now))
    const replay = yield* makePrometheusReplay({ series: requestSeries(rates), now: () => Date.parse(now) })
    const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
    return { replay, source }
  })

const run = (t: AgentTask, source: MetricSourceService, agent = prometheusAgent) =>
  agent.handle(t, { sessionId: null }).pipe(Effect.provideService(MetricSource, source))

/**
 * The source with a count of its calls still running. The answered queries travel over real
 * loopback, the release timer is on the TestClock: a test that moves the clock to the release
 * must first let every query that will be answered be answered, or on a loaded machine the clock
 * outruns the socket and nothing counts as answered in time.
 */
const counted = (source: MetricSourceService) => {
  let running = 0
  const track = <A, E>(call: Effect.Effect<A, E>) =>
    Effect.suspend(() => {
      running++
      return call.pipe(Effect.ensuring(Effect.sync(() => running--)))
    })
  return {
    running: () => running,
    source: {
      ...source,
      query: (expr: string, atMs: number) => track(source.query(expr, atMs)),
      queryRange: (expr: string, startMs: number, endMs: number, stepS: number) =>
        track(source.queryRange(expr, startMs, endMs, stepS)),
    } satisfies MetricSourceService,
  }
}

const turn = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

/** Wait (real event-loop turns, no sleeping) until exactly `held` calls run, steadily. */
const settledTo = (running: () => number, held: number) =>
  Effect.gen(function* () {
    let steady = 0
    for (let i = 0; i < 200_000 && steady < 100; i++) {
      steady = running() === held ? steady + 1 : 0
      yield* turn
    }
    if (steady < 100) return yield* Effect.dieMessage(`calls still running: ${running()}, expected ${held}`)
  })

describe("prometheusAgent", () => {
  it.scoped("reports a real error-rate jump with its values, the baselines and the rule", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(realAnomaly)
      const result = yield* run(task, source)
      expect(result.status).toBe("ok")
      expect(result.findings).toHaveLength(1)
      const [f] = result.findings
      expect(f).toMatchObject({
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "high",
        service: "checkout-api",
        resource: "metric/checkout-api/error_rate",
      })
      expect(f?.title).toMatch(
        /^checkout-api 5xx error rate 1\d(\.\d)?% vs 0\.3\d+% \/ 0\.3\d+% baseline \(\d+×\)$/,
      )
      expect(f?.detail).toMatch(
        /Incident window 15:13–15:45 UTC: peak 1\d(\.\d)?% \(mean \d+(\.\d)?%, max 1\d(\.\d)?%/,
      )
      expect(f?.detail).toMatch(
        /1 h earlier: mean 0\.3\d+% \(sd [\d.]+%\) → \d+×, z [\d.]+; 1 d earlier: mean/,
      )
      expect(f?.detail).toMatch(
        /≥ 2× every baseline's mean AND ≥ 3 of its standard deviations above it, AND at least 1% \(the floor\)/,
      )
      const observedAt = f?.observedAt ?? null
      expect(observedAt === null ? null : DateTime.formatIso(observedAt)).toBe("2026-12-03T15:31:00.000Z")
      expect(f?.excerpt).toContain('http_requests_total{service="checkout-api",code=~"5.."}')
      expect(result.summary).toMatch(
        /^1 metric anomaly for checkout-api \(15:13–15:45 UTC vs 1 h and 1 d earlier\): 5xx error rate\./,
      )
      expect(result.summary).toMatch(/latency_p99: no data in the incident window/)
      // Which services Prometheus knows (one instant query: checkout-api is one, so it is used),
      // then incident, 1 h and 1 d earlier for each of the four signals, over the same 32 minutes (the window opens at 15:12:10, read from 15:13).
      // The scope scan lists what else checkout-api exports: nothing the signals do not judge.
      const [lookup, ...rest] = replay.requests().map((r) => r.body as Record<string, string>)
      expect(lookup?.query).toBe("count by (service) (http_requests_total)")
      // Then the sweeps' checks (what is full, nodes without pod IPs, AWS quotas), one range query each.
      const sweep = new Set(sweepQueries)
      // And, the alert naming a service, its memory against its limit (memory-limit-sweep.ts).
      const memory = (b: Record<string, string>) =>
        String(b.query).includes("container_memory_working_set_bytes|")
      const ranges = rest.filter(
        (b) =>
          !String(b.query).startsWith("count by (__name__)") && !sweep.has(String(b.query)) && !memory(b),
      )
      expect(rest.filter((b) => sweep.has(String(b.query)))).toHaveLength(sweepQueries.length)
      expect(rest.filter(memory)).toHaveLength(1)
      expect(rest.length - ranges.length - sweepQueries.length).toBe(2)
      // A signal with no data is asked once more with its rate ranges widened (rate-ranges.ts).
      const widened = ranges.filter((b) => String(b.query).includes("[15m]"))
      expect(widened.length % 3).toBe(0)
      expect(ranges.length - widened.length).toBe(12)
      const lengths = new Set(ranges.map((b) => Number(b.end) - Number(b.start)))
      expect([...lengths]).toEqual([32 * 60])
      const starts = new Set(ranges.map((b) => new Date(Number(b.start) * 1000).toISOString()))
      expect([...starts].sort()).toEqual([
        "2026-12-02T15:13:00.000Z",
        "2026-12-03T14:13:00.000Z",
        "2026-12-03T15:13:00.000Z",
      ])
    }),
  )

  it.scoped("reads a Spring service's error rate from Micrometer's series (application, status)", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse(now))
      // The same counters as Micrometer names them: http_server_requests_seconds_count{application, status}.
      const micrometer = requestSeries(realAnomaly).map(({ labels, samples }) => ({
        labels: {
          __name__: "http_server_requests_seconds_count",
          application: labels.service ?? "",
          namespace: "shop",
          status: labels.code ?? "",
          outcome: labels.code === "500" ? "SERVER_ERROR" : "SUCCESS",
        },
        samples,
      }))
      const replay = yield* makePrometheusReplay({ series: micrometer, now: () => Date.parse(now) })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const result = yield* run(task, source)
      expect(result.findings.map((f) => [f.resource, f.severity])).toEqual([
        ["metric/checkout-api/error_rate", "high"],
      ])
      expect(result.findings[0]?.excerpt).toContain(
        'http_server_requests_seconds_count{application="checkout-api",status=~"5.."}',
      )
    }),
  )

  // Micrometer scraped through Kubernetes service discovery: the service in `service`, the
  // counter `…_seconds_count` or (Prometheus 1.x client) `…_total`, the 5xx in `status` or only
  // in `outcome`. Each is read as the service's error rate; another service's 5xx are not.
  const micrometerAs = (
    rates: Rates,
    service: string,
    name: string,
    label: "service" | "application",
    withStatus: boolean,
  ) =>
    requestSeries(rates).map(({ labels, samples }) => ({
      labels: {
        __name__: name,
        [label]: service,
        namespace: "shop",
        uri: "/v1/cart",
        ...(withStatus ? { status: labels.code === "500" ? "502" : (labels.code ?? "") } : {}),
        outcome: labels.code === "500" ? "SERVER_ERROR" : "SUCCESS",
      },
      samples,
    }))
  it.scoped.each([
    ["http_server_requests_seconds_count", "service", true, 'service="checkout-api",status=~"5.."'],
    ["http_server_requests_total", "service", true, 'service="checkout-api",status=~"5.."'],
    [
      "http_server_requests_seconds_count",
      "application",
      false,
      'application="checkout-api",outcome="SERVER_ERROR"',
    ],
    ["http_server_requests_total", "service", false, 'service="checkout-api",outcome="SERVER_ERROR"'],
  ] as const)(
    "reads Micrometer's %s by its %s label (status: %s) as the error rate",
    ([name, label, withStatus, matcher]) =>
      Effect.gen(function* () {
        yield* TestClock.setTime(Date.parse(now))
        const series = [
          ...micrometerAs(realAnomaly, "checkout-api", name, label, withStatus),
          // A neighbour whose 5xx were flat: nothing of checkout-api's.
          ...micrometerAs(flat, "catalog-search", name, label, withStatus),
        ]
        const replay = yield* makePrometheusReplay({ series, now: () => Date.parse(now) })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const result = yield* run(task, source)
        const errorRate = result.findings.filter((f) => f.resource === "metric/checkout-api/error_rate")
        expect(errorRate.map((f) => f.severity)).toEqual(["high"])
        expect(errorRate[0]?.excerpt).toContain(matcher)
      }),
  )

  it.scoped("does not read another service's Micrometer 5xx rise as the alert's service's error rate", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse(now))
      const series = [
        ...micrometerAs(flat, "checkout-api", "http_server_requests_seconds_count", "service", true),
        ...micrometerAs(realAnomaly, "catalog-search", "http_server_requests_seconds_count", "service", true),
      ]
      const replay = yield* makePrometheusReplay({ series, now: () => Date.parse(now) })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const result = yield* run(task, source)
      expect(result.findings.filter((f) => (f.resource ?? "").endsWith("/error_rate"))).toEqual([])
      expect(result.findings.some((f) => (f.service ?? "") === "catalog-search")).toBe(false)
    }),
  )

  it.scoped("reads a summary's 0.99 quantile as the p99 latency when the service exports no histogram", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse(now))
      const nowMs = Date.parse(now)
      const shifts = { day: 86_400_000, hour: 3_600_000, incident: 0 }
      const samples = gaugeSamples(
        (w, i) => (w === "incident" && i >= 20 ? 2.4 : 0.18) * jitter(i + shifts[w] / 60_000, 0.05),
      )
      const replay = yield* makePrometheusReplay({
        series: [
          ...requestSeries(flat),
          {
            labels: { __name__: "http_request_duration_seconds", service: "checkout-api", quantile: "0.99" },
            samples,
          },
          {
            labels: { __name__: "http_request_duration_seconds", service: "checkout-api", quantile: "0.5" },
            samples: samples.map((x) => ({ t: x.t, v: 0.04 })),
          },
        ],
        now: () => nowMs,
      })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const result = yield* run(task, source)
      expect(result.status).toBe("ok")
      expect(result.findings).toHaveLength(1)
      expect(result.findings[0]).toMatchObject({
        kind: "metric_anomaly",
        severity: "high",
        resource: "metric/checkout-api/latency_p99",
      })
      expect(result.findings[0]?.title).toMatch(/^checkout-api p99 latency 2\.\d+ ?s vs /)
    }),
  )

  it.scoped("queries the service a person's word picks out among Prometheus' service labels", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(realAnomaly)
      const human = taskFor({ text: "checkout is broken for everyone right now", alertTime, now })
      const result = yield* run(human, source)
      expect(result.status).toBe("ok")
      expect(result.findings.map((f) => f.resource)).toEqual(["metric/checkout-api/error_rate"])
      const asked = replay.requests().map((r) => String((r.body as Record<string, string>).query))
      expect(asked[0]).toBe("count by (service) (http_requests_total)")
      expect(asked.slice(1).every((q) => !q.includes('service="checkout"'))).toBe(true)
    }),
  )

  it.scoped("queries the service whose request series serve a person's word as a route", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse(now))
      const routed = requestSeries(realAnomaly).map((s) => ({
        ...s,
        labels: { ...s.labels, route: "/api/billing/charge" },
      }))
      const replay = yield* makePrometheusReplay({ series: routed, now: () => Date.parse(now) })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const human = taskFor({ text: "billing is broken for everyone right now", alertTime, now })
      const result = yield* run(human, source)
      expect(result.findings.map((f) => f.resource)).toEqual(["metric/checkout-api/error_rate"])
      const asked = replay.requests().map((r) => String((r.body as Record<string, string>).query))
      expect(asked.slice(0, 2)).toEqual([
        "count by (service) (http_requests_total)",
        "count by (service, route, handler, path, endpoint, uri) (http_requests_total)",
      ])
      expect(asked.slice(2).every((q) => !q.includes('service="billing"'))).toBe(true)
    }),
  )

  it.scoped("reads p99 latency from a service:…:p99 recording rule when there is no histogram", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse(now))
      const nowMs = Date.parse(now)
      const samples = gaugeSamples((w, i, t) =>
        w === "incident" && t >= Date.parse("2026-12-03T15:29:00Z") ? 2.1 : 0.3 * jitter(i, 0.05),
      )
      const p99 = {
        labels: {
          __name__: "service:http_request_duration_seconds:p99",
          service: "checkout-api",
          route: "/pay",
        },
        samples,
      }
      const replay = yield* makePrometheusReplay({ series: [p99], now: () => nowMs })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const result = yield* run(task, source)
      expect(result.findings.map((f) => f.resource)).toEqual(["metric/checkout-api/latency_p99"])
      expect(result.findings[0]?.title).toMatch(/^checkout-api p99 latency 2\.1 ?s vs /)
    }),
  )

  it.scoped(
    "a machine alert about a resource Prometheus has no service for queries the service its text names",
    () =>
      Effect.gen(function* () {
        const { replay, source } = yield* harness(realAnomaly)
        const rdsAlarm = taskFor({
          text: [
            'ALARM: "orders-db-CPUUtilization-high" in US East (N. Virginia)',
            "Alarm Description: Primary PostgreSQL for checkout-api.",
            "Metric: AWS/RDS CPUUtilization DBInstanceIdentifier = orders-db (Average, 60s)",
          ].join("\n"),
          alertTime,
          now,
        })
        const result = yield* run(rdsAlarm, source)
        expect(result.findings.map((f) => f.resource)).toEqual(["metric/checkout-api/error_rate"])
        const asked = replay.requests().map((r) => String((r.body as Record<string, string>).query))
        expect(asked.slice(1).some((q) => q.includes('service="checkout-api"'))).toBe(true)
      }),
  )

  it.scoped("does not report a flat series", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(flat)
      const result = yield* run(task, source)
      expect(result.status).toBe("ok")
      expect(result.findings).toEqual([])
      expect(result.summary).toMatch(/^No metric anomaly for checkout-api/)
      expect(result.summary).toMatch(
        /error_rate: no anomaly \(2%, within the range of 1 h earlier and 1 d earlier\)/,
      )
    }),
  )

  it.scoped("does not report a merely noisy series", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(noisy)
      const result = yield* run(task, source)
      expect(result.status).toBe("ok")
      expect(result.findings).toEqual([])
      expect(result.summary).toMatch(/error_rate: no anomaly/)
    }),
  )

  it.effect("without Prometheus answers unhealthy with the reason", () =>
    Effect.gen(function* () {
      const result = yield* run(task, notConfiguredMetricSource())
      expect(result).toMatchObject({ status: "unhealthy", findings: [] })
      expect(result.reason).toMatch(/PROMETHEUS_URL/)
    }),
  )

  it.scoped("skips an alert that names no service, workload or namespace", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(flat)
      const vague = taskFor({ text: "[FIRING:1] Watchdog\nsummary: everything is fine", alertTime, now })
      const result = yield* run(vague, source)
      expect(result.status).toBe("skipped")
      expect(result.reason).toMatch(/no metric query applies/)
      // only the sweeps, which need no name, were asked (and found nothing) — with, since the
      // alert names no service, which service's 5xx rose (server-error-sweep.ts)
      const sweep = new Set([...sweepQueries, serverErrorQuery])
      const asked = replay.requests().map((r) => String((r.body as Record<string, string>).query))
      expect(asked).toHaveLength(sweepQueries.length + 1)
      expect(asked.every((q) => sweep.has(q))).toBe(true)
    }),
  )

  it.scoped("an alert naming no service still gets what the saturation sweep finds full", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse(now))
      const node = { instance: "ip-10-30-7-142.eu-central-1.compute.internal", mountpoint: "/" }
      const replay = yield* makePrometheusReplay({
        series: [
          { labels: { __name__: "node_filesystem_avail_bytes", ...node }, samples: gaugeSamples(() => 2e9) },
          { labels: { __name__: "node_filesystem_size_bytes", ...node }, samples: gaugeSamples(() => 1e11) },
        ],
        now: () => Date.parse(now),
      })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const disk = taskFor({
        text: "[FIRING:1] NodeRootFilesystemAlmostFull\ninstance = ip-10-30-7-142.eu-central-1.compute.internal",
        alertTime,
        now,
      })
      const result = yield* run(disk, source)
      expect(result.status).toBe("ok")
      expect(result.findings.map((f) => [f.title, f.resource])).toEqual([
        [
          "ip-10-30-7-142.eu-central-1.compute.internal: node root filesystem nearly full (98%)",
          "node/ip-10-30-7-142.eu-central-1.compute.internal",
        ],
      ])
    }),
  )

  it.scoped("names a refused query and still answers with the others", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(realAnomaly)
      const agent = makePrometheusAgent({
        ...settings,
        queries: { ...settings.queries, latency_p99: 'topk(1, http_requests_total{service="{service}"})' },
      })
      const result = yield* run(task, source, agent)
      expect(result.status).toBe("ok")
      expect(result.findings.map((f) => f.resource)).toEqual(["metric/checkout-api/error_rate"])
      expect(result.summary).toMatch(/latency_p99: query refused \(.*topk.*\)/)
    }),
  )

  it.scoped("answers error when every query fails", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(realAnomaly)
      replay.failNext("query_range", { status: 503, errorType: "unavailable", error: "overloaded" }, 12)
      const result = yield* run(task, source)
      expect(result.status).toBe("error")
      expect(result.reason).toMatch(/HTTP 503/)
    }),
  )

  it.scoped("answers by the report's release even when Prometheus hangs", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(realAnomaly)
      replay.holdNext("query_range", 3) // the error-rate query's three windows never answer
      const released = taskFor({ text: alertText, alertTime, now, reportAtS: 20 })
      const calls = counted(source)
      const fiber = yield* Effect.fork(run(released, calls.source))
      // Every other query answered first (over the socket), then released at now + 20 s, answered 2 s before that.
      yield* settledTo(calls.running, 3)
      yield* advanceToSleepAt(Date.parse(now) + 18_000)
      const result = yield* Fiber.join(fiber)
      expect(result.status).toBe("ok")
      expect(result.findings).toEqual([])
      expect(result.summary).toMatch(/error_rate: no answer in time/)
    }),
  )

  it.scoped("answers error, not 'no anomaly', when nothing answers in time", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(realAnomaly)
      replay.holdNext("query_range", 12)
      const released = taskFor({ text: alertText, alertTime, now, reportAtS: 20 })
      const fiber = yield* Effect.fork(run(released, source))
      yield* advanceToSleepAt(Date.parse(now) + 18_000)
      const result = yield* Fiber.join(fiber)
      expect(result.status).toBe("error")
      expect(result.reason).toMatch(
        /no metric query answered before the report was due \(error_rate: no answer in time;/,
      )
    }),
  )
})
