/**
 * What the CloudWatch Logs replay holds and how it answers, apart from the wire: the scenario's
 * `cloudwatch:` section decoded with Schema, log groups in ASCII order (as DescribeLogGroups
 * lists them), events in time order, opaque page tokens bound to the request that made them,
 * and Logs Insights queries evaluated at StartQuery and released as Running → Complete (or
 * Cancelled by StopQuery). No clock: the replay's answers depend only on what it was asked.
 */
import { type DateTime, Either, Schema } from "effect"
import { matchesFilterPattern, parseFilterPattern } from "../domain/log-filter-pattern.js"
import { parseInsightsQuery } from "../domain/log-insights-parse.js"
import { formatInsightsTimestamp, type InsightsRow, runInsights } from "../domain/log-insights-run.js"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))

export const CloudWatchScenarioEvent = Schema.Struct({
  timestamp: Schema.DateTimeUtc,
  stream: NonEmpty,
  message: Schema.String,
})

/** The scenario file's `cloudwatch:` section (scenarios/FORMAT.md). */
export const CloudWatchScenario = Schema.Struct({
  region: NonEmpty,
  log_groups: Schema.Array(
    Schema.Struct({
      name: NonEmpty,
      events: Schema.optionalWith(Schema.Array(CloudWatchScenarioEvent), { default: () => [] }),
    }),
  ),
})
export type CloudWatchScenario = typeof CloudWatchScenario.Type

export const decodeCloudWatchScenario = Schema.decodeUnknownEither(CloudWatchScenario, {
  onExcessProperty: "error",
  errors: "all",
})

export interface ReplayLogEvent {
  readonly timestamp: DateTime.Utc
  readonly stream: string
  readonly message: string
}

export interface ReplayLogGroup {
  readonly name: string
  readonly events: ReadonlyArray<ReplayLogEvent>
}

/** An AWS error answer: `__type` names the exception the SDK raises. */
export interface Fault {
  readonly type: string
  readonly message: string
}

export interface StoredEvent {
  readonly group: string
  readonly stream: string
  readonly timestamp: number
  readonly message: string
  readonly eventId: string
}

export interface StoredQuery {
  readonly id: string
  readonly rows: ReadonlyArray<InsightsRow>
  readonly matched: number
  readonly scanned: number
  /** Polls still answered Running. */
  runningPolls: number
  status: "Running" | "Complete" | "Cancelled"
}

export const compareAscii = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export const storeEvents = (groups: ReadonlyArray<ReplayLogGroup>): ReadonlyArray<StoredEvent> =>
  groups
    .flatMap((g, gi) =>
      g.events.map((e, ei) => ({
        group: g.name,
        stream: e.stream,
        timestamp: e.timestamp.epochMillis,
        message: e.message,
        eventId: `${String(gi).padStart(4, "0")}${String(ei).padStart(8, "0")}`,
      })),
    )
    .sort((a, b) => a.timestamp - b.timestamp || compareAscii(a.eventId, b.eventId))

/** Page tokens: the offset, bound to the request's own parameters (another request's token is invalid). */
export const makeToken = (scope: string, offset: number): string =>
  Buffer.from(JSON.stringify({ scope, offset })).toString("base64url")

const TokenBody = Schema.parseJson(Schema.Struct({ scope: Schema.String, offset: Schema.Int }))

export const readToken = (token: string | undefined, scope: string): Either.Either<number, Fault> => {
  if (token === undefined) return Either.right(0)
  const decoded = Schema.decodeUnknownEither(TokenBody)(Buffer.from(token, "base64url").toString("utf8"))
  return Either.isRight(decoded) && decoded.right.scope === scope
    ? Either.right(decoded.right.offset)
    : Either.left({ type: "InvalidParameterException", message: "The specified nextToken is invalid." })
}

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly nextToken: string | undefined
}

export const paginate = <A>(
  items: ReadonlyArray<A>,
  offset: number,
  limit: number,
  scope: string,
): Page<A> => {
  const slice = items.slice(offset, offset + limit)
  const next = offset + slice.length
  return { items: slice, nextToken: next < items.length ? makeToken(scope, next) : undefined }
}

/** DescribeLogGroups' matching: a prefix, or a case-insensitive substring pattern. */
export const selectGroups = (
  names: ReadonlyArray<string>,
  prefix: string | undefined,
  pattern: string | undefined,
): Either.Either<ReadonlyArray<string>, Fault> => {
  if (prefix !== undefined && pattern !== undefined) {
    return Either.left({
      type: "InvalidParameterException",
      message: "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.",
    })
  }
  const needle = pattern?.toLowerCase()
  return Either.right(
    [...names]
      .sort(compareAscii)
      .filter(
        (n) =>
          (prefix === undefined || n.startsWith(prefix)) &&
          (needle === undefined || n.toLowerCase().includes(needle)),
      ),
  )
}

export interface EventSelection {
  readonly group: string
  readonly streams?: ReadonlyArray<string>
  readonly streamPrefix?: string
  readonly startMs?: number
  readonly endMs?: number
  readonly pattern?: string
}

/** FilterLogEvents' matching: group, streams, time range [start, end], filter pattern. */
export const selectEvents = (
  events: ReadonlyArray<StoredEvent>,
  s: EventSelection,
): Either.Either<ReadonlyArray<StoredEvent>, Fault> =>
  Either.map(
    Either.mapLeft(parseFilterPattern(s.pattern ?? ""), (message) => ({
      type: "InvalidParameterException",
      message,
    })),
    (pattern) =>
      events.filter(
        (e) =>
          e.group === s.group &&
          (s.streams === undefined || s.streams.includes(e.stream)) &&
          (s.streamPrefix === undefined || e.stream.startsWith(s.streamPrefix)) &&
          (s.startMs === undefined || e.timestamp >= s.startMs) &&
          (s.endMs === undefined || e.timestamp <= s.endMs) &&
          matchesFilterPattern(pattern, e.message),
      ),
  )

export interface QueryInput {
  readonly id: string
  readonly groups: ReadonlyArray<string>
  readonly startMs: number
  readonly endMs: number
  readonly query: string
  readonly limit: number | undefined
  readonly accountId: string
  readonly runningPolls: number
}

/** StartQuery: parse, evaluate over the groups' events in [start, end]; Left when malformed. */
export const startQuery = (
  events: ReadonlyArray<StoredEvent>,
  q: QueryInput,
): Either.Either<StoredQuery, Fault> =>
  Either.map(
    Either.mapLeft(parseInsightsQuery(q.query), (message) => ({ type: "MalformedQueryException", message })),
    (commands) => {
      const inRange = events.filter(
        (e) => q.groups.includes(e.group) && e.timestamp >= q.startMs && e.timestamp <= q.endMs,
      )
      const records = inRange.map(
        (e): InsightsRow => ({
          "@timestamp": formatInsightsTimestamp(e.timestamp),
          "@message": e.message,
          "@logStream": e.stream,
          "@log": `${q.accountId}:${e.group}`,
          "@ptr": Buffer.from(`${e.group}|${e.eventId}`).toString("base64"),
        }),
      )
      const outcome = runInsights(commands, records)
      const rows = q.limit === undefined ? outcome.rows : outcome.rows.slice(0, q.limit)
      return {
        id: q.id,
        rows,
        matched: outcome.matched,
        scanned: records.length,
        runningPolls: q.runningPolls,
        status: q.runningPolls > 0 ? "Running" : "Complete",
      }
    },
  )

/** A running query's results so far: the first half of its rows (a partial answer, as AWS gives). */
export const partialRows = (q: StoredQuery): ReadonlyArray<InsightsRow> =>
  q.status === "Complete" ? q.rows : q.rows.slice(0, Math.ceil(q.rows.length / 2))

/** One GetQueryResults: a Running query spends one of its running polls, then completes. */
export const pollQuery = (q: StoredQuery): StoredQuery["status"] => {
  if (q.status !== "Running") return q.status
  if (q.runningPolls > 0) {
    q.runningPolls--
    return "Running"
  }
  q.status = "Complete"
  return q.status
}
