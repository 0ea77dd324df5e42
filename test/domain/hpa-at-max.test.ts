/**
 * An HPA pinned at its max with its pods CPU-throttled (hpa-at-max.ts): the current and older
 * kube-state-metrics names, the HPA in a `horizontalpodautoscaler` or `hpa` label, throttling as a
 * recording rule's ratio or cAdvisor's raw counters — not an HPA at max whose pods have CPU to
 * spare, nor an HPA still below its max.
 */
import { describe, expect, it } from "vitest"
import { hpaAtMaxFindings } from "../../src/domain/hpa-at-max.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const minute = 60_000
// Samples every 10 minutes from 00:00; the window starts at 00:20.
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 10 * minute, v }))
const windowStart = 20 * minute
const windowEnd = 60 * minute

const hpa = (prefix: string, label: string, name: string, current: ReadonlyArray<number>, max: number) => [
  {
    labels: { __name__: `${prefix}_status_current_replicas`, namespace: "shop", [label]: name },
    samples: at(...current),
  },
  {
    labels: { __name__: `${prefix}_spec_max_replicas`, namespace: "shop", [label]: name },
    samples: at(max, max),
  },
]

const ratio = (workload: string, ...vs: ReadonlyArray<number>): MetricSeries => ({
  labels: { __name__: "namespace_pod:container_cpu_cfs_throttled:ratio", namespace: "shop", workload },
  samples: at(...vs),
})

describe("hpaAtMaxFindings", () => {
  it("current names, recording-rule ratio, request rate tripled → names the HPA, since when, throttling, load", () => {
    const [f, ...rest] = hpaAtMaxFindings(
      [
        ...hpa(
          "kube_horizontalpodautoscaler",
          "horizontalpodautoscaler",
          "cart-api",
          [3, 6, 10, 10, 10, 10],
          10,
        ),
        ratio("cart-api", 0.01, 0.2, 0.55, 0.6, 0.62, 0.6),
        {
          labels: { __name__: "cart_api:http_requests:rate5m", namespace: "shop" },
          samples: at(200, 500, 700, 720, 700, 710),
        },
      ],
      windowStart,
      windowEnd,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.service).toBe("cart-api")
    expect(f?.title).toContain("cart-api: HPA at its max of 10 replicas since 00:20 UTC")
    expect(f?.title).toContain("CPU-throttled in 62% of periods (1% before)")
    expect(f?.title).toContain("request rate ×3.5")
  })

  it("older kube_hpa_* names with an `hpa` label and raw CFS counters from the pods", () => {
    const counters = (name: string, ...vs: ReadonlyArray<number>): MetricSeries => ({
      labels: { __name__: name, namespace: "shop", pod: "search-svc-7d9f8c6b5-x2k4p", container: "app" },
      samples: at(...vs),
    })
    const [f] = hpaAtMaxFindings(
      [
        ...hpa("kube_hpa", "hpa", "search-svc", [2, 4, 8, 8, 8, 8], 8),
        counters("container_cpu_cfs_periods_total", 0, 600, 1200, 1800, 2400, 3000),
        counters("container_cpu_cfs_throttled_periods_total", 0, 10, 300, 700, 1100, 1500),
      ],
      windowStart,
      windowEnd,
      null,
    )
    expect(f?.title).toContain("search-svc: HPA at its max of 8 replicas since 00:20 UTC")
    expect(f?.title).toContain("CPU-throttled in 67% of periods")
  })

  it("a StatefulSet's HPA named in `horizontalpodautoscaler`, throttled 30% → medium", () => {
    const [f] = hpaAtMaxFindings(
      [
        ...hpa(
          "kube_horizontalpodautoscaler",
          "horizontalpodautoscaler",
          "ingest-queue",
          [4, 4, 6, 6, 6, 6],
          6,
        ),
        ratio("ingest-queue", 0.02, 0.05, 0.3, 0.28, 0.3, 0.29),
      ],
      windowStart,
      windowEnd,
      null,
    )
    expect(f?.severity).toBe("medium")
    expect(f?.title).toContain("ingest-queue: HPA at its max of 6 replicas")
  })

  it("decoy: an HPA at its max whose pods are barely throttled → nothing", () => {
    expect(
      hpaAtMaxFindings(
        [
          ...hpa(
            "kube_horizontalpodautoscaler",
            "horizontalpodautoscaler",
            "cart-api",
            [10, 10, 10, 10, 10, 10],
            10,
          ),
          ratio("cart-api", 0.01, 0.02, 0.03, 0.02, 0.03, 0.02),
        ],
        windowStart,
        windowEnd,
        null,
      ),
    ).toEqual([])
  })

  it("decoy: an HPA below its max, however throttled → nothing", () => {
    expect(
      hpaAtMaxFindings(
        [
          ...hpa(
            "kube_horizontalpodautoscaler",
            "horizontalpodautoscaler",
            "cart-api",
            [3, 5, 7, 8, 8, 8],
            12,
          ),
          ratio("cart-api", 0.01, 0.4, 0.6, 0.6, 0.6, 0.6),
        ],
        windowStart,
        windowEnd,
        null,
      ),
    ).toEqual([])
  })

  it("decoy: another workload's throttling does not count for the HPA at max", () => {
    expect(
      hpaAtMaxFindings(
        [
          ...hpa(
            "kube_horizontalpodautoscaler",
            "horizontalpodautoscaler",
            "cart-api",
            [10, 10, 10, 10, 10, 10],
            10,
          ),
          ratio("cart-api", 0.01, 0.01, 0.02, 0.01, 0.02, 0.01),
          ratio("report-builder", 0.1, 0.7, 0.8, 0.8, 0.8, 0.8),
        ],
        windowStart,
        windowEnd,
        null,
      ),
    ).toEqual([])
  })
})
