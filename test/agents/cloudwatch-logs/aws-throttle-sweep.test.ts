/**
 * The throttle sweep's findings: one per workload and AWS resource, a retry's last line joined
 * to the table the other lines name, lines without an owner or without AWS throttling left out;
 * and a CloudTrail capacity change as the throttled workload's change.
 */
import { describe, expect, it } from "vitest"
import {
  capacityChangeFinding,
  throttledOf,
  throttleFindings,
} from "../../../src/agents/cloudwatch-logs/aws-throttle-sweep.js"
import type { LogLine } from "../../../src/domain/log-clusters.js"

const group = "/aws/containerinsights/eks-prod/application"
const line = (pod: string, ns: string, minute: number, message: string): LogLine => ({
  timestampMs: Date.parse(`2026-11-27T12:${String(minute).padStart(2, "0")}:00Z`),
  message,
  stream: `${pod}_${ns}_app-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef`,
  group,
})

describe("throttledOf / throttleFindings", () => {
  const lines = [
    line(
      "ledger-writer-7c9d8f6b5-x2kqp",
      "ledger",
      41,
      "WARN UpdateItem ledger-entries attempt 3: ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded.",
    ),
    line(
      "ledger-writer-7c9d8f6b5-x2kqp",
      "ledger",
      44,
      "ERROR giving up: ProvisionedThroughputExceededException: Rate of requests exceeds the allowed throughput.",
    ),
    line(
      "ledger-writer-7c9d8f6b5-m8wzr",
      "ledger",
      47,
      "WARN PutItem ledger-entries: ProvisionedThroughputExceededException",
    ),
    line(
      "reports-api-5d6f7c8b9-q4rtv",
      "ledger",
      50,
      "kms decrypt retried: ThrottlingException: Rate exceeded key=arn:aws:kms:us-east-1:111122223333:key/abcd-1234",
    ),
    line("ledger-writer-7c9d8f6b5-x2kqp", "ledger", 52, "cpu throttling 40% (cfs throttled periods)"),
    { timestampMs: 0, message: "ThrottlingException: Rate exceeded", stream: "", group: "/custom/app" },
  ]
  it("one finding per workload and resource, most lines first", () => {
    const found = throttleFindings(throttledOf(lines), () => null)
    expect(found.map((f) => [f.service, f.kind, f.severity])).toEqual([
      ["ledger-writer", "aws_throttled", "high"],
      ["reports-api", "aws_throttled", "medium"],
    ])
    expect(found[0]?.title).toBe(
      "ledger-writer: DynamoDB throttling on ledger-entries — ProvisionedThroughputExceededException (×3 12:41–12:47 UTC)",
    )
    expect(found[1]?.title).toContain("KMS throttling on arn:aws:kms:us-east-1:111122223333:key/abcd-1234")
  })
  it("nothing from lines without AWS throttling", () => {
    expect(throttledOf([lines[4] as LogLine])).toEqual([])
  })
})

describe("capacityChangeFinding", () => {
  it("a change of the throttled workload, named by what it did", () => {
    const f = capacityChangeFinding(
      {
        eventName: "UpdateTable",
        service: "dynamodb",
        resource: "ledger-entries",
        atMs: Date.parse("2026-11-27T12:30:00Z"),
        actor: "terraform-ci",
        settings: ["billingMode PROVISIONED", "writeCapacityUnits 25"],
      },
      "ledger-writer",
      "aws-cloudtrail-logs-111122223333-abcd",
      null,
    )
    expect(f.kind).toBe("aws_capacity_change")
    expect(f.service).toBe("ledger-writer")
    expect(f.title).toBe(
      "dynamodb UpdateTable on ledger-entries at 12:30 UTC (billingMode PROVISIONED, writeCapacityUnits 25) by terraform-ci",
    )
  })
})
