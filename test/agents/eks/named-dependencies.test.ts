/**
 * The dependencies an alert on a caller blames — the callee its circuit breaker guards or its
 * calls time out against, in the alert's own words or labels — and where their workloads live.
 * Decoys: a breaker alert that names no callee, an HTTP method after "timeout on", the caller
 * itself, a breaker named only in the caller's logs (not the alert).
 */
import { describe, expect, it } from "vitest"
import {
  dependencyHomes,
  namedDependencies,
  withDependenciesAsNamed,
} from "../../../src/agents/eks/named-dependencies.js"
import { alertTerms } from "../../../src/agents/eks/relevance.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { pod } from "./fixtures/objects.js"

const named = (text: string) => namedDependencies(text, extractFacts(text, defaultConfig.severity.labels))

describe("namedDependencies", () => {
  it("reads the callee of a Grafana breaker alert from its summary and its resilience4j `name` label", () => {
    const text = `[Alerting] TripsCircuitBreakerOpen
Labels:
 - alertname = TripsCircuitBreakerOpen
 - application = trips-api
 - name = fare-quote
 - namespace = trips
Annotations:
 - summary = Circuit breaker fare-quote in trips-api has been OPEN for 3m`
    expect(named(text)).toEqual(["fare-quote"])
  })

  it("reads other wordings: a quoted breaker, a breaker after the callee, calls timing out", () => {
    expect(
      named("[FIRING:1] BreakerOpen (orders) CircuitBreaker 'stock-ledger' is OPEN in namespace orders"),
    ).toEqual(["stock-ledger"])
    expect(named("checkout-web: the `tax-engine` breaker tripped, falling back to cached rates")).toEqual([
      "tax-engine",
    ])
    expect(
      named(
        "[FIRING:1] CourierEtaTimeouts\n • *service:* `courier-api`\n calls to geo-coder timing out (p99 > 2s)",
      ),
    ).toEqual(["geo-coder"])
    expect(
      named(
        "[FIRING:1] CourierEtaTimeouts\n • *service:* `courier-api`\n timeouts calling geo-coder since 04:10",
      ),
    ).toEqual(["geo-coder"])
  })

  it("keeps the upstream a label names (facts.dependencies)", () => {
    expect(named("[FIRING:1] UpstreamErrors\n • *service:* `billing`\n • *upstream:* `ledger-db`")).toEqual([
      "ledger-db",
    ])
  })

  it("names nothing for a breaker alert without a callee, an HTTP method, or the caller itself", () => {
    expect(named("[FIRING:1] CircuitBreakerOpen (search-api) circuit breaker open for 5m")).toEqual([])
    expect(named("Errors: 504 Gateway Timeout on `POST /api/orders` (412 in last 5m)")).toEqual([])
    expect(
      named("[FIRING:1] HighLatency\n • *service:* `search-api`\n search-api circuit breaker open"),
    ).toEqual([])
    // A label `name = …` is a breaker's only on a breaker alert.
    expect(named("[FIRING:1] KubeJobFailed\n - name = nightly-export\n - namespace = batch")).toEqual([])
  })
})

describe("dependencyHomes", () => {
  const pods = [
    pod({
      name: "fare-quote-7c5d9f8b6-m4kq2",
      namespace: "pricing",
      owner: { kind: "ReplicaSet", name: "fare-quote-7c5d9f8b6" },
    }),
    pod({
      name: "geo-0",
      namespace: "maps",
      labels: { "app.kubernetes.io/name": "geo-coder" },
      owner: { kind: "StatefulSet", name: "geo" },
    }),
    pod({
      name: "trips-api-5f8b7d6c4-t9wzl",
      namespace: "trips",
      owner: { kind: "ReplicaSet", name: "trips-api-5f8b7d6c4" },
    }),
    pod({
      name: "fare-quote-old-abcde",
      namespace: "trips",
      owner: { kind: "ReplicaSet", name: "fare-quote-old" },
    }),
  ]

  it("finds a dependency's namespace by its Deployment (through the ReplicaSet) or its labels", () => {
    expect(dependencyHomes(pods, ["fare-quote"], "trips")).toEqual(["pricing"])
    expect(dependencyHomes(pods, ["geo-coder"], "trips")).toEqual(["maps"])
    expect(dependencyHomes(pods, ["fare-quote", "geo-coder"], "trips")).toEqual(["maps", "pricing"])
  })

  it("never the alert's own namespace, nothing for a name no pod carries", () => {
    expect(dependencyHomes(pods, ["trips-api"], "trips")).toEqual([])
    expect(dependencyHomes(pods, ["payments-gateway"], "trips")).toEqual([])
  })
})

describe("withDependenciesAsNamed", () => {
  it("adds the dependencies to the alert's names, and leaves the terms alone without any", () => {
    const terms = alertTerms(
      extractFacts("[FIRING:1] X\n • *service:* `trips-api`", defaultConfig.severity.labels),
    )
    expect(withDependenciesAsNamed(terms, [])).toBe(terms)
    expect([...withDependenciesAsNamed(terms, ["fare-quote"]).names]).toEqual(["trips-api", "fare-quote"])
  })
})
