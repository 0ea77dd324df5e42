/**
 * A second look for the metric agent when the alert names nothing it can query. A queue's
 * backlog, a person's "online ordering is broken", a Grafana panel about a node group: no
 * service, namespace or workload, so every metric template is skipped — while the Kubernetes
 * agent, reading the whole cluster, has found the workload in trouble. The master then asks the
 * metric agent again with the alert's facts scoped to that workload (orchestrator.ts), so the
 * report carries its error rate, latency, saturation and restarts instead of "skipped".
 *
 * Any specialist can give the scope: the cluster agent's workload finding first (it names the
 * namespace), else the strongest high finding of the logs or metric agent that names a service
 * (a service alone is enough: the agents re-asked search by it). And the agents re-asked are
 * those that skipped or that looked under the alert's own (guessed) names and found nothing
 * there ("no workload matching lifties found") — a person's word read as a service that no
 * finding confirms is no scope at all (guessed-scope.ts). A service whose errors blame a
 * dependency the cluster agent saw failing is followed up through that dependency. An alert that
 * names a namespace only (`namespace` + `container` labels) is followed up through the cluster
 * agent's workload in that namespace: the metric templates need a service or workload.
 */
import type { SpecialistId } from "./agent-id.js"
import type { AgentResult } from "./agent-result.js"
import type { AlertFacts } from "./alert-facts.js"
import { failingDependencyScope } from "./failing-dependency-scope.js"
import type { Finding } from "./finding.js"
import { isUnconfirmedGuess } from "./guessed-scope.js"
import { parseResource } from "./report-scope.js"
import { resolvedService } from "./resolved-service.js"
import { severityRank } from "./severity.js"

/** Agents whose queries are built from the alert's scope and can search by a service alone. */
const rescoped: ReadonlyArray<SpecialistId> = ["prometheus", "eks"]
/** The logs agent: re-asked only when the alarm's name resolved to a kin workload (agentsToRescope). */
const logsAgent: SpecialistId = "cloudwatch_logs"
/** The chat scanners: re-asked for a person's report only (agentsToRescope). */
const chatScanners: ReadonlyArray<SpecialistId> = ["slack_scanner", "discord_scanner"]
/** The agent whose workload findings give the scope first (they name the namespace). */
const clusterAgent: SpecialistId = "eks"
/** Agents whose findings name a service without a namespace: a scope when strong (high or above). */
const serviceFrom: ReadonlyArray<SpecialistId> = ["cloudwatch_logs", "prometheus"]

/**
 * Workload kinds whose `kind/namespace/name` resource names a workload (not a certificate, a node,
 * a quota). An HPA's finding (at its max) names the workload it scales: HPAs are named after it.
 */
const workloadKinds = new Set([
  "hpa",
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

/**
 * The alert names a namespace and nothing in it the metric templates can query (Grafana's
 * `KubeContainerOOMKilled` carries `namespace` and `container` only): the cluster agent's
 * workload in that same namespace is the scope. A workload elsewhere is another team's trouble.
 */
const namespaceOnly = (facts: AlertFacts): boolean =>
  facts.namespace !== null && facts.service === null && facts.workload === null && facts.pod === null

/** Where a finding points, when it is about a workload and names its service. */
const scopeOf = (f: Finding): Scope | null => {
  if (f.service === null || f.service === "") return null
  const r = parseResource(f.resource)
  if (r === null || r.namespace === null || !workloadKinds.has(r.kind)) return null
  // A pod names no workload of its own: the service and namespace scope the queries.
  return { service: f.service, namespace: r.namespace, workload: r.kind === "pod" ? null : r.name }
}

/** A logs or metric finding's service (its resource is a log group or a series, no workload). */
const serviceScopeOf = (f: Finding): Scope | null => {
  const service = f.service?.trim() ?? ""
  // "team/app" or a log group path is no service the agents can search by.
  if (service === "" || service.includes("/")) return null
  return scopeOf(f) ?? { service, namespace: null, workload: null }
}

/** `agents`' ok findings at or above `floor`, strongest first (among equals the agent's own order). */
const strongest = (
  results: ReadonlyArray<AgentResult>,
  agents: ReadonlyArray<SpecialistId>,
  floor: "medium" | "high",
): ReadonlyArray<Finding> =>
  results
    .filter((r) => agents.some((a) => a === r.agent) && r.status === "ok")
    .flatMap((r) => r.findings)
    .filter((f) => severityRank(f.severity) >= severityRank(floor))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .map(({ f }) => f)

/** The kinds that record a workload changed (a new revision), not a workload failing. */
const changeKind = "rollout"

/**
 * A person's report naming nothing ("the site is slow"): a workload the cluster agent saw roll out
 * and then fail (a probe timing out, errors) is what the report is most likely about — ahead of a
 * stronger failure of a workload nothing changed (a batch worker crash-looping in its own corner
 * since before). Among the changed-and-failing, and among the rest, the strongest comes first.
 * An alert from a monitor keeps plain strength: its rule already says what it watches.
 */
const changedFirst = (
  facts: AlertFacts,
  ranked: ReadonlyArray<Finding>,
  // Every finding of the cluster agent: a rollout is a change at whatever severity it was rated.
  clusterSaw: ReadonlyArray<Finding>,
): ReadonlyArray<Finding> => {
  if (facts.source !== "human") return ranked
  const key = (f: Finding): string | null => {
    const s = scopeOf(f)
    return s === null ? null : `${s.namespace}/${f.service}`
  }
  const changed = new Set<string | null>(clusterSaw.filter((f) => f.kind === changeKind).map(key))
  const failed = (f: Finding) => f.kind !== changeKind && changed.has(key(f))
  // A rollout alone (healthy pods on a new image) is no trouble: only its failure counts.
  const changedAndFailing = new Set(ranked.filter(failed).map(key))
  const first = ranked.filter((f) => key(f) !== null && changedAndFailing.has(key(f)))
  return [...first, ...ranked.filter((f) => !first.includes(f))]
}

/**
 * The scope to ask again with: the strongest workload finding (medium or above) of the cluster
 * agent, else the strongest high finding of the logs or metric agent naming a service; null when
 * the alert is scoped already (by more than an unconfirmed guess) or no such finding exists.
 */
export const followUpScope = (facts: AlertFacts, results: ReadonlyArray<AgentResult>): Scope | null => {
  const all = results.flatMap((r) => (r.status === "ok" ? r.findings : []))
  const clusterSaw = results.flatMap((r) => (r.agent === clusterAgent && r.status === "ok" ? r.findings : []))
  const fromCluster = changedFirst(facts, strongest(results, [clusterAgent], "medium"), clusterSaw).map(
    scopeOf,
  )
  if (namespaceOnly(facts) && !isUnconfirmedGuess(facts, all) && resolvedService(facts, all) === null)
    return fromCluster.find((s): s is Scope => s !== null && s.namespace === facts.namespace) ?? null
  // An alarm's name that resolves to a kin workload is no scope the agents could search by either.
  if (scoped(facts) && !isUnconfirmedGuess(facts, all) && resolvedService(facts, all) === null) return null
  // A service whose own errors blame a dependency the cluster agent saw failing (at any severity:
  // it rates what the alert does not name low) is asked about through that dependency
  // (failing-dependency-scope.ts).
  const fromServices = strongest(results, serviceFrom, "high").map((f) =>
    serviceScopeOf(f) === null ? null : (failingDependencyScope(f, clusterSaw) ?? serviceScopeOf(f)),
  )
  return [...fromCluster, ...fromServices].find((s): s is Scope => s !== null) ?? null
}

/**
 * An answer that looked under the alert's own names and found nothing there, or could run none of
 * its scoped queries (the metric agent with only its scope-free sweeps to show).
 */
const foundNothing = (r: AgentResult): boolean =>
  r.status === "ok" &&
  (r.findings.length === 0 ||
    r.summary.startsWith("no workload matching") ||
    r.summary.includes("no metric query applies"))

/**
 * The agents to ask again: those skipped (for want of a scope: the only reason they skip), and
 * those that found nothing under the alert's names (a guess the evidence never confirmed).
 */
export const agentsToRescope = (
  results: ReadonlyArray<AgentResult>,
  facts?: AlertFacts,
): ReadonlyArray<SpecialistId> => {
  const all = results.flatMap((r) => (r.status === "ok" ? r.findings : []))
  // The logs agent searched the application logs by the alarm's name: when that name resolves to a
  // kin workload (resolved-service.ts), it searched by the wrong words and is asked again. Other
  // follow-ups leave it be — its unscoped passes already read the shared logs' errors.
  // A person's word no finding confirms ("players") is the same: the logs were searched by it.
  const logsToo =
    facts !== undefined && (resolvedService(facts, all) !== null || isUnconfirmedGuess(facts, all))
  const askable = logsToo ? [...rescoped, logsAgent] : rescoped
  // A person's report naming nothing: the chat scanners had no name to look for, so a deploy
  // announced for the workload the follow-up found went unseen ("docs-api v3.4.0 → prod"). Asked
  // again with its name they find it; skipped (no channel to read) they stay skipped.
  const chatToo = facts?.source === "human"
  return results.flatMap((r) => {
    const agent = askable.find((a) => a === r.agent)
    if (agent !== undefined) return r.status === "skipped" || foundNothing(r) ? [agent] : []
    const scanner = chatScanners.find((a) => a === r.agent)
    return chatToo && scanner !== undefined && r.status === "ok" && r.findings.length === 0 ? [scanner] : []
  })
}

/** The alert's facts with the follow-up's scope filled in (the alert's own words are kept). */
export const withScope = (facts: AlertFacts, scope: Scope): AlertFacts => ({
  ...facts,
  service: scope.service,
  namespace: scope.namespace,
  workload: scope.workload,
})
