/**
 * The leak reading over days from a runtime's own heap (memory-leak-scan.ts): when the container's
 * memory is not exported, a JVM's heap (Micrometer, client_java, OpenTelemetry names) or Node's V8
 * heap is read per pod, narrowed to the heap's pools, bounded by the heap's max. Decoys: a heap
 * that grows with its request load, and a non-heap pool (metaspace) climbing while the heap is flat.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { memoryReadOf, withMatcher } from "../../../src/agents/prometheus/memory-leak-scan.js"
import { prometheusAgent } from "../../../src/agents/prometheus/prometheus-agent.js"
import type { MetricLabels, MetricSample } from "../../../src/domain/metric-series.js"
import { MetricSource } from "../../../src/ports/metric-source.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { taskFor } from "../cloudwatch-logs/agent-harness.js"
import { alertText, alertTime, now } from "./metric-fixtures.js"

const nowMs = Date.parse(now)
const hour = 3_600_000
const mib = 1_048_576

describe("memory read for the leak", () => {
  const sel = ['{service="a"}', '{namespace="n",pod=~"a-.*"}']

  it("prefers the container's memory, else a runtime's heap narrowed to the heap", () => {
    expect(memoryReadOf(["container_memory_working_set_bytes", "jvm_memory_used_bytes"], sel)?.metric).toBe(
      "container_memory_working_set_bytes",
    )
    expect(memoryReadOf(["jvm_memory_used_bytes", "jvm_memory_max_bytes"], sel)).toEqual({
      metric: "jvm_memory_used_bytes",
      expr: 'sum by (pod) (jvm_memory_used_bytes{area="heap",service="a"} or jvm_memory_used_bytes{area="heap",namespace="n",pod=~"a-.*"})',
      limitExpr:
        'sum by (pod) (jvm_memory_max_bytes{area="heap",service="a"} or jvm_memory_max_bytes{area="heap",namespace="n",pod=~"a-.*"})',
    })
    expect(memoryReadOf(["jvm_memory_bytes_used"], sel)?.limitExpr).toBeNull()
    expect(withMatcher(sel, 'jvm_memory_type="heap"')[0]).toBe('{jvm_memory_type="heap",service="a"}')
    expect(memoryReadOf(["nodejs_heap_size_used_bytes"], sel)?.expr).toBe(
      'sum by (pod) (nodejs_heap_size_used_bytes{service="a"} or nodejs_heap_size_used_bytes{namespace="n",pod=~"a-.*"})',
    )
    expect(memoryReadOf(["http_requests_total"], sel)).toBeNull()
  })
})

/** Every 30 min over the last `hours`, `at(h)` the value `h` hours into the span. */
const climb = (labels: MetricLabels, hours: number, at: (h: number) => number) => ({
  labels,
  samples: Array.from(
    { length: hours * 2 + 1 },
    (_, i): MetricSample => ({ t: nowMs - (hours * 2 - i) * (hour / 2), v: at(i / 2) }),
  ),
})

const run = (series: ReadonlyArray<ReturnType<typeof climb>>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(nowMs)
    const replay = yield* makePrometheusReplay({ series, now: () => nowMs })
    const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
    const result = yield* prometheusAgent
      .handle(taskFor({ text: alertText, alertTime, now }), { sessionId: null })
      .pipe(Effect.provideService(MetricSource, source))
    return result.findings.filter((f) => / memory leak: /.test(f.title))
  })

const pod = "checkout-api-6c8f7d9b54-q2w8e"

describe("heap leak end to end", () => {
  it.scoped("a Micrometer heap split by pool climbs to its max over two days", () =>
    Effect.gen(function* () {
      const leaks = yield* run([
        climb(
          {
            __name__: "jvm_memory_used_bytes",
            application: "checkout-api",
            area: "heap",
            id: "G1 Old Gen",
            pod,
          },
          48,
          (h) => (200 + h * 20) * mib,
        ),
        climb(
          {
            __name__: "jvm_memory_used_bytes",
            application: "checkout-api",
            area: "heap",
            id: "G1 Eden Space",
            pod,
          },
          48,
          () => 60 * mib,
        ),
        climb(
          {
            __name__: "jvm_memory_max_bytes",
            application: "checkout-api",
            area: "heap",
            id: "G1 Old Gen",
            pod,
          },
          48,
          () => 2000 * mib,
        ),
        climb(
          {
            __name__: "jvm_memory_max_bytes",
            application: "checkout-api",
            area: "heap",
            id: "G1 Eden Space",
            pod,
          },
          48,
          () => -1,
        ),
      ])
      expect(leaks.map((f) => f.title)).toEqual([
        expect.stringMatching(
          /^checkout-api memory leak: heap \(jvm_memory_used_bytes\) climbing \+20 MiB\/h for 48 h \(260 MiB → 1\.\d\d GiB\) with flat load, reaching its heap max of 1\.95 GiB in ~\d+ h$/,
        ),
      ])
      expect(leaks[0]?.detail).toContain("OutOfMemoryError")
      expect(leaks[0]?.severity).toBe("medium")
    }),
  )

  it.scoped("client_java's heap gauge and Node's V8 heap, labelled by service", () =>
    Effect.gen(function* () {
      const java = yield* run([
        climb(
          { __name__: "jvm_memory_bytes_used", service: "checkout-api", area: "heap", pod },
          30,
          (h) => (300 + h * 12) * mib,
        ),
      ])
      expect(java.map((f) => f.resource)).toEqual(["metric/checkout-api/jvm_memory_bytes_used"])
      const node = yield* run([
        climb(
          { __name__: "nodejs_heap_size_used_bytes", service: "checkout-api", pod },
          20,
          (h) => (100 + h * 8) * mib,
        ),
      ])
      expect(node.map((f) => f.resource)).toEqual(["metric/checkout-api/nodejs_heap_size_used_bytes"])
    }),
  )

  it.scoped("decoys: a heap that grows with its sessions, a climbing metaspace beside a flat heap", () =>
    Effect.gen(function* () {
      const busier = yield* run([
        climb(
          { __name__: "jvm_memory_used_bytes", application: "checkout-api", area: "heap", pod },
          30,
          (h) => (200 + h * 20) * mib,
        ),
        climb(
          { __name__: "checkout_active_sessions", application: "checkout-api", pod },
          30,
          (h) => 100 + h * 40,
        ),
      ])
      expect(busier).toEqual([])
      const metaspace = yield* run([
        climb(
          { __name__: "jvm_memory_used_bytes", application: "checkout-api", area: "heap", pod },
          30,
          (h) => (500 + 50 * Math.sin(h)) * mib,
        ),
        climb(
          {
            __name__: "jvm_memory_used_bytes",
            application: "checkout-api",
            area: "nonheap",
            id: "Metaspace",
            pod,
          },
          30,
          (h) => (80 + h * 4) * mib,
        ),
      ])
      expect(metaspace).toEqual([])
    }),
  )
})
