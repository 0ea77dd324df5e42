/**
 * A second look for the metric agent when the alert names nothing it can query. A queue's
 * backlog, a person's "online ordering is broken", a Grafana panel about a node group: no
 * service, namespace or workload, so every metric template is skipped — while the Kubernetes
 * agent, reading the whole cluster, has found the workload in trouble. The master then asks the
 * metric agent again with the alert's facts scoped to that workload (orchestrator.ts), so the
 * report carries its error rate, latency, saturation and restarts instead of "skipped".
 */
import type { AgentId, SpecialistId } from "./agent-id.js"
import type { AgentResult } from "./agent-result.js"
import type { AlertFacts } from "./alert-facts.js"
import type { Finding } from "./finding.js"
import { parseResource } from "./report-scope.js"
import { severityRank } from "./severity.js"

/** Agents whose queries are built from the alert's scope, and the agents whose findings can give it. */
const rescoped: ReadonlyArray<SpecialistId> = ["prometheus"]
const scopeFrom: ReadonlyArray<SpecialistId> = ["eks"]

/** Workload kinds whose `kind/namespace/name` resource names a workload (not a certificate, a node, a quota). */
const workloadKinds = new Set([
  "deployment",
  "statefulset",
  "daemonset",
  "replicaset",
  "pod",
  "job",
  "cronjob",
])

export interface Scope {
  readonly service: string
  readonly namespace: string | null
  readonly workload: string | null
}

/** The alert names a scope of its own: nothing to follow up. */
const scoped = (facts: AlertFacts): boolean =>
  facts.service !== null || facts.namespace !== null || facts.workload !== null || facts.pod !== null

/** Where a finding points, when it is about a workload and names its service. */
const scopeOf = (f: Finding): Scope | null => {
  if (f.service === null || f.service === "") return null
  const r = parseResource(f.resource)
  if (r === null || r.namespace === null || !workloadKinds.has(r.kind)) return null
  // A pod names no workload of its own: the service and namespace scope the queries.
  return { service: f.service, namespace: r.namespace, workload: r.kind === "pod" ? null : r.name }
}

/**
 * The scope to ask again with: the strongest finding (medium or above) of a scope-giving agent
 * that is about a workload; null when the alert is scoped already or no such finding exists.
 */
export const followUpScope = (facts: AlertFacts, results: ReadonlyArray<AgentResult>): Scope | null => {
  if (scoped(facts)) return null
  const candidates = results
    .filter((r) => scopeFrom.some((a) => a === r.agent) && r.status === "ok")
    .flatMap((r) => r.findings)
    .filter((f) => severityRank(f.severity) >= severityRank("medium"))
    // Strongest first; among equals the agent's own order (its most relevant first).
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
  for (const { f } of candidates) {
    const scope = scopeOf(f)
    if (scope !== null) return scope
  }
  return null
}

const isRescoped = (agent: AgentId): agent is SpecialistId => rescoped.some((a) => a === agent)

/** The agents to ask again: those skipped (for want of a scope: the only reason they skip). */
export const agentsToRescope = (results: ReadonlyArray<AgentResult>): ReadonlyArray<SpecialistId> =>
  results.flatMap((r) => (r.status === "skipped" && isRescoped(r.agent) ? [r.agent] : []))

/** The alert's facts with the follow-up's scope filled in (the alert's own words are kept). */
export const withScope = (facts: AlertFacts, scope: Scope): AlertFacts => ({
  ...facts,
  service: scope.service,
  namespace: scope.namespace,
  workload: scope.workload,
})
