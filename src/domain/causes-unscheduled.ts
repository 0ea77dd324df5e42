/**
 * An alert the cluster-autoscaler (or Karpenter) raises about pods it cannot place names the
 * autoscaler — its `job` label — not the pods: its metrics rising are the messenger, and the
 * workloads whose pods wait unscheduled are what the alert is about. Those become the scope; the
 * autoscaler's own findings still join them as what explains their scheduling (causes-scope.ts).
 * An alert that names a workload is left as it is. Pure.
 */
import { modeOf } from "./causes-modes.js"
import { subjectKey } from "./causes-names.js"
import type { Finding } from "./finding.js"
import type { AlertScope } from "./report-scope.js"

const autoscalers = new Set(["cluster-autoscaler", "karpenter"])

/** `base` with the autoscaler it names replaced by the workloads whose pods it cannot schedule. */
export const withUnscheduledWorkloads = (base: AlertScope, findings: ReadonlyArray<Finding>): AlertScope => {
  if (base.everything || ![...base.names].some((n) => autoscalers.has(n))) return base
  const waiting = findings
    .filter((f) => f.kind === "unschedulable" && modeOf(f) === "scheduling" && f.service !== null)
    .map((f) => subjectKey(f).key)
    .filter((k) => !autoscalers.has(k))
  if (waiting.length === 0) return base
  const names = new Set([...[...base.names].filter((n) => !autoscalers.has(n)), ...waiting])
  return { ...base, names }
}
