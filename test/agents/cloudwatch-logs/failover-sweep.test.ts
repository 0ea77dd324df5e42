/**
 * The logs agent reads the datastores' own record of a failover when the alert's service errs
 * the way a switch makes clients err: RDS events an EventBridge rule delivers to a log group, a
 * cache's engine log. The service's READONLY lines never say "failover"; the finding names the
 * datastore and when. Not: a group that merely contains "events" in an application's name, and
 * no sweep at all when the service errs another way.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { failoverGroupsOf } from "../../../src/agents/cloudwatch-logs/failover-sweep.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

describe("failoverGroupsOf", () => {
  it("EventBridge targets and events relays first, then cache engine logs; no application", () => {
    expect(
      failoverGroupsOf([
        "/ecs/events-api",
        "/elasticache/quotes-cache/engine-log",
        "/aws/events/rds-events",
        "/custom/rds-events",
        "/aws/lambda/calendar-events-sync",
      ]),
    ).toEqual(["/aws/events/rds-events", "/custom/rds-events", "/elasticache/quotes-cache/engine-log"])
  })
})

const now = "2027-04-11T10:20:00Z"
const alert = `[FIRING:1] QuoteApiErrors (prod pricing quote-api critical)
 - description = quote-api 5xx above 5%
 - service = quote-api`
const rdsEvent = (iso: string, message: string, source: string) =>
  event(
    iso,
    "e-1",
    JSON.stringify({
      version: "0",
      "detail-type": "RDS DB Cluster Event",
      source: "aws.rds",
      time: iso,
      detail: { EventCategories: ["failover"], Message: message, SourceIdentifier: source },
    }),
  )
const appLine = (iso: string, error: string) =>
  event(
    iso,
    "quote-api/app/1",
    JSON.stringify({ level: "error", msg: "save quote failed", error, status: 500 }),
  )

const groups = (appError: string) => [
  {
    name: "/ecs/quote-api",
    events: [appLine("2027-04-11T10:06:10Z", appError), appLine("2027-04-11T10:06:40Z", appError)],
  },
  {
    name: "/aws/events/rds-events",
    events: [
      rdsEvent("2027-04-11T10:06:02Z", "A failover for the DB cluster has begun.", "quotes-aurora"),
      rdsEvent("2027-04-11T10:07:31Z", "Completed failover to DB instance: quotes-aurora-b", "quotes-aurora"),
    ],
  },
  {
    name: "/ecs/events-api",
    events: [event("2027-04-11T10:06:00Z", "s", "failover completed: promoted replica pretend-db-002")],
  },
]

describe("the logs agent reads the datastores' events for a failover", () => {
  it.scoped("READONLY-like errors: the Aurora failover is a datastore_failover finding", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(groups("cannot execute INSERT in a read-only transaction"), now)
      const task = taskFor({ text: alert, alertTime: "2027-04-11T10:12:00Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      const failovers = result.findings.filter((f) => f.kind === "datastore_failover")
      expect(failovers.map((f) => [f.service, f.severity])).toEqual([["quotes-aurora", "high"]])
      expect(failovers[0]?.title).toContain("began 10:06:02 UTC, completed 10:07:31 UTC")
    }),
  )

  it.scoped("errors of another kind: no sweep, no failover finding", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups("invalid quote currency XYZ"), now)
      const task = taskFor({ text: alert, alertTime: "2027-04-11T10:12:00Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      expect(result.findings.filter((f) => f.kind === "datastore_failover")).toEqual([])
      const queried = replay
        .requests()
        .filter((r) => r.operation === "StartQuery")
        .map((q) => JSON.stringify(q.body))
      expect(queried.some((q) => q.includes("rds-events"))).toBe(false)
    }),
  )
})
