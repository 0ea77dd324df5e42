/**
 * The CloudWatch Logs adapter (the real `@aws-sdk/client-cloudwatch-logs`) against the replay:
 * pagination, the Insights round trip, typed exceptions mapped to LogSourceError reasons,
 * throttling retried on a jittered bounded Schedule driven by the TestClock (no real sleeps),
 * and the not-configured twin.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Fiber } from "effect"
import { makeCloudWatchLogSource } from "../../../src/adapters/cloudwatch-logs/cloudwatch-log-source.js"
import { logSourceErrorFrom } from "../../../src/adapters/cloudwatch-logs/log-source-error.js"
import { type LogGroupPage, LogSource, notConfiguredLogSourceLayer } from "../../../src/ports/log-source.js"
import { makeCloudWatchLogsReplay } from "../../../src/replay/cloudwatch-logs.js"
import { advanceToSleepWithin } from "../fetch/await-sleep.js"

const at = (iso: string) => DateTime.unsafeMake(iso)
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-a-secret" }

const groups = [
  ...Array.from({ length: 5 }, (_, i) => ({ name: `/aws/lambda/fn-${i}`, events: [] })),
  {
    name: "/ecs/orders-api",
    events: [
      { timestamp: at("2026-11-27T13:00:00Z"), stream: "ecs/api/1", message: "ERROR too many clients" },
      { timestamp: at("2026-11-27T13:01:00Z"), stream: "ecs/api/2", message: "INFO ok" },
    ],
  },
]

const setup = Effect.gen(function* () {
  const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups: groups })
  const source = yield* makeCloudWatchLogSource({ region: "us-east-1", endpoint: replay.url, credentials })
  return { replay, source }
})

describe("cloudWatchLogSource", () => {
  it.scoped("pages DescribeLogGroups and signs every request", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      const first = yield* source.describeLogGroups({ prefix: "/aws/lambda/", limit: 2 })
      expect(first.groups.map((g) => g.name)).toEqual(["/aws/lambda/fn-0", "/aws/lambda/fn-1"])
      expect(first.groups[0]?.arn).toBe("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-0:*")
      const names: Array<string> = []
      let token: string | null = null
      do {
        const page: LogGroupPage = yield* source.describeLogGroups({
          prefix: "/aws/lambda/",
          limit: 2,
          ...(token === null ? {} : { nextToken: token }),
        })
        names.push(...page.groups.map((g) => g.name))
        token = page.nextToken
      } while (token !== null)
      expect(names).toHaveLength(5)
      const pattern = yield* source.describeLogGroups({ pattern: "ORDERS" })
      expect(pattern.groups.map((g) => g.name)).toEqual(["/ecs/orders-api"])
      expect(replay.requests().every((r) => r.authorization === "valid")).toBe(true)
    }),
  )

  it.scoped("runs an Insights query and reads raw events", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      const queryId = yield* source.startQuery({
        logGroups: ["/ecs/orders-api"],
        startMs: Date.parse("2026-11-27T12:30:00Z"),
        endMs: Date.parse("2026-11-27T13:30:00Z"),
        query: "fields @timestamp, @message, @logStream | filter @message like /ERROR/",
      })
      const results = yield* source.getQueryResults(queryId)
      expect(results).toMatchObject({
        status: "Complete",
        rows: [
          {
            "@timestamp": "2026-11-27 13:00:00.000",
            "@message": "ERROR too many clients",
            "@logStream": "ecs/api/1",
          },
        ],
        recordsMatched: 1,
      })
      expect(replay.requests().find((r) => r.operation === "StartQuery")?.body).toMatchObject({
        startTime: Date.parse("2026-11-27T12:30:00Z") / 1000,
        endTime: Date.parse("2026-11-27T13:30:00Z") / 1000,
      })
      expect(yield* source.stopQuery(queryId)).toBe(false)
      const page = yield* source.filterLogEvents({ logGroup: "/ecs/orders-api", pattern: "?ERROR ?WARN" })
      expect(page).toEqual({
        events: [
          {
            timestamp: Date.parse("2026-11-27T13:00:00Z"),
            logStream: "ecs/api/1",
            message: "ERROR too many clients",
          },
        ],
        nextToken: null,
      })
    }),
  )

  it.scoped("maps typed exceptions: not found, forbidden, invalid", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      const missing = yield* Effect.flip(source.filterLogEvents({ logGroup: "/nope" }))
      expect([missing._tag, missing.reason]).toEqual(["LogSourceError", "not_found"])
      replay.failNext("StartQuery", {
        type: "AccessDeniedException",
        message: "not authorized to perform logs:StartQuery",
      })
      const denied = yield* Effect.flip(
        source.startQuery({ logGroups: ["/ecs/orders-api"], startMs: 0, endMs: 1000, query: "limit 1" }),
      )
      expect([denied.reason, denied.message]).toEqual([
        "forbidden",
        "CloudWatch Logs StartQuery failed (AccessDeniedException: not authorized to perform logs:StartQuery)",
      ])
      const malformed = yield* Effect.flip(
        source.startQuery({ logGroups: ["/ecs/orders-api"], startMs: 0, endMs: 1000, query: "parse x" }),
      )
      expect(malformed.reason).toBe("invalid")
      expect(replay.requests().filter((r) => r.operation === "StartQuery")).toHaveLength(2)
    }),
  )

  it.scoped("retries throttling with jittered backoff on the TestClock, then succeeds", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      replay.throttleNext("DescribeLogGroups", 2)
      const fiber = yield* Effect.fork(source.describeLogGroups({ pattern: "orders" }))
      const first = yield* advanceToSleepWithin(200, 300)
      yield* advanceToSleepWithin(first + 400, first + 600)
      const page = yield* Fiber.join(fiber)
      expect(page.groups.map((g) => g.name)).toEqual(["/ecs/orders-api"])
      expect(replay.requests().map((r) => r.operation)).toEqual([
        "DescribeLogGroups",
        "DescribeLogGroups",
        "DescribeLogGroups",
      ])
    }),
  )

  it.scoped("gives up after its bounded attempts with `throttled`", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      replay.throttleNext("GetQueryResults", 5)
      const fiber = yield* Effect.fork(Effect.flip(source.getQueryResults("any")))
      const first = yield* advanceToSleepWithin(200, 300)
      yield* advanceToSleepWithin(first + 400, first + 600)
      const error = yield* Fiber.join(fiber)
      expect(error.reason).toBe("throttled")
      expect(replay.requests()).toHaveLength(3)
    }),
  )

  it("maps missing credentials and region to not_configured, 5xx to unavailable", () => {
    const noCredentials = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    })
    expect(logSourceErrorFrom("DescribeLogGroups", noCredentials).reason).toBe("not_configured")
    expect(logSourceErrorFrom("DescribeLogGroups", new Error("Region is missing")).reason).toBe(
      "not_configured",
    )
    const unavailable = Object.assign(new Error("oops"), {
      name: "ServiceUnavailableException",
      $metadata: { httpStatusCode: 503 },
    })
    expect(logSourceErrorFrom("StartQuery", unavailable).reason).toBe("unavailable")
    const forbidden = Object.assign(new Error(""), { name: "Unknown", $metadata: { httpStatusCode: 403 } })
    expect(logSourceErrorFrom("StartQuery", forbidden).reason).toBe("forbidden")
  })

  it.effect("the not-configured twin refuses every call with the reason", () =>
    Effect.gen(function* () {
      const source = yield* LogSource
      const error = yield* Effect.flip(source.describeLogGroups({}))
      expect([error.reason, error.message]).toEqual([
        "not_configured",
        "no AWS credentials or region configured",
      ])
      expect(
        (yield* Effect.flip(source.startQuery({ logGroups: [], startMs: 0, endMs: 0, query: "" }))).reason,
      ).toBe("not_configured")
    }).pipe(Effect.provide(notConfiguredLogSourceLayer())),
  )
})
