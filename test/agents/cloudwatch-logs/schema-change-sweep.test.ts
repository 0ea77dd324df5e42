/**
 * A pipeline failing on its consumer's validation errors, traced to the producer that changed the
 * field (schema-change-sweep.ts): the state machine's failure names no field, the consumer
 * function's own group (found beside the failures) names it, and another group's line naming the
 * field shortly before is the change. Decoy: the same failures with no producer's change nearby.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeCloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2031-03-02T09:40:00Z"
const alertTime = "2031-03-02T09:35:00Z"
const text =
  "CloudWatch Alarm | order-ingest-pipeline-ExecutionsFailed | us-east-1\n" +
  "*Metric:* AWS/States ExecutionsFailed, StateMachineArn=arn:aws:states:us-east-1:111122223333:stateMachine:order-ingest-pipeline"
type Line = readonly [string, string]
const group = (name: string, lines: ReadonlyArray<Line>) => ({
  name,
  events: lines.map(([t, message]) => event(t, "2031/03/02/[$LATEST]abc", message)),
})
const failed = (t: string): Line => [
  t,
  `{"type":"ExecutionFailed","details":{"error":"ValidationError","cause":"data validation error (state: ValidateOrders)"},"execution_arn":"arn:aws:states:us-east-1:111122223333:execution:order-ingest-pipeline:${t}"}`,
]
const rejected = (t: string): Line => [
  t,
  "ERROR ValidationError: data/lines/0 must have required property 'skuCode'",
]

const run = (producer: ReadonlyArray<Line>) =>
  Effect.gen(function* () {
    const { source } = yield* harness(
      [
        group("/aws/vendedlogs/states/order-ingest-pipeline-Logs", [
          failed("2031-03-02T09:20:02Z"),
          failed("2031-03-02T09:30:02Z"),
        ]),
        group("/aws/lambda/order-validator", [
          rejected("2031-03-02T09:20:01Z"),
          rejected("2031-03-02T09:30:01Z"),
        ]),
        group("/aws/lambda/catalog-feed-exporter", producer),
        group("/aws/lambda/stock-sync", [
          ["2031-03-02T09:10:00Z", "deploy 1.4.0: warehouse_id -> warehouseId"],
        ]),
      ],
      now,
    )
    return yield* makeCloudWatchLogsAgent()
      .handle(taskFor({ text, alertTime, now }), { sessionId: null })
      .pipe(Effect.provideService(LogSource, source))
  })

describe("a pipeline's validation failures traced to the producer's change", () => {
  it.scoped("the producer renamed the field the consumer requires", () =>
    Effect.gen(function* () {
      const result = yield* run([
        ["2031-03-02T09:05:00Z", "exporter v3.0.0 started: renamed skuCode to sku in order lines"],
      ])
      const change = result.findings.find((f) => f.kind === "producer_schema_change")
      expect(change?.title).toContain("catalog-feed-exporter changed field skuCode")
      expect(change?.title).toContain("order-validator")
      expect(change?.title.startsWith("order-ingest-pipeline: ")).toBe(true)
      expect(change?.severity).toBe("high")
    }),
  )

  it.scoped("decoy: no producer's line names the field", () =>
    Effect.gen(function* () {
      const result = yield* run([["2031-03-02T09:05:00Z", "exporter v3.0.0 started"]])
      expect(result.findings.some((f) => f.kind === "producer_schema_change")).toBe(false)
      expect(result.findings.length).toBeGreaterThan(0)
    }),
  )
})
