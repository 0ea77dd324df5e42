/**
 * The local twin of SQS + the dispatch Lambda: an Effect Queue drained by a worker fiber that
 * runs the Dispatcher with bounded, jittered retries and dead-letters what still fails (the
 * failure notice in the thread, the claim released) — the same contract as SQS + DLQ in AWS.
 */
import { Effect, Layer, Queue, Schedule } from "effect"
import { Dispatcher } from "../../domain/dispatcher.js"
import type { InvestigationRequest } from "../../domain/investigation-request.js"
import { DispatchQueue } from "../../ports/dispatch-queue.js"

export interface InProcessQueueOptions {
  /** Retries after the first attempt (SQS maxReceiveCount − 1). */
  readonly retries: number
  readonly concurrency: number
}

export const defaultInProcessQueueOptions: InProcessQueueOptions = { retries: 3, concurrency: 8 }

export const inProcessDispatchQueueLayer = (options: InProcessQueueOptions = defaultInProcessQueueOptions) =>
  Layer.scoped(
    DispatchQueue,
    Effect.gen(function* () {
      const dispatcher = yield* Dispatcher
      const queue = yield* Queue.unbounded<InvestigationRequest>()
      const retry = Schedule.exponential("250 millis").pipe(
        Schedule.jittered,
        Schedule.intersect(Schedule.recurs(options.retries)),
      )
      const work = (request: InvestigationRequest) =>
        dispatcher.dispatch(request).pipe(
          Effect.tapError((e) =>
            Effect.logWarning("dispatch attempt failed").pipe(Effect.annotateLogs({ error: e.message })),
          ),
          Effect.retry(retry),
          Effect.catchAll(() => dispatcher.deadLetter(request)),
          Effect.catchAllCause((cause) => Effect.logError("dispatch worker defect", cause)),
        )
      const semaphore = yield* Effect.makeSemaphore(options.concurrency)
      yield* Queue.take(queue).pipe(
        Effect.flatMap((request) => Effect.forkDaemon(semaphore.withPermits(1)(work(request)))),
        Effect.forever,
        Effect.forkScoped,
      )
      return DispatchQueue.of({ enqueue: (request) => Queue.offer(queue, request).pipe(Effect.asVoid) })
    }),
  )
