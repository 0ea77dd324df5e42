/**
 * A Service routing to none of its workload's pods (service-selectors.ts): a selector label the
 * pods lost is found and named; a Service that still selects pods, one belonging to no in-scope
 * workload, and one without a selector are not findings.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { serviceSelectorFindings } from "../../../src/agents/eks/service-selectors.js"
import { Service } from "../../../src/domain/kubernetes.js"
import { deployment, pod, replicaSet, running, scoped } from "./fixtures/objects.js"

const labels = { app: "inventory-svc", "app.kubernetes.io/component": "backend" }
const rs = replicaSet({ name: "inventory-svc-5d7f9", deployment: "inventory-svc", revision: 23 })
const pods = [0, 1].map((i) =>
  pod({
    name: `inventory-svc-5d7f9-x${i}k2m`,
    owner: { kind: "ReplicaSet", name: "inventory-svc-5d7f9" },
    phase: "Running",
    labels,
    statuses: [running("app")],
  }),
)
const workloads = (inScope = true) =>
  scoped(
    {
      deployments: [deployment({ name: "inventory-svc", replicas: 2, ready: 2, labels })],
      replicaSets: [rs],
      pods,
    },
    inScope,
  )
const service = (name: string, selector: Record<string, string>) =>
  Schema.decodeUnknownSync(Service)({ metadata: { name, namespace: "shop" }, spec: { selector } })

describe("serviceSelectorFindings", () => {
  it("names the selector label no pod carries: the Service has no endpoints", () => {
    const findings = serviceSelectorFindings(
      workloads(),
      [service("inventory-svc", { app: "inventory-svc", tier: "backend" })],
      pods,
    )
    expect(findings.map((f) => [f.kind, f.severity, f.resource, f.service])).toEqual([
      ["service_selector", "high", "service/shop/inventory-svc", "inventory-svc"],
    ])
    expect(findings[0]?.title).toBe(
      "inventory-svc: Service inventory-svc selector matches no pods (tier=backend not on any pod): no endpoints",
    )
  })

  it("says nothing of a Service that selects pods, one of no in-scope workload, or one without a selector", () => {
    expect(
      serviceSelectorFindings(workloads(), [service("inventory-svc", { app: "inventory-svc" })], pods),
    ).toEqual([])
    expect(
      serviceSelectorFindings(
        workloads(false),
        [service("inventory-svc", { app: "inventory-svc", tier: "x" })],
        pods,
      ),
    ).toEqual([])
    expect(
      serviceSelectorFindings(workloads(), [service("legacy-landing", { app: "legacy-landing" })], pods),
    ).toEqual([])
    expect(serviceSelectorFindings(workloads(), [service("inventory-svc", {})], pods)).toEqual([])
  })
})
