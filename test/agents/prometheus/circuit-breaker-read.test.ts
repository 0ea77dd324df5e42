/**
 * A circuit breaker open at the window's end names the dependency behind it
 * (circuit-breaker-read.ts), whatever the library, its label for the dependency or a recording
 * rule over its series; a breaker that opened and closed again, a closed state and refused calls
 * that stayed at nothing are not one.
 */
import { describe, expect, it } from "vitest"
import {
  breakerFinding,
  isBreakerMetric,
  isLatencyName,
  metricPartOf,
  openBreakers,
} from "../../../src/agents/prometheus/circuit-breaker-read.js"
import type { MetricSeries } from "../../../src/domain/metric-series.js"

const t0 = Date.parse("2031-02-10T04:00:00Z")
const min = 60_000
const series = (labels: Record<string, string>, values: ReadonlyArray<number>): MetricSeries => ({
  labels,
  samples: values.map((v, i) => ({ t: t0 + i * min, v })),
})

describe("metric names", () => {
  it("reads a recording rule by its metric part", () => {
    expect(metricPartOf("app_name_kind:resilience4j_circuitbreaker_calls:rate5m")).toBe(
      "resilience4j_circuitbreaker_calls",
    )
    expect(metricPartOf("resilience4j_circuitbreaker_state")).toBe("resilience4j_circuitbreaker_state")
    expect(isBreakerMetric("job:resilience4j_circuitbreaker_calls:rate1m")).toBe(true)
    expect(isBreakerMetric("hystrix_circuit_breaker_open")).toBe(true)
    expect(isBreakerMetric("gobreaker_breaker_state")).toBe(true)
    // decoys: a metric whose rule's level or operation only mentions a breaker-like word
    expect(isBreakerMetric("http_server_requests_seconds_count")).toBe(false)
    expect(isBreakerMetric("icebreaker_game_sessions")).toBe(false)
  })
  it("knows a p99 latency series, raw or recorded", () => {
    expect(isLatencyName("service:http_server_requests_seconds:p99_rate5m")).toBe(true)
    expect(isLatencyName("grpc_server_handling_seconds_quantile")).toBe(true)
    expect(isLatencyName("http_requests_total")).toBe(false)
  })
})

describe("openBreakers", () => {
  it("resilience4j's state gauge with a name label: open since it turned 1", () => {
    const open = openBreakers([
      series(
        { __name__: "resilience4j_circuitbreaker_state", name: "tariff-engine", state: "open" },
        [0, 0, 1, 1, 1],
      ),
      series(
        { __name__: "resilience4j_circuitbreaker_state", name: "tariff-engine", state: "closed" },
        [1, 1, 0, 0, 0],
      ),
    ])
    expect(open).toEqual([{ dependency: "tariff-engine", sinceMs: t0 + 2 * min, refusedPerS: null }])
  })
  it("a recording rule of not-permitted calls, a backend label, Hystrix's open gauge by command", () => {
    const open = openBreakers([
      series(
        {
          __name__: "application_name_kind:resilience4j_circuitbreaker_calls:rate5m",
          name: "stock-ledger",
          kind: "not_permitted",
        },
        [0, 0, 0, 12.5, 30],
      ),
      series({ __name__: "breaker_calls_rejected_total", backend: "geo-lookup" }, [0, 3, 4]),
      series(
        { __name__: "hystrix_circuit_breaker_open", command_group: "pay", command_name: "CardVault" },
        [0, 1, 1],
      ),
    ])
    expect(open.map((b) => [b.dependency, b.refusedPerS])).toEqual([
      ["stock-ledger", 30],
      ["geo-lookup", 4],
      ["CardVault", null],
    ])
  })
  it("decoys: opened and closed again, a closed state, refused calls at nothing, no dependency label", () => {
    expect(
      openBreakers([
        series(
          { __name__: "resilience4j_circuitbreaker_state", name: "psp-gateway", state: "open" },
          [0, 1, 1, 0, 0],
        ),
        series({ __name__: "resilience4j_circuitbreaker_state", name: "mailer", state: "closed" }, [1, 1, 1]),
        series(
          { __name__: "x:resilience4j_circuitbreaker_calls:rate5m", name: "mailer", kind: "not_permitted" },
          [0, 0, 0],
        ),
        series(
          { __name__: "x:resilience4j_circuitbreaker_calls:rate5m", name: "mailer", kind: "failed" },
          [0, 4, 9],
        ),
        series({ __name__: "resilience4j_circuitbreaker_state", state: "open" }, [0, 1]),
      ]),
    ).toEqual([])
  })
})

describe("breakerFinding", () => {
  it("names the dependency and its latency, not only the caller", () => {
    const f = breakerFinding(
      "fare-api",
      { dependency: "tariff-engine", sinceMs: t0, refusedPerS: 17 },
      { metric: "service:http_server_requests_seconds:p99_rate5m", before: 0.08, peak: 3.1 },
      'resilience4j_circuitbreaker_state{application="fare-api"}',
      null,
    )
    expect(f.title).toBe(
      "fare-api's circuit breaker for tariff-engine open since 04:00 UTC: calls to tariff-engine cut off (17 calls/s not permitted); tariff-engine p99 latency 3.1 s vs 80 ms before",
    )
    expect(f.detail).toMatch(/look at tariff-engine/)
    expect(f.severity).toBe("high")
  })
})
