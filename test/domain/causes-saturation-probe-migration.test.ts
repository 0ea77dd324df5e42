/**
 * Stop 20's causes: a saturated HPA at its ceiling, a rollout that moved a probe, and a schema
 * migration before lock errors each lead the symptoms they cause — the probe failures and
 * liveness kills, the deadlocks — instead of the symptoms leading on their own. Decoys: an HPA
 * at max only a little over target leaves the probe failures their own cause.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const catalogFacts = facts({ alertName: "CatalogSlow", namespace: "store", workload: "catalog-api" })

const probeKills: Spec = {
  agent: "eks",
  kind: "probe_failure",
  severity: "high",
  at: "13:02",
  resource: "pod/store/catalog-api-6d9-x1",
  service: "catalog-api",
  title:
    "catalog-api: container app killed by the kubelet after failed liveness probes in 2/10 pods (Error, exit 143), 2 restarts",
}
const atMax = (title: string): Spec => ({
  agent: "eks",
  kind: "hpa_maxed",
  severity: title.includes("saturated") ? "high" : "medium",
  at: "12:55",
  resource: "hpa/store/catalog-api",
  service: "catalog-api",
  title,
})

describe("an HPA at its ceiling, saturated", () => {
  it("leads the probe failures it causes, named with the saturation", () => {
    const [top] = causesFor(
      catalogFacts,
      numbered([
        probeKills,
        atMax(
          "catalog-api: HPA catalog-api at max 10/10 replicas; cpu 210% vs 70% target — cpu saturated (3.0× target)",
        ),
      ]),
    )
    expect(top?.text).toMatch(/^HPA at maxReplicas \(cpu saturated, max 10\) and liveness probe failures/)
  })

  it("decoy: a little over target at max, the probe failures stay their own cause", () => {
    const [top] = causesFor(
      catalogFacts,
      numbered([
        probeKills,
        atMax("catalog-api: HPA catalog-api at max 10/10 replicas; cpu 80% vs 70% target"),
      ]),
    )
    expect(top?.text).toMatch(/^liveness probe failures/)
  })
})

describe("a rollout that moved a probe", () => {
  it("leads the readiness failures, named by the path", () => {
    const [top] = causesFor(
      catalogFacts,
      numbered([
        {
          agent: "eks",
          kind: "probe_failure",
          severity: "medium",
          at: "13:01",
          resource: "pod/store/catalog-api-7f-a1",
          service: "catalog-api",
          title: "catalog-api: readiness probe failing (60 times on 1 pod)",
        },
        {
          agent: "eks",
          kind: "probe_changed",
          severity: "high",
          at: "12:59",
          resource: "replicaset/store/catalog-api-7f",
          service: "catalog-api",
          title:
            "catalog-api: rollout to revision 9 changed the readiness probe path /ping → /ready; the new pods' app answers it 404 (Readiness probe failed ×60)",
        },
      ]),
    )
    expect(top?.text).toContain("readiness probe path changed /ping → /ready")
    expect(top?.text).toContain("404")
  })
})

describe("a schema migration before lock errors", () => {
  it("is the change the deadlocks followed", () => {
    const [top] = causesFor(
      facts({ alertName: "BasketErrors", namespace: "store", workload: "basket-api" }),
      numbered([
        {
          agent: "cloudwatch_logs",
          kind: "log_signature",
          severity: "high",
          at: "13:01",
          resource: "loggroup//aws/containerinsights/prod/application",
          service: "basket-api",
          title: "basket-api: ERROR pq: deadlock detected (SQLSTATE 40P01) (×14)",
        },
        {
          agent: "eks",
          kind: "schema_migration",
          severity: "medium",
          at: "12:55",
          resource: "deployment/store/basket-api",
          service: "basket-api",
          title:
            "migration 0412 (Job catalog/schema-migrate-0412) completed at 12:55 UTC, created trigger trg_bump — 6 min before basket-api's lock errors",
        },
      ]),
    )
    expect(top?.text).toMatch(
      /^migration 0412 \(Job catalog\/schema-migrate-0412\) completed at 12:55 UTC, created trigger trg_bump followed by deadlocks/,
    )
  })
})
