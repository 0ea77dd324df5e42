/**
 * Wire helpers for the CloudWatch Logs replay tests: a plain-fetch AWS JSON 1.1 call, the
 * answer shapes decoded with Schema, and a small set of log groups (nine Lambda-style names for
 * paging, one group with events for filtering and queries).
 */
import { DateTime, Effect, Schema } from "effect"
import type { CloudWatchLogsReplay } from "../../src/replay/cloudwatch-logs.js"

export const at = (iso: string) => DateTime.unsafeMake(iso)
export const ms = (iso: string) => Date.parse(iso)

export const groups = [
  { name: "/aws/lambda/Orders-API", events: [] },
  { name: "/aws/lambda/payments-api", events: [] },
  { name: "/ecs/orders-api", events: [] },
  ...Array.from({ length: 7 }, (_, i) => ({ name: `/aws/lambda/fn-${i}`, events: [] })),
  {
    name: "/app/web",
    events: [
      { timestamp: at("2026-11-27T13:00:00Z"), stream: "a", message: "INFO boot ok" },
      { timestamp: at("2026-11-27T13:01:00Z"), stream: "a", message: "ERROR db timeout after 30s" },
      { timestamp: at("2026-11-27T13:02:00Z"), stream: "b", message: "WARN slow request" },
      { timestamp: at("2026-11-27T13:03:00Z"), stream: "b", message: "ERROR connection refused" },
      { timestamp: at("2026-11-27T13:04:00Z"), stream: "a", message: "ERROR db timeout after 31s" },
    ],
  },
]

const Answer = Schema.Struct({ status: Schema.Number, json: Schema.Unknown })
export const call = (replay: CloudWatchLogsReplay, operation: string, input: unknown) =>
  Effect.promise(async () => {
    const response = await fetch(replay.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `Logs_20140328.${operation}` },
      body: JSON.stringify(input),
    })
    return Schema.decodeUnknownSync(Answer)({ status: response.status, json: await response.json() })
  })

export const GroupsPage = Schema.Struct({
  logGroups: Schema.Array(
    Schema.Struct({ logGroupName: Schema.String }, { key: Schema.String, value: Schema.Unknown }),
  ),
  nextToken: Schema.optional(Schema.String),
})
export const EventsPage = Schema.Struct({
  events: Schema.Array(
    Schema.Struct({ message: Schema.String, logStreamName: Schema.String, timestamp: Schema.Number }),
  ),
  nextToken: Schema.optional(Schema.String),
})
export const Results = Schema.Struct({
  status: Schema.String,
  results: Schema.Array(Schema.Array(Schema.Struct({ field: Schema.String, value: Schema.String }))),
})
export const Fault = Schema.Struct({ __type: Schema.String, message: Schema.String })

export const names = (json: unknown) =>
  Schema.decodeUnknownSync(GroupsPage)(json).logGroups.map((g) => g.logGroupName)
