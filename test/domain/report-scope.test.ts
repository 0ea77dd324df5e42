/**
 * What the alert's names cover: the names themselves, a one-word name's workloads (a person's
 * "orders" → `orders-api`), and a CronJob's runs (`<cronjob>-<scheduled minute>`) both ways.
 */
import { describe, expect, it } from "vitest"
import { inScope, scopeHas, scopeOf } from "../../src/domain/report-scope.js"
import { finding, oomFacts } from "./build-report-support.js"

const facts = (over: Partial<typeof oomFacts>) => ({
  ...oomFacts,
  namespace: null,
  workload: null,
  service: null,
  pod: null,
  node: null,
  ...over,
})

describe("scopeHas", () => {
  it("a one-word service covers its hyphenated workloads, not other words that start the same", () => {
    const scope = scopeOf(facts({ service: "orders" }))
    expect(scopeHas(scope, "orders")).toBe(true)
    expect(scopeHas(scope, "orders-api")).toBe(true)
    expect(scopeHas(scope, "ordersync")).toBe(false)
    expect(scopeHas(scope, "billing-orders")).toBe(false)
  })

  it("a hyphenated name is not a stem", () => {
    const scope = scopeOf(facts({ service: "orders-api" }))
    expect(scopeHas(scope, "orders-api-v2")).toBe(false)
  })

  it("a CronJob run and the CronJob are the same workload, either way round", () => {
    const run = scopeOf(facts({ workload: "ledger-reconcile-30035700" }))
    expect(scopeHas(run, "ledger-reconcile")).toBe(true)
    const cron = scopeOf(facts({ service: "ledger-reconcile" }))
    expect(scopeHas(cron, "ledger-reconcile-30035760")).toBe(true)
    expect(scopeHas(cron, "ledger-reconcile-v2")).toBe(false)
  })
})

describe("inScope with stems", () => {
  it("a log signature of orders-api is in scope for 'orders are timing out'", () => {
    const scope = scopeOf(facts({ service: "orders" }))
    const f = finding("cloudwatch_logs", {
      title: "orders-api: ERROR handler timeout",
      service: "orders-api",
      resource: "loggroup/orders-api",
    })
    expect(inScope(scope, f)).toBe(true)
  })
})

describe("inScope with the log groups the alert names", () => {
  const lines = (group: string, service: string) =>
    finding("cloudwatch_logs", {
      title: `${service}: ERROR send sms failed (status 429)`,
      service,
      resource: `loggroup/${group}`,
    })

  it("a group the alert links holds its own lines, whatever the alarm calls the service", () => {
    const scope = scopeOf(
      facts({ service: "identity-otp-delivery", logGroups: ["/eks/prod/identity/otp-sender"] }),
    )
    expect(inScope(scope, lines("/eks/prod/identity/otp-sender", "otp-sender"))).toBe(true)
    expect(inScope(scope, lines("/eks/prod/identity/sms-webhook", "sms-webhook"))).toBe(false)
  })

  it("a cluster's shared application group names nobody's lines", () => {
    const shared = "/aws/containerinsights/prod/application"
    const scope = scopeOf(facts({ service: "checkout-api", logGroups: [shared] }))
    expect(inScope(scope, lines(shared, "email-renderer"))).toBe(false)
    expect(scope.groups.size).toBe(0)
  })
})

describe("inScope for a node alert", () => {
  it("what runs on the alert's node is in scope, whatever else the alert names", () => {
    const scope = scopeOf(facts({ service: "ng-general", node: "ip-10-50-2-34" }))
    const pinned = (detail: string) =>
      finding("eks", {
        title: "ledger-api: PodDisruptionBudget ledger-api allows 0 disruptions",
        detail,
        service: "ledger-api",
        resource: "poddisruptionbudget/ledger/ledger-api",
      })
    expect(inScope(scope, pinned("1 pod on cordoned node ip-10-50-2-34.eu-central-1.compute.internal"))).toBe(
      true,
    )
    expect(
      inScope(scope, pinned("1 pod on cordoned node ip-10-50-2-341.eu-central-1.compute.internal")),
    ).toBe(false)
  })
})
