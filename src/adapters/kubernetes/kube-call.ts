/**
 * One Kubernetes API call, the way every adapter call must be made: bounded by a concurrency
 * permit, aborted after its own timeout (an AbortSignal handed to client-node's fetch through a
 * per-call middleware, so interrupting the fiber really cancels the request), failures mapped
 * to `ClusterError` at the boundary, and a 429 retried a bounded number of times, waiting what
 * `Retry-After` asks when that fits the cap (else backing off), all on Effect's Clock.
 */
import {
  type ConfigurationOptions,
  Observable,
  type RequestContext,
  type ResponseContext,
} from "@kubernetes/client-node"
import { Clock, Duration, Effect, Ref, Schedule } from "effect"
import { ClusterError } from "../../ports/cluster.js"
import { type CallFailure, failureFrom } from "./kube-errors.js"

export interface CallPolicy {
  /** Abort one attempt after this long. */
  readonly timeoutMs: number
  /** Attempts in all on 429, the first included. */
  readonly maxAttempts: number
  /** First backoff when a 429 names no wait; doubles, jittered. */
  readonly baseDelayMs: number
  /** A Retry-After longer than this is not waited for: the call fails `throttled`. */
  readonly maxRetryAfterMs: number
}

export const defaultCallPolicy = (timeoutMs = 5000): CallPolicy => ({
  timeoutMs,
  maxAttempts: 3,
  baseDelayMs: 250,
  maxRetryAfterMs: 5000,
})

/** Per-call client-node options: the abort signal, plus any query tweak (e.g. `sinceTime`). */
const optionsFor = (signal: AbortSignal, tweak?: (ctx: RequestContext) => void): ConfigurationOptions => ({
  middleware: [
    {
      pre: (ctx: RequestContext) => {
        ctx.setSignal(signal)
        tweak?.(ctx)
        return new Observable(Promise.resolve(ctx))
      },
      post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
    },
  ],
  middlewareMergeStrategy: "append",
})

export type KubeCall = <A>(
  label: string,
  run: (options: ConfigurationOptions) => Promise<A>,
  tweak?: (ctx: RequestContext) => void,
) => Effect.Effect<A, ClusterError>

const retrySchedule = (label: string, policy: CallPolicy) =>
  Schedule.exponential(Duration.millis(policy.baseDelayMs), 2).pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(Math.max(0, policy.maxAttempts - 1))),
    Schedule.intersect(Schedule.identity<CallFailure>()),
    Schedule.whileInput(
      (f: CallFailure) => f.error.reason === "throttled" && (f.retryAfterMs ?? 0) <= policy.maxRetryAfterMs,
    ),
    Schedule.modifyDelayEffect(([, failure], backoff) => {
      const delay = failure.retryAfterMs === undefined ? backoff : Duration.millis(failure.retryAfterMs)
      return Effect.logDebug("kubernetes call throttled, retrying").pipe(
        Effect.annotateLogs({ call: label, delayMs: Duration.toMillis(delay) }),
        Effect.as(delay),
      )
    }),
  )

/** A caller sharing one concurrency bound across every call made through it. */
export const makeKubeCall = (policy: CallPolicy, concurrency: number): Effect.Effect<KubeCall> =>
  Effect.map(Effect.makeSemaphore(Math.max(1, concurrency)), (permits) => {
    const call: KubeCall = (label, run, tweak) =>
      Effect.gen(function* () {
        const attempts = yield* Ref.make(0)
        const attempt = Ref.update(attempts, (n) => n + 1).pipe(
          Effect.zipRight(
            Effect.tryPromise({ try: (signal) => run(optionsFor(signal, tweak)), catch: (e) => e }).pipe(
              Effect.catchAll((e) =>
                Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.fail(failureFrom(e, label, now))),
              ),
              Effect.timeoutFail({
                duration: Duration.millis(policy.timeoutMs),
                onTimeout: (): CallFailure => ({
                  error: new ClusterError({
                    reason: "unavailable",
                    message: `${label}: no answer within ${policy.timeoutMs} ms`,
                  }),
                }),
              }),
              permits.withPermits(1),
            ),
          ),
        )
        return yield* attempt.pipe(
          Effect.retry(retrySchedule(label, policy)),
          Effect.catchAll((failure) =>
            Effect.flatMap(Ref.get(attempts), (n) =>
              Effect.fail(
                n > 1
                  ? new ClusterError({
                      reason: failure.error.reason,
                      message: `${failure.error.message} (after ${n} attempts)`,
                    })
                  : failure.error,
              ),
            ),
          ),
        )
      }).pipe(Effect.withSpan("Cluster.call", { attributes: { call: label } }))
    return call
  })
