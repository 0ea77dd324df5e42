/**
 * A follow-up through the dependency a service's own errors blame (failing-dependency-scope.ts via
 * follow-up-scope.ts): an `upstream=` key, an in-cluster DNS name `svc.ns:port`, a URL — when the
 * cluster agent saw that workload failing (rated low: the alert does not name it). Decoys: a
 * failing workload the errors do not name, a named dependency the cluster agent saw nothing wrong
 * with — the service itself is the scope then, as before.
 */
import { describe, expect, it } from "vitest"
import type { SpecialistId } from "../../src/domain/agent-id.js"
import type { AgentResult } from "../../src/domain/agent-result.js"
import { type AlertFacts, extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { failingDependencyScope } from "../../src/domain/failing-dependency-scope.js"
import type { Finding } from "../../src/domain/finding.js"
import { followUpScope } from "../../src/domain/follow-up-scope.js"
import type { Severity } from "../../src/domain/severity.js"

const finding = (
  agent: SpecialistId,
  severity: Severity,
  title: string,
  resource: string | null,
  service: string | null,
): Finding => ({
  id: `${agent}#1`,
  agent,
  title,
  detail: "",
  severity,
  kind: "log_signature",
  observedAt: null,
  resource,
  service,
  link: null,
  excerpt: null,
})

const result = (agent: SpecialistId, findings: ReadonlyArray<Finding>): AgentResult => ({
  agent,
  status: "ok",
  findings,
  summary: "",
  reason: null,
  scanned: [],
  usage: [],
  durationMs: 0,
})

const person: AlertFacts = extractFacts(
  "customers say the seat map never loads, it just spins. anything changed this morning?",
  defaultConfig.severity.labels,
)

const oom = (workload: string, namespace: string) => [
  finding(
    "eks",
    "low",
    `${workload}: container app OOMKilled in 2/2 pods`,
    `pod/${namespace}/${workload}-6c9d-x1`,
    workload,
  ),
  finding("eks", "low", `${workload}: 0/2 replicas ready`, `deployment/${namespace}/${workload}`, workload),
]

const logs = (title: string, service: string) =>
  result("cloudwatch_logs", [finding("cloudwatch_logs", "high", title, "loggroup//aws/app", service)])

describe("follow-up through a failing dependency", () => {
  it("upstream=svc.ns:port in the service's errors, that workload OOMKilled → the dependency's scope", () => {
    const scope = followUpScope(person, [
      logs(
        'seat-bff: ERROR GET /v2/seatmap upstream=seat-layout.venues:8080 error="upstream timeout"',
        "seat-bff",
      ),
      result("eks", oom("seat-layout", "venues")),
    ])
    expect(scope).toEqual({ service: "seat-layout", namespace: "venues", workload: "seat-layout" })
  })

  it("a URL in a Java client's timeout, a StatefulSet not ready → that workload", () => {
    const cluster = [
      finding("eks", "low", "fare-cache: 1/3 replicas ready", "statefulset/pricing/fare-cache", "fare-cache"),
    ]
    const blaming = finding(
      "cloudwatch_logs",
      "high",
      "booking-api: SocketTimeoutException calling http://fare-cache.pricing.svc.cluster.local:6380/get",
      "loggroup//aws/app",
      "booking-api",
    )
    expect(failingDependencyScope(blaming, cluster)).toEqual({
      service: "fare-cache",
      namespace: "pricing",
      workload: "fare-cache",
    })
  })

  it("a key=value target in a metric finding's title works the same", () => {
    const blaming = finding(
      "prometheus",
      "high",
      "ledger-api: 5xx 41% (target=rates-svc)",
      null,
      "ledger-api",
    )
    expect(failingDependencyScope(blaming, oom("rates-svc", "fx"))?.service).toBe("rates-svc")
  })

  it("decoy: a failing workload the service's errors do not name stays out: the service is the scope", () => {
    const scope = followUpScope(person, [
      logs(
        'seat-bff: ERROR GET /v2/seatmap upstream=seat-layout.venues:8080 error="upstream timeout"',
        "seat-bff",
      ),
      result("eks", oom("promo-banner", "marketing")),
    ])
    expect(scope).toEqual({ service: "seat-bff", namespace: null, workload: null })
  })

  it("decoy: a named dependency the cluster agent saw nothing wrong with is no redirection", () => {
    const scope = followUpScope(person, [
      logs(
        'seat-bff: ERROR GET /v2/seatmap upstream=seat-layout.venues:8080 error="upstream timeout"',
        "seat-bff",
      ),
      result("eks", []),
    ])
    expect(scope?.service).toBe("seat-bff")
  })
})
