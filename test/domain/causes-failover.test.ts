/**
 * A datastore's failover as a cause: the datastore the service's evidence names (a DSN's host,
 * its configured endpoint, even a node's endpoint) failed over, and the service's resets and
 * refused writes (READONLY, read-only transaction) are its consequence — one cause naming the
 * failover, the datastore and when. Not: a failover of a datastore the service does not use, nor
 * one that explains errors that are not a switch's.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const tripsFacts = facts({ alertName: "TripsApiErrorBudgetBurn", service: "trips-api" })

const rdsFailover: Spec = {
  agent: "cloudwatch_logs",
  kind: "datastore_failover",
  severity: "high",
  at: "12:50",
  resource: "loggroup//aws/events/rds",
  service: "trips-aurora",
  title:
    "trips-aurora: Aurora failover (began 12:50:03 UTC, completed 12:51:40 UTC) — primary trips-aurora-2",
  detail: "Aurora trips-aurora switched its primary: A failover for the DB cluster has begun.",
}
const readOnly: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "12:51",
  resource: "loggroup//ecs/trips-api",
  service: "trips-api",
  title:
    "trips-api: ERROR book trip failed (status 500, error: cannot execute INSERT in a read-only transaction) (×9)",
}
const resets: Spec = {
  ...readOnly,
  at: "12:50",
  title:
    "trips-api: ERROR book trip failed (status 500, error: server closed the connection unexpectedly) (×3)",
}
const dialFailed: Spec = {
  ...readOnly,
  at: "12:50",
  title:
    "trips-api: ERROR pool acquire failed (error: failed to connect to `host=trips-aurora.cluster-c1x2.eu-west-1.rds.amazonaws.com`: connection refused) (×1)",
}

describe("a datastore's failover", () => {
  it("leads one cause naming the failover and the datastore, with the service's switch errors under it", () => {
    const causes = causesFor(tripsFacts, numbered([rdsFailover, readOnly, resets, dialFailed]))
    expect(causes[0]?.text).toMatch(/^failover \(primary switched/)
    expect(causes[0]?.text).toContain("in trips-aurora")
    expect(causes[0]?.text).toContain("in trips-api")
    expect(causes[0]?.text).toContain("12:50:03 UTC")
    expect(causes.slice(1).filter((c) => /read-only|closed the connection/.test(c.text))).toEqual([])
  })

  it("is tied through a node endpoint the service is configured with", () => {
    const redis: Spec = {
      agent: "slack_scanner",
      kind: "datastore_failover",
      severity: "medium",
      at: "12:52",
      resource: "channel/C1",
      service: "quotes-cache",
      title:
        "quotes-cache: ElastiCache failover completed (reported in #aws, primary quotes-cache-002): FailoverComplete",
    }
    const configured: Spec = {
      agent: "eks",
      kind: "configured_dependencies",
      severity: "info",
      at: null,
      resource: "deployment/pricing/quote-api",
      service: "quote-api",
      title:
        "quote-api is configured to reach quotes-cache-001.ab12cd.0001.euw1.cache.amazonaws.com (CACHE_HOST)",
    }
    const readonlyErrors: Spec = {
      agent: "eks",
      kind: "container_logs",
      severity: "high",
      at: "12:53",
      resource: "pod/pricing/quote-api-7f9c-x2k4p",
      service: "quote-api",
      title: `quote-api: current app container logged "ERROR save quote failed (error: READONLY You can't write against a read only replica.)"`,
    }
    const [top] = causesFor(
      facts({ alertName: "QuoteApiErrors", namespace: "pricing", service: "quote-api" }),
      numbered([redis, configured, readonlyErrors]),
    )
    expect(top?.text).toMatch(/^failover .* in quotes-cache, causing .* in quote-api/)
  })

  it("a failover of a datastore the service does not use is not its cause", () => {
    const other = {
      ...rdsFailover,
      service: "reports-aurora",
      title: rdsFailover.title.replaceAll("trips", "reports"),
    }
    const [top] = causesFor(tripsFacts, numbered([other, readOnly]))
    expect(top?.text).not.toContain("failover")
    expect(top?.text).not.toContain("reports-aurora")
  })

  it("does not take errors that are not a switch's", () => {
    const oom: Spec = {
      agent: "eks",
      kind: "oom_killed",
      severity: "critical",
      at: "12:52",
      resource: "pod/trips/trips-api-5d9f-abcde",
      service: "trips-api",
      title: "trips-api-5d9f-abcde OOMKilled, 3 restarts",
    }
    const [top] = causesFor(tripsFacts, numbered([rdsFailover, oom]))
    expect(top?.text).toMatch(/^OOMKilled/)
  })
})
