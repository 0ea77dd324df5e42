/**
 * The CloudWatch Logs replay on the wire (plain fetch, AWS JSON 1.1): DescribeLogGroups prefix
 * vs pattern and pagination, FilterLogEvents pattern syntax, time range and pagination,
 * injected throttling and errors, request recording, and the scenario section's Schema.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import { makeCloudWatchLogsReplay } from "../../src/replay/cloudwatch-logs.js"
import { decodeCloudWatchScenario } from "../../src/replay/cloudwatch-logs-state.js"
import { call, EventsPage, Fault, GroupsPage, groups, ms, names } from "./cloudwatch-logs-wire.js"

describe("makeCloudWatchLogsReplay", () => {
  it.scoped("DescribeLogGroups: prefix is exact, pattern is a case-insensitive substring, not both", () =>
    Effect.gen(function* () {
      const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups: groups })
      const prefix = yield* call(replay, "DescribeLogGroups", { logGroupNamePrefix: "/aws/lambda/orders" })
      expect(names(prefix.json)).toEqual([])
      const pattern = yield* call(replay, "DescribeLogGroups", { logGroupNamePattern: "orders-api" })
      expect(names(pattern.json)).toEqual(["/aws/lambda/Orders-API", "/ecs/orders-api"])
      expect(Schema.decodeUnknownSync(GroupsPage)(pattern.json).logGroups[0]).toEqual({
        logGroupName: "/aws/lambda/Orders-API",
        creationTime: 1_700_000_000_000,
        arn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/Orders-API:*",
      })
      const both = yield* call(replay, "DescribeLogGroups", {
        logGroupNamePrefix: "/a",
        logGroupNamePattern: "b",
      })
      expect([both.status, Schema.decodeUnknownSync(Fault)(both.json).__type]).toEqual([
        400,
        "InvalidParameterException",
      ])
    }),
  )

  it.scoped(
    "DescribeLogGroups pages with limit and nextToken, in ASCII order; a foreign token is refused",
    () =>
      Effect.gen(function* () {
        const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups: groups })
        const seen: Array<string> = []
        let token: string | undefined
        let pages = 0
        do {
          const page = yield* call(replay, "DescribeLogGroups", {
            logGroupNamePrefix: "/aws/lambda/",
            limit: 4,
            nextToken: token,
          })
          const decoded = Schema.decodeUnknownSync(GroupsPage)(page.json)
          seen.push(...decoded.logGroups.map((g) => g.logGroupName))
          token = decoded.nextToken
          pages++
        } while (token !== undefined)
        expect(pages).toBe(3)
        expect(seen).toEqual([...seen].sort())
        expect(seen).toHaveLength(9)
        const first = Schema.decodeUnknownSync(GroupsPage)(
          (yield* call(replay, "DescribeLogGroups", { limit: 1 })).json,
        )
        const foreign = yield* call(replay, "DescribeLogGroups", {
          logGroupNamePattern: "x",
          nextToken: first.nextToken,
        })
        expect(Schema.decodeUnknownSync(Fault)(foreign.json).__type).toBe("InvalidParameterException")
        expect((yield* call(replay, "DescribeLogGroups", { limit: 51 })).status).toBe(400)
      }),
  )

  it.scoped(
    "FilterLogEvents: terms, phrases, ?alternatives, time range and pages; a missing group is not found",
    () =>
      Effect.gen(function* () {
        const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups: groups })
        const messages = (input: object) =>
          call(replay, "FilterLogEvents", { logGroupName: "/app/web", ...input }).pipe(
            Effect.map((r) => Schema.decodeUnknownSync(EventsPage)(r.json).events.map((e) => e.message)),
          )
        expect(yield* messages({ filterPattern: "ERROR timeout" })).toEqual([
          "ERROR db timeout after 30s",
          "ERROR db timeout after 31s",
        ])
        expect(yield* messages({ filterPattern: '"connection refused"' })).toEqual([
          "ERROR connection refused",
        ])
        expect(yield* messages({ filterPattern: "?WARN ?refused" })).toEqual([
          "WARN slow request",
          "ERROR connection refused",
        ])
        expect(
          yield* messages({
            filterPattern: "ERROR",
            startTime: ms("2026-11-27T13:02:00Z"),
            endTime: ms("2026-11-27T13:03:00Z"),
          }),
        ).toEqual(["ERROR connection refused"])
        const page = Schema.decodeUnknownSync(EventsPage)(
          (yield* call(replay, "FilterLogEvents", { logGroupName: "/app/web", limit: 2 })).json,
        )
        expect(page.events.map((e) => e.logStreamName)).toEqual(["a", "a"])
        const next = yield* call(replay, "FilterLogEvents", {
          logGroupName: "/app/web",
          limit: 2,
          nextToken: page.nextToken,
        })
        expect(Schema.decodeUnknownSync(EventsPage)(next.json).events.map((e) => e.message)).toEqual([
          "WARN slow request",
          "ERROR connection refused",
        ])
        const missing = yield* call(replay, "FilterLogEvents", { logGroupName: "/nope" })
        expect([missing.status, Schema.decodeUnknownSync(Fault)(missing.json).__type]).toEqual([
          400,
          "ResourceNotFoundException",
        ])
        const json = yield* call(replay, "FilterLogEvents", {
          logGroupName: "/app/web",
          filterPattern: '{ $.a = "b" }',
        })
        expect(json.status).toBe(400)
      }),
  )

  it.scoped("injects throttling and other faults for the next N calls, and records every request", () =>
    Effect.gen(function* () {
      const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups: groups })
      replay.throttleNext("DescribeLogGroups", 2)
      replay.failNext("FilterLogEvents", { type: "AccessDeniedException", message: "no" })
      const answers = [
        yield* call(replay, "DescribeLogGroups", {}),
        yield* call(replay, "DescribeLogGroups", {}),
        yield* call(replay, "DescribeLogGroups", {}),
        yield* call(replay, "FilterLogEvents", { logGroupName: "/app/web" }),
      ]
      expect(answers.map((a) => [a.status, Schema.is(Fault)(a.json) ? a.json.__type : "ok"])).toEqual([
        [400, "ThrottlingException"],
        [400, "ThrottlingException"],
        [200, "ok"],
        [400, "AccessDeniedException"],
      ])
      expect(replay.requests().map((r) => [r.operation, r.authorization])).toEqual([
        ["DescribeLogGroups", "none"],
        ["DescribeLogGroups", "none"],
        ["DescribeLogGroups", "none"],
        ["FilterLogEvents", "none"],
      ])
    }),
  )

  it("decodes a scenario's cloudwatch section strictly", () => {
    const ok = decodeCloudWatchScenario({
      region: "us-east-1",
      log_groups: [
        { name: "/a", events: [{ timestamp: "2026-11-27T13:00:00Z", stream: "s", message: "m" }] },
        { name: "/b" },
      ],
    })
    expect(Either.map(ok, (s) => s.log_groups.map((g) => g.events.length))).toEqual(Either.right([1, 0]))
    expect(
      Either.isLeft(
        decodeCloudWatchScenario({ region: "us-east-1", log_groups: [{ name: "/a", extra: 1 }] }),
      ),
    ).toBe(true)
    expect(
      Either.isLeft(
        decodeCloudWatchScenario({
          region: "x",
          log_groups: [{ name: "/a", events: [{ timestamp: "soon", stream: "s", message: "m" }] }],
        }),
      ),
    ).toBe(true)
  })
})
