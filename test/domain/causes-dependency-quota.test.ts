/**
 * A dependency's quota or capacity used up by our own change, as causes: connection slots
 * exhausted after an HPA scale-out (the cause names the scale-out, not a leak), a queue's
 * consumer throttled on its table after a CloudTrail capacity change (the alert names only the
 * queue), and what must not join them (a scale-out beside an OOM kill, an unrelated throttled
 * workload).
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const slots: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "12:58",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  service: "orders-api",
  title: "orders-api: FATAL: sorry, too many clients already (×14)",
}
const scaledOut: Spec = {
  agent: "eks",
  kind: "hpa_scaled_out",
  severity: "info",
  at: "12:52",
  resource: "hpa/shop/orders-api",
  service: "orders-api",
  title: "orders-api: HPA orders-api scaled out 4 → 32 replicas (12:41–12:52 UTC)",
  excerpt: "4 → 32 replicas, pool 15 per pod",
}
const oom: Spec = {
  agent: "eks",
  kind: "oom_killed",
  severity: "high",
  at: "12:58",
  resource: "pod/shop/orders-api-7c9d8f6b5-x2kqp",
  service: "orders-api",
  title: "orders-api: container app OOMKilled ×3",
}

describe("connection exhaustion after an HPA scale-out", () => {
  const ordersFacts = facts({ alertName: "OrdersApiHigh5xx", namespace: "shop", workload: "orders-api" })
  it("names the scale-out in the cause", () => {
    const [top] = causesFor(ordersFacts, numbered([slots, scaledOut]))
    expect(top?.text).toMatch(/too many clients/)
    expect(top?.text).toContain("after HPA scale-out 4 → 32 replicas, pool 15 per pod")
  })
  it("a scale-out beside an OOM kill is not joined to it", () => {
    const causes = causesFor(ordersFacts, numbered([oom, scaledOut]))
    expect(causes.map((c) => c.text).join("\n")).not.toContain("scale-out")
  })
})

describe("a queue's consumer throttled on its table", () => {
  const queueFacts = facts({
    source: "cloudwatch",
    alertName: "ledger-postings-oldest-message-age",
    service: "ledger-postings",
    cluster: null,
  })
  const throttled: Spec = {
    agent: "cloudwatch_logs",
    kind: "aws_throttled",
    severity: "high",
    at: "12:45",
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "ledger-posting-writer",
    title:
      "ledger-posting-writer: DynamoDB throttling on ledger-entries — ProvisionedThroughputExceededException (×9 12:45–13:02 UTC)",
  }
  const change: Spec = {
    agent: "cloudwatch_logs",
    kind: "aws_capacity_change",
    severity: "medium",
    at: "12:30",
    resource: "loggroup/aws-cloudtrail-logs-111122223333-abcd",
    service: "ledger-posting-writer",
    title:
      "dynamodb UpdateTable on ledger-entries at 12:30 UTC (billingMode PROVISIONED, writeCapacityUnits 25) by terraform-ci",
  }
  const unrelated: Spec = {
    agent: "cloudwatch_logs",
    kind: "aws_throttled",
    severity: "high",
    at: "12:50",
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "thumbnail-renderer",
    title: "thumbnail-renderer: S3 throttling on media-raw — SlowDown (×4 12:50–12:58 UTC)",
  }
  it("is the cause, after the capacity change; a workload sharing no word is never cited", () => {
    const findings = numbered([throttled, change, unrelated])
    const causes = causesFor(queueFacts, findings)
    const [top] = causes
    expect(top?.text).toMatch(/^dynamodb UpdateTable on ledger-entries at 12:30 UTC .* followed by throttled/)
    expect(top?.text).toContain("ledger-posting-writer")
    expect(causes.map((c) => c.text).join("\n")).not.toContain("thumbnail-renderer")
  })
})
