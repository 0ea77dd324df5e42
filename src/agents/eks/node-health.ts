/**
 * Node health for the nodes the scoped pods run on (and, for a node alert, that node):
 * `node_not_ready` when the Ready condition is False or Unknown (high: every pod on it is at
 * risk) and `node_pressure` for Memory/Disk/PID pressure (medium), each naming what runs there.
 * A node no in-scope pod uses and the alert does not name is evidence only (low). Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { instantOf, type Node, type Pod } from "../../domain/kubernetes.js"
import type { Severity } from "../../domain/severity.js"
import { eksFinding, plural, type ScopedWorkload } from "./eks-finding.js"

export interface NodeTenant {
  readonly workload: ScopedWorkload
  readonly pod: Pod
}

const pressures = ["MemoryPressure", "DiskPressure", "PIDPressure"]

const tenantsText = (tenants: ReadonlyArray<NodeTenant>): string => {
  const names = [...new Set(tenants.map((t) => `${t.workload.namespace}/${t.workload.name}`))]
  return names.length === 0
    ? "no scanned pods"
    : `${plural(tenants.length, "scanned pod")} of ${names.slice(0, 5).join(", ")}`
}

/** The one in-scope workload on the node, to group its finding with that workload's; else null. */
const serviceOf = (tenants: ReadonlyArray<NodeTenant>): string | null => {
  const scoped = [...new Set(tenants.filter((t) => t.workload.inScope).map((t) => t.workload.name))]
  return scoped.length === 1 ? (scoped[0] ?? null) : null
}

export const nodeFindings = (
  node: Node,
  tenants: ReadonlyArray<NodeTenant>,
  namedByAlert: boolean,
): ReadonlyArray<Finding> => {
  const name = node.metadata.name
  const relevant = namedByAlert || tenants.some((t) => t.workload.inScope)
  const scale = (s: Severity): Severity => (relevant ? s : "low")
  const conditions = node.status.conditions
  const ready = conditions.find((c) => c.type === "Ready")
  const out: Array<Finding> = []
  const base = { resource: `node/${name}`, service: serviceOf(tenants) }
  const taints = node.spec.taints.map((t) => `${t.key}:${t.effect ?? ""}`).join(", ")
  if (ready === undefined || ready.status !== "True") {
    const state =
      ready === undefined ? "no Ready condition" : ready.status === "Unknown" ? "Unknown" : "NotReady"
    out.push(
      eksFinding({
        ...base,
        kind: "node_not_ready",
        title: `node ${name}: ${state}${ready?.reason === undefined ? "" : ` (${ready.reason})`} — runs ${tenantsText(tenants)}`,
        detail: `${ready?.message ?? "The kubelet reports no readiness."}${taints === "" ? "" : ` Taints: ${taints}.`}${node.spec.unschedulable === true ? " Cordoned." : ""}`,
        severity: scale("high"),
        observedAt: instantOf(ready?.lastTransitionTime),
        excerpt: ready?.message ?? null,
      }),
    )
  }
  const under = conditions.filter((c) => pressures.includes(c.type) && c.status === "True")
  if (under.length > 0) {
    out.push(
      eksFinding({
        ...base,
        kind: "node_pressure",
        title: `node ${name}: ${under.map((c) => c.type).join(", ")} — runs ${tenantsText(tenants)}`,
        detail: under.map((c) => `${c.type}: ${c.message ?? c.reason ?? "True"}`).join("; "),
        severity: scale("medium"),
        observedAt: instantOf(under[0]?.lastTransitionTime),
        excerpt: under[0]?.message ?? null,
      }),
    )
  }
  return out
}
