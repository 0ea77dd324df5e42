/**
 * Polls an SQS queue by hand: what the dispatch Lambda's event source mapping does in AWS, for
 * local runs and tests. A received message stays invisible for the visibility timeout and comes
 * back unless it is deleted, so callers delete only after handling it.
 */
import { DeleteMessageCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs"
import { Effect, Schema, type Scope } from "effect"
import { DispatchQueueError } from "../../ports/dispatch-queue.js"
import { describeSqsError, type SqsClientOptions, sqsClient } from "./sqs-client.js"

export interface SqsReceived {
  readonly messageId: string
  readonly receiptHandle: string
  readonly body: string
}

export interface SqsConsumer {
  /** Up to `max` (1–10) messages, waiting up to `waitSeconds` (0–20) for the first one. */
  readonly receive: (
    max: number,
    waitSeconds: number,
  ) => Effect.Effect<ReadonlyArray<SqsReceived>, DispatchQueueError>
  readonly delete: (receiptHandle: string) => Effect.Effect<void, DispatchQueueError>
}

export interface SqsConsumerOptions {
  readonly queueUrl: string
  readonly client: SqsClientOptions
  /** Seconds a received message stays hidden (default: the queue's own setting). */
  readonly visibilityTimeoutSeconds?: number
}

const Received = Schema.Struct({
  MessageId: Schema.String,
  ReceiptHandle: Schema.String,
  Body: Schema.String,
})
const Messages = Schema.Struct({
  Messages: Schema.optionalWith(Schema.Array(Received), { default: () => [] }),
})

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(n)))

export const makeSqsConsumer = (
  options: SqsConsumerOptions,
): Effect.Effect<SqsConsumer, never, Scope.Scope> =>
  Effect.gen(function* () {
    const client = yield* sqsClient(options.client, 20_000)
    const failed = (operation: string) => (cause: unknown) =>
      new DispatchQueueError({ message: describeSqsError(operation, cause), cause })
    return {
      receive: (max, waitSeconds) =>
        Effect.tryPromise({
          try: (abortSignal) =>
            client.send(
              new ReceiveMessageCommand({
                QueueUrl: options.queueUrl,
                MaxNumberOfMessages: clamp(max, 1, 10),
                WaitTimeSeconds: clamp(waitSeconds, 0, 20),
                ...(options.visibilityTimeoutSeconds === undefined
                  ? {}
                  : { VisibilityTimeout: options.visibilityTimeoutSeconds }),
              }),
              { abortSignal },
            ),
          catch: failed("ReceiveMessage"),
        }).pipe(
          Effect.flatMap((output) => Schema.decodeUnknown(Messages)(output)),
          Effect.mapError((e) => (e instanceof DispatchQueueError ? e : failed("ReceiveMessage")(e))),
          Effect.map((out) =>
            out.Messages.map((m) => ({
              messageId: m.MessageId,
              receiptHandle: m.ReceiptHandle,
              body: m.Body,
            })),
          ),
        ),
      delete: (receiptHandle) =>
        Effect.tryPromise({
          try: (abortSignal) =>
            client.send(
              new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: receiptHandle }),
              {
                abortSignal,
              },
            ),
          catch: failed("DeleteMessage"),
        }).pipe(Effect.asVoid),
    }
  })
