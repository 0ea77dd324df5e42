/**
 * CloudWatch Logs on loopback, speaking the AWS JSON 1.1 protocol the SDK uses (`X-Amz-Target:
 * Logs_20140328.<Operation>`, `application/x-amz-json-1.1`, errors `{__type, message}` with
 * status 400 that the SDK maps to its typed exceptions): DescribeLogGroups, FilterLogEvents,
 * StartQuery / GetQueryResults / StopQuery over a scenario's `cloudwatch:` section. Tests can
 * keep queries Running for N polls, make the next calls throttle or fail, and read every
 * request back, so the real `@aws-sdk/client-cloudwatch-logs` adapter runs against it.
 */
import { Effect, Either, type Scope } from "effect"
import { type Context, Hono } from "hono"
import { makeOperations } from "./cloudwatch-logs-operations.js"
import { type Fault, type ReplayLogGroup, type StoredQuery, storeEvents } from "./cloudwatch-logs-state.js"
import { makeFaultPlan } from "./fault-plan-state.js"
import { makeRequestLog, type RecordedRequest } from "./request-log-state.js"
import { serveLoopback } from "./serve.js"

export interface CloudWatchLogsReplayOptions {
  readonly region: string
  readonly logGroups: ReadonlyArray<ReplayLogGroup>
  readonly accountId?: string
}

/** The replay's options from a scenario's decoded `cloudwatch:` section. */
export const replayOptionsFromScenario = (section: {
  readonly region: string
  readonly log_groups: ReadonlyArray<ReplayLogGroup>
}): CloudWatchLogsReplayOptions => ({ region: section.region, logGroups: section.log_groups })

export type CloudWatchLogsOperation =
  | "DescribeLogGroups"
  | "FilterLogEvents"
  | "StartQuery"
  | "GetQueryResults"
  | "StopQuery"

export interface CloudWatchLogsReplay {
  readonly url: string
  readonly region: string
  readonly requests: () => ReadonlyArray<RecordedRequest>
  readonly awaitRequests: (count: number, operation?: string) => Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** The next `count` calls to `operation` answer ThrottlingException. */
  readonly throttleNext: (operation: CloudWatchLogsOperation, count: number) => void
  /** The next `count` calls to `operation` answer this exception (`AccessDeniedException`, …). */
  readonly failNext: (operation: CloudWatchLogsOperation, fault: Fault, count?: number) => void
  /** Queries started from now on answer Running to their first `polls` GetQueryResults (Infinity: never complete). */
  readonly queryRunningPolls: (polls: number) => void
  /** Queries started so far, by id, with their current status. */
  readonly queries: () => ReadonlyArray<{ readonly id: string; readonly status: StoredQuery["status"] }>
}

const json11 = { "content-type": "application/x-amz-json-1.1" }
const answer = (c: Context, body: object) => c.body(JSON.stringify(body), 200, json11)
const fault = (c: Context, f: Fault) =>
  c.body(JSON.stringify({ __type: f.type, message: f.message }), 400, json11)

export const makeCloudWatchLogsReplay = (
  options: CloudWatchLogsReplayOptions,
): Effect.Effect<CloudWatchLogsReplay, never, Scope.Scope> =>
  Effect.gen(function* () {
    const accountId = options.accountId ?? "123456789012"
    const names = [...new Set(options.logGroups.map((g) => g.name))]
    const events = storeEvents(options.logGroups)
    const log = makeRequestLog()
    const faults = makeFaultPlan<Fault>()
    const queries = new Map<string, StoredQuery>()
    const settings = { runningPolls: 0 }

    const operations = makeOperations({ region: options.region, accountId, names, events, queries, settings })

    const app = new Hono()
    app.post("/", async (c) => {
      const operation = (c.req.header("x-amz-target") ?? "").replace(/^Logs_20140328\./, "")
      let input: unknown = {}
      try {
        input = JSON.parse((await c.req.text()) || "{}")
      } catch {
        return fault(c, { type: "SerializationException", message: "Request body is not JSON" })
      }
      const auth = c.req.header("authorization") ?? ""
      log.record({
        method: "POST",
        path: "/",
        operation,
        query: {},
        body: input,
        authorization: auth === "" ? "none" : auth.startsWith("AWS4-HMAC-SHA256 ") ? "valid" : "invalid",
      })
      const planned = faults.take(operation)
      if (planned !== undefined) return fault(c, planned)
      const handler = operations[operation]
      if (handler === undefined) {
        return fault(c, {
          type: "InvalidOperationException",
          message: `${operation} is not supported by the replay`,
        })
      }
      return Either.match(handler(input), { onLeft: (f) => fault(c, f), onRight: (body) => answer(c, body) })
    })

    const server = yield* serveLoopback(app)
    return {
      url: server.url,
      region: options.region,
      requests: log.all,
      awaitRequests: log.awaitCount,
      throttleNext: (operation, count) =>
        faults.add(operation, { type: "ThrottlingException", message: "Rate exceeded" }, count),
      failNext: (operation, f, count = 1) => faults.add(operation, f, count),
      queryRunningPolls: (polls) => {
        settings.runningPolls = polls
      },
      queries: () => [...queries.values()].map((q) => ({ id: q.id, status: q.status })),
    }
  })
