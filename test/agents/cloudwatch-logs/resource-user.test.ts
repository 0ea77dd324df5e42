/**
 * An alarm on an AWS resource and the workloads using it, in the logs agent: a shared group's
 * lines of the resource's users are kept (resource-user-pass.ts), their signatures rated in
 * scope (signature-findings.ts) — a Lambda's throttles concern the function — and a message
 * failing at each delivery is a poison-message finding (redelivery-findings.ts). Other
 * workloads' errors in the same group stay out.
 */
import { describe, expect, it } from "vitest"
import { redeliveryFindings } from "../../../src/agents/cloudwatch-logs/redelivery-findings.js"
import { isResourceUserLine } from "../../../src/agents/cloudwatch-logs/resource-user-pass.js"
import { signatureFindings } from "../../../src/agents/cloudwatch-logs/signature-findings.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { clusterLogLines, type LogLine } from "../../../src/domain/log-clusters.js"

const app = "/aws/containerinsights/eks-prod/application"
const line = (minute: number, pod: string, message: string): LogLine => ({
  timestampMs: Date.UTC(2027, 4, 2, 10, minute),
  message,
  stream: `${pod}_jobs_app-4d2c9e1f0a7b`,
  group: app,
})
const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("isResourceUserLine", () => {
  const names = ["parcel-events", "parcel-events-prod.fifo"]
  it("keeps a consumer named with the queue's words, or a workload whose AWS error names it", () => {
    expect(isResourceUserLine(line(1, "parcel-events-worker-6b7c8d9f5-abcde", "ERROR boom"), names)).toBe(
      true,
    )
    expect(
      isResourceUserLine(
        line(1, "tracking-api-6b7c8d9f5-abcde", "ERROR send failed: AccessDenied on parcel-events-prod.fifo"),
        names,
      ),
    ).toBe(true)
  })
  it("drops another workload, even one naming the queue without an AWS error", () => {
    expect(isResourceUserLine(line(1, "label-printer-6b7c8d9f5-abcde", "ERROR printer offline"), names)).toBe(
      false,
    )
    expect(
      isResourceUserLine(
        line(1, "dashboard-6b7c8d9f5-abcde", "ERROR panel parcel-events-prod.fifo timed out"),
        names,
      ),
    ).toBe(false)
  })
})

describe("signatures of a resource's user", () => {
  const lambda = facts(
    "CloudWatch Alarm | geocode-prod-Throttles | us-east-2\nThrottles on geocode-prod Lambda\nMetric: AWS/Lambda Throttles, FunctionName = geocode-prod (Sum, 60s)",
  )
  const lines = [
    line(
      1,
      "address-api-5f7b8c9d6-7qwzk",
      "ERROR lookup failed (error: TooManyRequestsException: Rate Exceeded., function: geocode-prod)",
    ),
    line(
      2,
      "address-api-5f7b8c9d6-7qwzk",
      "ERROR lookup failed (error: TooManyRequestsException: Rate Exceeded., function: geocode-prod)",
    ),
    line(3, "billing-api-5f7b8c9d6-bn4xt", "ERROR payer returned 502 (error: upstream bad gateway)"),
  ]
  it("rates the caller's throttled Invoke in scope, about the function; the rest stays context", () => {
    const { findings } = signatureFindings(clusterLogLines(lines), {
      facts: lambda,
      link: () => null,
      truncated: false,
    })
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["geocode-prod", "high"],
      ["billing-api", "info"],
    ])
  })
  it("does not for an alarm that is not on an AWS resource", () => {
    const pod = facts(
      "KubePodCrashLooping: pod geocode-prod-7d9f8b6c5d-x2x9q in namespace geo is crash looping",
    )
    const { findings } = signatureFindings(clusterLogLines(lines.slice(0, 2)), {
      facts: pod,
      link: () => null,
      truncated: false,
    })
    expect(findings[0]?.severity).not.toBe("high")
  })
})

describe("redeliveryFindings", () => {
  it("one high finding of the consumer, naming the message and its receive count", () => {
    const lines = [5, 6, 7].map((m) =>
      line(
        m,
        "parcel-events-worker-6b7c8d9f5-abcde",
        `ERROR failed message_id=0f1e2d3c-aaaa receive_count=${m * 10}: KeyError: 'zip'`,
      ),
    )
    const found = redeliveryFindings(lines, () => null)
    expect(found.map((f) => [f.kind, f.service, f.severity])).toEqual([
      ["message_redelivered", "parcel-events-worker", "high"],
    ])
    expect(found[0]?.title).toContain("0f1e2d3c-aaaa failed 3 times, receive count up to 70")
  })
  it("none when each message failed once", () => {
    const lines = [5, 6, 7].map((m) =>
      line(
        m,
        "parcel-events-worker-6b7c8d9f5-abcde",
        `ERROR failed message_id=0f1e2d3c-000${m} receive_count=1`,
      ),
    )
    expect(redeliveryFindings(lines, () => null)).toEqual([])
  })
})
