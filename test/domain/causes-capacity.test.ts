/**
 * Capacity failures as causes: a dependency scaled to zero (the caller's "503 …
 * no_healthy_upstream" lines name it, and its own scale-down is the deeper failure, the caller's
 * errors its consequence), and an HPA that flaps (the consumer group's rebalance errors are the
 * same failure, not a second cause).
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const storefrontFacts = facts({
  alertName: "StorefrontHigh5xx",
  namespace: "shop",
  workload: "storefront-web",
})

const upstream503: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:01",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  service: "storefront-web",
  title:
    'storefront-web: ERROR render failed: upstream recommendations unavailable: "GET /v2/recommendations HTTP/1.1" 503 UH no_healthy_upstream (×27)',
}
const scaledToZero: Spec = {
  agent: "eks",
  kind: "scaled_to_zero",
  severity: "low",
  at: "12:51",
  resource: "deployment/shop/recommendations",
  service: "recommendations",
  title: "recommendations: scaled to 0 replicas at 12:51:20Z (from 4) — no pods to serve",
  detail:
    "Deployment shop/recommendations wants 0 replicas. (Low relevance: the alert does not name this workload; high if it is in scope.)",
}

describe("a dependency scaled to zero", () => {
  it("is the cause of its callers' no-healthy-upstream errors", () => {
    const [top] = causesFor(storefrontFacts, numbered([upstream503, scaledToZero]))
    expect(top?.text).toMatch(/^scaled to 0 replicas in recommendations, causing unavailable/)
  })
})

describe("an HPA that flaps", () => {
  const enricherFacts = facts({
    alertName: "KafkaConsumerLag",
    namespace: "stream",
    workload: "meteor-enricher",
  })
  const flapping: Spec = {
    agent: "eks",
    kind: "hpa_flapping",
    severity: "medium",
    at: "13:02",
    resource: "hpa/stream/meteor-enricher",
    service: "meteor-enricher",
    title: "meteor-enricher: HPA meteor-enricher flapping — rescaled 5 times in 21 min (6 → 4 → 7 → 4 → 6)",
  }
  const commitFailed: Spec = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "13:03",
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "meteor-enricher",
    title:
      "meteor-enricher: ERROR offset commit failed: CommitFailedException: the group has already rebalanced (×6)",
  }
  it("is one cause with the consumer group's rebalance errors it brings", () => {
    const causes = causesFor(enricherFacts, numbered([commitFailed, flapping]))
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(/^HPA flapping \(rescaling up and down\) and .* in meteor-enricher/)
  })
})
