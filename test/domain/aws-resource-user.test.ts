/**
 * The workload using an alarm's AWS resource (aws-resource-user.ts): an AWS error naming the
 * resource (a table, a queue, a function) is a call on it; the resource's name alone (a caller
 * reporting it slow) or an AWS error about another resource is not.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import {
  alertResourceKind,
  alertResourceNames,
  awsErrorOf,
  envNamesResource,
  isCallOnResource,
  usesAlertingResource,
} from "../../src/domain/aws-resource-user.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

const queueAlarm = facts(
  "*CloudWatch Alarm | payments-refunds-age | eu-west-1 | Account: 111122223333*\n*ALARM:* Oldest message in payments-refunds-prod.fifo is older than 10 minutes\nNamespace: AWS/SQS · Metric: ApproximateAgeOfOldestMessage · QueueName: payments-refunds-prod.fifo",
)
const tableAlarm = facts(
  "*CloudWatch Alarm | catalog-items-read-throttles | us-east-1 | Account: 111122223333*\n*ALARM:* ReadThrottleEvents on catalog-items above 50\nNamespace: AWS/DynamoDB · Metric: ReadThrottleEvents · TableName: catalog-items · Statistic: Sum",
)
const lambdaAlarm = facts(
  "CloudWatch Alarm | thumbnailer-prod-Throttles | us-east-2\nThrottles on thumbnailer-prod Lambda\nMetric: AWS/Lambda Throttles, FunctionName = thumbnailer-prod (Sum, 60s)",
)
const podAlert = facts(
  "KubePodCrashLooping: pod checkout-api-7d9f8b6c5d-x2x9q in namespace shop is crash looping",
)

describe("the alert's AWS resource", () => {
  it("reads the resource kind and its names from the alarm", () => {
    expect(alertResourceKind(queueAlarm)).toBe("sqs")
    expect(alertResourceKind(tableAlarm)).toBe("dynamodb")
    expect(alertResourceKind(lambdaAlarm)).toBe("lambda")
    expect(alertResourceKind(podAlert)).toBeNull()
    expect(alertResourceNames(queueAlarm)).toContain("payments-refunds-prod.fifo")
    expect(alertResourceNames(tableAlarm)).toEqual(["catalog-items"])
    // The alarm's own name is no resource.
    expect(alertResourceNames(tableAlarm)).not.toContain("catalog-items-read-throttles")
  })
})

describe("a call on the resource refused by AWS", () => {
  it("reads the AWS error a line carries, in several services' words", () => {
    expect(awsErrorOf("ProvisionedThroughputExceededException: Throughput exceeds")).toBe(
      "ProvisionedThroughputExceededException",
    )
    expect(awsErrorOf("TooManyRequestsException: Rate Exceeded.")).toBe("TooManyRequestsException")
    expect(awsErrorOf("AccessDenied: not authorized to perform sqs:ReceiveMessage")).toBe("AccessDenied")
    expect(awsErrorOf("upstream catalog-items slow, p99 2.3s")).toBeNull()
  })

  it("ties a workload's refused call to the table, queue or function it names", () => {
    expect(
      usesAlertingResource(
        tableAlarm,
        "ERROR read failed (error: ProvisionedThroughputExceededException: Rate of requests exceeds the allowed throughput., table: catalog-items)",
      ),
    ).toBe(true)
    expect(
      usesAlertingResource(
        lambdaAlarm,
        "ERROR resize failed (error: TooManyRequestsException: Rate Exceeded., function: thumbnailer-prod)",
      ),
    ).toBe(true)
    expect(
      usesAlertingResource(
        queueAlarm,
        "WARN receive failed: AccessDenied on https://sqs.eu-west-1.amazonaws.com/111122223333/payments-refunds-prod.fifo",
      ),
    ).toBe(true)
  })

  it("does not take the name alone, another resource's error, or a pod alert", () => {
    // A caller saying the resource is slow: no AWS error.
    expect(usesAlertingResource(tableAlarm, "WARN catalog-items lookups slow, p99 2.1s")).toBe(false)
    // An AWS error about another table whose name only begins the same.
    expect(
      usesAlertingResource(
        tableAlarm,
        "ERROR ProvisionedThroughputExceededException (table: catalog-items-archive)",
      ),
    ).toBe(false)
    // Not an AWS resource alarm: nothing is its user this way.
    expect(usesAlertingResource(podAlert, "ERROR ThrottlingException calling checkout-api")).toBe(false)
    expect(isCallOnResource("TooManyRequestsException: Rate Exceeded.", [])).toBe(false)
  })
})

describe("a workload configured with the resource", () => {
  it("finds the resource in an env value (a queue URL, an ARN, a table name)", () => {
    const names = alertResourceNames(queueAlarm)
    expect(
      envNamesResource(
        ["https://sqs.eu-west-1.amazonaws.com/111122223333/payments-refunds-prod.fifo"],
        names,
      ),
    ).toBe(true)
    expect(
      envNamesResource(["arn:aws:dynamodb:us-east-1:111122223333:table/catalog-items"], ["catalog-items"]),
    ).toBe(true)
    // Another queue whose name only begins the same is not it.
    expect(
      envNamesResource(["https://sqs.eu-west-1.amazonaws.com/1/payments-refunds-prod-dlq.fifo"], names),
    ).toBe(false)
  })
})
