/**
 * Pending pods the scheduler keeps off NotReady nodes: the nodes, their kubelet reason, their node
 * group and the image they boot lead; Ready nodes, a taint nobody cites and pods Pending for other
 * reasons do not.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { blockedByNotReady, notReadyNodeFindings } from "../../../src/agents/eks/not-ready-nodes.js"
import { Node } from "../../../src/domain/kubernetes.js"
import { event, pod, scoped } from "./fixtures/objects.js"

const labelled = (
  name: string,
  labels: Record<string, string>,
  ready: "True" | "False" | "Unknown",
  message = "",
) =>
  Schema.decodeUnknownSync(Node)({
    metadata: { name, labels },
    spec: { taints: ready === "True" ? [] : [{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }] },
    status: {
      conditions: [
        {
          type: "Ready",
          status: ready,
          reason: ready === "True" ? "KubeletReady" : "KubeletNotReady",
          message,
          lastTransitionTime: "2026-11-27T12:40:00Z",
        },
      ],
    },
  })

const cni =
  "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"

const taintMessage =
  "0/6 nodes are available: 2 Insufficient cpu, 4 node(s) had untolerated taint {node.kubernetes.io/not-ready: }."

describe("notReadyNodeFindings", () => {
  const variants: ReadonlyArray<{ groupKey: string; imageKey: string }> = [
    { groupKey: "eks.amazonaws.com/nodegroup", imageKey: "eks.amazonaws.com/nodegroup-image" },
    { groupKey: "acme.io/nodegroup", imageKey: "acme.io/ami-release" },
    { groupKey: "karpenter.sh/nodepool", imageKey: "acme.io/ami-id" },
  ]
  for (const v of variants) {
    it(`names the group (${v.groupKey}), the reason and the new image`, () => {
      const nodes = [
        labelled("ip-10-0-1-1", { [v.groupKey]: "ng-b", [v.imageKey]: "img-new" }, "False", cni),
        labelled("ip-10-0-1-2", { [v.groupKey]: "ng-b", [v.imageKey]: "img-new" }, "False", cni),
        labelled("ip-10-0-1-3", { [v.groupKey]: "ng-b", [v.imageKey]: "img-old" }, "True"),
        labelled("ip-10-0-2-1", { [v.groupKey]: "ng-a", [v.imageKey]: "img-old" }, "True"),
      ]
      const [f, ...rest] = notReadyNodeFindings(nodes, ["dispatcher"])
      expect(rest).toEqual([])
      expect(f?.severity).toBe("high")
      expect(f?.kind).toBe("node_not_ready")
      expect(f?.title).toContain("node group ng-b: 2 nodes NotReady")
      expect(f?.title).toContain("cni plugin not initialized")
      expect(f?.title).toContain("new AMI/image img-new (its Ready nodes run img-old)")
      expect(f?.title).toContain("dispatcher")
    })
  }

  it("a node that stopped reporting (Unknown, no group label) still leads", () => {
    const [f] = notReadyNodeFindings([labelled("worker-7", {}, "Unknown")], ["billing"])
    expect(f?.title).toContain("1 node NotReady (Unknown")
  })

  it("decoys: all nodes Ready, or no Pending pod blocked by the taint", () => {
    expect(notReadyNodeFindings([labelled("ip-10-0-1-3", {}, "True")], ["dispatcher"])).toEqual([])
    expect(notReadyNodeFindings([labelled("ip-10-0-1-1", {}, "False", cni)], [])).toEqual([])
  })
})

describe("blockedByNotReady", () => {
  const pending = (name: string, message: string) =>
    pod({
      name,
      owner: { kind: "ReplicaSet", name: `${name.split("-")[0]}-5d8f7` },
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message }],
    })

  it("reads the taint from the pod's condition or from a FailedScheduling event", () => {
    const byCondition = scoped({ pods: [pending("router-5d8f7-abcde", taintMessage)] })
    expect(blockedByNotReady(byCondition, [])).toEqual(["router-5d8f7"])
    const p = pending("tracker-5d8f7-abcde", "")
    const byEvent = scoped({ pods: [p] })
    const e = event({
      kind: "Pod",
      name: p.metadata.name,
      reason: "FailedScheduling",
      message: taintMessage.replace("not-ready", "unreachable"),
    })
    expect(blockedByNotReady(byEvent, [e])).toEqual(["tracker-5d8f7"])
  })

  it("decoys: Pending for cpu only, out of scope, or running", () => {
    expect(
      blockedByNotReady(
        scoped({ pods: [pending("router-5d8f7-abcde", "0/6 nodes are available: 6 Insufficient cpu.")] }),
        [],
      ),
    ).toEqual([])
    expect(
      blockedByNotReady(scoped({ pods: [pending("router-5d8f7-abcde", taintMessage)] }, false), []),
    ).toEqual([])
    const runningPod = pod({
      name: "router-5d8f7-abcde",
      owner: { kind: "ReplicaSet", name: "router-5d8f7" },
      phase: "Running",
    })
    expect(blockedByNotReady(scoped({ pods: [runningPod] }), [])).toEqual([])
  })
})
