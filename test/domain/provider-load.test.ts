/**
 * What drove the calls a provider rate-limits: a job refused by the same provider, a bulk batch
 * onto the alert's queue — not the rate-limited service's own lines, a small enqueue, another
 * provider's refusals, or a line about another queue.
 */
import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { largestCount, loadDriversOf, rateLimitingProviders } from "../../src/domain/provider-load.js"

const line = (group: string, t: number, message: string): LogLine => ({
  timestampMs: Date.parse("2027-02-01T10:00:00Z") + t * 60_000,
  message,
  stream: "s",
  group,
})
const ownerOf = (l: LogLine) => l.group.split("/").pop() ?? null

describe("rateLimitingProviders", () => {
  it("the providers whose 429s the lines carry", () => {
    expect(
      rateLimitingProviders([
        line("/ecs/sms-sender", 1, "WARN send failed (upstream vonage, status 429, code 1)"),
        line("/ecs/sms-sender", 2, '{"provider":"vonage","error":"Throughput Rate Exceeded","status":429}'),
        line("/ecs/sms-sender", 3, "ERROR send failed (upstream vonage, status 500)"),
        line("/ecs/sms-sender", 4, "WARN 429 from someone unnamed"),
      ]),
    ).toEqual(["vonage"])
  })
})

describe("loadDriversOf", () => {
  const base = { ownerOf, providers: ["easypost"], queues: ["label-jobs"], subjects: ["rates-api"] }
  it("a job refused by the same provider shares its limit", () => {
    const drivers = loadDriversOf({
      ...base,
      lines: [
        line("/ecs/rates-api", 1, "WARN quote failed (upstream easypost, status 429)"),
        line("/ecs/nightly-rerate", 2, "WARN easypost 429 Too Many Requests, retrying"),
        line("/ecs/nightly-rerate", 5, "WARN easypost 429 Too Many Requests, retrying"),
      ],
    })
    expect(drivers.map((d) => [d.owner, d.how, d.target])).toEqual([
      ["nightly-rerate", "shares_limit", "easypost"],
    ])
  })
  it("a bulk batch onto the alert's queue, named as the line names it", () => {
    const drivers = loadDriversOf({
      ...base,
      lines: [
        line(
          "/aws/lambda/promo-fanout",
          0,
          '{"msg":"fan-out done","enqueued":"250,000","queue":"prod-label-jobs"}',
        ),
      ],
    })
    expect(drivers.map((d) => [d.owner, d.how, d.target, d.count])).toEqual([
      ["promo-fanout", "floods_queue", "prod-label-jobs", 250000],
    ])
  })
  it("not the subject's own lines, a small batch, another queue or another provider", () => {
    expect(
      loadDriversOf({
        ...base,
        lines: [
          line("/ecs/rates-api", 1, "WARN easypost 429 Too Many Requests"),
          line("/ecs/scheduler", 1, "INFO enqueued 40 messages onto label-jobs"),
          line("/ecs/scheduler", 2, "INFO enqueued 90000 messages onto invoice-jobs"),
          line("/ecs/other-job", 3, "WARN shippo 429 Too Many Requests"),
          line("/ecs/healthy-job", 4, "INFO easypost quote ok in 120ms"),
        ],
      }),
    ).toEqual([])
  })
})

describe("largestCount", () => {
  it("counts with and without separators, not versions or ids", () => {
    expect(largestCount("recipients=1183402 batches=118341")).toBe(1183402)
    expect(largestCount("audience (1,284,330 recipients)")).toBe(1284330)
    expect(largestCount("v2.3.0 shipment=shp_88120")).toBeNull()
  })
})
