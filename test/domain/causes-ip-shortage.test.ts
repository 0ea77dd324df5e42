/**
 * A node whose VPC CNI had no IP for a pod, under the workload whose pods fail FailedCreatePodSandBox
 * there: the node's own words (the subnet out of addresses) join the workload's cause, from the
 * logs or the metrics. Variants: two nodes of one subnet, each with some of the failing pods (a
 * subnet's nodes all fail alike), the metrics naming the node. Red herrings: a node short of IPs
 * where the workload runs no pod, a node where only its healthy pods run, and an old line.
 */
import { describe, expect, it } from "@effect/vitest"
import { ipShortagesUnder, placementOfFindings } from "../../src/domain/causes-placement.js"
import { hasFailingPodOn, placementText } from "../../src/domain/pod-placement.js"
import { causesFor, expectScored, facts, numbered, type Spec } from "./causes-support.js"

const nodeA = "ip-10-50-4-21.us-east-2.compute.internal"
const nodeB = "ip-10-50-6-70.us-east-2.compute.internal"
const nodeC = "ip-10-50-9-3.us-east-2.compute.internal"
const nodeD = "ip-10-50-12-44.us-east-2.compute.internal"

const placement: Spec = {
  agent: "eks",
  kind: "pod_placement",
  severity: "info",
  title: "render-farm: 5 pods on 3 nodes",
  detail: `Deployment media/render-farm's ${placementText([
    { node: nodeA, pods: ["render-farm-6f7d8c9b4-k2v8m", "render-farm-6f7d8c9b4-p4x7r"] },
    { node: nodeB, pods: ["render-farm-6f7d8c9b4-t9w3n"] },
    { node: nodeD, pods: ["render-farm-6f7d8c9b4-a1b2c", "render-farm-6f7d8c9b4-d3e4f"] },
  ])}. Not a failure.`,
  resource: "deployment/media/render-farm",
  service: "render-farm",
  at: "13:05",
}

const sandbox: Spec = {
  agent: "eks",
  kind: "sandbox_failed",
  severity: "high",
  title:
    'render-farm: FailedCreatePodSandBox on 3 pods — failed to assign an IP address to container — plugin type="aws-cni" failed (add)',
  detail:
    "FailedCreatePodSandBox ×88 (pods k2v8m, p4x7r, t9w3n): failed to assign an IP address to container.",
  resource: "pod/media/render-farm-6f7d8c9b4-k2v8m",
  service: "render-farm",
  at: "12:58",
}

const unready: Spec = {
  agent: "eks",
  kind: "replicas_unavailable",
  severity: "high",
  title: "render-farm: 2/5 replicas ready",
  resource: "deployment/media/render-farm",
  service: "render-farm",
  at: "12:50",
}

const cni = (node: string, at: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "pod_ip_shortage",
  severity: "high",
  title: `node ${node}: subnet has no free IP addresses (subnet-0c0ffee0c0ffee012) — VPC CNI cannot assign pod IPs (ipamd, InsufficientFreeAddressesInSubnet, ×3 ${at}–13:02 UTC)`,
  detail: `The VPC CNI on node ${node} logged 3 line(s).`,
  resource: `node/${node}`,
  at,
})

const metric = (node: string): Spec => ({
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  title: `node ${node}: subnet has no free IP addresses — VPC CNI cannot assign pod IPs (InsufficientFreeAddressesInSubnet ×40)`,
  resource: `node/${node}`,
  at: "12:54",
})

const report = facts({
  source: "human",
  service: "render-farm",
  keywords: ["render-farm", "containercreating"],
})

describe("a node without pod IPs under the workload's failing sandboxes", () => {
  it("joins the workload's cause, naming the subnet, from each node of the subnet", () => {
    const findings = numbered([
      placement,
      sandbox,
      unready,
      cni(nodeA, "12:51"),
      cni(nodeB, "12:52"),
      metric(nodeA),
    ])
    const causes = causesFor(report, findings)
    expectScored(causes, findings, {
      terms: [["assign an IP", "IP addresses"], ["render-farm"], ["subnet-0c0ffee0c0ffee012"]],
      mustNot: [],
      neverCited: [],
    })
    expect(causes[0]?.findings).toEqual(
      expect.arrayContaining(["eks#2", "cloudwatch_logs#1", "cloudwatch_logs#2", "prometheus#1"]),
    )
    // One cause: the nodes are the workload's evidence, not causes beside it.
    expect(causes.filter((c) => c.text.includes("subnet-0c0ffee0c0ffee012"))).toHaveLength(1)
  })

  it("not from a node the workload runs no pod on, nor one where only its healthy pods run", () => {
    const findings = numbered([placement, sandbox, unready, cni(nodeC, "12:51"), cni(nodeD, "12:52")])
    const causes = causesFor(report, findings)
    expect(causes[0]?.text).toContain("render-farm")
    expect(causes[0]?.findings ?? []).not.toContain("cloudwatch_logs#1")
    expect(causes[0]?.findings ?? []).not.toContain("cloudwatch_logs#2")
  })
})

describe("ipShortagesUnder / hasFailingPodOn", () => {
  const [p, s, , onA, onC, onD, kernelA] = numbered([
    placement,
    sandbox,
    unready,
    cni(nodeA, "12:51"),
    cni(nodeC, "12:51"),
    cni(nodeD, "12:51"),
    {
      agent: "cloudwatch_logs",
      kind: "node_network_limit",
      severity: "high",
      title: `node ${nodeA}: conntrack table full (nf_conntrack), dropping packets`,
      resource: `node/${nodeA}`,
      at: "12:51",
    },
  ])
  it("takes the shortage on a node with a failing pod, not other nodes nor other limits", () => {
    if (p === undefined || s === undefined || onA === undefined || onC === undefined || onD === undefined)
      throw new Error("fixture")
    if (kernelA === undefined) throw new Error("fixture")
    const where = placementOfFindings([p])
    expect(ipShortagesUnder(where, [onA, onC, onD, kernelA], [s]).map((f) => f.id)).toEqual([onA.id])
    expect(ipShortagesUnder([], [onA], [s])).toEqual([])
  })

  it("one failing pod on the node is enough; none named anywhere, running there is", () => {
    const where = [
      { node: nodeA, pods: ["w-5d4c3b2a1-ab1cd"] },
      { node: nodeB, pods: ["w-5d4c3b2a1-ef2gh", "w-5d4c3b2a1-ij3kl"] },
    ]
    expect(hasFailingPodOn(where, nodeA, "pods ab1cd, ef2gh, ij3kl")).toBe(true)
    expect(hasFailingPodOn(where, nodeA, "pods ef2gh")).toBe(false)
    expect(hasFailingPodOn(where, nodeA, "no pod named")).toBe(true)
    expect(hasFailingPodOn(where, nodeC, "pods ab1cd")).toBe(false)
  })
})
