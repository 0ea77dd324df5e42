/**
 * One Logs Insights query, start to answer, bounded by when the agent must answer: polled on a
 * Schedule (500 ms, doubling, then every 2 s) on Effect's Clock, never a blocking sleep (W19);
 * a throttled poll is a missed poll, not a failure; at the bound the query is stopped
 * (StopQuery, so it stops costing) and whatever rows it had are returned as partial, so a slow
 * query still yields evidence instead of nothing.
 */
import { Clock, Duration, Effect, Option, Ref, Schedule } from "effect"
import {
  isFinished,
  LogSourceError,
  type LogSourceService,
  type QueryResults,
  type QueryStatus,
  type StartQueryRequest,
} from "../../ports/log-source.js"

export interface QueryOutcome {
  readonly queryId: string
  /** The query's last status; `Running`/`Scheduled`/`Unknown` when we stopped it at the bound. */
  readonly status: QueryStatus
  /** We stopped it at the bound (its rows are partial). */
  readonly stopped: boolean
  readonly rows: QueryResults["rows"]
  readonly recordsMatched: number | null
  readonly polls: number
}

/** 500 ms, 1 s, 2 s, 2 s, …: quick for the common small query, gentle for a long one. */
export const pollSchedule = Schedule.exponential(Duration.millis(500), 2).pipe(
  Schedule.union(Schedule.spaced(Duration.seconds(2))),
)

/** How long a StopQuery or the last fetch after it may take. */
const closingMs = 1500

const pending: QueryResults = { status: "Running", rows: [], recordsMatched: null, recordsScanned: null }

/** Start `request` and poll it until it finishes or `answerByMs` (epoch ms) comes. */
export const runInsightsQuery = (
  source: LogSourceService,
  request: StartQueryRequest,
  answerByMs: number,
): Effect.Effect<QueryOutcome, LogSourceError> =>
  Effect.gen(function* () {
    const untilBound = Duration.millis(Math.max(0, answerByMs - (yield* Clock.currentTimeMillis)))
    const queryId = yield* source.startQuery(request).pipe(
      Effect.timeoutFail({
        duration: untilBound,
        onTimeout: () =>
          new LogSourceError({
            reason: "unavailable",
            message: "StartQuery did not answer before the report was due",
          }),
      }),
    )
    const last = yield* Ref.make<QueryResults>(pending)
    const polls = yield* Ref.make(0)
    const poll = source.getQueryResults(queryId).pipe(
      Effect.catchIf(
        (e) => e.reason === "throttled",
        () => Ref.get(last),
      ),
      Effect.tap((r) => Ref.set(last, r)),
      Effect.zipLeft(Ref.update(polls, (n) => n + 1)),
    )
    const budgetMs = answerByMs - (yield* Clock.currentTimeMillis)
    const finished = yield* poll.pipe(
      Effect.repeat(pollSchedule.pipe(Schedule.whileInput((r: QueryResults) => !isFinished(r.status)))),
      Effect.timeoutOption(Duration.millis(Math.max(0, budgetMs))),
    )
    if (Option.isSome(finished)) {
      const r = yield* Ref.get(last)
      return {
        queryId,
        status: r.status,
        stopped: false,
        rows: r.rows,
        recordsMatched: r.recordsMatched,
        polls: yield* Ref.get(polls),
      }
    }
    const seen = yield* Ref.get(last)
    yield* source.stopQuery(queryId).pipe(Effect.timeoutOption(Duration.millis(closingMs)), Effect.ignore)
    const final = yield* source.getQueryResults(queryId).pipe(
      Effect.timeoutOption(Duration.millis(closingMs)),
      Effect.orElseSucceed(() => Option.none<QueryResults>()),
    )
    const best = Option.match(final, {
      onNone: () => seen,
      onSome: (f) => (f.rows.length >= seen.rows.length ? f : seen),
    })
    return {
      queryId,
      status: seen.status,
      stopped: true,
      rows: best.rows,
      recordsMatched: best.recordsMatched,
      polls: yield* Ref.get(polls),
    }
  })
