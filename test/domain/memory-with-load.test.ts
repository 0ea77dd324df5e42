/**
 * Memory driven to its limit by a load surge (memory-with-load.ts): in-flight requests or a request
 * rate named or labelled like the workload, moving with the working set up to the limit — not a
 * working set rising on flat load (a leak), nor memory far below its limit.
 */
import { describe, expect, it } from "vitest"
import { memoryWithLoadFindings } from "../../src/domain/memory-with-load.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const minute = 60_000
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 2 * minute, v }))
const mi = 1_048_576
const pod = "thumbnailer-6d8f7c9b54-k2x8q"
const memory = (...vs: ReadonlyArray<number>): ReadonlyArray<MetricSeries> => [
  {
    labels: { __name__: "container_memory_working_set_bytes", pod, container: "app" },
    samples: at(...vs.map((v) => v * mi)),
  },
  {
    labels: { __name__: "container_spec_memory_limit_bytes", pod, container: "app" },
    samples: at(1024 * mi, 1024 * mi),
  },
]

describe("memoryWithLoadFindings", () => {
  it("in-flight requests by pod surge with the working set to its limit → names the load and the limit", () => {
    const [f, ...rest] = memoryWithLoadFindings(
      [
        ...memory(200, 210, 700, 1000, 300, 980, 250),
        { labels: { __name__: "thumbnailer_inflight_requests", pod }, samples: at(2, 3, 20, 31, 5, 30, 4) },
      ],
      0,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("thumbnailer: memory rose with a load surge — in-flight requests 2 → 31")
    expect(f?.title).toContain("of its 1024Mi memory limit")
  })

  it("an ingress request-rate rule labelled with the workload", () => {
    const [f] = memoryWithLoadFindings(
      [
        ...memory(200, 210, 700, 1000, 900, 980, 950),
        {
          labels: { __name__: "nginx_ingress_controller_requests:rate1m", ingress: "thumbnailer" },
          samples: at(10, 11, 60, 90, 85, 88, 86),
        },
      ],
      0,
      null,
    )
    expect(f?.title).toContain("request rate 10 → 90")
  })

  it("decoy: working set climbing to the limit while the load stays flat (a leak) → nothing", () => {
    expect(
      memoryWithLoadFindings(
        [
          ...memory(500, 600, 700, 800, 900, 950, 1000),
          {
            labels: { __name__: "thumbnailer_inflight_requests", pod },
            samples: at(10, 11, 10, 12, 11, 10, 11),
          },
        ],
        0,
        null,
      ),
    ).toEqual([])
  })

  it("decoy: load surging but memory far below its limit → nothing", () => {
    expect(
      memoryWithLoadFindings(
        [
          ...memory(100, 110, 300, 400, 150, 390, 120),
          { labels: { __name__: "thumbnailer_inflight_requests", pod }, samples: at(2, 3, 20, 31, 5, 30, 4) },
        ],
        0,
        null,
      ),
    ).toEqual([])
  })

  it("decoy: another workload's surge does not count", () => {
    expect(
      memoryWithLoadFindings(
        [
          ...memory(200, 210, 700, 1000, 300, 980, 250),
          {
            labels: { __name__: "checkout_inflight_requests", pod: "checkout-7f9c8d6b5-abcde" },
            samples: at(2, 3, 20, 31, 5, 30, 4),
          },
        ],
        0,
        null,
      ),
    ).toEqual([])
  })
})
