/**
 * Node health for the nodes scoped pods run on: NotReady/Unknown is high and names what runs
 * there, pressure is medium, a sick node nothing in scope uses is low unless the alert names it.
 */
import { describe, expect, it } from "@effect/vitest"
import { nodeFindings } from "../../../src/agents/eks/node-health.js"
import { node, pod, running, workloadNamed } from "./fixtures/objects.js"

describe("nodeFindings", () => {
  const tenant = (inScope: boolean) => {
    const w = workloadNamed(
      {
        pods: [
          pod({
            name: "api-0",
            owner: { kind: "StatefulSet", name: "api" },
            node: "ip-10-0-1-1",
            statuses: [running("app")],
          }),
        ],
      },
      "api",
      inScope,
    )
    return w.pods.map((p) => ({ workload: w, pod: p }))
  }

  it("NotReady is high and names what runs there; pressure is medium", () => {
    const n = node(
      "ip-10-0-1-1",
      [
        {
          type: "Ready",
          status: "Unknown",
          reason: "NodeStatusUnknown",
          message: "Kubelet stopped posting node status.",
          lastTransitionTime: "2026-11-27T13:00:00Z",
        },
        { type: "MemoryPressure", status: "True", message: "kubelet has insufficient memory available" },
      ],
      [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }],
    )
    const findings = nodeFindings(n, tenant(true), false)
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ["node_not_ready", "high"],
      ["node_pressure", "medium"],
    ])
    expect(findings[0]?.title).toBe(
      "node ip-10-0-1-1: Unknown (NodeStatusUnknown) — runs 1 scanned pod of shop/api",
    )
    expect(findings[0]?.detail).toContain("node.kubernetes.io/unreachable:NoExecute")
    expect(findings[0]?.resource).toBe("node/ip-10-0-1-1")
    expect(findings[0]?.service).toBe("api")
  })

  it("a Ready node has no findings; a sick node nothing in scope uses is low unless the alert names it", () => {
    expect(nodeFindings(node("n1", [{ type: "Ready", status: "True" }]), tenant(true), false)).toEqual([])
    const sick = node("n2", [{ type: "Ready", status: "False", reason: "KubeletNotReady" }])
    expect(nodeFindings(sick, tenant(false), false).map((f) => f.severity)).toEqual(["low"])
    expect(nodeFindings(sick, [], true).map((f) => [f.severity, f.service])).toEqual([["high", null]])
  })
})
