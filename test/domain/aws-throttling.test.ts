/**
 * AWS throttling in the SDKs' and services' own words, the AWS service and resource each line
 * names — and the lines that are not AWS throttling (a CPU's CFS quota, a plain 429, a healthy line).
 */
import { describe, expect, it } from "vitest"
import { awsThrottleOf } from "../../src/domain/aws-throttling.js"

describe("awsThrottleOf", () => {
  it("DynamoDB's provisioned and on-demand refusals, with the table", () => {
    expect(
      awsThrottleOf(
        "WARN PutItem orders-ledger attempt=2: ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded.",
      ),
    ).toEqual({
      code: "ProvisionedThroughputExceededException",
      service: "DynamoDB",
      resource: "orders-ledger",
    })
    expect(
      awsThrottleOf(
        '{"level":"error","msg":"write failed","table":"cart-sessions","err":"ThrottlingException: Throughput exceeds the current capacity of your table or index."}',
      ),
    ).toEqual({ code: "ThrottlingException", service: "DynamoDB", resource: "cart-sessions" })
    expect(
      awsThrottleOf(
        "botocore.exceptions.ClientError: An error occurred (ProvisionedThroughputExceededException) when calling the BatchWriteItem operation (reached max retries: 9) arn:aws:dynamodb:eu-central-1:123456789012:table/events-v2",
      )?.resource,
    ).toBe("events-v2")
  })
  it("a retry's last line that names no table is still DynamoDB's", () => {
    expect(
      awsThrottleOf(
        "giving up after 8 attempts: ProvisionedThroughputExceededException: Rate of requests exceeds the allowed throughput.",
      ),
    ).toEqual({ code: "ProvisionedThroughputExceededException", service: "DynamoDB", resource: null })
  })
  it("KMS's rate, with the key; the generic Rate exceeded; S3's SlowDown", () => {
    expect(
      awsThrottleOf(
        "decrypt failed: ThrottlingException: You have exceeded the rate at which you may call KMS. key=arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      ),
    ).toEqual({
      code: "ThrottlingException",
      service: "KMS",
      resource: "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    })
    expect(awsThrottleOf("ssm GetParameters failed: ThrottlingException: Rate exceeded")?.service).toBe("SSM")
    expect(
      awsThrottleOf("PUT object failed: SlowDown: Please reduce your request rate. bucket=media-raw"),
    ).toEqual({
      code: "SlowDown",
      service: "S3",
      resource: "media-raw",
    })
  })
  it("not a CPU throttled by its quota, a provider's plain 429, or a healthy line", () => {
    expect(awsThrottleOf("container cpu throttling 45% of periods (cfs throttled periods)")).toBeNull()
    expect(awsThrottleOf("stripe answered 429 Too Many Requests, retrying")).toBeNull()
    expect(awsThrottleOf("batch done msgs=10 assigned=10 throttled=false")).toBeNull()
  })
})
