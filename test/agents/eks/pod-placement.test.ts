/**
 * Where an alerting workload's pods run: an info finding listing its nodes, the most pods first,
 * in the line cause inference reads back; nothing for a workload the alert does not name or
 * whose pods are not scheduled yet.
 */
import { describe, expect, it } from "@effect/vitest"
import { placementOf, podPlacementFinding } from "../../../src/agents/eks/pod-placement.js"
import { placementIn } from "../../../src/domain/pod-placement.js"
import { ctx, pod, running, workloadNamed } from "./fixtures/objects.js"

const bidder = (inScope: boolean, nodes: ReadonlyArray<string | undefined>) =>
  workloadNamed(
    {
      pods: nodes.map((node, i) =>
        pod({
          name: `ad-bidder-${i}`,
          namespace: "bidding",
          owner: { kind: "StatefulSet", name: "ad-bidder" },
          ...(node === undefined ? {} : { node }),
          statuses: [running("app")],
        }),
      ),
    },
    "ad-bidder",
    inScope,
  )

describe("podPlacementFinding", () => {
  it("an info finding about the workload listing its nodes, the busiest first", () => {
    const w = bidder(true, [
      "ip-10-70-52-183.ec2.internal",
      "ip-10-70-21-9.ec2.internal",
      "ip-10-70-21-9.ec2.internal",
    ])
    expect(placementOf(w)).toEqual([
      { node: "ip-10-70-21-9.ec2.internal", pods: ["ad-bidder-1", "ad-bidder-2"] },
      { node: "ip-10-70-52-183.ec2.internal", pods: ["ad-bidder-0"] },
    ])
    const f = podPlacementFinding(w, ctx)
    expect(f).toMatchObject({
      kind: "pod_placement",
      severity: "info",
      service: "ad-bidder",
      title: "ad-bidder: 3 pods on 2 nodes",
    })
    expect(placementIn(f?.detail ?? "")).toEqual(placementOf(w))
  })

  it("nothing for a workload the alert does not name, or whose pods have no node yet", () => {
    expect(podPlacementFinding(bidder(false, ["ip-10-70-21-9.ec2.internal"]), ctx)).toBeNull()
    expect(podPlacementFinding(bidder(true, [undefined, undefined]), ctx)).toBeNull()
  })
})
