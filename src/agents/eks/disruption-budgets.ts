/**
 * A PodDisruptionBudget that allows no disruption over an in-scope workload that is already
 * short of replicas or runs on cordoned nodes. Every eviction of its pods is refused (the
 * eviction API answers 429), so a `kubectl drain`, a managed nodegroup upgrade or the cluster
 * autoscaler's scale-down waits on it: the upgrade stalls and the workload stays below its
 * replicas. The pods' own status shows only "Pending" or "Insufficient memory"; the budget is
 * why nothing moves. A budget at zero over a healthy workload on schedulable nodes is a
 * configuration to mention at most, not a failure, and is not reported. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import type { Node } from "../../domain/kubernetes.js"
import { type PodDisruptionBudget, selectorMatches } from "../../domain/kubernetes-policies.js"
import {
  type AnalysisContext,
  eksFinding,
  failureSeverity,
  observedNow,
  plural,
  type ScopedWorkload,
} from "./eks-finding.js"

/** Events that say an eviction was refused for a budget. */
const refusedEviction = /disruption budget|poddisruptionbudget|cannot evict pod/i

const budgetText = (pdb: PodDisruptionBudget): string =>
  [
    pdb.spec.minAvailable === undefined ? null : `minAvailable ${pdb.spec.minAvailable}`,
    pdb.spec.maxUnavailable === undefined ? null : `maxUnavailable ${pdb.spec.maxUnavailable}`,
    pdb.status.currentHealthy === undefined
      ? null
      : `${pdb.status.currentHealthy} healthy${pdb.status.expectedPods === undefined ? "" : ` of ${pdb.status.expectedPods} expected`}`,
  ]
    .filter((t) => t !== null)
    .join(", ")

export const disruptionBudgetFindings = (
  workloads: ReadonlyArray<ScopedWorkload>,
  budgets: ReadonlyArray<PodDisruptionBudget>,
  nodes: ReadonlyArray<Node>,
  ctx: AnalysisContext,
): ReadonlyArray<Finding> => {
  const cordoned = new Set(nodes.filter((n) => n.spec.unschedulable === true).map((n) => n.metadata.name))
  return budgets.flatMap((pdb) => {
    const selector = pdb.spec.selector
    if (selector === undefined || pdb.status.disruptionsAllowed !== 0) return []
    const ns = pdb.metadata.namespace ?? ""
    const w = workloads.find(
      (x) =>
        x.inScope && x.namespace === ns && x.pods.some((p) => selectorMatches(selector, p.metadata.labels)),
    )
    if (w === undefined) return []
    const desired = w.desired ?? w.pods.length
    const short = w.ready < desired
    const onCordoned = w.pods.filter((p) => p.spec.nodeName !== undefined && cordoned.has(p.spec.nodeName))
    const refused = w.events.filter((e) => refusedEviction.test(e.message ?? ""))
    if (!short && onCordoned.length === 0 && refused.length === 0) return []
    const cordonedNodes = [...new Set(onCordoned.flatMap((p) => p.spec.nodeName ?? []))]
    const facts = [
      short ? `${w.ready}/${desired} replicas ready` : null,
      onCordoned.length === 0
        ? null
        : `${plural(onCordoned.length, "pod")} on cordoned ${cordonedNodes.length === 1 ? "node" : "nodes"} ${cordonedNodes.join(", ")} cannot be evicted`,
      refused[0] === undefined
        ? null
        : `${refused[0].reason ?? "event"}: ${(refused[0].message ?? "").slice(0, 200)}`,
    ].filter((t) => t !== null)
    return [
      eksFinding({
        kind: "disruption_budget",
        title: `${w.name}: PodDisruptionBudget ${pdb.metadata.name} allows 0 disruptions (${budgetText(pdb)}): evictions of its pods are refused, node drains block`,
        detail:
          `PodDisruptionBudget ${ns}/${pdb.metadata.name} selects ${w.kind} ${w.namespace}/${w.name}'s pods and allows no disruption now; ` +
          `a drain, a nodegroup upgrade or an autoscaler scale-down cannot evict them until more replicas are healthy. ${facts.join("; ")}.`,
        severity: short ? failureSeverity(w) : "medium",
        observedAt: observedNow(ctx),
        resource: `poddisruptionbudget/${ns}/${pdb.metadata.name}`,
        service: w.name,
      }),
    ]
  })
}
