/**
 * The cloudwatch_logs agent end to end over the replay and the real adapter: the
 * oom-after-deploy scenario (payments-api's own heap OOM first and high, checkout-web's
 * "upstream payments-api unavailable" below it, the audit log not an error), a logs-only
 * database alert found from the service name, nothing related, no AWS access, a refusal, a
 * query still running when the report is due, and the findings cap.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import {
  cloudWatchLogsAgent,
  makeCloudWatchLogsAgent,
} from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { LogSource, type LogSourceService, notConfiguredLogSource } from "../../../src/ports/log-source.js"
import { advanceToSleepAt } from "../../adapters/fetch/await-sleep.js"
import { event, harness, taskFor } from "./agent-harness.js"
import { oomAlertText, oomAlertTime, oomCloudWatch, oomNow } from "./oom-scenario.js"

const run = (task: AgentTask, source: LogSourceService, agent = cloudWatchLogsAgent) =>
  agent.handle(task, { sessionId: null }).pipe(Effect.provideService(LogSource, source))

const oomTask = taskFor({ text: oomAlertText, alertTime: oomAlertTime, now: oomNow })

const dbAlert = `[FIRING:1] PostgresTooManyConnections orders-api
service: orders-api
severity: high
summary: orders-api reports "remaining connection slots are reserved"`
const dbGroups = [
  {
    name: "/ecs/orders-api",
    events: [
      event("2026-11-27T09:58:00Z", "ecs/api/8f2c", "INFO request served in 12ms"),
      event(
        "2026-11-27T09:59:00Z",
        "ecs/api/8f2c",
        "FATAL: remaining connection slots are reserved for non-replication superuser connections",
      ),
      event(
        "2026-11-27T10:00:30Z",
        "ecs/api/1d9e",
        "FATAL: remaining connection slots are reserved for non-replication superuser connections",
      ),
      event("2026-11-27T10:01:00Z", "ecs/api/1d9e", "ERROR pq: sorry, too many clients already"),
    ],
  },
  {
    name: "/ecs/inventory-api",
    events: [event("2026-11-27T10:00:00Z", "ecs/x", "ERROR inventory sync failed")],
  },
  { name: "/aws/lambda/unrelated", events: [event("2026-11-27T10:00:00Z", "s", "ERROR boom")] },
]
const dbTask = taskFor({ text: dbAlert, alertTime: "2026-11-27T10:00:00Z", now: "2026-11-27T10:02:00Z" })

describe("cloudWatchLogsAgent", () => {
  it.scoped(
    "oom-after-deploy: payments-api's heap OOM first and high; the caller's upstream errors below it",
    () =>
      Effect.gen(function* () {
        const { replay, source } = yield* harness(oomCloudWatch.log_groups, oomNow)
        const result = yield* run(oomTask, source)
        expect(result.status).toBe("ok")
        expect(result.scanned).toEqual([
          "loggroup//aws/containerinsights/eks-prod/application",
          "loggroup//aws/eks/eks-prod/cluster",
        ])
        const [oom, upstream, ...rest] = result.findings
        expect(rest).toEqual([])
        expect(oom).toMatchObject({
          agent: "cloudwatch_logs",
          kind: "log_signature",
          severity: "high",
          service: "payments-api",
          resource: "loggroup//aws/containerinsights/eks-prod/application",
          excerpt: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
        })
        expect(oom?.title).toContain("JavaScript heap out of memory")
        expect(oom?.title).toContain("×4")
        expect(oom?.detail).toContain("2 pods payments-api-6c9f7d8b4-q7x2m, payments-api-6c9f7d8b4-w2v9k")
        expect(oom?.observedAt?.epochMillis).toBe(Date.parse("2026-11-27T13:02:10Z"))
        expect(oom?.link).toMatch(
          /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#logsV2:logs-insights/,
        )
        expect(upstream).toMatchObject({ service: "checkout-web", severity: "low", kind: "log_signature" })
        expect(upstream?.detail).toContain("a consequence seen by a caller, not the cause")
        expect(result.findings.some((f) => /patch|audit/.test(`${f.title}${f.excerpt}`))).toBe(false)
        expect(result.summary).toMatch(/^2 error signature\(s\).*top: payments-api: FATAL ERROR/)
        const start = replay.requests().find((r) => r.operation === "StartQuery")?.body
        expect(start).toMatchObject({
          startTime: oomTask.alert.window.start.epochMillis / 1000,
          endTime: oomTask.alert.window.end.epochMillis / 1000,
        })
      }),
  )

  it.scoped(
    "a logs-only database alert: found from the service name, the dependency named, others not queried",
    () =>
      Effect.gen(function* () {
        const { replay, source } = yield* harness(dbGroups, "2026-11-27T10:02:00Z")
        const result = yield* run(dbTask, source)
        expect(result.status).toBe("ok")
        expect(result.scanned).toEqual(["loggroup//ecs/orders-api"])
        expect(result.findings.map((f) => [f.service, f.severity, f.title])).toEqual([
          [
            "orders-api",
            "high",
            "orders-api: FATAL: remaining connection slots are reserved for non-replication superuser connections (×2)",
          ],
          ["orders-api", "high", "orders-api: ERROR pq: sorry, too many clients already (×1)"],
        ])
        expect(result.findings[0]?.detail).toContain("It names its dependency the database")
        expect(result.findings[0]?.detail).toContain("2 streams ecs/api/1d9e, ecs/api/8f2c")
        const started = replay.requests().find((r) => r.operation === "StartQuery")?.body
        expect(started).toMatchObject({ logGroupNames: ["/ecs/orders-api"] })
      }),
  )

  it.scoped("says so honestly when no log group relates to the alert, and queries nothing", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(dbGroups, "2026-11-27T10:02:00Z")
      const task = taskFor({
        text: "[FIRING:1] HighLatency\nservice: search-api",
        alertTime: "2026-11-27T10:00:00Z",
        now: "2026-11-27T10:02:00Z",
      })
      const result = yield* run(task, source)
      expect([result.status, result.summary, result.findings, result.scanned]).toEqual([
        "ok",
        "no CloudWatch log group relates to this alert",
        [],
        [],
      ])
      expect(replay.requests().map((r) => r.operation)).not.toContain("StartQuery")
    }),
  )

  it.effect("answers unhealthy without AWS access, with the reason", () =>
    Effect.gen(function* () {
      const result = yield* run(oomTask, notConfiguredLogSource())
      expect([result.status, result.reason]).toEqual(["unhealthy", "no AWS credentials or region configured"])
    }),
  )

  it.scoped("answers error when CloudWatch refuses", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(dbGroups, "2026-11-27T10:02:00Z")
      replay.failNext("DescribeLogGroups", { type: "AccessDeniedException", message: "not authorized" }, 20)
      const result = yield* run(dbTask, source)
      expect(result.status).toBe("error")
      expect(result.reason).toContain("AccessDeniedException: not authorized")
    }),
  )

  it.scoped("stops a query still running when the report is due, and reports what it had", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(oomCloudWatch.log_groups, oomNow)
      replay.queryRunningPolls(Number.POSITIVE_INFINITY)
      const t0 = Date.parse(oomNow)
      const task = taskFor({
        text: oomAlertText,
        alertTime: oomAlertTime,
        now: oomNow,
        reportAtS: 4,
        deadlineS: 60,
      })
      const fiber = yield* Effect.fork(run(task, source))
      yield* advanceToSleepAt(t0 + 500)
      yield* advanceToSleepAt(t0 + 1500)
      yield* advanceToSleepAt(t0 + 3500)
      // report_at is 4 s away: the agent keeps a 400 ms margin and answers at 3.6 s.
      yield* advanceToSleepAt(t0 + 3600)
      const result = yield* Fiber.join(fiber)
      expect(result.status).toBe("ok")
      expect(replay.requests().map((r) => r.operation)).toContain("StopQuery")
      const incomplete = result.findings.find((f) => f.kind === "query_incomplete")
      expect(incomplete).toMatchObject({
        severity: "info",
        title: "Logs Insights query did not finish in time: partial results (3 rows)",
      })
      expect(result.findings[0]).toMatchObject({
        kind: "log_signature",
        service: "payments-api",
        severity: "high",
      })
      expect(result.summary).toContain("the query did not finish in time: partial results")
    }),
  )

  it.scoped("caps its findings and says how many more there were", () =>
    Effect.gen(function* () {
      const noisy = [
        {
          name: "/ecs/orders-api",
          events: Array.from({ length: 14 }, (_, i) =>
            event(
              `2026-11-27T09:5${i % 10}:0${i % 6}Z`,
              "ecs/api/1",
              `ERROR failure kind ${"abcdefghijklmn".charAt(i)}x`,
            ),
          ),
        },
      ]
      const { source } = yield* harness(noisy, "2026-11-27T10:02:00Z")
      const result = yield* run(dbTask, source, makeCloudWatchLogsAgent({ maxFindings: 10 }))
      expect(result.findings).toHaveLength(10)
      expect(result.summary).toContain("; +4 more")
    }),
  )

  it.effect("skips tasks it has no mode for", () =>
    Effect.gen(function* () {
      const result = yield* run({ ...oomTask, task: "snapshot" }, notConfiguredLogSource())
      expect(result.status).toBe("skipped")
    }),
  )
})
