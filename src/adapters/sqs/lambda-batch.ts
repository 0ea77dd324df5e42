/**
 * The dispatch Lambda's side of SQS: each record is decoded strictly and dispatched; failures
 * are reported per record (`batchItemFailures`) so SQS retries only those and, after
 * maxReceiveCount, moves them to the DLQ, whose consumer dead-letters them (failure notice in
 * the thread, claim released). A body that cannot be decoded is retried into the DLQ too, where
 * it is logged for inspection: never silently acknowledged.
 */
import { Effect, Schema } from "effect"
import { Dispatcher } from "../../domain/dispatcher.js"
import { decodeInvestigationRequest } from "../../domain/investigation-request.js"

export const SqsRecord = Schema.Struct({ messageId: Schema.String, body: Schema.String })
export const SqsEvent = Schema.Struct({ Records: Schema.Array(SqsRecord) })

/** Records are decoded one by one: one odd record must not make the whole batch "not SQS". */
const records = (event: unknown) =>
  Schema.decodeUnknown(Schema.Struct({ Records: Schema.Array(Schema.Unknown) }))(event).pipe(
    Effect.tapError(() => Effect.logError("not an SQS event: nothing dispatched")),
    Effect.map((e) => e.Records),
    Effect.orElseSucceed(() => []),
    Effect.flatMap((rs) =>
      Effect.forEach(rs, (r) =>
        Schema.decodeUnknown(SqsRecord)(r).pipe(
          Effect.map((x) => [x]),
          Effect.catchAll(() =>
            Effect.logError("an SQS record without messageId/body; skipped").pipe(Effect.as([])),
          ),
        ),
      ),
    ),
    Effect.map((xs) => xs.flat()),
  )

export interface BatchResult {
  readonly batchItemFailures: ReadonlyArray<{ readonly itemIdentifier: string }>
}

export const dispatchBatch = (event: unknown): Effect.Effect<BatchResult, never, Dispatcher> =>
  Effect.gen(function* () {
    const dispatcher = yield* Dispatcher
    const failed = yield* Effect.forEach(
      yield* records(event),
      (record) =>
        decodeInvestigationRequest(record.body).pipe(
          Effect.tapError(() =>
            Effect.logError("undecodable dispatch message").pipe(
              Effect.annotateLogs({ sqsMessageId: record.messageId }),
            ),
          ),
          Effect.flatMap((request) => dispatcher.dispatch(request)),
          Effect.as(null),
          Effect.catchAll((e) =>
            Effect.logWarning("dispatch failed; SQS will retry").pipe(
              Effect.annotateLogs({ sqsMessageId: record.messageId, error: e.message }),
              Effect.as(record.messageId),
            ),
          ),
        ),
      { concurrency: 4 },
    )
    return { batchItemFailures: failed.flatMap((id) => (id === null ? [] : [{ itemIdentifier: id }])) }
  })

/** DLQ consumer: tell the thread the investigation could not start, release the claim. */
export const deadLetterBatch = (event: unknown): Effect.Effect<BatchResult, never, Dispatcher> =>
  Effect.gen(function* () {
    const dispatcher = yield* Dispatcher
    const batch = yield* Schema.decodeUnknown(SqsEvent)(event).pipe(
      Effect.orElseSucceed(() => ({ Records: [] })),
    )
    yield* Effect.forEach(
      batch.Records,
      (record) =>
        decodeInvestigationRequest(record.body).pipe(
          Effect.flatMap((request) => dispatcher.deadLetter(request)),
          Effect.catchAll(() =>
            Effect.logError("dead-lettered message is undecodable; dropped after logging").pipe(
              Effect.annotateLogs({ sqsMessageId: record.messageId, bodyBytes: record.body.length }),
            ),
          ),
        ),
      { concurrency: 4 },
    )
    return { batchItemFailures: [] }
  })
