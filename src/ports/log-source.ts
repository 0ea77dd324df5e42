/**
 * LogSource: CloudWatch Logs as the logs agent sees it — discover log groups a page at a time,
 * run a Logs Insights query (start, poll, stop), read raw events, and link a reader to the
 * console. One tagged error with a `reason`, so the agent can tell "this deployment has no AWS
 * access" (unhealthy) from "this request was refused" (error) from "try again" (throttled).
 * Times are epoch milliseconds; the adapter converts to what each API takes.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { insightsConsoleUrl } from "../domain/log-console-link.js"

export const LogSourceFailure = Schema.Literal(
  "not_configured",
  "forbidden",
  "not_found",
  "throttled",
  /** The request itself was refused as invalid (a malformed query, bad parameters). */
  "invalid",
  "unavailable",
)
export type LogSourceFailure = typeof LogSourceFailure.Type

export class LogSourceError extends Schema.TaggedError<LogSourceError>()("LogSourceError", {
  reason: LogSourceFailure,
  message: Schema.String,
}) {}

export interface DescribeLogGroupsRequest {
  /** Names starting with this (mutually exclusive with `pattern`). */
  readonly prefix?: string
  /** Names containing this. */
  readonly pattern?: string
  /** Page size, 1..50. */
  readonly limit?: number
  readonly nextToken?: string
}

export interface LogGroupInfo {
  readonly name: string
  readonly arn: string | null
  readonly creationTime: number | null
}

export interface LogGroupPage {
  readonly groups: ReadonlyArray<LogGroupInfo>
  readonly nextToken: string | null
}

export interface StartQueryRequest {
  readonly logGroups: ReadonlyArray<string>
  readonly startMs: number
  readonly endMs: number
  readonly query: string
}

export const QueryStatus = Schema.Literal(
  "Scheduled",
  "Running",
  "Complete",
  "Failed",
  "Cancelled",
  "Timeout",
  "Unknown",
)
export type QueryStatus = typeof QueryStatus.Type

export interface QueryResults {
  readonly status: QueryStatus
  /** One map per result row: field → value (`@timestamp`, `@message`, `@logStream`, `@log`, …). */
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>
  readonly recordsMatched: number | null
  readonly recordsScanned: number | null
}

export const isFinished = (status: QueryStatus): boolean =>
  status === "Complete" || status === "Failed" || status === "Cancelled" || status === "Timeout"

export interface FilterLogEventsRequest {
  readonly logGroup: string
  readonly startMs?: number
  readonly endMs?: number
  /** CloudWatch filter pattern syntax (terms, "phrases", ?alternatives). */
  readonly pattern?: string
  readonly limit?: number
  readonly nextToken?: string
}

export interface LogEvent {
  readonly timestamp: number
  readonly logStream: string
  readonly message: string
}

export interface LogEventPage {
  readonly events: ReadonlyArray<LogEvent>
  readonly nextToken: string | null
}

export interface ConsoleLinkRequest {
  readonly logGroups: ReadonlyArray<string>
  readonly query: string
  readonly startMs: number
  readonly endMs: number
}

export interface LogSourceService {
  /** The region this source reads (for links and for telling the alert's region apart). */
  readonly region: string
  readonly describeLogGroups: (
    request: DescribeLogGroupsRequest,
  ) => Effect.Effect<LogGroupPage, LogSourceError>
  /** Starts a Logs Insights query; answers its id. */
  readonly startQuery: (request: StartQueryRequest) => Effect.Effect<string, LogSourceError>
  readonly getQueryResults: (queryId: string) => Effect.Effect<QueryResults, LogSourceError>
  /** Stops a running query; false when it had already finished. */
  readonly stopQuery: (queryId: string) => Effect.Effect<boolean, LogSourceError>
  readonly filterLogEvents: (request: FilterLogEventsRequest) => Effect.Effect<LogEventPage, LogSourceError>
  /** The Logs Insights console deep link for a query over these groups and times. */
  readonly consoleUrl: (request: ConsoleLinkRequest) => string
}

export class LogSource extends Context.Tag("sre-on-call/LogSource")<LogSource, LogSourceService>() {}

export const notConfiguredMessage = "no AWS credentials or region configured"

/** A LogSource that answers every call `not_configured` (the agent then reports `unhealthy`). */
export const notConfiguredLogSource = (
  message: string = notConfiguredMessage,
  region = "",
): LogSourceService => {
  const refuse = () => Effect.fail(new LogSourceError({ reason: "not_configured", message }))
  return {
    region,
    describeLogGroups: refuse,
    startQuery: refuse,
    getQueryResults: refuse,
    stopQuery: refuse,
    filterLogEvents: refuse,
    consoleUrl: (r) => insightsConsoleUrl({ region: region === "" ? "us-east-1" : region, ...r }),
  }
}

export const notConfiguredLogSourceLayer = (message: string = notConfiguredMessage): Layer.Layer<LogSource> =>
  Layer.succeed(LogSource, notConfiguredLogSource(message))
