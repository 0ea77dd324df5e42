/**
 * The one way adapters call HTTP: global `fetch` wrapped in Effect. Every attempt has its own
 * timeout (interrupting the attempt aborts the request through its AbortSignal) and the whole
 * call has a deadline, so no outbound call can hold a webhook past its budget. Network errors,
 * timeouts and 5xx are retried with jittered exponential backoff; a 429 waits exactly what the
 * server asked for when that fits the remaining budget and fails `rate_limited` otherwise; other
 * 4xx are never retried. All waiting goes through Effect's Clock (TestClock drives it in tests).
 * Logs name the call by its label and never carry URLs, bodies or headers.
 */
import { Clock, Data, Duration, Effect, Option, Ref, Schedule, Schema } from "effect"
import { HttpCallError, type HttpFailureReason, snippet } from "./http-call-error.js"
import { retryAfterFromHeaders } from "./retry-after.js"

export interface HttpRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Names the call in logs and errors instead of the URL (which may carry a credential). */
  readonly label: string
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

export interface RetryPolicy {
  /** Abort one attempt after this long. */
  readonly timeoutMs: number
  /** Give up on the whole call (attempts and waits) after this long. */
  readonly deadlineMs: number
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number
  /** First backoff delay; doubles per retry, jittered ×0.8–1.2. */
  readonly baseDelayMs: number
  /** Reads a 429's wait in ms (default: the Retry-After header). */
  readonly retryAfterMs?: (response: HttpResponse, nowMs: number) => number | undefined
}

/** Three attempts within three times the per-attempt timeout. */
export const defaultRetryPolicy = (timeoutMs: number): RetryPolicy => ({
  timeoutMs,
  deadlineMs: timeoutMs * 3,
  maxAttempts: 3,
  baseDelayMs: 250,
})

/** One failed attempt, and whether another one may follow (and after how long). */
class AttemptFailed extends Data.TaggedError("AttemptFailed")<{
  readonly reason: HttpFailureReason
  readonly message: string
  readonly status?: number
  readonly bodySnippet?: string
  readonly retriable: boolean
  /** The server's requested wait (429), replacing the backoff delay. */
  readonly waitMs?: number
}> {}

const NetworkCause = Schema.Struct({ cause: Schema.Struct({ code: Schema.String }) })
const networkCode = (error: unknown): string =>
  Option.match(Schema.decodeUnknownOption(NetworkCause)(error), {
    onNone: () => (error instanceof Error ? error.name : "unknown"),
    onSome: (e) => e.cause.code,
  })

const send = (request: HttpRequest) =>
  Effect.tryPromise({
    try: async (signal): Promise<HttpResponse> => {
      const init: RequestInit = { method: request.method, signal }
      if (request.headers !== undefined) init.headers = { ...request.headers }
      if (request.body !== undefined) init.body = request.body
      const response = await fetch(request.url, init)
      const body = await response.text()
      return { status: response.status, headers: response.headers, body }
    },
    catch: (error) =>
      new AttemptFailed({
        reason: "network",
        message: `${request.label}: network error (${networkCode(error)})`,
        retriable: true,
      }),
  })

const attempt = (request: HttpRequest, policy: RetryPolicy, deadlineAt: number) =>
  Effect.gen(function* () {
    const response = yield* send(request).pipe(
      Effect.timeoutFail({
        duration: Duration.millis(policy.timeoutMs),
        onTimeout: () =>
          new AttemptFailed({
            reason: "timeout",
            message: `${request.label}: no answer within ${policy.timeoutMs} ms`,
            retriable: true,
          }),
      }),
    )
    const { status } = response
    if (status >= 200 && status < 300) return response
    const bodySnippet = snippet(response.body)
    if (status === 429) {
      const now = yield* Clock.currentTimeMillis
      const waitMs = (policy.retryAfterMs ?? ((r, n) => retryAfterFromHeaders(r.headers, n)))(response, now)
      const fits = waitMs === undefined || now + waitMs < deadlineAt
      const asked =
        waitMs === undefined ? "" : ` (retry after ${waitMs} ms${fits ? "" : ", beyond the budget"})`
      return yield* new AttemptFailed({
        reason: "rate_limited",
        message: `${request.label}: rate limited${asked}`,
        status,
        bodySnippet,
        retriable: fits,
        ...(waitMs === undefined ? {} : { waitMs }),
      })
    }
    return yield* new AttemptFailed({
      reason: "status",
      message: `${request.label}: HTTP ${status}`,
      status,
      bodySnippet,
      retriable: status >= 500,
    })
  })

const retrySchedule = (request: HttpRequest, policy: RetryPolicy) =>
  Schedule.exponential(Duration.millis(policy.baseDelayMs), 2).pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(Math.max(0, policy.maxAttempts - 1))),
    Schedule.intersect(Schedule.identity<AttemptFailed>()),
    Schedule.whileInput((failure: AttemptFailed) => failure.retriable),
    Schedule.modifyDelayEffect(([[, retry], failure], backoff) => {
      const delay = failure.waitMs === undefined ? backoff : Duration.millis(failure.waitMs)
      return Effect.logDebug("http call retry").pipe(
        Effect.annotateLogs({
          call: request.label,
          retry: retry + 1,
          reason: failure.reason,
          status: failure.status ?? null,
          retryAfterMs: failure.waitMs ?? null,
          delayMs: Duration.toMillis(delay),
        }),
        Effect.as(delay),
      )
    }),
  )

const toError = (failure: AttemptFailed, label: string, attempts: number): HttpCallError =>
  new HttpCallError({
    reason: failure.reason,
    label,
    attempts,
    message: attempts > 1 ? `${failure.message} (after ${attempts} attempts)` : failure.message,
    ...(failure.status === undefined ? {} : { status: failure.status }),
    ...(failure.bodySnippet === undefined ? {} : { bodySnippet: failure.bodySnippet }),
  })

/** Call once, retrying per `policy`; succeeds only with a 2xx response. */
export const httpCall = (
  request: HttpRequest,
  policy: RetryPolicy,
): Effect.Effect<HttpResponse, HttpCallError> =>
  Effect.gen(function* () {
    const startedAt = yield* Clock.currentTimeMillis
    const deadlineAt = startedAt + policy.deadlineMs
    const attempts = yield* Ref.make(0)
    const last = yield* Ref.make(Option.none<AttemptFailed>())
    const counted = Ref.update(attempts, (n) => n + 1).pipe(
      Effect.zipRight(attempt(request, policy, deadlineAt)),
      Effect.tapError((failure) => Ref.set(last, Option.some(failure))),
    )
    const outcome = yield* counted.pipe(
      Effect.retry(retrySchedule(request, policy)),
      Effect.timeoutOption(Duration.millis(policy.deadlineMs)),
      Effect.either,
    )
    const n = yield* Ref.get(attempts)
    if (outcome._tag === "Left") return yield* toError(outcome.left, request.label, n)
    if (Option.isSome(outcome.right)) return outcome.right.value
    const previous = yield* Ref.get(last)
    const lastWords = Option.match(previous, { onNone: () => "", onSome: (f) => `; last: ${f.message}` })
    return yield* new HttpCallError({
      reason: "timeout",
      label: request.label,
      attempts: n,
      message: `${request.label}: deadline of ${policy.deadlineMs} ms reached after ${n} attempt(s)${lastWords}`,
      ...Option.match(previous, {
        onNone: () => ({}),
        onSome: (f) => ({
          ...(f.status === undefined ? {} : { status: f.status }),
          ...(f.bodySnippet === undefined ? {} : { bodySnippet: f.bodySnippet }),
        }),
      }),
    })
  })
