/**
 * A workload at its memory limit and OOMKilled, from metrics, with no baseline: working set
 * against the limit under both kube-state-metrics names, the terminated reason, another
 * workload's names; not a container well below its limit, nor another workload's OOM kills.
 */
import { describe, expect, it } from "@effect/vitest"
import { memoryAtLimitFindings } from "../../src/domain/memory-at-limit.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const start = Date.parse("2027-03-01T10:00:00Z")
const at = (min: number) => start + min * 60_000
const series = (
  labels: Record<string, string>,
  values: ReadonlyArray<readonly [number, number]>,
): MetricSeries => ({
  labels,
  samples: values.map(([m, v]) => ({ t: at(m), v })),
})
const gi = 1024 ** 3
const find = (s: ReadonlyArray<MetricSeries>, names = ["quote-engine"]) =>
  memoryAtLimitFindings("prometheus", s, names, start, null)

describe("memoryAtLimitFindings", () => {
  it("a container's working set at its limit and its OOM kills name the workload", () => {
    const [f] = find([
      series(
        {
          __name__: "container_memory_working_set_bytes",
          namespace: "pricing",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
        },
        [
          [0, 0.6 * gi],
          [5, 0.99 * gi],
          [6, 0],
        ],
      ),
      series(
        {
          __name__: "kube_pod_container_resource_limits",
          namespace: "pricing",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
          resource: "memory",
        },
        [[0, gi]],
      ),
      series(
        {
          __name__: "kube_pod_container_status_last_terminated_reason",
          namespace: "pricing",
          pod: "quote-engine-6f8d9b7c5-z7w4r",
          container: "app",
          reason: "OOMKilled",
        },
        [[3, 1]],
      ),
    ])
    expect(f?.title).toContain(
      "quote-engine: container app working set reached 99.0% of its 1.00 GiB memory limit",
    )
    expect(f?.title).toContain("OOMKilled in 1 pod(s)")
    expect(f?.severity).toBe("high")
    expect(f?.service).toBe("quote-engine")
  })

  it("the older limit metric and a StatefulSet's pods", () => {
    const [f] = find(
      [
        series({ __name__: "container_memory_working_set_bytes", pod: "ledger-store-2", container: "db" }, [
          [1, 3.9 * gi],
        ]),
        series(
          {
            __name__: "kube_pod_container_resource_limits_memory_bytes",
            pod: "ledger-store-2",
            container: "db",
          },
          [[1, 4 * gi]],
        ),
      ],
      ["ledger-store"],
    )
    expect(f?.title).toContain("ledger-store: container db working set reached 97.5%")
  })

  it("OOMKilled terminations alone are a finding", () => {
    const fs = find([
      series(
        {
          __name__: "kube_pod_container_status_terminated_reason",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
          reason: "OOMKilled",
        },
        [[2, 1]],
      ),
    ])
    expect(fs[0]?.title).toBe("quote-engine: OOMKilled in 1 pod(s) (quote-engine-6f8d9b7c5-k2x9q)")
  })

  it("decoys: half the limit, a cpu limit, another reason, another workload's kills, no names", () => {
    const decoys = [
      series(
        {
          __name__: "container_memory_working_set_bytes",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
        },
        [[1, 0.5 * gi]],
      ),
      series(
        {
          __name__: "kube_pod_container_resource_limits",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
          resource: "memory",
        },
        [[1, gi]],
      ),
      series(
        {
          __name__: "kube_pod_container_resource_limits",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
          resource: "cpu",
        },
        [[1, 0.5]],
      ),
      series(
        {
          __name__: "kube_pod_container_status_last_terminated_reason",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
          reason: "Error",
        },
        [[1, 1]],
      ),
      series(
        {
          __name__: "kube_pod_container_status_last_terminated_reason",
          pod: "quote-engine-6f8d9b7c5-k2x9q",
          container: "app",
          reason: "OOMKilled",
        },
        [[1, 0]],
      ),
      series(
        {
          __name__: "kube_pod_container_status_last_terminated_reason",
          pod: "image-renderer-5d6f7c8b9-aaaaa",
          container: "r",
          reason: "OOMKilled",
        },
        [[1, 1]],
      ),
    ]
    expect(find(decoys)).toEqual([])
    expect(find(decoys, [])).toEqual([])
  })
})
