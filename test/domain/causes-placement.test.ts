/**
 * A node at its own network limit (a full conntrack table) as the cause of the timeouts of the
 * pods that run there: tied by the workload's placement, not by names in its lines. Variants: a
 * person's report naming no node, a node named by its exporter's address; red herrings: the
 * limit on a node the workload does not use, on a node where only its healthy pods run, and a
 * kernel line from hours before the alert.
 */
import { describe, expect, it } from "@effect/vitest"
import { failsOnLimitedNode, limitsUnder, placementOfFindings } from "../../src/domain/causes-placement.js"
import { placementText } from "../../src/domain/pod-placement.js"
import { causesFor, expectScored, facts, numbered, type Spec } from "./causes-support.js"

const nodeA = "ip-10-31-4-17.eu-central-1.compute.internal"
const nodeB = "ip-10-31-9-88.eu-central-1.compute.internal"
const nodeC = "ip-10-31-12-5.eu-central-1.compute.internal"

const placement: Spec = {
  agent: "eks",
  kind: "pod_placement",
  severity: "info",
  title: "quote-engine: 4 pods on 2 nodes",
  detail: `Deployment pricing/quote-engine's ${placementText([
    { node: nodeA, pods: ["quote-engine-7d9f8c6b5-h2kx9", "quote-engine-7d9f8c6b5-q8m4t"] },
    { node: nodeB, pods: ["quote-engine-7d9f8c6b5-w3zr7", "quote-engine-7d9f8c6b5-z5pl2"] },
  ])}. Not a failure.`,
  resource: "deployment/pricing/quote-engine",
  service: "quote-engine",
  at: "13:05",
}

const podLines: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  title:
    'quote-engine: current app container logged "ERR fx-rates call failed: dial tcp 10.100.7.3:443: i/o timeout"',
  detail: "4 telling lines in the last lines of the current instance of container app (pods h2kx9).",
  resource: "deployment/pricing/quote-engine",
  service: "quote-engine",
  at: "12:58",
}

const logLines: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  title:
    "quote-engine: ERR lookup fx-rates.pricing.svc.cluster.local on 172.20.0.10:53: read udp: i/o timeout (×9)",
  detail:
    "9 ERROR lines from 2 pods quote-engine-7d9f8c6b5-h2kx9, quote-engine-7d9f8c6b5-q8m4t, from 12:52Z to 13:03Z.",
  resource: "loggroup/application",
  service: "quote-engine",
  at: "12:52",
}

const kernel = (node: string, at: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "node_network_limit",
  severity: "high",
  title: `node ${node}: conntrack table full (nf_conntrack), dropping packets (kernel, ×6 ${at}–13:02 UTC)`,
  detail: `The kernel on node ${node} logged 6 line(s): "nf_conntrack: nf_conntrack: table full, dropping packet".`,
  excerpt: "nf_conntrack: nf_conntrack: table full, dropping packet",
  resource: `node/${node}`,
  at,
})

const sweep = (name: string): Spec => ({
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  title: `${name}: conntrack table full (100%)`,
  detail: `A saturation sweep of shared resources: ${name} peaked at 100%.`,
  resource: `node/${name}`,
  at: "12:55",
})

const report = facts({ source: "human", service: "quote-engine", keywords: ["quote-engine", "timeouts"] })

describe("a node at its network limit under the workload's failing pods", () => {
  it("is the cause, its pods' timeouts and DNS failures its consequence (no node named anywhere)", () => {
    const findings = numbered([placement, podLines, logLines, kernel(nodeA, "12:50"), sweep(nodeA)])
    const causes = causesFor(report, findings)
    expectScored(causes, findings, {
      terms: [["conntrack"], ["ip-10-31-4-17"]],
      mustNot: [],
      neverCited: [],
    })
    expect(causes[0]?.text).toContain("quote-engine")
    expect(causes[0]?.findings).toEqual(expect.arrayContaining(["cloudwatch_logs#2", "eks#2"]))
  })

  it("also when the metrics name the node by its exporter's address", () => {
    const findings = numbered([placement, podLines, logLines, sweep("10.31.4.17")])
    expectScored(causesFor(report, findings), findings, {
      terms: [["conntrack"], ["10.31.4.17"]],
      mustNot: [],
      neverCited: [],
    })
  })

  it("the kernel's short host name, the exporter's address and the node's name are one node: one cause", () => {
    const findings = numbered([
      placement,
      podLines,
      logLines,
      kernel("ip-10-31-4-17", "12:50"),
      sweep("10.31.4.17"),
    ])
    const causes = causesFor(report, findings)
    expect(causes[0]?.findings).toEqual(expect.arrayContaining(["cloudwatch_logs#2", "prometheus#1"]))
    expect(causes.filter((c) => c.text.includes("conntrack"))).toHaveLength(1)
  })

  it("not when the full table is on a node the workload does not run on", () => {
    const findings = numbered([placement, podLines, logLines, kernel(nodeC, "12:50")])
    expectScored(causesFor(report, findings), findings, {
      terms: [["quote-engine"], ["timeout", "dns"]],
      mustNot: ["conntrack", "ip-10-31-12-5"],
      neverCited: ["cloudwatch_logs#2"],
    })
  })

  it("not when only the workload's healthy pods run on the full node", () => {
    const findings = numbered([placement, podLines, logLines, kernel(nodeB, "12:50")])
    const causes = causesFor(report, findings)
    expect(causes[0]?.text).not.toContain("conntrack")
    for (const c of causes) expect(c.text).not.toContain("ip-10-31-9-88")
  })

  it("not when the kernel's line is hours before the alert", () => {
    const findings = numbered([placement, podLines, logLines, kernel(nodeA, "09:40")])
    expectScored(causesFor(report, findings), findings, {
      terms: [["quote-engine"]],
      mustNot: ["conntrack"],
      neverCited: ["cloudwatch_logs#2"],
    })
  })
})

describe("causes-placement", () => {
  const [p, lines, , onA, onC] = numbered([
    placement,
    podLines,
    logLines,
    kernel(nodeA, "12:50"),
    kernel(nodeC, "12:50"),
  ])
  it("reads the placement, and the limits under it", () => {
    if (p === undefined || onA === undefined || onC === undefined || lines === undefined)
      throw new Error("fixture")
    const where = placementOfFindings([p, lines])
    expect(where.map((x) => x.node)).toEqual([nodeA, nodeB])
    expect(limitsUnder(where, [onA, onC, lines], [lines]).map((f) => f.id)).toEqual([onA.id])
    expect(failsOnLimitedNode(where, [onA], [lines])).toBe(true)
    expect(failsOnLimitedNode(where, [onC], [lines])).toBe(false)
    expect(limitsUnder([], [onA], [lines])).toEqual([])
  })
})
