/**
 * The eks agent's one-line summary, about the alerting workload first ("payments/payments-api:
 * 2/2 pods CrashLoopBackOff (OOMKilled), rollout to revision 7 at 13:01"), then how many other
 * in-scope workloads, nodes and unrelated failures there are. Says plainly when the alert's
 * workload was not found. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { type AnalysisContext, hhmm, type ScopedWorkload } from "./eks-finding.js"
import { containerFailures, lastTermination } from "./pod-failures.js"
import type { AlertTerms } from "./relevance.js"
import { revisions } from "./rollout-changes.js"

const mostCommon = (xs: ReadonlyArray<string>): string | null => {
  const counts = new Map<string, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
}

/** "2/2 pods CrashLoopBackOff (OOMKilled)", "1/3 pods Pending", or "2/2 ready". */
export const workloadState = (w: ScopedWorkload, ctx: AnalysisContext): string => {
  const failing = containerFailures(w, ctx).filter((f) => f.category !== "recovered")
  const pods = new Set(failing.map((f) => f.pod))
  if (pods.size > 0) {
    const waiting = mostCommon(
      failing.flatMap((f) =>
        f.status.state?.waiting?.reason === undefined ? [] : [f.status.state.waiting.reason],
      ),
    )
    const terminated = mostCommon(failing.flatMap((f) => lastTermination(f.status)?.reason ?? []))
    const what = waiting ?? terminated ?? "failing"
    const why = terminated !== null && terminated !== what ? ` (${terminated})` : ""
    return `${pods.size}/${w.pods.length} pods ${what}${why}`
  }
  const pending = w.pods.filter((p) => p.status.phase === "Pending").length
  if (pending > 0) return `${pending}/${w.pods.length} pods Pending`
  return w.desired === null ? `${w.ready}/${w.pods.length} pods ready` : `${w.ready}/${w.desired} ready`
}

const rolloutNote = (w: ScopedWorkload, findings: ReadonlyArray<Finding>): string | null => {
  const change = findings.find(
    (f) => (f.kind === "rollout" || f.kind === "config_change") && f.service === w.name,
  )
  const [newest] = revisions(w)
  if (change?.observedAt === undefined || change.observedAt === null || newest === undefined) return null
  return `${change.kind === "rollout" ? "rollout" : "config change"} to revision ${newest.revision} at ${hhmm(change.observedAt)}`
}

export const summarize = (
  workloads: ReadonlyArray<ScopedWorkload>,
  findings: ReadonlyArray<Finding>,
  terms: AlertTerms,
  ctx: AnalysisContext,
  podsScanned: number,
  unrelated: number,
): string => {
  const scoped = workloads.filter((w) => w.inScope)
  const [top, ...others] = scoped
  const nodeIssues = findings.filter((f) => f.kind === "node_not_ready" || f.kind === "node_pressure").length
  const tail = [
    others.length === 0 ? null : `+${others.length} more in-scope workload${others.length === 1 ? "" : "s"}`,
    nodeIssues === 0 ? null : `${nodeIssues} node issue${nodeIssues === 1 ? "" : "s"}`,
    unrelated === 0
      ? null
      : `${unrelated} unrelated failing workload${unrelated === 1 ? "" : "s"} (low relevance)`,
  ].filter((x): x is string => x !== null)
  if (top === undefined) {
    const named = [...terms.names, ...(terms.node === null ? [] : [`node ${terms.node}`])]
    const where = terms.namespace === null ? "" : ` in ${terms.namespace}`
    const head =
      named.length === 0
        ? `no workloads found${where} (${podsScanned} pods scanned)`
        : `no workload matching ${named.join(", ")} found${where} (${podsScanned} pods scanned)`
    return [head, ...tail].join("; ")
  }
  const head = [`${top.namespace}/${top.name}: ${workloadState(top, ctx)}`, rolloutNote(top, findings)]
    .filter((x): x is string => x !== null)
    .join(", ")
  return [head, ...tail].join("; ")
}
