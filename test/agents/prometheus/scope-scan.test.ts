/**
 * The scan of the alert's scope: the selectors carry the alert's names escaped (no PromQL
 * injection); counters are read as rates and gauges as their worst series; what the signals
 * already judge and descriptive series are left out; and end to end over the replay, a metric
 * no template names (CPU throttling) that moved is reported in words, while a flat one and
 * another service's metric are not.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { prometheusAgent } from "../../../src/agents/prometheus/prometheus-agent.js"
import { metricsToScan, scanExpr, scopeSelectors } from "../../../src/agents/prometheus/scope-scan.js"
import { glossOf } from "../../../src/domain/metric-gloss.js"
import type { MetricLabels, MetricSample } from "../../../src/domain/metric-series.js"
import { MetricSource } from "../../../src/ports/metric-source.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { taskFor } from "../cloudwatch-logs/agent-harness.js"
import { alertText, alertTime, jitter, now } from "./metric-fixtures.js"

const values = (service: string | null, namespace: string | null = null) => ({
  service,
  namespace,
  workload: service,
  pod: null,
  container: null,
  cluster: null,
})

describe("scope scan queries", () => {
  it("selects the alert's names by the labels exporters use, escaped", () => {
    const selectors = scopeSelectors(values('api"} or vector(1) or {x="', "shop"))
    expect(selectors).toContain('{service="api\\"} or vector(1) or {x=\\""}')
    expect(selectors.at(-1)).toBe(
      '{namespace="shop",pod=~"api\\"\\\\} or vector\\\\(1\\\\) or \\\\{x=\\"-.*"}',
    )
    expect(scopeSelectors(values(null))).toEqual([])
    // an RDS instance as CloudWatch exporters label it
    expect(scopeSelectors(values("accounts-mysql-replica-1"))).toEqual(
      expect.arrayContaining([
        '{dbinstance_identifier="accounts-mysql-replica-1"}',
        '{dimension_DBInstanceIdentifier="accounts-mysql-replica-1"}',
      ]),
    )
  })

  it("reads a counter as a summed rate and a gauge as its worst series", () => {
    const sel = ['{service="a"}', '{job="a"}']
    expect(scanExpr("process_open_fds", sel)).toBe(
      'max(abs(process_open_fds{service="a"} or process_open_fds{job="a"}))',
    )
    expect(scanExpr("x_errors_total", sel)).toBe(
      'sum(rate(x_errors_total{service="a"}[5m]) or rate(x_errors_total{job="a"}[5m]))',
    )
    // A recording rule is already a rate.
    expect(scanExpr("a:http_requests:rate1m", sel)).toBe(
      'max(abs(a:http_requests:rate1m{service="a"} or a:http_requests:rate1m{job="a"}))',
    )
  })

  it("leaves out what the signals judge and descriptive series, described metrics first, capped", () => {
    expect(
      metricsToScan(
        [
          "zz_custom_gauge",
          "http_requests_total",
          "up",
          "kube_pod_labels",
          "x_bucket",
          "svc:http_request_duration_seconds:p99",
          "container_cpu_cfs_throttled_periods_total",
          "process_open_fds",
        ],
        2,
      ),
    ).toEqual(["container_cpu_cfs_throttled_periods_total", "process_open_fds"])
    expect(glossOf("container_cpu_cfs_throttled_periods_total")).toBe("CPU throttling")
    expect(glossOf("pg_replication_lag_seconds")).toBe("replication lag")
    expect(glossOf("totally_unknown")).toBeNull()
  })
})

const minute = 60_000
const nowMs = Date.parse(now)
/** A series sampled every minute for 45 minutes before now, and the same 1 h and 1 d earlier. */
const series = (labels: MetricLabels, value: (window: "incident" | "hour" | "day", i: number) => number) => {
  const samples: Array<MetricSample> = []
  let counter = 0
  for (const [window, shift] of [
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["incident", 0],
  ] as const) {
    for (let i = 0; i <= 45; i++) {
      const v = value(window, i)
      counter += v * 60
      samples.push({
        t: nowMs - shift - (45 - i) * minute,
        v: labels.__name__?.endsWith("_total") ? counter : v,
      })
    }
  }
  return { labels, samples }
}

describe("prometheusAgent's scope scan", () => {
  it.scoped(
    "reports a metric no template names that moved, in words, and not a flat one or another service's",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const pod = { namespace: "shop", pod: "checkout-api-7b9c6d5f84-2hx9q", container: "api" }
        const replay = yield* makePrometheusReplay({
          series: [
            // Throttled periods per second: ~2/s, then 40/s from 15:30 in the incident window.
            series({ __name__: "container_cpu_cfs_throttled_periods_total", ...pod }, (w, i) =>
              w === "incident" && i >= 18 ? 40 * jitter(i, 0.05) : 2 * jitter(i, 0.2),
            ),
            series(
              { __name__: "process_open_fds", job: "checkout-api", ...pod },
              (_w, i) => 300 * jitter(i, 0.05),
            ),
            series(
              { __name__: "process_open_fds", job: "search-api", namespace: "shop", pod: "search-api-1" },
              (w, i) => (w === "incident" && i >= 18 ? 9000 : 300 * jitter(i, 0.05)),
            ),
          ],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const result = yield* prometheusAgent
          .handle(taskFor({ text: alertText, alertTime, now }), { sessionId: null })
          .pipe(Effect.provideService(MetricSource, source))
        expect(result.status).toBe("ok")
        expect(result.findings.map((f) => f.resource)).toEqual([
          "metric/checkout-api/container_cpu_cfs_throttled_periods_total",
        ])
        const [f] = result.findings
        expect(f?.title).toMatch(
          /^checkout-api CPU throttling \(container_cpu_cfs_throttled_periods_total\) \d+(\.\d+)?\/s vs /,
        )
        expect(f?.severity).toBe("high")
        expect(result.summary).toMatch(/scan of 2 other metric\(s\) of checkout-api: 1 anomalous/)
      }),
  )

  it.scoped("reports CPU throttling as a share of CFS periods, though it was as bad all along", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(nowMs)
      const pod = { namespace: "shop", pod: "checkout-api-7b9c6d5f84-2hx9q", container: "api" }
      // 10 CFS periods a second, 6 of them throttled, in every window: no change to judge.
      const replay = yield* makePrometheusReplay({
        series: [
          series({ __name__: "container_cpu_cfs_periods_total", ...pod }, () => 10),
          series({ __name__: "container_cpu_cfs_throttled_periods_total", ...pod }, () => 6),
        ],
        now: () => nowMs,
      })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const result = yield* prometheusAgent
        .handle(taskFor({ text: alertText, alertTime, now }), { sessionId: null })
        .pipe(Effect.provideService(MetricSource, source))
      expect(result.findings.map((f) => [f.title, f.severity])).toEqual([
        ["checkout-api CPU throttled in 60% of CFS periods (at its CPU limit)", "high"],
      ])
    }),
  )

  it.scoped(
    "reports a gauge that climbed all day as a leak, though nothing jumped against the hour before",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const pod = { namespace: "shop", pod: "checkout-api-7b9c6d5f84-2hx9q", container: "api" }
        // Live threads: +2 a minute since yesterday (≈ 1,200 then, ≈ 4,000 now).
        const base = { day: 1200, hour: 3880, incident: 4000 }
        const replay = yield* makePrometheusReplay({
          series: [series({ __name__: "jvm_threads_live_threads", ...pod }, (w, i) => base[w] + 2 * i)],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const result = yield* prometheusAgent
          .handle(taskFor({ text: alertText, alertTime, now }), { sessionId: null })
          .pipe(Effect.provideService(MetricSource, source))
        expect(result.findings.map((f) => [f.resource, f.severity])).toEqual([
          ["metric/checkout-api/jvm_threads_live_threads", "high"],
        ])
        expect(result.findings[0]?.title).toMatch(
          /climbing steadily: .* vs .* 1 d earlier \(3\.\d×\), a leak's shape$/,
        )
      }),
  )

  it.scoped("reports memory climbing in a straight line for hours, from a history shorter than a day", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(nowMs)
      const pod = { namespace: "shop", pod: "checkout-api-7b9c6d5f84-2hx9q", container: "api" }
      // Scraped every 10 minutes for the last 10 hours: 900 MiB → ~1.8 GiB, nothing a day ago.
      const samples: Array<MetricSample> = Array.from({ length: 61 }, (_, i) => ({
        t: nowMs - (60 - i) * 600_000,
        v: (900 + i * 15) * 1_048_576,
      }))
      const replay = yield* makePrometheusReplay({
        series: [{ labels: { __name__: "container_memory_working_set_bytes", ...pod }, samples }],
        now: () => nowMs,
      })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const result = yield* prometheusAgent
        .handle(taskFor({ text: alertText, alertTime, now }), { sessionId: null })
        .pipe(Effect.provideService(MetricSource, source))
      const leak = result.findings.find(
        (f) => f.resource === "metric/checkout-api/container_memory_working_set_bytes",
      )
      // Ten hours of climb with no load series to explain it: the leak reading over days
      // (memory-leak-scan.ts) says it, with its rate; the hours-long trend would only repeat it.
      expect(leak?.title).toMatch(
        /^checkout-api memory leak: memory \(container_memory_working_set_bytes\) climbing \+90 MiB\/h for 10 h \(900 MiB → 1\.\d\d GiB\) with flat load$/,
      )
      expect(leak?.severity).toBe("medium")
      expect(result.findings.filter((f) => f.resource === leak?.resource)).toHaveLength(1)
    }),
  )
})
