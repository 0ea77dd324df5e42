/**
 * A structured record's failed call names its AWS resource in the readable line
 * (log-structured.ts): `table: …`, `function: …`, `queue: …` after the error, only for a record
 * that carries an error, and not when the message already says it.
 */
import { describe, expect, it } from "vitest"
import { readableLogMessage } from "../../src/domain/log-structured.js"

describe("the AWS resource of a failed call", () => {
  it("adds the table, function or queue a failed record names", () => {
    expect(
      readableLogMessage(
        '{"level":"error","msg":"write failed","table":"orders-prod","err":"ProvisionedThroughputExceededException: Rate exceeded"}',
      ),
    ).toBe(
      "ERROR write failed (error: ProvisionedThroughputExceededException: Rate exceeded, table: orders-prod)",
    )
    expect(
      readableLogMessage(
        '{"level":"error","msg":"invoke failed","FunctionName":"resize-prod","error":"TooManyRequestsException"}',
      ),
    ).toContain("function: resize-prod")
    expect(
      readableLogMessage(
        '{"level":"warn","msg":"receive failed","queueUrl":"https://sqs.eu-west-1.amazonaws.com/1/jobs.fifo","err":"AccessDenied"}',
      ),
    ).toContain("queue: https://sqs.eu-west-1.amazonaws.com/1/jobs.fifo")
  })

  it("leaves a record without an error, or one whose message names it, as it was", () => {
    expect(readableLogMessage('{"level":"info","msg":"write stats","table":"orders-prod","ok":10}')).toBe(
      "INFO write stats",
    )
    expect(
      readableLogMessage(
        '{"level":"error","msg":"write to orders-prod failed","table":"orders-prod","err":"boom"}',
      ),
    ).toBe("ERROR write to orders-prod failed (error: boom)")
    // A shipper's stream is not a Kinesis stream.
    expect(readableLogMessage('{"level":"error","msg":"failed","stream":"stderr","err":"boom"}')).toBe(
      "ERROR failed (error: boom)",
    )
  })

  it("keeps the message id and receive count a failed consumer record states", () => {
    expect(
      readableLogMessage(
        '{"level":"error","msg":"handling failed","messageId":"b7d10c4e-2f3a","approximateReceiveCount":62,"err":"TypeError: x is null"}',
      ),
    ).toBe("ERROR handling failed (error: TypeError: x is null, messageId=b7d10c4e-2f3a receiveCount=62)")
    // Without a receive count (or without an error) it is left out.
    expect(
      readableLogMessage(
        '{"level":"error","msg":"handling failed","messageId":"b7d10c4e-2f3a","err":"boom"}',
      ),
    ).toBe("ERROR handling failed (error: boom)")
  })
})
