/**
 * The DispatchQueue in AWS: intake sends each InvestigationRequest to SQS as the JSON of
 * `encodeInvestigationRequest`, and the dispatch Lambda (or `makeSqsConsumer` locally) decodes
 * it strictly on the way out. The client is built once, when the layer is.
 */
import { SendMessageCommand } from "@aws-sdk/client-sqs"
import { Effect, Layer } from "effect"
import { encodeInvestigationRequest } from "../../domain/investigation-request.js"
import { DispatchQueue, DispatchQueueError } from "../../ports/dispatch-queue.js"
import { describeSqsError, type SqsClientOptions, sqsClient } from "./sqs-client.js"

export interface SqsDispatchQueueOptions {
  readonly queueUrl: string
  readonly client: SqsClientOptions
}

export const sqsDispatchQueueLayer = (options: SqsDispatchQueueOptions): Layer.Layer<DispatchQueue> =>
  Layer.scoped(
    DispatchQueue,
    Effect.gen(function* () {
      const client = yield* sqsClient(options.client)
      return DispatchQueue.of({
        enqueue: (request) =>
          Effect.tryPromise({
            try: (abortSignal) =>
              client.send(
                new SendMessageCommand({
                  QueueUrl: options.queueUrl,
                  MessageBody: encodeInvestigationRequest(request),
                }),
                { abortSignal },
              ),
            catch: (cause) =>
              new DispatchQueueError({ message: describeSqsError("SendMessage", cause), cause }),
          }).pipe(
            Effect.asVoid,
            Effect.withSpan("DispatchQueue.enqueue", {
              attributes: { investigationId: request.investigationId },
            }),
          ),
      })
    }),
  )
