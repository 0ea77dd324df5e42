/**
 * Which in-scope workloads are bystanders of another's capacity shortage. A person's report that
 * names no workload puts every failing one in scope; when one of them cannot be scheduled for a
 * shortage (Insufficient cpu, its node group at max size), a workload in another namespace whose
 * pods wait only because no node matches their affinity, selector or tolerations (a GPU pool
 * scaled to zero) is failing for a different reason the alert does not describe — evidence of
 * low relevance, like any workload the alert does not name. Kept in scope: a workload the alert
 * names (a strong match), one in the short workload's namespace, one short of capacity too, and
 * one with any failure besides waiting to be scheduled. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { saysPlacementOnly, saysShortage } from "../../domain/scheduling-reasons.js"
import type { ScopedWorkload } from "./eks-finding.js"
import { strongMatch } from "./relevance.js"

/** What a workload that only waits to be scheduled shows: the wait, the autoscaler, fewer replicas. */
const waitingKinds: ReadonlySet<string> = new Set(["unschedulable", "autoscaler", "replicas_unavailable"])

const textOf = (f: Finding): string => `${f.title}\n${f.detail}\n${f.excerpt ?? ""}`

export interface Analyzed {
  readonly w: ScopedWorkload
  readonly findings: ReadonlyArray<Finding>
}

/** The workloads among `analyzed` that are bystanders (see the module header). */
export const schedulingBystanders = (analyzed: ReadonlyArray<Analyzed>): ReadonlySet<ScopedWorkload> => {
  const unschedulable = (a: Analyzed) => a.findings.filter((f) => f.kind === "unschedulable")
  const short = analyzed.filter((a) => unschedulable(a).some((f) => saysShortage(textOf(f))))
  if (short.length === 0) return new Set()
  const shortNamespaces = new Set(short.map((a) => a.w.namespace))
  return new Set(
    analyzed
      .filter(
        (a) =>
          a.w.relevance < strongMatch &&
          !shortNamespaces.has(a.w.namespace) &&
          unschedulable(a).some((f) => saysPlacementOnly(textOf(f))) &&
          !a.findings.some((f) => saysShortage(textOf(f))) &&
          a.findings.every((f) => f.severity === "info" || waitingKinds.has(f.kind)),
      )
      .map((a) => a.w),
  )
}
