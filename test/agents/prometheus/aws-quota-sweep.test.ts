/**
 * The AWS quota sweep's judgements: throttle counts inside the window, a usage count that jumped
 * and stays flat at its peak (a quota's ceiling) — not a ramp, not a flat series, not zeros.
 */
import { describe, expect, it } from "vitest"
import {
  cappedJump,
  formatCount,
  throttledIn,
  throttleSubject,
} from "../../../src/agents/prometheus/aws-quota-sweep.js"

const series = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 60_000, v }))

describe("cappedJump", () => {
  it("a jump to many times the starting level, flat at the peak", () => {
    expect(cappedJump(series(1200, 1180, 40000, 90000, 90000, 90000, 89500))).toEqual({
      from: 1180,
      peak: 90000,
      atMs: 3 * 60_000,
    })
  })
  it("not a ramp that never levels, a series flat from the start, or a small rise", () => {
    expect(cappedJump(series(1000, 1000, 8000, 16000, 32000, 64000))).toBeNull()
    expect(cappedJump(series(90000, 90000, 90000, 90000, 90000))).toBeNull()
    expect(cappedJump(series(1000, 1000, 3000, 3000, 3000, 3000))).toBeNull()
    expect(cappedJump(series(0, 0, 500, 500, 500))).toBeNull()
  })
})

describe("throttledIn", () => {
  it("the count inside the window and when it began; zeros are nothing", () => {
    expect(throttledIn(series(0, 0, 12, 40, 0))).toEqual({ total: 52, firstMs: 2 * 60_000 })
    expect(throttledIn(series(0, 0, 0))).toBeNull()
  })
})

describe("throttleSubject", () => {
  it("the AWS service from the metric's namespace and the resource from its dimensions", () => {
    expect(
      throttleSubject({
        __name__: "aws_dynamodb_write_throttle_events_sum",
        dimension_TableName: "ledger-entries",
      }),
    ).toEqual({ service: "DynamoDB", resource: "ledger-entries", metric: "write_throttle_events" })
    expect(
      throttleSubject({
        __name__: "aws_kinesis_write_provisioned_throughput_exceeded_average",
        stream_name: "clicks",
      }),
    ).toEqual({ service: "Kinesis", resource: "clicks", metric: "write_provisioned_throughput_exceeded" })
  })
})

describe("formatCount", () => {
  it("counts as a reader compares them", () => {
    expect([formatCount(3_000_000), formatCount(43_120), formatCount(812)]).toEqual(["3M", "43.1k", "812"])
  })
})
