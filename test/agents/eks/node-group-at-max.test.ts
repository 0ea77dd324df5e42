/**
 * Which node group "max node group size reached" means (node-group-at-max.ts): the group a
 * scale-up took to its max, by the name people use. Not: a scale-up that stopped below its max.
 */
import { describe, expect, it } from "vitest"
import { nodeGroupsAtMax, saysMaxSizeReached } from "../../../src/agents/eks/node-group-at-max.js"

describe("nodeGroupsAtMax", () => {
  it("a managed group's ASG name, a self-managed group's, two in one message", () => {
    expect(
      nodeGroupsAtMax([
        "pod triggered scale-up: [{eks-ng-render-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d 4->10 (max: 10)}]",
        "pod triggered scale-up: [{spot-large 2->5 (max: 5)} {gpu-pool 1->2 (max: 4)}]",
      ]),
    ).toEqual([
      { group: "ng-render", max: 10 },
      { group: "spot-large", max: 5 },
    ])
  })

  it("decoys: a scale-up with room left, a message about something else", () => {
    expect(
      nodeGroupsAtMax(["pod triggered scale-up: [{ng-web 3->5 (max: 20)}]", "0/9 nodes are available"]),
    ).toEqual([])
    expect(saysMaxSizeReached("pod didn't trigger scale-up: 1 max node group size reached")).toBe(true)
    expect(
      saysMaxSizeReached("pod didn't trigger scale-up: 2 node(s) didn't match Pod's node affinity"),
    ).toBe(false)
  })
})
