/**
 * A node under pressure read from metrics: a pressure condition true in the window, the
 * kubelet's evictions growing, a root filesystem nearly full — under other label names and
 * signals; not a node with 40 % free, nor a condition that cleared before the window.
 */
import { describe, expect, it } from "@effect/vitest"
import type { MetricSeries } from "../../src/domain/metric-series.js"
import { nodePressureFindings } from "../../src/domain/node-pressure.js"

const start = Date.parse("2027-03-01T10:00:00Z")
const at = (min: number) => start + min * 60_000
const series = (
  labels: Record<string, string>,
  values: ReadonlyArray<readonly [number, number]>,
): MetricSeries => ({
  labels,
  samples: values.map(([m, v]) => ({ t: at(m), v })),
})
const find = (s: ReadonlyArray<MetricSeries>) => nodePressureFindings("prometheus", s, start, null)

describe("nodePressureFindings", () => {
  it("names the node, the condition and the eviction signal", () => {
    const [f] = find([
      series(
        {
          __name__: "kube_node_status_condition",
          node: "ip-10-1-2-3.ec2.internal",
          condition: "DiskPressure",
          status: "true",
        },
        [
          [0, 0],
          [10, 1],
          [20, 1],
        ],
      ),
      series(
        {
          __name__: "kubelet_evictions",
          instance: "ip-10-1-2-3.ec2.internal:10250",
          eviction_signal: "nodefs.available",
        },
        [
          [0, 0],
          [12, 2],
          [20, 4],
        ],
      ),
    ])
    expect(f?.title).toContain("node ip-10-1-2-3.ec2.internal: DiskPressure")
    expect(f?.title).toContain("4 eviction(s) on nodefs.available")
    expect(f?.severity).toBe("high")
    expect(f?.resource).toBe("node/ip-10-1-2-3.ec2.internal")
  })

  it("reads MemoryPressure and PIDPressure, and evictions under their _total name", () => {
    const fs = find([
      series(
        {
          __name__: "kube_node_status_condition",
          node: "worker-a",
          condition: "MemoryPressure",
          status: "true",
        },
        [[5, 1]],
      ),
      series({ __name__: "kubelet_evictions_total", node: "worker-b", eviction_signal: "pid.available" }, [
        [0, 3],
        [20, 5],
      ]),
    ])
    expect(fs.map((f) => f.title)).toEqual([
      "node worker-a: MemoryPressure",
      "node worker-b: evicting pods — 2 eviction(s) on pid.available",
    ])
  })

  it("a root filesystem nearly full: its share beside a condition, or falling to near zero without a size", () => {
    const sized = [
      series({ __name__: "node_filesystem_avail_bytes", instance: "10.0.0.7:9100", mountpoint: "/" }, [
        [0, 9e9],
        [20, 3e9],
      ]),
      series({ __name__: "node_filesystem_size_bytes", instance: "10.0.0.7:9100", mountpoint: "/" }, [
        [0, 50e9],
        [20, 50e9],
      ]),
    ]
    // Alone, a sized filesystem nearly full is the saturation sweep's finding (node_disk), not a second one.
    expect(find(sized)).toEqual([])
    const bySize = find([
      ...sized,
      series(
        {
          __name__: "kube_node_status_condition",
          node: "10.0.0.7",
          condition: "DiskPressure",
          status: "true",
        },
        [[10, 1]],
      ),
    ])
    expect(bySize[0]?.title).toContain(
      "node 10.0.0.7: DiskPressure — root filesystem down to 2.8 GiB free (6.0 %)",
    )
    expect(bySize[0]?.severity).toBe("high")
    const falling = find([
      series({ __name__: "node_filesystem_avail_bytes", instance: "n1", mountpoint: "/" }, [
        [0, 40e9],
        [15, 8e9],
        [25, 1e8],
      ]),
    ])
    expect(falling[0]?.title).toContain("root filesystem down to 95 MiB free")
  })

  it("decoys: a node with 40 % free, a condition that cleared before the window, flat evictions", () => {
    expect(
      find([
        series({ __name__: "node_filesystem_avail_bytes", instance: "n1", mountpoint: "/" }, [
          [0, 22e9],
          [20, 20e9],
        ]),
        series({ __name__: "node_filesystem_size_bytes", instance: "n1", mountpoint: "/" }, [
          [0, 50e9],
          [20, 50e9],
        ]),
        series(
          { __name__: "kube_node_status_condition", node: "n2", condition: "DiskPressure", status: "true" },
          [
            [-70, 1],
            [-60, 0],
            [0, 0],
            [20, 0],
          ],
        ),
        series({ __name__: "kubelet_evictions", instance: "n3", eviction_signal: "memory.available" }, [
          [0, 7],
          [20, 7],
        ]),
        series({ __name__: "kube_node_status_condition", node: "n4", condition: "Ready", status: "true" }, [
          [0, 1],
        ]),
      ]),
    ).toEqual([])
  })
})
