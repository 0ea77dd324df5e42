/**
 * Where a workload's pods run, written by the eks agent and read back by cause inference: the
 * line round-trips, a node answers to its name, short host name and address, and a node is
 * where a workload fails only when the failing evidence's pods are mostly there.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  addressOfNodeName,
  failingOnNode,
  nodeAliases,
  placementIn,
  placementText,
  sameNode,
} from "../../src/domain/pod-placement.js"

const placement = [
  { node: "ip-10-70-21-9.ec2.internal", pods: ["ad-bidder-6f8d9c5b7d-4fjq2", "ad-bidder-6f8d9c5b7d-9zxkd"] },
  { node: "ip-10-70-52-183.ec2.internal", pods: ["ad-bidder-6f8d9c5b7d-k8rts"] },
  { node: "gke-pool-1-a1b2c3d4-x9yz", pods: ["ad-bidder-6f8d9c5b7d-p3vbz"] },
]

describe("placementText / placementIn", () => {
  it("round-trips nodes and pods, with the address an EKS node name carries", () => {
    const text = placementText(placement)
    expect(text).toContain(
      "pods by node: node ip-10-70-21-9.ec2.internal [10.70.21.9]: ad-bidder-6f8d9c5b7d-4fjq2, ad-bidder-6f8d9c5b7d-9zxkd",
    )
    expect(placementIn(`Deployment bidding/ad-bidder's ${text}. Not a failure.`)).toEqual(placement)
  })

  it("reads nothing from text that states no placement", () => {
    expect(placementIn("node ip-10-0-1-1: NotReady — runs 2 scanned pods of shop/api")).toEqual([])
    expect(
      placementText([
        { node: "", pods: ["a-1"] },
        { node: "n1", pods: [] },
      ]),
    ).toBe("")
  })
})

describe("node names", () => {
  it("an EKS node answers to its name, its short host name and its address", () => {
    expect(addressOfNodeName("ip-10-80-5-33.ap-south-1.compute.internal")).toBe("10.80.5.33")
    expect(addressOfNodeName("gke-pool-1-a1b2c3d4-x9yz")).toBeNull()
    expect(nodeAliases("ip-10-80-5-33.ap-south-1.compute.internal")).toEqual([
      "ip-10-80-5-33.ap-south-1.compute.internal",
      "ip-10-80-5-33",
      "10.80.5.33",
    ])
    expect(sameNode("10.80.5.33", "ip-10-80-5-33.ap-south-1.compute.internal")).toBe(true)
    expect(sameNode("ip-10-80-5-33", "IP-10-80-5-33.ec2.internal")).toBe(true)
    expect(sameNode("ip-10-80-5-33.ec2.internal", "ip-10-80-5-34.ec2.internal")).toBe(false)
  })
})

describe("failingOnNode", () => {
  it("the node where the failing pods named by their full name or suffix are", () => {
    const text = "12 error lines from pods ad-bidder-6f8d9c5b7d-4fjq2 and 9zxkd: i/o timeout"
    expect(failingOnNode(placement, "ip-10-70-21-9", text)).toBe(true)
    expect(failingOnNode(placement, "10.70.21.9", text)).toBe(true)
  })

  it("not a node where only healthy pods run, nor one the workload does not use", () => {
    const text = "error lines from pods ad-bidder-6f8d9c5b7d-4fjq2, ad-bidder-6f8d9c5b7d-9zxkd"
    expect(failingOnNode(placement, "ip-10-70-52-183.ec2.internal", text)).toBe(false)
    expect(failingOnNode(placement, "ip-10-70-99-1.ec2.internal", text)).toBe(false)
  })

  it("failing pods spread over every node point at none of them", () => {
    const text = "pods 4fjq2, k8rts and p3vbz time out"
    expect(failingOnNode(placement, "ip-10-70-21-9.ec2.internal", text)).toBe(false)
  })

  it("running there is enough when the failing evidence names no pod", () => {
    expect(
      failingOnNode(placement, "ip-10-70-52-183.ec2.internal", "dial tcp 10.1.2.3:6379: i/o timeout"),
    ).toBe(true)
  })
})
