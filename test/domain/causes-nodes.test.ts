/**
 * Chains a deeper failure explains, through inferCauses: pods evicted for a node's DiskPressure,
 * or kept unscheduled by its disk-pressure taint, become consequences of the node's condition
 * (the node is the cause, never the eviction's exit 137 read as an OOM kill); a condition the
 * evidence does not cite, or another node, explains nothing. An error line naming a dependency
 * ("pdf-renderer unavailable") moves under the hard failure of the container it names, and stays
 * its own cause when it names something that is not failing.
 */
import { describe, expect, it } from "vitest"
import type { Spec } from "./causes-support.js"
import { causesFor, expectScored, facts, numbered } from "./causes-support.js"

const node = "ip-10-0-5-5.ec2.internal"
const otherNode = "ip-10-0-9-9.ec2.internal"
const apiFacts = facts({ alertName: "KubeDeploymentReplicasMismatch", namespace: "shop", workload: "api" })

// As evictions.ts, pod-events.ts, workload-status.ts and node-health.ts word them.
const diskEviction: Spec = {
  agent: "eks",
  kind: "pod_evicted",
  severity: "high",
  at: "12:58",
  resource: "pod/shop/api-7d9f8c6b5-e2v2c",
  service: "api",
  title: `api: 2 pods Evicted — node low on ephemeral-storage (DiskPressure) on node ${node}`,
  detail:
    `The kubelet evicted 2 pods of api (e1v1c at 12:57:00Z, e2v2c at 12:58:40Z) from node ${node}: ` +
    '"The node was low on resource: ephemeral-storage. Threshold quantity: 2Gi, available: 1452Ki." ' +
    `Node ${node}: DiskPressure=True since 12:52:10Z (kubelet has disk pressure); taint node.kubernetes.io/disk-pressure:NoSchedule. ` +
    "Their containers were stopped by the eviction (a SIGKILL: ContainerStatusUnknown / exit 137), which is not a crash of the application.",
}
const taintedPending: Spec = {
  agent: "eks",
  kind: "unschedulable",
  severity: "medium",
  at: "13:00",
  resource: "pod/shop/api-7d9f8c6b5-p4p4p",
  service: "api",
  title:
    "api: 1 pod Pending, unschedulable — 0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, 2 node(s) didn't match pod anti-affinity rules.",
  detail: "FailedScheduling ×6",
}
const unavailable: Spec = {
  agent: "eks",
  kind: "replicas_unavailable",
  severity: "high",
  at: "13:01",
  resource: "deployment/shop/api",
  service: "api",
  title: "api: 1/3 replicas ready",
}
const diskNode: Spec = {
  agent: "eks",
  kind: "node_pressure",
  severity: "medium",
  at: "12:52",
  resource: `node/${node}`,
  title: `node ${node}: DiskPressure — runs api (2 pods)`,
  detail: "DiskPressure=True since 12:52:10Z (kubelet has disk pressure)",
}
const memoryNodeElsewhere: Spec = {
  agent: "eks",
  kind: "node_pressure",
  severity: "medium",
  at: "12:50",
  resource: `node/${otherNode}`,
  title: `node ${otherNode}: MemoryPressure — runs search-api (1 pod)`,
}

describe("a NotReady node explains the replicas its workload lost, whatever the autoscaler says", () => {
  const notReadyNode: Spec = {
    agent: "eks",
    kind: "node_not_ready",
    severity: "high",
    at: "12:55",
    resource: `node/${node}`,
    title: `node ${node}: NotReady (KubeletNotReady) — runs 2 scanned pods of shop/api`,
    detail: "Ready=False since 12:54:10Z: container runtime is down",
  }
  const notReadyPending: Spec = {
    ...taintedPending,
    severity: "high",
    title:
      "api: 2 pods Pending, unschedulable — 0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 3 Insufficient cpu.",
    // The replicas they replace were on the NotReady node: the evidence that names it.
    detail: `FailedScheduling ×6; they replace the 2 pods of api stuck Terminating on node ${node}.`,
  }
  // The cluster-autoscaler could not add a node: why no node came, not why the pods are pending.
  const autoscalerAtMax: Spec = {
    agent: "eks",
    kind: "autoscaler",
    severity: "medium",
    at: "13:00",
    resource: "pod/shop/api-7d9f8c6b5-p4p4p",
    service: "api",
    title:
      "api: cluster-autoscaler NotTriggerScaleUp — pod didn't trigger scale-up: 1 max node group size reached",
  }
  it("the node is the cause; the tainted Pending pods, the autoscaler and the lost replicas its consequences", () => {
    const findings = numbered([notReadyPending, autoscalerAtMax, unavailable, notReadyNode])
    const [top] = causesFor(apiFacts, findings)
    expect(top?.text).toMatch(
      new RegExp(`^NotReady in node ${node.replace(/\./g, "\\.")}, causing FailedScheduling`),
    )
    expect(top?.findings[0]).toBe("eks#4")
  })
})

describe("node pressure explains evictions and tainted scheduling", () => {
  const findings = numbered([diskEviction, taintedPending, unavailable, diskNode, memoryNodeElsewhere])
  const causes = causesFor(apiFacts, findings)

  it("the node's DiskPressure is the one cause, the evictions, the tainted Pending pod and the lost replicas its consequences", () => {
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(
      new RegExp(`^DiskPressure in node ${node.replace(/\./g, "\\.")}, causing Evicted`),
    )
    expect(causes[0]?.text).toContain("FailedScheduling (DiskPressure taint)")
    expect(causes[0]?.findings).toEqual(["eks#4", "eks#1", "eks#3", "eks#2"])
    expectScored(causes, findings, {
      terms: [["DiskPressure", "ephemeral-storage"], [node]],
      mustNot: ["OOMKilled", "out of memory", "MemoryPressure", otherNode],
      neverCited: ["eks#5"],
    })
  })

  it("does not depend on the order the findings arrive in", () => {
    expect(causesFor(apiFacts, [...findings].reverse())).toEqual(causes)
  })

  it("a tainted FailedScheduling alone moves under the condition its taint stands for, on the node the alert names", () => {
    const nodeAlert = facts({ alertName: "KubeNodeDiskPressure", node, namespace: "shop", workload: "api" })
    const only = numbered([taintedPending, diskNode])
    const [top, ...rest] = causesFor(nodeAlert, only)
    expect(rest).toEqual([])
    expect(top?.text).toMatch(/^DiskPressure in node .*causing FailedScheduling \(DiskPressure taint\)/)
    expect(top?.findings).toEqual(["eks#2", "eks#1"])
  })

  it("a tainted FailedScheduling whose evidence names no node still reads as the DiskPressure taint", () => {
    // A FailedScheduling message never names the node; the node joins the scope only when the
    // workload's own evidence (an eviction from it) or the alert names it.
    const only = numbered([taintedPending, diskNode])
    const [top] = causesFor(apiFacts, only)
    expect(top?.text).toMatch(/^FailedScheduling \(DiskPressure taint\) in api/)
  })

  it("a memory eviction is not laid at a node's DiskPressure: both stay their own causes", () => {
    const memory: Spec = {
      ...diskEviction,
      title: `api: 2 pods Evicted — node low on memory (MemoryPressure) on node ${node}`,
      detail: `The kubelet evicted 2 pods of api from node ${node}: "The node was low on resource: memory."`,
    }
    const causes = causesFor(apiFacts, numbered([memory, diskNode]))
    expect(causes.map((c) => c.findings)).toEqual([["eks#1"], ["eks#2"]])
    expect(causes[0]?.text).toMatch(/^Evicted \(low on memory, MemoryPressure\) in api/)
  })

  it("an eviction on one node is not laid at another node's pressure", () => {
    const elsewhere: Spec = {
      ...diskNode,
      resource: `node/${otherNode}`,
      title: `node ${otherNode}: DiskPressure — runs api (1 pod)`,
    }
    const causes = causesFor(apiFacts, numbered([diskEviction, elsewhere]))
    expect(causes.some((c) => c.findings.includes("eks#1") && c.findings.includes("eks#2"))).toBe(false)
  })

  it("scheduling for want of resources is not a node condition's doing", () => {
    const insufficient: Spec = {
      ...taintedPending,
      severity: "high",
      title: "api: 1 pod Pending, unschedulable — 0/3 nodes are available: 3 Insufficient memory.",
    }
    const causes = causesFor(apiFacts, numbered([insufficient, diskNode]))
    expect(causes[0]?.text).toMatch(/^FailedScheduling \(Insufficient memory\) in api/)
    expect(causes[0]?.findings).toEqual(["eks#1"])
  })

  it("with no node finding the eviction itself is the cause, with its resource and condition, never an OOM", () => {
    const findings = numbered([diskEviction])
    const causes = causesFor(apiFacts, findings)
    expectScored(causes, findings, {
      terms: [["Evicted"], ["ephemeral-storage"], ["DiskPressure"]],
      mustNot: ["OOMKilled"],
      neverCited: [],
    })
  })
})

describe("an error line naming a failing container defers to it", () => {
  const invoiceFacts = facts({ namespace: "billing", workload: "invoice-api", service: "invoice-api" })
  const sidecarOom: Spec = {
    agent: "eks",
    kind: "oom_killed",
    severity: "critical",
    at: "13:02",
    resource: "pod/billing/invoice-api-5b6c7d8e9-k3k3k",
    service: "invoice-api",
    title: "invoice-api: container pdf-renderer OOMKilled in 2/2 pods (memory limit 256Mi), 9 restarts",
    detail:
      "Container pdf-renderer (one of 2 containers in the pod; the other container app is running and ready) was OOMKilled in pods k3k3k (5 restarts), m4m4m (4 restarts). Last termination: OOMKilled (exit 137, SIGKILL) at 13:02:10Z; now CrashLoopBackOff. 0/2 replicas ready.",
  }
  const unavailableLines: Spec = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "13:03",
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "invoice-api",
    title:
      "invoice-api: ERROR render failed: pdf-renderer unavailable: connect ECONNREFUSED 127.0.0.1:3000 (×42)",
    excerpt: "ERROR render failed: pdf-renderer unavailable: connect ECONNREFUSED 127.0.0.1:3000",
  }

  it("'pdf-renderer unavailable' moves under container pdf-renderer's OOM kill: one cause, the OOM first", () => {
    const findings = numbered([sidecarOom, unavailableLines])
    const causes = causesFor(invoiceFacts, findings)
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(
      /^OOMKilled in invoice-api, causing pdf-renderer .*unavailable.* errors in invoice-api/,
    )
    expect(causes[0]?.findings).toEqual(["eks#1", "cloudwatch_logs#1"])
    expectScored(causes, findings, { terms: [["OOMKilled"], ["pdf-renderer"]], mustNot: [], neverCited: [] })
    expect(causesFor(invoiceFacts, [...findings].reverse())).toEqual(causes)
  })

  it("an error line naming something that is not failing stays its own cause", () => {
    const taxApi: Spec = {
      ...unavailableLines,
      title: "invoice-api: ERROR tax-api unavailable: connect ECONNREFUSED 10.0.0.9:443 (×42)",
      excerpt: "ERROR tax-api unavailable: connect ECONNREFUSED 10.0.0.9:443",
    }
    const causes = causesFor(invoiceFacts, numbered([sidecarOom, taxApi]))
    expect(causes.map((c) => c.findings)).toEqual([["eks#1"], ["cloudwatch_logs#1"]])
    expect(causes[1]?.text).toContain("tax-api")
    expect(causes[0]?.text).not.toContain("tax-api")
  })
})
