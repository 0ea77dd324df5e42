import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { makeSqsConsumer } from "../../../src/adapters/sqs/sqs-consumer.js"
import { sqsDispatchQueueLayer } from "../../../src/adapters/sqs/sqs-dispatch-queue.js"
import { DispatchQueue } from "../../../src/ports/dispatch-queue.js"
import { makeSqsReplay } from "../../../src/replay/sqs.js"
import { sampleRequest } from "./investigation-request-sample.js"

const credentials = { accessKeyId: "AKIDREPLAY", secretAccessKey: "replay-secret" }

const setup = (now?: () => number) =>
  Effect.gen(function* () {
    const replay = yield* makeSqsReplay(now === undefined ? {} : { now })
    const client = { endpoint: replay.url, region: "us-east-1", credentials }
    const queueUrl = replay.queueUrl("investigations")
    const enqueue = Effect.flatMap(DispatchQueue, (q) => q.enqueue(sampleRequest)).pipe(
      Effect.provide(sqsDispatchQueueLayer({ queueUrl, client })),
    )
    const consumer = yield* makeSqsConsumer({ queueUrl, client, visibilityTimeoutSeconds: 30 })
    return { replay, enqueue, consumer }
  })

describe("makeSqsConsumer", () => {
  it.scoped(
    "an undeleted message stays hidden for the visibility timeout, then returns under a new handle",
    () =>
      Effect.gen(function* () {
        let now = 1_000_000
        const { replay, enqueue, consumer } = yield* setup(() => now)
        yield* enqueue
        const [first] = yield* consumer.receive(1, 0)
        expect(yield* consumer.receive(1, 0)).toEqual([])
        now += 31_000
        const [again] = yield* consumer.receive(1, 0)
        expect(again?.messageId).toBe(first?.messageId)
        expect(again?.receiptHandle).not.toBe(first?.receiptHandle)
        const stale = yield* Effect.flip(consumer.delete(first?.receiptHandle ?? ""))
        expect(stale.message).toContain("ReceiptHandleIsInvalid")
        yield* consumer.delete(again?.receiptHandle ?? "")
        expect(replay.messages("investigations")).toEqual([])
        expect(replay.requests().find((r) => r.operation === "ReceiveMessage")?.body).toMatchObject({
          MaxNumberOfMessages: 1,
          WaitTimeSeconds: 0,
          VisibilityTimeout: 30,
        })
      }),
  )

  it.scoped("a long poll returns as soon as a message arrives", () =>
    Effect.gen(function* () {
      const { replay, enqueue, consumer } = yield* setup()
      const poll = yield* Effect.fork(consumer.receive(5, 20))
      yield* replay.awaitRequests(1, "ReceiveMessage")
      yield* enqueue
      const received = yield* Fiber.join(poll)
      expect(received.map((m) => m.body.includes(sampleRequest.investigationId))).toEqual([true])
    }),
  )
})
