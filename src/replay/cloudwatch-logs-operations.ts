/**
 * The CloudWatch Logs replay's operations, one pure-ish handler per API call: decode the JSON
 * 1.1 input with Schema, validate it as CloudWatch does (limits, mutually exclusive prefix and
 * pattern, page tokens bound to their request, existing log groups), answer the output shape
 * or a Fault (`__type` + message). Queries live in `env.queries`; nothing reads a clock.
 */
import { Either, Schema } from "effect"
import {
  type Fault,
  paginate,
  partialRows,
  pollQuery,
  readToken,
  type StoredEvent,
  type StoredQuery,
  selectEvents,
  selectGroups,
  startQuery,
} from "./cloudwatch-logs-state.js"

export interface OperationsEnv {
  readonly region: string
  readonly accountId: string
  /** Log group names in the scenario. */
  readonly names: ReadonlyArray<string>
  readonly events: ReadonlyArray<StoredEvent>
  readonly queries: Map<string, StoredQuery>
  /** Running polls for queries started from now on. */
  readonly settings: { runningPolls: number }
}

export type Operation = (input: unknown) => Either.Either<object, Fault>

const Str = Schema.optional(Schema.String)
const Num = Schema.optional(Schema.Number)
const Strings = Schema.optional(Schema.Array(Schema.String))

const DescribeInput = Schema.Struct({
  logGroupNamePrefix: Str,
  logGroupNamePattern: Str,
  nextToken: Str,
  limit: Num,
})
const FilterInput = Schema.Struct({
  logGroupName: Str,
  logGroupIdentifier: Str,
  logStreamNames: Strings,
  logStreamNamePrefix: Str,
  startTime: Num,
  endTime: Num,
  filterPattern: Str,
  limit: Num,
  nextToken: Str,
})
const StartInput = Schema.Struct({
  logGroupName: Str,
  logGroupNames: Strings,
  logGroupIdentifiers: Strings,
  startTime: Schema.Number,
  endTime: Schema.Number,
  queryString: Schema.String,
  limit: Num,
})
const QueryIdInput = Schema.Struct({ queryId: Schema.String })

const invalid = (message: string): Fault => ({ type: "InvalidParameterException", message })

const decode = <A, I>(schema: Schema.Schema<A, I>, body: unknown): Either.Either<A, Fault> =>
  Either.mapLeft(Schema.decodeUnknownEither(schema)(body), (e) =>
    invalid(e.message.split("\n")[0] ?? "invalid input"),
  )

/** A group named by `arn:…:log-group:<name>[:*]` or by its name. */
const groupName = (identifier: string): string =>
  /^arn:[^:]+:logs:[^:]*:\d*:log-group:(.+?)(?::\*)?$/.exec(identifier)?.[1] ?? identifier

const inRange = (limit: number | undefined, max: number): Either.Either<number, Fault> =>
  limit === undefined
    ? Either.right(max)
    : Number.isInteger(limit) && limit >= 1 && limit <= max
      ? Either.right(limit)
      : Either.left(invalid(`limit must be between 1 and ${max}`))

export const makeOperations = (env: OperationsEnv): Readonly<Record<string, Operation>> => {
  const { accountId, names, events, queries, settings } = env
  const arn = (name: string) => `arn:aws:logs:${env.region}:${accountId}:log-group:${name}`
  const missing = (name: string): Fault => ({
    type: "ResourceNotFoundException",
    message: `The specified log group does not exist: ${name}`,
  })
  return {
    DescribeLogGroups: (input) =>
      Either.gen(function* () {
        const r = yield* decode(DescribeInput, input)
        const limit = yield* inRange(r.limit, 50)
        const matched = yield* selectGroups(names, r.logGroupNamePrefix, r.logGroupNamePattern)
        const scope = `dlg|${r.logGroupNamePrefix ?? ""}|${r.logGroupNamePattern ?? ""}`
        const page = paginate(matched, yield* readToken(r.nextToken, scope), limit, scope)
        const full = r.logGroupNamePattern === undefined
        return {
          logGroups: page.items.map((name) => ({
            logGroupName: name,
            creationTime: 1_700_000_000_000,
            arn: `${arn(name)}:*`,
            ...(full ? { logGroupArn: arn(name), metricFilterCount: 0, storedBytes: 0 } : {}),
          })),
          ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
        }
      }),
    FilterLogEvents: (input) =>
      Either.gen(function* () {
        const r = yield* decode(FilterInput, input)
        const id = r.logGroupName ?? r.logGroupIdentifier
        if (id === undefined)
          return yield* Either.left(invalid("logGroupName or logGroupIdentifier is required"))
        const group = groupName(id)
        if (!names.includes(group)) return yield* Either.left(missing(group))
        const limit = yield* inRange(r.limit, 10_000)
        const selected = yield* selectEvents(events, {
          group,
          ...(r.logStreamNames === undefined ? {} : { streams: r.logStreamNames }),
          ...(r.logStreamNamePrefix === undefined ? {} : { streamPrefix: r.logStreamNamePrefix }),
          ...(r.startTime === undefined ? {} : { startMs: r.startTime }),
          ...(r.endTime === undefined ? {} : { endMs: r.endTime }),
          ...(r.filterPattern === undefined ? {} : { pattern: r.filterPattern }),
        })
        const scope = `fle|${group}|${r.filterPattern ?? ""}|${r.startTime ?? ""}|${r.endTime ?? ""}`
        const page = paginate(selected, yield* readToken(r.nextToken, scope), limit, scope)
        return {
          events: page.items.map((e) => ({
            logStreamName: e.stream,
            timestamp: e.timestamp,
            message: e.message,
            ingestionTime: e.timestamp + 1000,
            eventId: e.eventId,
          })),
          searchedLogStreams: [...new Set(selected.map((e) => e.stream))].map((s) => ({
            logStreamName: s,
            searchedCompletely: true,
          })),
          ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
        }
      }),
    StartQuery: (input) =>
      Either.gen(function* () {
        const r = yield* decode(StartInput, input)
        const groups = [
          ...(r.logGroupName === undefined ? [] : [r.logGroupName]),
          ...(r.logGroupNames ?? []),
          ...(r.logGroupIdentifiers ?? []).map(groupName),
        ]
        if (groups.length === 0) return yield* Either.left(invalid("no log group given"))
        const absent = groups.find((g) => !names.includes(g))
        if (absent !== undefined) return yield* Either.left(missing(absent))
        if (r.endTime < r.startTime) return yield* Either.left(invalid("endTime is before startTime"))
        const id = `0b5e7a1c-0000-4000-8000-${(queries.size + 1).toString(16).padStart(12, "0")}`
        const query = yield* startQuery(events, {
          id,
          groups,
          startMs: r.startTime * 1000,
          endMs: r.endTime * 1000 + 999,
          query: r.queryString,
          limit: r.limit,
          accountId,
          runningPolls: settings.runningPolls,
        })
        queries.set(id, query)
        return { queryId: id }
      }),
    GetQueryResults: (input) =>
      Either.gen(function* () {
        const r = yield* decode(QueryIdInput, input)
        const q = queries.get(r.queryId)
        if (q === undefined)
          return yield* Either.left({ type: "ResourceNotFoundException", message: "Query not found" })
        const status = pollQuery(q)
        const rows = partialRows(q)
        return {
          queryLanguage: "CWLI",
          results: rows.map((row) => Object.entries(row).map(([field, value]) => ({ field, value }))),
          statistics: {
            recordsMatched: status === "Complete" ? q.matched : rows.length,
            recordsScanned: q.scanned,
            bytesScanned: 0,
          },
          status,
        }
      }),
    StopQuery: (input) =>
      Either.gen(function* () {
        const r = yield* decode(QueryIdInput, input)
        const q = queries.get(r.queryId)
        if (q === undefined)
          return yield* Either.left({ type: "ResourceNotFoundException", message: "Query not found" })
        const running = q.status === "Running"
        if (running) q.status = "Cancelled"
        return { success: running }
      }),
  }
}
