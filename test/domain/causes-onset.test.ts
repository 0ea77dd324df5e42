/**
 * When a failure began, for the change it followed: its first finding above WARN-level noise. A
 * low finding of the same mode that starts earlier (a container's telling lines whose first is a
 * cache reconnecting, the 401s after it) does not move the onset before the change behind it.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const alert = facts({ alertName: "Orders401Ratio", service: "orders-api", namespace: "commerce" })

const rollout: Spec = {
  agent: "eks",
  kind: "rollout",
  severity: "high",
  at: "12:51",
  resource: "deployment/commerce/orders-api",
  service: "orders-api",
  title: "rollout of orders-api v4.2.0 (ReplicaSet orders-api-6d8f9b7c5d): env OIDC_AUDIENCE changed",
}

const refusals: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "medium",
  at: "12:53",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  service: "orders-api",
  title: 'orders-api: WARN POST /v1/orders 401 reason="jwt audience invalid" (×3)',
}

const telling = (at: string): Spec => ({
  agent: "eks",
  kind: "container_logs",
  severity: "low",
  at,
  resource: "pod/commerce/orders-api-7f9b8c6d5-8tq2v",
  service: "orders-api",
  title: 'orders-api: current api container logged "WARN cache: connection reset, reconnecting"',
  excerpt: "WARN cache: connection reset, reconnecting\nWARN POST /v1/orders 401 unauthorized",
})

describe("the onset a change is tied to", () => {
  it("is the first finding above WARN-level noise, so the rollout before it is the change", () => {
    const causes = causesFor(alert, numbered([rollout, refusals, telling("12:49")]))
    expect(causes[0]?.findings).toContain("eks#1")
    expect(causes[0]?.text).toMatch(/^rollout of orders-api v4\.2\.0/)
  })

  it("a change after the first strong finding is not its cause", () => {
    const causes = causesFor(alert, numbered([{ ...rollout, at: "12:54" }, refusals, telling("12:49")]))
    expect(causes[0]?.text).not.toMatch(/^rollout/)
  })
})
