/**
 * A dependency scaled to zero: the caller's "503 … no_healthy_upstream" lines name it, and its
 * own scale-down to 0 replicas is the deeper failure — the cause, with the caller's errors as
 * its consequence.
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
