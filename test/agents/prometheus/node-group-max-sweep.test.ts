/**
 * Pods waiting on a node group the cluster-autoscaler may not grow (node-group-max-sweep.ts): a
 * node group whose target or ready nodes reached its max while pods are unschedulable, Pending,
 * or scale-ups failed for the max size, whatever the node group's label; pods unschedulable with
 * no node-group series is still said (medium). Not: a node group at its max with nothing waiting,
 * a group below its max, an autoscaler with nothing unschedulable.
 */
import { describe, expect, it } from "vitest"
import {
  type AutoscalerSeries,
  nodeGroupMaxFindings,
} from "../../../src/agents/prometheus/node-group-max-sweep.js"
import { nodeGroupDisplay } from "../../../src/domain/node-group-name.js"

const start = Date.parse("2031-05-04T08:00:00Z")
const min = 60_000
const incident = { label: "incident", startMs: start, endMs: start + 40 * min }
const s = (labels: Record<string, string>, values: ReadonlyArray<number>) => ({
  labels,
  samples: values.map((v, i) => ({ t: start + i * 10 * min, v })),
})
const none: AutoscalerSeries = {
  max: [],
  target: [],
  nodes: [],
  unschedulable: [],
  failedScaleUps: [],
  pending: [],
}
const asg = "eks-ng-render-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"

describe("node group at its max size", () => {
  it("names a managed node group as people do", () => {
    expect(nodeGroupDisplay(asg)).toBe("ng-render")
    expect(nodeGroupDisplay("spot-workers")).toBe("spot-workers")
  })

  it("target at max while pods are unschedulable: high, the group and its max", () => {
    const [f, ...rest] = nodeGroupMaxFindings(
      {
        ...none,
        max: [s({ node_group: asg }, [10, 10, 10])],
        target: [s({ node_group: asg }, [4, 8, 10])],
        unschedulable: [s({}, [0, 3, 9])],
      },
      incident,
      () => null,
    )
    expect(rest).toEqual([])
    expect([f?.severity, f?.kind, f?.service]).toEqual(["high", "autoscaler", null])
    expect(f?.title).toBe(
      "node group ng-render at its max size 10 (target 10/10) — cluster-autoscaler cannot add nodes; 9 pods unschedulable",
    )
    expect(f?.observedAt?.epochMillis).toBe(start + 10 * min)
  })

  it("ready nodes at max (no target series, another label name) with pods Pending: high", () => {
    const [f] = nodeGroupMaxFindings(
      {
        ...none,
        max: [s({ nodegroup: "batch-large" }, [6, 6])],
        nodes: [
          s({ nodegroup: "batch-large", state: "ready" }, [5, 6]),
          s({ nodegroup: "batch-large", state: "unready" }, [1, 0]),
        ],
        pending: [
          s({ namespace: "etl", phase: "Pending" }, [0, 4]),
          s({ namespace: "web", phase: "Pending" }, [0, 1]),
        ],
      },
      incident,
      () => null,
    )
    expect(f?.title).toBe(
      "node group batch-large at its max size 6 (nodes 6/6) — cluster-autoscaler cannot add nodes; 5 pods Pending",
    )
  })

  it("scale-ups failed for the max size: high even before pods are counted", () => {
    const [f] = nodeGroupMaxFindings(
      {
        ...none,
        max: [s({ node_group: "gpu" }, [3, 3])],
        target: [s({ node_group: "gpu" }, [3, 3])],
        failedScaleUps: [s({ reason: "max_node_group_size_reached" }, [2, 3])],
      },
      incident,
      () => null,
    )
    expect(f?.title).toContain("scale-ups failed: max_node_group_size_reached ×1")
  })

  it("no node-group series but pods unschedulable: medium, the autoscaler's count", () => {
    const found = nodeGroupMaxFindings(
      { ...none, unschedulable: [s({ type: "unschedulable" }, [0, 0, 14])] },
      incident,
      () => null,
    )
    expect(found.map((f) => [f.severity, f.resource])).toEqual([
      ["medium", "metric/cluster-autoscaler/cluster_autoscaler_unschedulable_pods_count"],
    ])
  })

  it("decoys: at max with nothing waiting, below max, Pending pods alone", () => {
    const full = { max: [s({ node_group: asg }, [10, 10])], target: [s({ node_group: asg }, [10, 10])] }
    expect(
      nodeGroupMaxFindings({ ...none, ...full, unschedulable: [s({}, [0, 0])] }, incident, () => null),
    ).toEqual([])
    const below = nodeGroupMaxFindings(
      {
        ...none,
        max: [s({ node_group: asg }, [10, 10])],
        target: [s({ node_group: asg }, [6, 7])],
        unschedulable: [s({}, [0, 2])],
      },
      incident,
      () => null,
    )
    expect(below.map((f) => f.title.includes("at its max"))).toEqual([false])
    // A pod Pending for a volume, no autoscaler word about it: nothing.
    expect(
      nodeGroupMaxFindings({ ...none, pending: [s({ phase: "Pending" }, [0, 2])] }, incident, () => null),
    ).toEqual([])
  })
})
