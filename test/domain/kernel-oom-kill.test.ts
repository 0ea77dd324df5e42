/** The kernel's OOM-kill lines in their wordings, and the host group of the alert's cluster. */
import { describe, expect, it } from "@effect/vitest"
import { isHostGroupOf, kernelOomKillOf } from "../../src/domain/kernel-oom-kill.js"

describe("kernelOomKillOf", () => {
  it("reads a cgroup OOM kill, a node-wide one and the oom-kill form", () => {
    expect(
      kernelOomKillOf("kernel: Memory cgroup out of memory: Killed process 48211 (java) total-vm:6012344kB"),
    ).toEqual({
      pid: "48211",
      command: "java",
      cgroup: true,
    })
    expect(kernelOomKillOf("[123.4] Out of memory: Killed process 991 (node) total-vm:1kB")?.command).toBe(
      "node",
    )
    expect(kernelOomKillOf("oom-kill: constraint=CONSTRAINT_MEMCG, Killed process 77 (python3)")?.pid).toBe(
      "77",
    )
  })

  it("is not an application's own out-of-memory error nor a reaper line", () => {
    expect(kernelOomKillOf("java.lang.OutOfMemoryError: Java heap space")).toBeNull()
    expect(kernelOomKillOf("oom_reaper: reaped process 48211 (java), now anon-rss:0kB")).toBeNull()
  })
})

describe("isHostGroupOf", () => {
  it("only the host group of the named cluster", () => {
    expect(isHostGroupOf("/aws/containerinsights/shop-prod/host", "shop-prod")).toBe(true)
    expect(isHostGroupOf("/aws/containerinsights/shop-staging/host", "shop-prod")).toBe(false)
    expect(isHostGroupOf("/aws/containerinsights/shop-prod/application", "shop-prod")).toBe(false)
    expect(isHostGroupOf("/aws/containerinsights/shop-prod/host", null)).toBe(false)
  })
})

describe("isHostGroupOf: any node log group of the cluster (stop 19)", () => {
  it("the Container Insights dataplane group, and node groups named for the cluster", () => {
    expect(isHostGroupOf("/aws/containerinsights/shop-prod/dataplane", "shop-prod")).toBe(true)
    expect(isHostGroupOf("/aws/eks/shop-prod/nodes", "shop-prod")).toBe(true)
    expect(isHostGroupOf("/eks/shop-prod/var/log/messages", "shop-prod")).toBe(true)
  })

  it("decoys: another cluster's dataplane or node group, the cluster's control plane", () => {
    expect(isHostGroupOf("/aws/containerinsights/shop-staging/dataplane", "shop-prod")).toBe(false)
    expect(isHostGroupOf("/aws/eks/shop-staging/nodes", "shop-prod")).toBe(false)
    expect(isHostGroupOf("/aws/eks/shop-prod/cluster", "shop-prod")).toBe(false)
  })

  it("decoy: an oom_score_adj line kills nothing", () => {
    expect(kernelOomKillOf("kubelet: setting oom_score_adj to -997 for process 2213 (java)")).toBeNull()
  })
})
