/**
 * The sawtooth leak end to end (memory-leak-scan.ts → memory-lives.ts): pods killed at their limit
 * every hour or two, read through the replay at the scan's coarse step. Variants: cAdvisor's
 * working set labelled by pod and container, `container_memory_rss`, Go's
 * `process_resident_memory_bytes` labelled by service, Node's heap against its max; one steady
 * climb with no restart still speaks through the long-climb rule. Decoy: a sawtooth whose requests
 * climb with it.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { prometheusAgent } from "../../../src/agents/prometheus/prometheus-agent.js"
import type { MetricLabels, MetricSample } from "../../../src/domain/metric-series.js"
import { MetricSource } from "../../../src/ports/metric-source.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { taskFor } from "../cloudwatch-logs/agent-harness.js"
import { alertText, alertTime, now } from "./metric-fixtures.js"

const nowMs = Date.parse(now)
const minute = 60_000
const mib = 1_048_576

/** Samples every `stepMin` over the last `hours`, `at(m)` the value `m` minutes into the span. */
const series = (labels: MetricLabels, hours: number, stepMin: number, at: (m: number) => number) => ({
  labels,
  samples: Array.from(
    { length: Math.floor((hours * 60) / stepMin) + 1 },
    (_, i): MetricSample => ({ t: nowMs - hours * 3_600_000 + i * stepMin * minute, v: at(i * stepMin) }),
  ),
})
/** 300 → 1500 MiB over each 90-min life (killed at a 1.5 GiB limit), shifted by `shiftMin`. */
const tooth = (shiftMin: number) => (m: number) => (300 + 1200 * (((m + shiftMin) % 90) / 90)) * mib

const run = (input: ReadonlyArray<ReturnType<typeof series>>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(nowMs)
    const replay = yield* makePrometheusReplay({ series: input, now: () => nowMs })
    const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
    const result = yield* prometheusAgent
      .handle(taskFor({ text: alertText, alertTime, now }), { sessionId: null })
      .pipe(Effect.provideService(MetricSource, source))
    return result.findings.filter((f) => / memory leak: /.test(f.title))
  })

const pod = "checkout-api-6c8f7d9b54-q2w8e"
const pods = [pod, "checkout-api-6c8f7d9b54-z7k1m"]
const cadvisor = (metric: string) =>
  pods.flatMap((pod, i) => [
    series({ __name__: metric, namespace: "shop", pod, container: "api" }, 6, 10, tooth(i * 35)),
    series(
      { __name__: "container_spec_memory_limit_bytes", namespace: "shop", pod, container: "api" },
      6,
      10,
      () => 1536 * mib,
    ),
  ])

describe("a sawtooth of lives killed at the limit", () => {
  it.scoped("cAdvisor's working set and RSS, labelled by pod and container", () =>
    Effect.gen(function* () {
      for (const metric of ["container_memory_working_set_bytes", "container_memory_rss"]) {
        const leaks = yield* run(cadvisor(metric))
        expect(leaks.map((f) => f.title)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^checkout-api memory leak: memory \\(${metric}\\) climbing \\+\\d+ MiB/h to its memory limit of 1\\.50 GiB in \\d+ lives with flat load, then killed and restarted, each life lasting ~1\\.\\d h`,
            ),
          ),
        ])
        expect(leaks[0]?.severity).toBe("high")
        expect(leaks[0]?.detail).toContain("OOMKilled")
      }
    }),
  )

  it.scoped("Go's resident memory by service, and Node's heap against its max", () =>
    Effect.gen(function* () {
      const go = yield* run([
        series({ __name__: "process_resident_memory_bytes", service: "checkout-api", pod }, 6, 10, tooth(0)),
      ])
      // No limit exported: the lives end at the same ceiling.
      expect(go.map((f) => f.title)).toEqual([expect.stringContaining("to the same ceiling")])
      const node = yield* run([
        series({ __name__: "nodejs_heap_size_used_bytes", service: "checkout-api", pod }, 6, 10, tooth(0)),
        series(
          { __name__: "nodejs_heap_size_total_bytes", service: "checkout-api", pod },
          6,
          60,
          () => 1536 * mib,
        ),
      ])
      expect(node.map((f) => f.resource)).toEqual(["metric/checkout-api/nodejs_heap_size_used_bytes"])
    }),
  )

  it.scoped("one steady climb with no restart is the long-climb reading", () =>
    Effect.gen(function* () {
      const leaks = yield* run([
        series(
          {
            __name__: "container_memory_working_set_bytes",
            namespace: "shop",
            pod,
            container: "api",
          },
          30,
          30,
          (m) => (200 + m / 3) * mib,
        ),
      ])
      expect(leaks.map((f) => f.title)).toEqual([expect.stringMatching(/climbing \+20 MiB\/h for 30 h/)])
    }),
  )

  it.scoped("decoy: requests that climb and fall with every tooth", () =>
    Effect.gen(function* () {
      const leaks = yield* run([
        ...cadvisor("container_memory_working_set_bytes").slice(0, 2),
        series(
          { __name__: "checkout_inflight_requests", service: "checkout-api" },
          6,
          10,
          (m) => tooth(0)(m) / mib,
        ),
      ])
      expect(leaks).toEqual([])
    }),
  )
})
