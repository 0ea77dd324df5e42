/**
 * A workload short of the pods it asks for (capacity-shortfall-sweep.ts): Pending pods for
 * minutes, per pod or summed per workload under any owner label, and an HPA's desired replicas
 * above the available ones of its Deployment or StatefulSet; a node group at its max is said with
 * it. Not: a pod Pending for one scrape (a rollout), an HPA caught up, a group below its max,
 * Pending pods that cleared before the window.
 */
import { describe, expect, it } from "vitest"
import {
  type CapacitySeries,
  capacityFindings,
  groupsAtMax,
} from "../../../src/agents/prometheus/capacity-shortfall-sweep.js"

const start = Date.parse("2031-08-09T19:00:00Z")
const min = 60_000
const incident = { label: "incident", startMs: start, endMs: start + 30 * min }
/** Samples every 5 minutes from 10 minutes before the window. */
const s = (labels: Record<string, string>, values: ReadonlyArray<number>) => ({
  labels,
  samples: values.map((v, i) => ({ t: start - 10 * min + i * 5 * min, v })),
})
const none: CapacitySeries = { pending: [], desired: [], available: [], groupMax: [], groupCount: [] }
const findings = (series: Partial<CapacitySeries>) =>
  capacityFindings({ ...none, ...series }, incident, () => null)

describe("a capacity shortfall in metrics", () => {
  it("pods Pending for minutes (summed per workload) and an HPA ahead of them: high, naming the workload", () => {
    const [f, ...rest] = findings({
      pending: [
        s({ namespace: "render", phase: "Pending", deployment: "frame-painter" }, [0, 0, 6, 9, 9, 9]),
      ],
      desired: [
        s({ namespace: "render", horizontalpodautoscaler: "frame-painter" }, [12, 12, 21, 21, 21, 21]),
      ],
      available: [s({ namespace: "render", deployment: "frame-painter" }, [12, 12, 12, 12, 12, 12])],
    })
    expect(rest).toEqual([])
    expect([f?.severity, f?.service, f?.agent]).toEqual(["high", "frame-painter", "prometheus"])
    expect(f?.title).toBe(
      "frame-painter: capacity shortfall — 9 pods Pending since 19:00 UTC; HPA wants 21, 12 available since 19:00 UTC",
    )
  })

  it("per-pod Pending series (kube-state-metrics' own labels) count as their workload: medium alone", () => {
    const pod = (name: string) => s({ namespace: "kitchen", pod: name, phase: "Pending" }, [0, 1, 1, 1, 1, 1])
    const [f] = findings({
      pending: [pod("order-router-7c9d8f6b5d-x2x9q"), pod("order-router-7c9d8f6b5d-k8m4p")],
    })
    expect([f?.severity, f?.service]).toEqual(["medium", "order-router"])
    expect(f?.title).toMatch(/^order-router: capacity shortfall — 2 pods Pending since 18:55 UTC$/)
  })

  it("a StatefulSet's HPA gap alone, and its node group at max by the group's target: high", () => {
    const group = "eks-ng-ledger-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    const [f] = findings({
      desired: [s({ namespace: "ledger", horizontalpodautoscaler: "journal-store" }, [3, 5, 5, 5, 5, 5])],
      available: [s({ namespace: "ledger", statefulset: "journal-store" }, [3, 3, 3, 3, 3, 3])],
      groupMax: [s({ node_group: group }, [6, 6, 6, 6, 6, 6])],
      groupCount: [s({ node_group: group }, [5, 6, 6, 6, 6, 6])],
    })
    expect(f?.severity).toBe("high")
    expect(f?.title).toBe(
      "journal-store: capacity shortfall — HPA wants 5, 3 available since 18:55 UTC; node group ng-ledger at its max of 6",
    )
  })

  it("with only the cluster-wide node count, says no node was added, not that a group is at max", () => {
    const [f] = findings({
      pending: [s({ namespace: "media", phase: "Pending", workload: "thumb-maker" }, [0, 0, 4, 4, 4, 4])],
      groupMax: [s({ nodegroup: "thumbs" }, [8, 8, 8, 8, 8, 8])],
      groupCount: [s({ state: "ready" }, [11, 11, 11, 11, 11, 11])],
    })
    expect(f?.title).toBe(
      "thumb-maker: capacity shortfall — 4 pods Pending since 19:00 UTC; no node added (11 ready throughout; node group max: thumbs 8)",
    )
  })

  it("decoy: a pod Pending for one scrape during a rollout is nothing", () => {
    expect(
      findings({
        pending: [
          s({ namespace: "render", phase: "Pending", deployment: "frame-painter" }, [0, 0, 1, 0, 0, 0]),
        ],
      }),
    ).toEqual([])
  })

  it("decoy: pods Pending that cleared before the window is nothing", () => {
    expect(
      findings({
        pending: [
          s({ namespace: "render", phase: "Pending", deployment: "frame-painter" }, [3, 3, 0, 0, 0, 0]),
        ],
      }),
    ).toEqual([])
  })

  it("decoy: an HPA whose desired replicas are available is nothing", () => {
    expect(
      findings({
        desired: [
          s({ namespace: "render", horizontalpodautoscaler: "frame-painter" }, [12, 18, 18, 18, 18, 18]),
        ],
        available: [s({ namespace: "render", deployment: "frame-painter" }, [12, 18, 18, 18, 18, 18])],
      }),
    ).toEqual([])
  })

  it("decoy: a node group below its max is not said to be at it", () => {
    const grp = { node_group: "eks-ng-web-11112222-3333-4444-5555-666677778888" }
    expect(groupsAtMax([s(grp, [10, 10, 10, 10, 10, 10])], [s(grp, [6, 7, 7, 7, 7, 7])])).toEqual([])
  })
})
