/**
 * LogSource over `@aws-sdk/client-cloudwatch-logs`: one client per layer, every call bounded by
 * its own timeout (interrupting it aborts the request), throttling and transient failures
 * retried on a jittered, bounded Schedule (the SDK's own retries are off), answers decoded with
 * Schema rather than trusted, and SDK exceptions mapped to LogSourceError's reasons.
 */
import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs"
import { Duration, Effect, Layer, Schedule, Schema, type Scope } from "effect"
import { insightsConsoleUrl } from "../../domain/log-console-link.js"
import { LogSource, LogSourceError, type LogSourceService, QueryStatus } from "../../ports/log-source.js"
import {
  type CloudWatchLogsClientOptions,
  cloudWatchLogsClient,
  defaultTimeoutMs,
} from "./cloudwatch-logs-client.js"
import { logSourceErrorFrom } from "./log-source-error.js"

export interface CloudWatchLogSourceOptions extends CloudWatchLogsClientOptions {
  /** Attempts in all for throttled or unavailable calls (default 3). */
  readonly maxAttempts?: number
  /** First backoff delay, doubled per retry and jittered (default 250 ms). */
  readonly baseDelayMs?: number
}

const Str = Schema.optional(Schema.NullOr(Schema.String))
const Num = Schema.optional(Schema.NullOr(Schema.Number))

const DescribeOutput = Schema.Struct({
  logGroups: Schema.optional(
    Schema.Array(Schema.Struct({ logGroupName: Str, arn: Str, logGroupArn: Str, creationTime: Num })),
  ),
  nextToken: Str,
})
const StartOutput = Schema.Struct({ queryId: Schema.String })
const ResultsOutput = Schema.Struct({
  status: Str,
  results: Schema.optional(Schema.Array(Schema.Array(Schema.Struct({ field: Str, value: Str })))),
  statistics: Schema.optional(Schema.Struct({ recordsMatched: Num, recordsScanned: Num })),
})
const StopOutput = Schema.Struct({ success: Schema.optional(Schema.Boolean) })
const FilterOutput = Schema.Struct({
  events: Schema.optional(Schema.Array(Schema.Struct({ logStreamName: Str, timestamp: Num, message: Str }))),
  nextToken: Str,
})

const statusOf = (s: string | null | undefined): QueryStatus => (Schema.is(QueryStatus)(s) ? s : "Unknown")

const orNull = <A>(v: A | null | undefined): A | null => v ?? null

export const makeCloudWatchLogSource = (
  options: CloudWatchLogSourceOptions,
): Effect.Effect<LogSourceService, never, Scope.Scope> =>
  Effect.gen(function* () {
    const client: CloudWatchLogsClient = yield* cloudWatchLogsClient(options)
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
    const retry = Schedule.exponential(Duration.millis(options.baseDelayMs ?? 250), 2).pipe(
      Schedule.jittered,
      Schedule.intersect(Schedule.recurs(Math.max(0, (options.maxAttempts ?? 3) - 1))),
      Schedule.whileInput((e: LogSourceError) => e.reason === "throttled" || e.reason === "unavailable"),
    )

    const call = <A, I>(
      operation: string,
      output: Schema.Schema<A, I>,
      send: (signal: AbortSignal) => Promise<unknown>,
    ): Effect.Effect<A, LogSourceError> =>
      Effect.tryPromise({ try: send, catch: (e) => logSourceErrorFrom(operation, e) }).pipe(
        Effect.timeoutFail({
          duration: Duration.millis(timeoutMs),
          onTimeout: () =>
            new LogSourceError({
              reason: "unavailable",
              message: `CloudWatch Logs ${operation}: no answer within ${timeoutMs} ms`,
            }),
        }),
        Effect.retry(retry),
        Effect.flatMap((raw) =>
          Schema.decodeUnknown(output)(raw).pipe(
            Effect.mapError(
              () =>
                new LogSourceError({
                  reason: "unavailable",
                  message: `CloudWatch Logs ${operation} answered in an unexpected shape`,
                }),
            ),
          ),
        ),
        Effect.withSpan(`LogSource.${operation}`),
      )

    const service: LogSourceService = {
      region: options.region,
      describeLogGroups: (r) =>
        call("DescribeLogGroups", DescribeOutput, (abortSignal) =>
          client.send(
            new DescribeLogGroupsCommand({
              ...(r.prefix === undefined ? {} : { logGroupNamePrefix: r.prefix }),
              ...(r.pattern === undefined ? {} : { logGroupNamePattern: r.pattern }),
              ...(r.limit === undefined ? {} : { limit: r.limit }),
              ...(r.nextToken === undefined ? {} : { nextToken: r.nextToken }),
            }),
            { abortSignal },
          ),
        ).pipe(
          Effect.map((out) => ({
            groups: (out.logGroups ?? []).flatMap((g) =>
              g.logGroupName == null
                ? []
                : [
                    {
                      name: g.logGroupName,
                      arn: orNull(g.arn ?? g.logGroupArn),
                      creationTime: orNull(g.creationTime),
                    },
                  ],
            ),
            nextToken: orNull(out.nextToken),
          })),
        ),
      startQuery: (r) =>
        call("StartQuery", StartOutput, (abortSignal) =>
          client.send(
            new StartQueryCommand({
              logGroupNames: [...r.logGroups],
              startTime: Math.floor(r.startMs / 1000),
              endTime: Math.ceil(r.endMs / 1000),
              queryString: r.query,
            }),
            { abortSignal },
          ),
        ).pipe(Effect.map((out) => out.queryId)),
      getQueryResults: (queryId) =>
        call("GetQueryResults", ResultsOutput, (abortSignal) =>
          client.send(new GetQueryResultsCommand({ queryId }), { abortSignal }),
        ).pipe(
          Effect.map((out) => ({
            status: statusOf(out.status),
            rows: (out.results ?? []).map((row) => {
              const fields: Record<string, string> = {}
              for (const { field, value } of row) if (field != null && value != null) fields[field] = value
              return fields
            }),
            recordsMatched: orNull(out.statistics?.recordsMatched),
            recordsScanned: orNull(out.statistics?.recordsScanned),
          })),
        ),
      stopQuery: (queryId) =>
        call("StopQuery", StopOutput, (abortSignal) =>
          client.send(new StopQueryCommand({ queryId }), { abortSignal }),
        ).pipe(Effect.map((out) => out.success ?? false)),
      filterLogEvents: (r) =>
        call("FilterLogEvents", FilterOutput, (abortSignal) =>
          client.send(
            new FilterLogEventsCommand({
              logGroupName: r.logGroup,
              ...(r.startMs === undefined ? {} : { startTime: r.startMs }),
              ...(r.endMs === undefined ? {} : { endTime: r.endMs }),
              ...(r.pattern === undefined ? {} : { filterPattern: r.pattern }),
              ...(r.limit === undefined ? {} : { limit: r.limit }),
              ...(r.nextToken === undefined ? {} : { nextToken: r.nextToken }),
            }),
            { abortSignal },
          ),
        ).pipe(
          Effect.map((out) => ({
            events: (out.events ?? []).flatMap((e) =>
              e.timestamp == null || e.message == null
                ? []
                : [{ timestamp: e.timestamp, logStream: e.logStreamName ?? "", message: e.message }],
            ),
            nextToken: orNull(out.nextToken),
          })),
        ),
      consoleUrl: (r) => insightsConsoleUrl({ region: options.region, ...r }),
    }
    return service
  })

/** LogSource for CloudWatch Logs in `region` (or a replay at `endpoint`). */
export const cloudWatchLogSourceLayer = (options: CloudWatchLogSourceOptions): Layer.Layer<LogSource> =>
  Layer.scoped(LogSource, makeCloudWatchLogSource(options))
