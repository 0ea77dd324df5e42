/**
 * Where an alerting workload's pods run: one info finding listing its nodes and the pods on each
 * (domain/pod-placement.ts writes the line). Not a failure: a node's own limit — its conntrack
 * table full, the kernel dropping packets — breaks only the pods on that node, and their error
 * lines never name it; cause inference reads this to tie them to it. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { type NodePods, placementText } from "../../domain/pod-placement.js"
import { type AnalysisContext, eksFinding, observedNow, plural, type ScopedWorkload } from "./eks-finding.js"
import { resourceOf } from "./workloads.js"

const maxNodes = 12
const maxPodsPerNode = 20

/** The nodes `w`'s pods run on, the most pods first, then by name. */
export const placementOf = (w: ScopedWorkload): ReadonlyArray<NodePods> => {
  const byNode = new Map<string, Array<string>>()
  for (const p of w.pods) {
    const node = p.spec.nodeName
    if (node === undefined || node === "") continue
    byNode.set(node, [...(byNode.get(node) ?? []), p.metadata.name])
  }
  return [...byNode]
    .map(([node, pods]) => ({ node, pods: [...pods].sort().slice(0, maxPodsPerNode) }))
    .sort((a, b) => b.pods.length - a.pods.length || a.node.localeCompare(b.node))
    .slice(0, maxNodes)
}

/** An info finding naming the nodes an in-scope workload's pods run on, or null when none is known. */
export const podPlacementFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  if (!w.inScope) return null
  const placement = placementOf(w)
  if (placement.length === 0) return null
  const pods = placement.reduce((n, p) => n + p.pods.length, 0)
  return eksFinding({
    kind: "pod_placement",
    severity: "info",
    title: `${w.name}: ${plural(pods, "pod")} on ${plural(placement.length, "node")}`,
    detail:
      `${w.kind} ${w.namespace}/${w.name}'s ${placementText(placement)}. ` +
      "Not a failure: where it runs, so a node's own limit can explain the pods on that node only.",
    observedAt: observedNow(ctx),
    resource: resourceOf(w),
    service: w.name,
  })
}
