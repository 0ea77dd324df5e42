/**
 * Discovery when the alert names no cluster (or one with no log groups here): the configured
 * cluster stands in, else the clusters are found by one prefix search each of
 * `/aws/containerinsights/` and `/aws/eks/`, at most `maxFoundClusters` of them chosen (those
 * sharing words with the alert first, then by name), and their application groups rank as
 * *shared* — queried only for the alert's names — while a group named after the service never is.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import {
  clusterSearchPrefixes,
  discoveryPlan,
  foundClusters,
  maxFoundClusters,
  rankLogGroups,
} from "../../src/domain/log-group-discovery.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

// A Grafana alert naming the service and nothing about its cluster.
const grafana = facts(
  "[FIRING:1] LedgerApiErrorRate (ledger-api)\n**Firing**\nValue: B=12.5\nLabels:\n - alertname = LedgerApiErrorRate\n - service = ledger-api\n - severity = critical\nAnnotations:\n - summary = ledger-api 5xx ratio above 5%",
)
const k8s = facts(
  "[FIRING:1] KubePodCrashLooping\ncluster: eks-prod\nnamespace: payments\npod: payments-api-6c9f7d8b4-q7x2m\nseverity: critical",
)

describe("discoveryPlan and the cluster", () => {
  it("the alert's service but no cluster: no cluster guessed, the finders searched", () => {
    const plan = discoveryPlan(grafana, [])
    expect(plan.names).toEqual(["ledger-api"])
    expect([plan.cluster, plan.clusterFrom, plan.findClusters]).toEqual([null, null, true])
    const values = plan.searches.map((s) => s.value)
    for (const p of clusterSearchPrefixes) expect(values).toContain(p)
    expect(values.some((v) => /^\/aws\/containerinsights\/[^/]+\//.test(v))).toBe(false)
  })

  it("the configured cluster stands in when the alert names none, the finders kept as fallback", () => {
    const plan = discoveryPlan(grafana, [], "", "eks-ledger")
    expect([plan.cluster, plan.clusterFrom]).toEqual(["eks-ledger", "config"])
    const values = plan.searches.map((s) => s.value)
    expect(values).toContain("/aws/containerinsights/eks-ledger/application")
    expect(values.slice(-2)).toEqual([...clusterSearchPrefixes])
  })

  it("the alert's own cluster wins over the configured one", () => {
    const plan = discoveryPlan(k8s, [], "", "eks-ledger")
    expect([plan.cluster, plan.clusterFrom]).toEqual(["eks-prod", "alert"])
    expect(plan.searches.some((s) => s.value.includes("eks-ledger"))).toBe(false)
  })

  it("an unusable configured cluster (a path, blank) is no cluster", () => {
    expect(discoveryPlan(grafana, [], "", "a/b").cluster).toBeNull()
    expect(discoveryPlan(grafana, [], "", "  ").cluster).toBeNull()
  })

  it("a person's report naming nothing finds the clusters, for certificate failures only", () => {
    const plan = discoveryPlan(facts("the site feels slow today"), [])
    expect([plan.findClusters, plan.certificates]).toEqual([true, true])
  })

  it("an alert that names neither a service nor a namespace finds no clusters", () => {
    const plan = discoveryPlan(facts("[FIRING:1] SiteSlow\nsummary: the site feels slow today"), [])
    expect(plan.findClusters).toBe(false)
    expect(foundClusters(plan, ["/aws/containerinsights/eks-prod/application"])).toEqual({
      chosen: [],
      skipped: [],
    })
  })
})

describe("foundClusters", () => {
  const groups = (clusters: ReadonlyArray<string>) =>
    clusters.flatMap((c) => [
      `/aws/containerinsights/${c}/application`,
      `/aws/containerinsights/${c}/performance`,
      `/aws/eks/${c}/cluster`,
    ])

  it("lists the clusters with application logs, bounded, by name when nothing is shared with the alert", () => {
    const found = foundClusters(discoveryPlan(grafana, []), groups(["zeta", "alpha", "mid", "beta"]))
    expect(found.chosen).toEqual(["alpha", "beta", "mid"])
    expect(found.skipped).toEqual(["zeta"])
    expect(found.chosen).toHaveLength(maxFoundClusters)
  })

  it("prefers the clusters whose names share words with the alert", () => {
    const plan = discoveryPlan(grafana, [])
    const found = foundClusters(plan, groups(["analytics-eks", "batch-eks", "core-eks", "ledger-eks"]))
    expect(found.chosen[0]).toBe("ledger-eks")
    expect(found.skipped).toEqual(["core-eks"])
  })

  it("a control plane alone is no application logs; a shipper's group under /aws/eks/<c>/ is", () => {
    const plan = discoveryPlan(grafana, [])
    expect(foundClusters(plan, ["/aws/eks/cp-only/cluster"]).chosen).toEqual([])
    expect(foundClusters(plan, ["/aws/eks/shipper/containers"]).chosen).toEqual(["shipper"])
  })

  it("finds none when the plan's own cluster has groups here", () => {
    const plan = discoveryPlan(k8s, [])
    expect(foundClusters(plan, groups(["eks-prod", "eks-dr"])).chosen).toEqual([])
    expect(foundClusters(plan, groups(["eks-dr"])).chosen).toEqual(["eks-dr"])
  })
})

describe("rankLogGroups with found clusters", () => {
  it("a found cluster's application logs are shared; the service's own group is not; performance is dropped", () => {
    const plan = discoveryPlan(grafana, [])
    const ranked = rankLogGroups(plan, [
      "/aws/containerinsights/eks-core/performance",
      "/aws/eks/eks-core/cluster",
      "/aws/containerinsights/eks-core/application",
      "/ecs/ledger-api",
    ])
    expect(ranked.map((g) => [g.name, g.shared, g.score])).toEqual([
      ["/ecs/ledger-api", false, 500],
      ["/aws/containerinsights/eks-core/application", true, 250],
      ["/aws/eks/eks-core/cluster", true, 90],
    ])
    expect(ranked[1]?.reason).toBe("Container Insights application logs of eks-core (found by search)")
    expect(ranked[1]?.service).toBeNull()
  })

  it("ranks a found cluster's application logs higher for a Kubernetes alert, and never shares the named cluster's", () => {
    const plan = discoveryPlan(
      facts("[FIRING:1] KubePodNotReady\nnamespace: ledger\npod: ledger-api-5c6d7e8f9-abcde"),
      [],
    )
    const [ci] = rankLogGroups(plan, ["/aws/containerinsights/eks-core/application"])
    expect([ci?.shared, ci?.score]).toEqual([true, 350])
    const own = rankLogGroups(discoveryPlan(k8s, []), [
      "/aws/containerinsights/eks-prod/application",
      "/aws/containerinsights/eks-dr/application",
    ])
    expect(own.map((g) => [g.name, g.shared])).toEqual([
      ["/aws/containerinsights/eks-prod/application", false],
    ])
  })

  it("a group in a found cluster named after the service is its own, not shared", () => {
    const plan = discoveryPlan(grafana, [])
    const ranked = rankLogGroups(plan, [
      "/aws/containerinsights/eks-core/application",
      "/aws/eks/eks-core/ledger-api",
    ])
    expect(ranked.find((g) => g.name === "/aws/eks/eks-core/ledger-api")?.shared).toBe(false)
    expect(ranked.find((g) => g.name === "/aws/containerinsights/eks-core/application")?.shared).toBe(true)
  })
})
