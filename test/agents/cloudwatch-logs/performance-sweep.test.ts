/**
 * Container Insights performance records as findings: one per workload near its limit (medium;
 * high at ≥ 98 % or in several pods), only the alert's workloads when it names any; a node's
 * record only where their pods ran. Decoys: a record under 80 %, another workload's, a node
 * record for a node none of them runs on.
 */
import { describe, expect, it } from "vitest"
import {
  performanceFindings,
  performanceGroupsOf,
} from "../../../src/agents/cloudwatch-logs/performance-sweep.js"

const group = "/aws/containerinsights/shop-prod/performance"
const line = (fields: Record<string, unknown>, at = "2026-05-04T09:12:00Z") => ({
  timestampMs: Date.parse(at),
  message: JSON.stringify(fields),
  stream: "ip-10-1-1-1.ec2.internal",
  group,
})
const container = (pod: string, percent: number, host = "ip-10-1-1-1.ec2.internal") =>
  line({
    Type: "Container",
    Namespace: "shop",
    kubernetes: { pod_name: pod, host },
    container_memory_utilization_over_container_limit: percent,
  })

describe("performanceFindings", () => {
  it("one high finding for a workload whose pods sit at their memory limit", () => {
    const fs = performanceFindings(
      [container("cart-api-6d9f8b7c5-aaaaa", 99.6), container("cart-api-6d9f8b7c5-bbbbb", 97.1)],
      ["cart-api"],
      null,
    )
    expect(fs.map((f) => [f.kind, f.severity, f.service])).toEqual([
      ["container_near_limit", "high", "cart-api"],
    ])
    expect(fs[0]?.title).toMatch(/^cart-api: container memory at 99\.6% of its memory limit in 2 pod\(s\)/)
  })

  it("medium for one pod at 92 % of its CPU limit", () => {
    const fs = performanceFindings(
      [
        line({
          Type: "Pod",
          Namespace: "shop",
          PodName: "search",
          kubernetes: { pod_name: "search-7c8d9f-x1y2z" },
          pod_cpu_utilization_over_pod_limit: 92,
        }),
      ],
      ["search"],
      null,
    )
    expect(fs.map((f) => f.severity)).toEqual(["medium"])
    expect(fs[0]?.title).toContain("cpu at 92%")
  })

  it("decoys: under 80 %, another workload's, a node none of them runs on", () => {
    const fs = performanceFindings(
      [
        container("cart-api-6d9f8b7c5-aaaaa", 79),
        container("mailer-5b6c7d8e9-ccccc", 99.9),
        line({ Type: "Node", NodeName: "ip-10-9-9-9.ec2.internal", node_memory_utilization: 97 }),
      ],
      ["cart-api"],
      null,
    )
    expect(fs).toEqual([])
  })

  it("a node record where the workload's pods run is the node's finding", () => {
    const fs = performanceFindings(
      [
        container("cart-api-6d9f8b7c5-aaaaa", 99.1, "ip-10-1-1-1.ec2.internal"),
        line({ Type: "Node", NodeName: "ip-10-1-1-1.ec2.internal", node_memory_utilization: 95 }),
      ],
      ["cart-api"],
      null,
    )
    expect(fs.map((f) => f.resource)).toEqual(["deployment/shop/cart-api", "node/ip-10-1-1-1.ec2.internal"])
  })
})

describe("performanceGroupsOf", () => {
  it("keeps the performance groups, the alert's cluster first", () => {
    expect(
      performanceGroupsOf(
        ["/aws/containerinsights/a/performance", "/aws/containerinsights/shop-prod/application", group],
        ["shop-prod"],
      ),
    ).toEqual([group, "/aws/containerinsights/a/performance"])
  })
})
