/**
 * Discovery over the replay and the real adapter: the alert's own log groups checked for
 * existence, each search paginated within its bound, one failing search noted while the others
 * still count; and when the agent must answer (report_at ahead, else the deadline, less a margin).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { discoverLogGroups, maxPagesPerSearch } from "../../../src/agents/cloudwatch-logs/discover.js"
import { answerBy } from "../../../src/agents/specialist.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { harness, taskFor } from "./agent-harness.js"

const now = "2026-11-27T10:02:00Z"
const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)
const many = Array.from({ length: 200 }, (_, i) => ({
  name: `/svc/orders-api/shard-${String(i).padStart(3, "0")}`,
  events: [],
}))

describe("discoverLogGroups", () => {
  it.scoped("checks the alert's own groups, bounds each search's pages, ranks what exists", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(
        [{ name: "/aws/lambda/orders-api", events: [] }, ...many],
        now,
      )
      const alert = facts(
        "ALARM: orders-api errors\nservice: orders-api\nlog_group: /aws/lambda/orders-api\nalso /aws/lambda/gone",
      )
      const discovery = yield* discoverLogGroups(source, alert, [])
      expect(discovery.missing).toEqual(["/aws/lambda/gone"])
      expect(discovery.ranked[0]).toMatchObject({
        name: "/aws/lambda/orders-api",
        reason: "named in the alert",
      })
      const patternCalls = replay
        .requests()
        .filter(
          (r) =>
            r.operation === "DescribeLogGroups" && JSON.stringify(r.body).includes("logGroupNamePattern"),
        )
      expect(patternCalls).toHaveLength(maxPagesPerSearch)
      expect(discovery.ranked.filter((g) => g.name.startsWith("/svc/"))).toHaveLength(
        maxPagesPerSearch * 50 - 1,
      )
    }),
  )

  it.scoped("notes a failed search and keeps the others", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness([{ name: "/ecs/orders-api", events: [] }], now, 1)
      replay.throttleNext("DescribeLogGroups", 1)
      const discovery = yield* discoverLogGroups(source, facts("service: orders-api"), [])
      expect(discovery.failures.map((f) => f.reason)).toEqual(["throttled"])
      expect(discovery.ranked.map((g) => g.name)).toEqual(["/ecs/orders-api"])
    }),
  )
})

describe("answerBy", () => {
  const t0 = Date.parse("2026-11-27T13:10:00Z")
  const task = (reportAtS?: number) =>
    taskFor({
      text: "x",
      alertTime: "2026-11-27T13:05:00Z",
      now: "2026-11-27T13:10:00Z",
      deadlineS: 65,
      ...(reportAtS === undefined ? {} : { reportAtS }),
    })
  it("aims at report_at when it is ahead, else at the deadline, keeping a margin", () => {
    expect(answerBy(task(50), t0)).toBe(t0 + 50_000 - 2000)
    expect(answerBy(task(4), t0)).toBe(t0 + 3600)
    expect(answerBy(task(-5), t0)).toBe(t0 + 65_000 - 2000)
    expect(answerBy(task(), t0)).toBe(t0 + 65_000 - 2000)
    expect(answerBy({ ...task(), hints: { report_at: "not a time" } }, t0)).toBe(t0 + 63_000)
    expect(answerBy({ ...task(), deadline: DateTime.unsafeMake(t0 + 1000) }, t0)).toBe(t0 + 750)
  })

  it.scoped(
    "with nothing named after the alert, finds what is named with its words (a queue's consumer)",
    () =>
      Effect.gen(function* () {
        const { source } = yield* harness(
          [
            "/aws/lambda/invoice-pdf-renderer",
            "/aws/lambda/legacy-invoice-import",
            "/aws/lambda/customer-sync",
          ].map((name) => ({ name, events: [] })),
          now,
        )
        const text =
          "ALARM: invoice-render-dlq-not-empty\nNamespace: AWS/SQS · Metric: ApproximateNumberOfMessagesVisible · QueueName: invoice-render-dlq"
        const discovery = yield* discoverLogGroups(source, facts(text), [], text)
        expect(discovery.ranked.map((g) => [g.name, g.kin])).toEqual([
          ["/aws/lambda/invoice-pdf-renderer", true],
        ])
      }),
  )
})
