/**
 * PodDisruptionBudgets that refuse every eviction (disruption-budgets.ts): a budget at zero over
 * a workload short of replicas, or over pods on a cordoned node, is named with its numbers; a
 * budget that still allows a disruption, or one at zero over a healthy workload on schedulable
 * nodes, is not a finding.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { disruptionBudgetFindings } from "../../../src/agents/eks/disruption-budgets.js"
import type { Node } from "../../../src/domain/kubernetes.js"
import { Node as NodeSchema } from "../../../src/domain/kubernetes.js"
import { PodDisruptionBudget } from "../../../src/domain/kubernetes-policies.js"
import { ctx, deployment, pod, replicaSet, running, scoped } from "./fixtures/objects.js"

const labels = { app: "ledger-api" }
const workloads = (ready: number, inScope = true) =>
  scoped(
    {
      deployments: [deployment({ name: "ledger-api", replicas: 3, ready, labels })],
      replicaSets: [replicaSet({ name: "ledger-api-6b7f9", deployment: "ledger-api", revision: 19 })],
      pods: ["a", "b", "c"].slice(0, Math.max(ready, 1)).map((x, i) =>
        pod({
          name: `ledger-api-6b7f9-${x}q2n`,
          owner: { kind: "ReplicaSet", name: "ledger-api-6b7f9" },
          labels,
          node: `ip-10-50-${i}-34.eu-central-1.compute.internal`,
          statuses: [running("api")],
        }),
      ),
    },
    inScope,
  )
const budget = (disruptionsAllowed: number) =>
  Schema.decodeUnknownSync(PodDisruptionBudget)({
    metadata: { name: "ledger-api", namespace: "shop" },
    spec: { minAvailable: 3, selector: { matchLabels: labels } },
    status: { disruptionsAllowed, currentHealthy: 3, desiredHealthy: 3, expectedPods: 3 },
  })
const cordoned: ReadonlyArray<Node> = [
  Schema.decodeUnknownSync(NodeSchema)({
    metadata: { name: "ip-10-50-0-34.eu-central-1.compute.internal" },
    spec: { unschedulable: true },
  }),
]

describe("disruptionBudgetFindings", () => {
  it("names a budget at zero over pods on a cordoned node: the drain is blocked", () => {
    const findings = disruptionBudgetFindings(workloads(3), [budget(0)], cordoned, ctx)
    expect(findings.map((f) => [f.kind, f.severity, f.resource, f.service])).toEqual([
      ["disruption_budget", "medium", "poddisruptionbudget/shop/ledger-api", "ledger-api"],
    ])
    expect(findings[0]?.title).toBe(
      "ledger-api: PodDisruptionBudget ledger-api allows 0 disruptions (minAvailable 3, 3 healthy of 3 expected): evictions of its pods are refused, node drains block",
    )
    expect(findings[0]?.detail).toContain(
      "1 pod on cordoned node ip-10-50-0-34.eu-central-1.compute.internal cannot be evicted",
    )
  })

  it("rates a budget at zero over a workload short of replicas by the workload's state", () => {
    const [finding] = disruptionBudgetFindings(workloads(2), [budget(0)], [], ctx)
    expect(finding?.severity).toBe("high")
    expect(finding?.detail).toContain("2/3 replicas ready")
  })

  it("says nothing of a budget that allows a disruption, a healthy workload, or one out of scope", () => {
    expect(disruptionBudgetFindings(workloads(2), [budget(1)], cordoned, ctx)).toEqual([])
    expect(disruptionBudgetFindings(workloads(3), [budget(0)], [], ctx)).toEqual([])
    expect(disruptionBudgetFindings(workloads(2, false), [budget(0)], cordoned, ctx)).toEqual([])
  })
})
