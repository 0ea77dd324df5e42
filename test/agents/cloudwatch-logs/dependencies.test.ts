/**
 * Following a blamed dependency: when the alerting service's own errors name the upstream they
 * fail on ("upstream": "carrier-rates"), the agent finds and queries that dependency's log groups
 * too and reports its errors as in scope, right after the service's own — unless the time left
 * is too short, or the blamed name is only an IP or a generic datastore word.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { emptyRunQuery } from "../../../src/agents/cloudwatch-logs/empty-run-sweep.js"
import { dependencySearchName } from "../../../src/domain/log-group-names.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

/**
 * The error queries, in order. The empty-run sweep (empty-run-sweep.ts) also reads the service's
 * group, for counts over two days; it follows no dependency, so it is left out here.
 */
const errorQueries = <R extends { readonly operation: string; readonly body: unknown }>(
  requests: ReadonlyArray<R>,
): ReadonlyArray<R> =>
  requests.filter(
    (r) =>
      r.operation === "StartQuery" &&
      !(
        typeof r.body === "object" &&
        r.body !== null &&
        "queryString" in r.body &&
        r.body.queryString === emptyRunQuery
      ),
  )

const now = "2026-07-30T11:21:30Z"
const alert = `Triggered #48213: ShippingQuoteLatencyHigh — shipping-quote p99 latency 3.04s > 1s for 5m
*Service:* shipping-quote (prod) · *Urgency:* High
*Details:* cluster=eks-logistics-prod namespace=fulfillment source=Prometheus`
const quoteError = (id: string) =>
  `ERROR\tquote/handler.go:88\tcarrier rate lookup failed\t{"upstream": "carrier-rates", "url": "http://carrier-rates.partners.svc.cluster.local:8080/v2/rates", "request_id": "${id}"}`
const groups = [
  {
    name: "/aws/containerinsights/eks-logistics-prod/application",
    events: [
      event(
        "2026-07-30T11:02:41Z",
        "shipping-quote-7f5c9d8b64-bq8xk_fulfillment_shipping-quote",
        quoteError("a1b2c3d4e5"),
      ),
      event(
        "2026-07-30T11:06:12Z",
        "shipping-quote-7f5c9d8b64-h2wzt_fulfillment_shipping-quote",
        quoteError("f6a7b8c9d0"),
      ),
      event(
        "2026-07-30T11:12:03Z",
        "label-printer-84c6d9f7b5-c5rtw_fulfillment_label-printer",
        "ERROR cups: printer zebra-dock-4 unavailable",
      ),
    ],
  },
  {
    name: "/eks/eks-logistics-prod/partners/carrier-rates",
    events: [
      event(
        "2026-07-30T10:58:44Z",
        "carrier-rates-5b8d7c6f94-qm4zd",
        "WARN slow query 21408 ms: select rc.* from rate_cards rc",
      ),
      event(
        "2026-07-30T11:03:55Z",
        "carrier-rates-5b8d7c6f94-x9kfr",
        "ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=57)",
      ),
    ],
  },
  { name: "/eks/eks-logistics-prod/partners/label-printer", events: [] },
]

describe("following blamed dependencies", () => {
  it.scoped("queries the dependency's groups and reports its errors in scope, after the service's own", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups, now)
      const task = taskFor({ text: alert, alertTime: "2026-07-30T11:18:09Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      expect(result.findings.map((f) => [f.service, f.severity])).toEqual([
        ["shipping-quote", "high"],
        ["carrier-rates", "high"],
        ["label-printer", "info"],
      ])
      expect(result.findings[1]?.detail).toContain(
        "carrier-rates is a dependency the alerting service's own errors blame",
      )
      expect(result.findings[0]?.detail).toContain("It names its dependency carrier-rates")
      expect(result.scanned).toEqual([
        "loggroup//aws/containerinsights/eks-logistics-prod/application",
        "loggroup//eks/eks-logistics-prod/partners/carrier-rates",
      ])
      expect(result.summary).toContain(
        "followed carrier-rates, blamed by shipping-quote's own errors, to /eks/eks-logistics-prod/partners/carrier-rates",
      )
      const queries = errorQueries(replay.requests())
      expect(queries.map((q) => q.body)).toMatchObject([
        { logGroupNames: ["/aws/containerinsights/eks-logistics-prod/application"] },
        { logGroupNames: ["/eks/eks-logistics-prod/partners/carrier-rates"] },
      ])
    }),
  )

  it.scoped("does not follow when too little time is left", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(groups, now)
      const task = taskFor({ text: alert, alertTime: "2026-07-30T11:18:09Z", now, reportAtS: 3 })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      expect(errorQueries(replay.requests())).toHaveLength(1)
      expect(result.findings.map((f) => f.service)).toEqual(["shipping-quote", "label-printer"])
    }),
  )

  it("searches by a service name or a hostname's first label, never an IP or a generic word", () => {
    expect(dependencySearchName("carrier-rates")).toBe("carrier-rates")
    expect(dependencySearchName("carrier-rates.partners.svc.cluster.local")).toBe("carrier-rates")
    expect(dependencySearchName("10.61.36.5")).toBeNull()
    expect(dependencySearchName("the database")).toBeNull()
    expect(dependencySearchName("postgres")).toBeNull()
  })
})
