/**
 * A noisy neighbour read from metrics: a workload whose containers jumped in CPU on nodes it
 * saturated or where the pods beside it lost CPU — a DaemonSet's recording-rule series, a
 * Deployment's raw cAdvisor counter, node busyness as a percentage; not a DaemonSet that changed
 * but uses what it used, a rise on an idle node that starved no one, a service busier with its
 * own traffic while its neighbours kept their CPU.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import type { Finding } from "../../src/domain/finding.js"
import {
  cpuNeighbourFindings,
  cpuNeighbourNodes,
  cpuNeighboursUnder,
} from "../../src/domain/metric-cpu-neighbour.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const start = Date.parse("2027-05-02T08:00:00Z")
const at = (min: number) => start + min * 60_000
const series = (
  labels: Record<string, string>,
  values: ReadonlyArray<readonly [number, number]>,
): MetricSeries => ({
  labels,
  samples: values.map(([m, v]) => ({ t: at(m), v })),
})
const rule = "node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate"
const usage = (ns: string, pod: string, node: string, before: number, after: number, name = rule) =>
  series({ __name__: name, namespace: ns, pod, container: "c", node }, [
    [-40, before],
    [-20, before],
    [-5, before],
    [5, after],
    [15, after],
    [25, after],
  ])
const busy = (node: string, before: number, after: number) =>
  series({ __name__: "instance:node_cpu_utilisation:rate5m", instance: `${node}:9100` }, [
    [-30, before],
    [5, after],
    [20, after],
  ])
const find = (s: ReadonlyArray<MetricSeries>) => cpuNeighbourFindings("prometheus", s, start, null)

describe("cpuNeighbourFindings", () => {
  it("names a DaemonSet that jumped and pinned its node, critical", () => {
    const fs = find([
      usage("logging", "fluent-bit-x7k2p", "node-a", 0.3, 3.1),
      usage("logging", "fluent-bit-q9w8e", "node-b", 0.3, 2.9),
      usage("shop", "cart-api-5d8f7c9b6-abcde", "node-a", 1.2, 0.3),
      busy("node-a", 0.5, 0.98),
    ])
    expect(fs).toHaveLength(1)
    const f = fs[0]
    expect(f?.severity).toBe("critical")
    expect(f?.service).toBe("fluent-bit")
    expect(f?.title).toMatch(/fluent-bit .*CPU 0\.30 → 3\.0 cores.*starving/)
    expect(f?.detail).toContain("cart-api-5d8f7c9b6-abcde (shop) fell")
    expect(f === undefined ? [] : cpuNeighbourNodes(f)).toEqual(["node-a", "node-b"])
  })

  it("reads the raw cAdvisor counter of a Deployment's pods, high when no node series says busy", () => {
    const counter = (pod: string, node: string, before: number, after: number) =>
      series(
        { __name__: "container_cpu_usage_seconds_total", namespace: "batch", pod, container: "w", node },
        [
          [-30, 0],
          [-20, before * 600],
          [-10, before * 1200],
          [5, before * 1200 + after * 900],
          [15, before * 1200 + after * 1500],
          [25, before * 1200 + after * 2100],
        ],
      )
    const fs = find([
      counter("thumbnailer-7f9c8d6b5-zz9qx", "n1", 0.2, 2.5),
      usage("web", "checkout-6c7d8e9f0-k2l3m", "n1", 0.8, 0.2),
    ])
    expect(fs.map((f) => [f.service, f.severity])).toEqual([["thumbnailer", "high"]])
  })

  it("reads node busyness given as a percentage", () => {
    const fs = find([usage("obs", "otel-agent-p4q5r", "n9", 0.1, 2.4), busy("n9", 40, 96)])
    expect(fs.map((f) => f.severity)).toEqual(["critical"])
  })

  it("decoy: a DaemonSet that changed but uses what it used before", () => {
    expect(
      find([
        usage("logging", "vector-abcde", "node-a", 0.4, 0.45),
        usage("shop", "cart-api-5d8f7c9b6-abcde", "node-a", 1.2, 0.3),
        busy("node-a", 0.5, 0.97),
      ]),
    ).toEqual([])
  })

  it("decoy: a rise on an idle node that starved no one", () => {
    expect(
      find([
        usage("logging", "vector-abcde", "node-a", 0.3, 2.5),
        usage("shop", "cart-api-5d8f7c9b6-abcde", "node-a", 1.0, 1.1),
        busy("node-a", 0.3, 0.6),
      ]),
    ).toEqual([])
  })

  it("decoy: a service busier with its own traffic, a little more CPU, neighbours unharmed", () => {
    expect(
      find([
        usage("shop", "cart-api-5d8f7c9b6-abcde", "node-a", 1.5, 2.8),
        usage("logging", "vector-abcde", "node-a", 0.3, 0.3),
        busy("node-a", 0.6, 0.8),
      ]),
    ).toEqual([])
  })
})

describe("cpuNeighboursUnder", () => {
  const neighbour: Finding = {
    id: "prometheus#2",
    agent: "prometheus",
    title: "fluent-bit (logging) CPU 0.30 → 3.0 cores per pod since 08:02, starving the pods beside it",
    detail:
      "fluent-bit's containers use 3.0 cores each where they used 0.30, on nodes: node-a, node-b. node node-a CPU 98% busy.",
    severity: "critical",
    kind: "cpu_neighbour",
    observedAt: DateTime.unsafeMake(at(2)),
    resource: "pod/logging/fluent-bit-x7k2p",
    service: "fluent-bit",
    link: null,
    excerpt: null,
  }
  const failing: Finding = {
    ...neighbour,
    id: "eks#1",
    agent: "eks",
    title: "cart-api: container api killed by the kubelet after failed liveness probes",
    detail: "pod cart-api-5d8f7c9b6-abcde",
    kind: "probe_failure",
    resource: "deployment/shop/cart-api",
    service: "cart-api",
  }
  it("ties the neighbour to the subject whose failing pod runs on one of its nodes", () => {
    const placement = [{ node: "node-b", pods: ["cart-api-5d8f7c9b6-abcde"] }]
    expect(cpuNeighboursUnder(placement, [neighbour], [failing])).toEqual([neighbour])
  })
  it("not where the subject has no pod on the neighbour's nodes", () => {
    const placement = [{ node: "node-z", pods: ["cart-api-5d8f7c9b6-abcde"] }]
    expect(cpuNeighboursUnder(placement, [neighbour], [failing])).toEqual([])
  })
})
