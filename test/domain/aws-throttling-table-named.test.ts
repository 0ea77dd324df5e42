/**
 * A throttled DynamoDB table named by the lines that carry it (stop 20): the SDK's own sentence
 * names no table and says "the BatchWriteItem operation", a structured line beside it names the
 * table under a key and the Kinesis shard its batch came from. Decoys: a Kinesis stream's own
 * refusal with a shard, a line with a table key and no throttling.
 */
import { describe, expect, it } from "vitest"
import { throttledOf } from "../../src/agents/cloudwatch-logs/aws-throttle-sweep.js"
import { awsThrottleOf } from "../../src/domain/aws-throttling.js"

const line = (message: string, timestampMs = 0) => ({
  timestampMs,
  message,
  stream: "2026/01/01/[$LATEST]abc",
  group: "/aws/lambda/tide-gauge-loader",
})

describe("a throttled table named by its lines", () => {
  it("the SDK's sentence: DynamoDB, and no table called 'operation'", () => {
    expect(
      awsThrottleOf(
        "[ERROR] ProvisionedThroughputExceededException: An error occurred (ProvisionedThroughputExceededException) when calling the BatchWriteItem operation (reached max retries: 9): The level of configured provisioned throughput for the table was exceeded.",
      ),
    ).toEqual({ code: "ProvisionedThroughputExceededException", service: "DynamoDB", resource: null })
    expect(
      awsThrottleOf("ProvisionedThroughputExceededException when calling the PutItem operation: capacity"),
    ).toMatchObject({ service: "DynamoDB", resource: null })
  })

  it("a structured line with a table key and a shard is the table's, in either order", () => {
    expect(
      awsThrottleOf(
        '{"message":"batch failed","shard":"shardId-000000000002","table":"gauge-readings","error":"ProvisionedThroughputExceededException"}',
      ),
    ).toEqual({
      code: "ProvisionedThroughputExceededException",
      service: "DynamoDB",
      resource: "gauge-readings",
    })
    expect(
      awsThrottleOf("error=ProvisionedThroughputExceeded shard=shardId-7 table_name=tariff-ledger retries=5"),
    ).toMatchObject({ service: "DynamoDB", resource: "tariff-ledger" })
  })

  it("the plain lines inherit the table the structured one names: one finding naming both", () => {
    const found = throttledOf([
      line(
        "[ERROR] ProvisionedThroughputExceededException: An error occurred (ProvisionedThroughputExceededException) when calling the BatchWriteItem operation: The level of configured provisioned throughput for the table was exceeded.",
        1,
      ),
      line(
        '{"shard":"shardId-1","table":"gauge-readings","error":"ProvisionedThroughputExceededException"}',
        2,
      ),
    ])
    expect(found.map((t) => [t.owner, t.what.service, t.what.resource, t.lines.length])).toEqual([
      ["tide-gauge-loader", "DynamoDB", "gauge-readings", 2],
    ])
  })

  it("decoys: a stream's own refusal stays Kinesis; a table key without throttling is nothing", () => {
    expect(
      awsThrottleOf(
        "PutRecords failed: ProvisionedThroughputExceededException stream=ferry-positions shard=shardId-3",
      ),
    ).toMatchObject({ service: "Kinesis", resource: "ferry-positions" })
    expect(awsThrottleOf('{"message":"batch written","table":"gauge-readings","records":500}')).toBeNull()
  })
})
