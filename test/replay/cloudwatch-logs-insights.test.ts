/**
 * The CloudWatch Logs replay's Logs Insights API on the wire: StartQuery evaluates the subset
 * over the scenario's events, GetQueryResults answers field/value rows (Running for N polls
 * when asked, partial rows meanwhile), StopQuery cancels, and malformed queries or missing
 * groups answer the exceptions the SDK expects.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { makeCloudWatchLogsReplay } from "../../src/replay/cloudwatch-logs.js"
import { call, Fault, groups, ms, Results } from "./cloudwatch-logs-wire.js"

describe("makeCloudWatchLogsReplay: Logs Insights", () => {
  it.scoped("runs the Insights subset, keeps a query Running for N polls, and StopQuery cancels it", () =>
    Effect.gen(function* () {
      const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups: groups })
      const start = (queryString: string) =>
        call(replay, "StartQuery", {
          logGroupNames: ["/app/web"],
          startTime: ms("2026-11-27T13:00:00Z") / 1000,
          endTime: ms("2026-11-27T13:10:00Z") / 1000,
          queryString,
        }).pipe(
          Effect.map(
            (r) => Schema.decodeUnknownSync(Schema.Struct({ queryId: Schema.String }))(r.json).queryId,
          ),
        )
      const results = (queryId: string) =>
        call(replay, "GetQueryResults", { queryId }).pipe(
          Effect.map((r) => Schema.decodeUnknownSync(Results)(r.json)),
        )
      const stats = yield* start(
        "filter @message like /(?i)error/ | stats count(*) by @logStream | sort @logStream",
      )
      expect(yield* results(stats)).toEqual({
        status: "Complete",
        results: [
          [
            { field: "@logStream", value: "a" },
            { field: "count(*)", value: "2" },
          ],
          [
            { field: "@logStream", value: "b" },
            { field: "count(*)", value: "1" },
          ],
        ],
      })
      replay.queryRunningPolls(2)
      const slow = yield* start(
        "fields @timestamp, @message, @log | filter @message like /ERROR/ | sort @timestamp desc",
      )
      const polls = [yield* results(slow), yield* results(slow), yield* results(slow)]
      expect(polls.map((p) => [p.status, p.results.length])).toEqual([
        ["Running", 2],
        ["Running", 2],
        ["Complete", 3],
      ])
      expect(polls[2]?.results[0]).toEqual([
        { field: "@timestamp", value: "2026-11-27 13:04:00.000" },
        { field: "@message", value: "ERROR db timeout after 31s" },
        { field: "@log", value: "123456789012:/app/web" },
        { field: "@ptr", value: expect.any(String) },
      ])
      replay.queryRunningPolls(Number.POSITIVE_INFINITY)
      const stuck = yield* start("filter @message like /ERROR/")
      expect((yield* results(stuck)).status).toBe("Running")
      expect((yield* call(replay, "StopQuery", { queryId: stuck })).json).toEqual({ success: true })
      expect((yield* results(stuck)).status).toBe("Cancelled")
      expect((yield* call(replay, "StopQuery", { queryId: stats })).json).toEqual({ success: false })
      const bad = yield* call(replay, "StartQuery", {
        logGroupNames: ["/app/web"],
        startTime: 0,
        endTime: 1,
        queryString: "parse x",
      })
      expect(Schema.decodeUnknownSync(Fault)(bad.json).__type).toBe("MalformedQueryException")
      const absent = yield* call(replay, "StartQuery", {
        logGroupNames: ["/nope"],
        startTime: 0,
        endTime: 1,
        queryString: "limit 1",
      })
      expect(Schema.decodeUnknownSync(Fault)(absent.json).__type).toBe("ResourceNotFoundException")
      expect(replay.queries().map((q) => q.status)).toEqual(["Complete", "Complete", "Cancelled"])
    }),
  )
})
