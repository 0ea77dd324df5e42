import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { makeSqsConsumer } from "../../../src/adapters/sqs/sqs-consumer.js"
import { sqsDispatchQueueLayer } from "../../../src/adapters/sqs/sqs-dispatch-queue.js"
import {
  decodeInvestigationRequest,
  encodeInvestigationRequest,
} from "../../../src/domain/investigation-request.js"
import { DispatchQueue } from "../../../src/ports/dispatch-queue.js"
import { makeSqsReplay } from "../../../src/replay/sqs.js"
import { sampleRequest } from "./investigation-request-sample.js"

const credentials = { accessKeyId: "AKIDREPLAY", secretAccessKey: "replay-secret" }

describe("sqsDispatchQueueLayer", () => {
  it.scoped("send → receive → decode the same request → delete → queue empty", () =>
    Effect.gen(function* () {
      const replay = yield* makeSqsReplay()
      const client = { endpoint: replay.url, region: "us-east-1", credentials }
      const queueUrl = replay.queueUrl("investigations")
      yield* Effect.flatMap(DispatchQueue, (queue) => queue.enqueue(sampleRequest)).pipe(
        Effect.provide(sqsDispatchQueueLayer({ queueUrl, client })),
      )
      const [send] = replay.requests()
      expect(send).toMatchObject({ operation: "SendMessage", authorization: "valid" })
      expect(send?.body).toEqual({
        QueueUrl: queueUrl,
        MessageBody: encodeInvestigationRequest(sampleRequest),
      })

      const consumer = yield* makeSqsConsumer({ queueUrl, client })
      const received = yield* consumer.receive(10, 0)
      expect(received).toHaveLength(1)
      const decoded = yield* decodeInvestigationRequest(received[0]?.body)
      expect(encodeInvestigationRequest(decoded)).toBe(encodeInvestigationRequest(sampleRequest))
      expect(decoded.interaction === null ? null : Redacted.value(decoded.interaction.token)).toBe(
        "interaction-token-value",
      )
      expect(decoded.context.alertTime.epochMillis).toBe(sampleRequest.context.alertTime.epochMillis)

      yield* consumer.delete(received[0]?.receiptHandle ?? "")
      expect(replay.messages("investigations")).toEqual([])
      expect(yield* consumer.receive(10, 0)).toEqual([])
    }),
  )

  it.scoped("a queue that does not exist fails with DispatchQueueError naming QueueDoesNotExist", () =>
    Effect.gen(function* () {
      const replay = yield* makeSqsReplay()
      const client = { endpoint: replay.url, region: "us-east-1", credentials, maxAttempts: 1 }
      const error = yield* Effect.flatMap(DispatchQueue, (queue) => queue.enqueue(sampleRequest)).pipe(
        Effect.provide(sqsDispatchQueueLayer({ queueUrl: `${replay.url}/000000000000/missing`, client })),
        Effect.flip,
      )
      expect(error._tag).toBe("DispatchQueueError")
      expect(error.message).toContain("QueueDoesNotExist")
      expect(replay.requests()).toHaveLength(1)
    }),
  )
})
