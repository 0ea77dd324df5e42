import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeSqsReplay, type SqsReplay } from "../../src/replay/sqs.js"

const call = (replay: SqsReplay, operation: string, input: unknown) =>
  Effect.promise(async () => {
    const response = await fetch(replay.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": `AmazonSQS.${operation}` },
      body: JSON.stringify(input),
    })
    const json: unknown = await response.json()
    return { status: response.status, headers: response.headers, json }
  })

/** A string field of a JSON answer ("" when absent). */
const field = (json: unknown, key: string): string => {
  const value =
    typeof json === "object" && json !== null ? Object.getOwnPropertyDescriptor(json, key)?.value : undefined
  return typeof value === "string" ? value : ""
}

describe("makeSqsReplay", () => {
  it.scoped("resolves queue URLs and answers unknown queues with SQS's JSON error", () =>
    Effect.gen(function* () {
      const replay = yield* makeSqsReplay({ queues: ["a", "b.fifo"] })
      expect((yield* call(replay, "GetQueueUrl", { QueueName: "b.fifo" })).json).toEqual({
        QueueUrl: `${replay.url}/000000000000/b.fifo`,
      })
      const missing = yield* call(replay, "GetQueueUrl", { QueueName: "c" })
      expect([missing.status, missing.json, missing.headers.get("x-amzn-query-error")]).toEqual([
        400,
        { __type: "com.amazonaws.sqs#QueueDoesNotExist", message: "The specified queue does not exist." },
        "AWS.SimpleQueueService.NonExistentQueue;Sender",
      ])
      const foreign = yield* call(replay, "SendMessage", {
        QueueUrl: `${replay.url}/111111111111/a`,
        MessageBody: "x",
      })
      expect(field(foreign.json, "__type")).toBe("com.amazonaws.sqs#QueueDoesNotExist")
      expect((yield* call(replay, "PurgeQueue", { QueueUrl: replay.queueUrl("a") })).status).toBe(400)
    }),
  )

  it.scoped("reports the real MD5 of each body, on send and on receive", () =>
    Effect.gen(function* () {
      const replay = yield* makeSqsReplay()
      const queueUrl = replay.queueUrl("investigations")
      const sent = yield* call(replay, "SendMessage", { QueueUrl: queueUrl, MessageBody: "hello" })
      expect(field(sent.json, "MD5OfMessageBody")).toBe("5d41402abc4b2a76b9719d911017c592")
      const received = yield* call(replay, "ReceiveMessage", { QueueUrl: queueUrl, MaxNumberOfMessages: 10 })
      expect(received.json).toMatchObject({
        Messages: [
          {
            MessageId: field(sent.json, "MessageId"),
            Body: "hello",
            MD5OfBody: "5d41402abc4b2a76b9719d911017c592",
          },
        ],
      })
      expect(replay.requests().map((r) => [r.operation, r.authorization])).toEqual([
        ["SendMessage", "none"],
        ["ReceiveMessage", "none"],
      ])
    }),
  )
})
