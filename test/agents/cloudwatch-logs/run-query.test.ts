/**
 * One Logs Insights query through the real adapter and the replay, on the TestClock: polled
 * at 500 ms → 1 s → 2 s until it completes; a query that never completes is stopped at the
 * bound (StopQuery on the wire) with its partial rows; a throttled poll is only a missed poll.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { runInsightsQuery } from "../../../src/agents/cloudwatch-logs/run-query.js"
import { advanceToSleepAt } from "../../adapters/fetch/await-sleep.js"
import { event, harness } from "./agent-harness.js"

const now = "2026-11-27T13:10:00Z"
const t0 = Date.parse(now)
const groups = [
  {
    name: "/ecs/orders-api",
    events: [
      event("2026-11-27T13:00:00Z", "a", "ERROR one"),
      event("2026-11-27T13:01:00Z", "a", "ERROR two"),
      event("2026-11-27T13:02:00Z", "a", "ERROR three"),
      event("2026-11-27T13:03:00Z", "a", "ERROR four"),
    ],
  },
]
const request = {
  logGroups: ["/ecs/orders-api"],
  startMs: Date.parse("2026-11-27T12:40:00Z"),
  endMs: t0,
  query: "fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc",
}

describe("runInsightsQuery", () => {
  it.scoped("polls on a 500 ms → 1 s → 2 s schedule until the query completes", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups, now)
      replay.queryRunningPolls(3)
      const fiber = yield* Effect.fork(runInsightsQuery(source, request, t0 + 30_000))
      yield* advanceToSleepAt(t0 + 500)
      yield* advanceToSleepAt(t0 + 1500)
      yield* advanceToSleepAt(t0 + 3500)
      const outcome = yield* Fiber.join(fiber)
      expect([outcome.status, outcome.stopped, outcome.polls, outcome.rows.length]).toEqual([
        "Complete",
        false,
        4,
        4,
      ])
      expect(outcome.rows[0]).toMatchObject({ "@message": "ERROR four" })
      expect(replay.requests().map((r) => r.operation)).not.toContain("StopQuery")
    }),
  )

  it.scoped(
    "stops a query that never completes at the bound, StopQuery on the wire, with its partial rows",
    () =>
      Effect.gen(function* () {
        const { replay, source } = yield* harness(groups, now)
        replay.queryRunningPolls(Number.POSITIVE_INFINITY)
        const fiber = yield* Effect.fork(runInsightsQuery(source, request, t0 + 5000))
        yield* advanceToSleepAt(t0 + 500)
        yield* advanceToSleepAt(t0 + 1500)
        yield* advanceToSleepAt(t0 + 3500)
        yield* advanceToSleepAt(t0 + 5000)
        const outcome = yield* Fiber.join(fiber)
        expect([outcome.status, outcome.stopped, outcome.polls, outcome.rows.length]).toEqual([
          "Running",
          true,
          4,
          2,
        ])
        const operations = replay.requests().map((r) => r.operation)
        expect(operations.slice(-2)).toEqual(["StopQuery", "GetQueryResults"])
        expect(replay.requests().find((r) => r.operation === "StopQuery")?.body).toEqual({
          queryId: outcome.queryId,
        })
        expect(replay.queries().map((q) => q.status)).toEqual(["Cancelled"])
      }),
  )

  it.scoped("treats a throttled poll as a missed poll", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups, now, 1)
      replay.throttleNext("GetQueryResults", 1)
      const fiber = yield* Effect.fork(runInsightsQuery(source, request, t0 + 30_000))
      yield* advanceToSleepAt(t0 + 500)
      const outcome = yield* Fiber.join(fiber)
      expect([outcome.status, outcome.stopped, outcome.polls, outcome.rows.length]).toEqual([
        "Complete",
        false,
        2,
        4,
      ])
    }),
  )

  it.scoped("fails with the source's error when the query cannot start", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(groups, now)
      const error = yield* Effect.flip(
        runInsightsQuery(source, { ...request, logGroups: ["/nope"] }, t0 + 30_000),
      )
      expect(error.reason).toBe("not_found")
    }),
  )
})
