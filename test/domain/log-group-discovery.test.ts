/**
 * Log-group discovery planning and ranking: searches come only from what the alert states (and
 * the configured prefixes), and the groups found rank by how directly they belong to it.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import {
  dependencyPlan,
  discoveryPlan,
  maxSearches,
  rankLogGroups,
} from "../../src/domain/log-group-discovery.js"
import { baseName, searchNames } from "../../src/domain/log-group-names.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

const k8sAlert = facts(
  "[FIRING:1] KubePodCrashLooping\ncluster: eks-prod\nnamespace: payments\npod: payments-api-6c9f7d8b4-q7x2m\nseverity: critical",
)
const logsAlert = facts(
  '[FIRING:1] PostgresTooManyConnections\nservice: orders-api\nseverity: high\nsummary: orders-api reports "remaining connection slots are reserved"',
)

describe("discoveryPlan", () => {
  it("searches by the workload's name, its Lambda/ECS conventions and the cluster's groups", () => {
    const plan = discoveryPlan(k8sAlert, [])
    expect(plan.names).toEqual(["payments-api"])
    expect(plan.searches.map((s) => `${s.by} ${s.value}`)).toEqual([
      "pattern payments-api",
      "prefix /aws/lambda/payments-api",
      "prefix /ecs/payments-api",
      "prefix /aws/containerinsights/eks-prod/application",
      "prefix /aws/eks/eks-prod/",
      // Fallbacks in case eks-prod has no log groups here: every cluster's groups, last.
      "prefix /aws/containerinsights/",
      "prefix /aws/eks/",
    ])
    expect(plan.kubernetes).toBe(true)
  })

  it("adds RDS groups when the alert is about a database, and the configured prefixes", () => {
    const plan = discoveryPlan(logsAlert, ["/app/prod/", "/app/prod/"])
    expect(plan.searches.map((s) => s.value)).toEqual([
      "orders-api",
      "/aws/lambda/orders-api",
      "/ecs/orders-api",
      // No cluster named: finding the clusters is the way to the Kubernetes logs.
      "/aws/containerinsights/",
      "/aws/eks/",
      "/aws/rds/instance/orders-api/",
      "/aws/rds/cluster/orders-api/",
      "/app/prod/",
    ])
  })

  it("invents nothing when the alert names nothing, and keeps the alert's own groups as written", () => {
    // A person's report naming nothing: only the clusters are listed (for certificate failures).
    const plan = discoveryPlan(facts("the site feels slow today"), [])
    expect(plan.searches.map((s) => s.value)).toEqual(["/aws/containerinsights/", "/aws/eks/"])
    expect(
      discoveryPlan(facts("[FIRING:1] SiteSlow\nsummary: the site feels slow today"), []).searches,
    ).toEqual([])
    const named = discoveryPlan(
      facts('ALARM: "orders-api-5xx" in US East (N. Virginia)\nLog group: /ecs/orders-api'),
      [],
    )
    expect(named.explicit).toEqual(["/ecs/orders-api"])
    expect(named.names).toEqual(["orders-api"])
  })

  it("stays bounded however many prefixes are configured", () => {
    const prefixes = Array.from({ length: 40 }, (_, i) => `/team${i}/`)
    expect(discoveryPlan(k8sAlert, prefixes).searches).toHaveLength(maxSearches)
  })
})

describe("rankLogGroups", () => {
  it("ranks the alert's own groups, then the service's, then Container Insights, then the control plane", () => {
    const plan = { ...discoveryPlan(k8sAlert, ["/shared/"]), explicit: ["/custom/payments"] }
    const ranked = rankLogGroups(plan, [
      "/aws/eks/eks-prod/cluster",
      "/aws/containerinsights/eks-prod/performance",
      "/shared/gateway",
      "/aws/containerinsights/eks-prod/application",
      "/aws/lambda/payments-api",
      "/custom/payments",
      "/aws/lambda/payments-api-canary",
      "/aws/lambda/unrelated",
      "/aws/lambda/payments-api",
    ])
    expect(ranked.map((g) => [g.name, g.service])).toEqual([
      ["/custom/payments", null],
      ["/aws/lambda/payments-api", "payments-api"],
      ["/aws/containerinsights/eks-prod/application", null],
      ["/aws/lambda/payments-api-canary", "payments-api"],
      ["/shared/gateway", null],
      ["/aws/eks/eks-prod/cluster", null],
    ])
  })
})

describe("searchNames", () => {
  const alarm = `*CloudWatch Alarm | orders-api-alb-5xx | us-east-1 | Account: 583912640117*
*ALARM:* ALB 5XX count for target group orders-api-tg is above 50 per minute
Namespace: AWS/ApplicationELB · Metric: HTTPCode_Target_5XX_Count · TargetGroup: targetgroup/orders-api-tg/6d0ecf831eec9f09
<https://console.aws.amazon.com/ecs/v2/clusters/orders-prod/services/orders-api/health?region=us-east-1|ECS service>`

  it("reads names from console links, AWS dimensions and the alarm's name, never the region", () => {
    expect(searchNames(facts(alarm), alarm)).toEqual(["orders-api", "orders-api-tg"])
    const lambda =
      "ALARM: checkout-fn-errors\nFunctionName: checkout-fn\nhttps://console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/checkout-fn"
    expect(searchNames(facts(lambda), lambda)).toEqual(["checkout-fn"])
    const rds = "ALARM: orders-db-cpu-high\nDBInstanceIdentifier: orders-db"
    expect(searchNames(facts(rds), rds)).toEqual(["orders-db"])
    // A Synthetics canary's name, whose Lambda log group is `/aws/lambda/cwsyn-<canary>-<uuid>`.
    const canary =
      "ALARM: Canary patient-portal-home success rate below 90%\n*Metric:* CloudWatchSynthetics SuccessPercent (CanaryName = patient-portal-home)"
    expect(searchNames(facts(canary), canary)).toContain("patient-portal-home")
  })

  it("keeps a rule name that is not `<resource>-<metric>` out of the searches", () => {
    expect(searchNames(k8sAlert, "")).toEqual(["payments-api"])
  })

  it("strips metric and environment words from resource names", () => {
    expect(baseName("orders-api-alb-5xx")).toBe("orders-api")
    expect(baseName("prod-orders-api-tg")).toBe("orders-api")
    expect(baseName("payments_api_p99_latency_high")).toBe("payments-api")
    expect(baseName("5xx")).toBeNull()
    expect(baseName("high-cpu")).toBeNull()
  })

  it("plans dependency searches by name and its conventions", () => {
    expect(dependencyPlan(["carrier-rates"]).searches.map((s) => `${s.by} ${s.value}`)).toEqual([
      "pattern carrier-rates",
      "prefix /aws/lambda/carrier-rates",
      "prefix /ecs/carrier-rates",
    ])
  })
})
