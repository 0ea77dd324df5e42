/**
 * Which findings are about the alert (DESIGN §4 "Scope") and inside its windows. A finding out
 * of scope or out of window is still evidence, but it never becomes a cause, never sets the
 * report's severity and never names an affected service: that is how a red herring (an
 * ImagePullBackOff in another namespace) stays out of the conclusions. These are the alert's
 * own names; cause inference widens them to the dependencies in-scope evidence names
 * (causes-scope.ts). Pure.
 */
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import { cronJobOf, workloadFromPod } from "./alert-facts-names.js"
import { cpuLimitCutEffectMs, lowersCpuLimit } from "./cpu-limit-cut.js"
import type { Finding } from "./finding.js"

/** Kinds judged against the change lookback (hours) rather than the evidence window (minutes). */
export const changeKinds: ReadonlySet<string> = new Set([
  "rollout",
  "config_change",
  "deploy_announcement",
  "deploy",
  "scaled_down",
  "credential_rotation",
  "aws_capacity_change",
  // A job or a bulk send that drove the calls a provider rate-limits (provider-load.ts).
  "provider_load",
  // A schema migration Job that finished just before a workload's lock errors (migration-jobs.ts).
  "schema_migration",
  // A release's migration Job that failed, leaving the schema its new pods query missing (migration-failures.ts).
  "migration_failed",
])

export const isChange = (f: Finding): boolean => changeKinds.has(f.kind)

/**
 * Kinds that state a condition read from live status — it holds now, when the agent looked —
 * dated by when it began: an HPA at maxReplicas (its ScalingLimited condition's transition). Begun
 * an hour before a person's "slow today", it is still the state the report is about; judged like
 * a change (since the change lookback), not dropped as stale. Whether an older failure is only
 * background beside a fresh one is causes-background.ts's call.
 */
export const standingKinds: ReadonlySet<string> = new Set([
  "hpa_maxed",
  // A batch run that published an empty result (hollow-batch-runs.ts): what its readers serve
  // until the next run, however long before the report it finished ("since about 7 this morning").
  "hollow_batch_run",
])

/** observedAt within [changesSince, end] for changes and standing conditions, [start, end] otherwise; unknown time counts as in. */
export const inWindow = (window: InvestigationWindow, f: Finding): boolean => {
  if (f.observedAt === null) return true
  const t = f.observedAt.epochMillis
  const from =
    isChange(f) || standingKinds.has(f.kind)
      ? Math.min(window.changesSince.epochMillis, window.start.epochMillis)
      : window.start.epochMillis
  // A lowered CPU limit bites at the next peak, hours later (cpu-limit-cut.ts).
  const latent =
    isChange(f) && lowersCpuLimit(textOf(f)) ? window.end.epochMillis - cpuLimitCutEffectMs : from
  return t >= Math.min(from, latent) && t <= window.end.epochMillis
}

export interface ParsedResource {
  readonly kind: string
  readonly namespace: string | null
  readonly name: string
}

const namespaced = new Set([
  "pod",
  "deployment",
  "replicaset",
  "statefulset",
  "daemonset",
  "job",
  "cronjob",
  "service",
  "hpa",
  "ingress",
  "configmap",
  "networkpolicy",
  "poddisruptionbudget",
])

/** `pod/<ns>/<name>`, `deployment/<ns>/<name>`, `node/<name>`, `loggroup/<name with slashes>`, … */
export const parseResource = (resource: string | null): ParsedResource | null => {
  if (resource === null) return null
  const slash = resource.indexOf("/")
  if (slash <= 0) return null
  const kind = resource.slice(0, slash).toLowerCase()
  const rest = resource.slice(slash + 1)
  const parts = rest.split("/")
  if (namespaced.has(kind) && parts.length === 2 && parts[0] !== undefined && parts[1] !== undefined) {
    return { kind, namespace: parts[0].toLowerCase(), name: parts[1].toLowerCase() }
  }
  return { kind, namespace: null, name: rest.toLowerCase() }
}

const replicaSetName = /^(.{1,253})-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/

/** The workload a Kubernetes resource belongs to (a pod's or ReplicaSet's owner), else its name. */
export const ownerName = (r: ParsedResource): string => {
  if (r.kind === "pod") return workloadFromPod(r.name) ?? r.name
  if (r.kind === "replicaset") return replicaSetName.exec(r.name)?.[1] ?? r.name
  return r.name
}

export const k8sKinds: ReadonlySet<string> = new Set([...namespaced, "node"])

const nameChar = /[a-z0-9-]/

/** Whether `text` names `name` as a whole word (`payments-api` is not in `payments-api-v2`). */
export const mentions = (text: string, name: string): boolean => {
  const hay = text.toLowerCase()
  const needle = name.toLowerCase()
  if (needle.length === 0) return false
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = i === 0 ? "" : (hay[i - 1] ?? "")
    const after = hay[i + needle.length] ?? ""
    if (!nameChar.test(before) && !nameChar.test(after)) return true
  }
  return false
}

const leading = /^([a-z0-9][a-z0-9.-]{1,62}):\s/i

/** "checkout-web: ERROR upstream …" → `checkout-web`: how a service-less log finding says whose it is. */
export const leadingName = (title: string): string | null =>
  leading.exec(title.trim())?.[1]?.toLowerCase() ?? null

/**
 * What a finding is about, for grouping: a node, else its service, else the workload behind its
 * Kubernetes resource, else the name its title leads with, else the resource itself; null when
 * it names nothing (it then stands alone).
 */
export const subjectOf = (f: Finding): string | null => {
  const r = parseResource(f.resource)
  // A node is its own subject, whichever service the agent saw running on it.
  if (r?.kind === "node") return `node ${r.name}`
  if (f.service !== null && f.service.trim() !== "") return f.service.trim()
  if (r !== null && k8sKinds.has(r.kind)) return ownerName(r)
  return leadingName(f.title) ?? f.resource
}

export interface AlertScope {
  /** The alert names nothing to scope by: every finding is in scope. */
  readonly everything: boolean
  /** Workload, service and pod names (lower-case). */
  readonly names: ReadonlySet<string>
  /**
   * One-word names ("orders", from "orders are timing out"; "checkout", a PagerDuty service):
   * a person or a tool naming the product, whose workloads are `orders-api`, `orders-worker`.
   */
  readonly stems: ReadonlySet<string>
  readonly namespace: string | null
  readonly node: string | null
  /**
   * Log groups the alert names that are one service's own (lower-case): an alarm on a metric
   * filter links the group it counts, whose lines are the alert's whatever the alarm calls them.
   */
  readonly groups: ReadonlySet<string>
}

// Groups every workload of a cluster writes to: naming one says nothing about whose lines matter.
const clusterWideGroup =
  /^\/aws\/containerinsights\/[^/]+\/(?:application|dataplane|host|performance)$|^\/aws\/eks\/[^/]+\/cluster$/

const lower = (s: string | null): string | null =>
  s === null || s.trim() === "" ? null : s.trim().toLowerCase()

export const scopeOf = (facts: AlertFacts): AlertScope => {
  const pod = lower(facts.pod)
  const candidates = [
    lower(facts.workload),
    lower(facts.service),
    pod,
    pod === null ? null : workloadFromPod(pod),
  ]
  const named = candidates.filter((n): n is string => n !== null)
  // A CronJob's Job is `<cronjob>-<scheduled minute>`: the CronJob's other runs and its logs are the same workload.
  const names = new Set([...named, ...named.flatMap((n) => cronJobOf(n) ?? [])])
  const stems = new Set([...names].filter((n) => /^[a-z][a-z0-9]{2,}$/.test(n)))
  const namespace = lower(facts.namespace)
  const node = lower(facts.node)
  const groups = new Set(facts.logGroups.map((g) => g.toLowerCase()).filter((g) => !clusterWideGroup.test(g)))
  return {
    everything: names.size === 0 && namespace === null && node === null && groups.size === 0,
    names,
    stems,
    namespace,
    node,
    groups,
  }
}

/** A name the scope holds, or one of a stem's workloads (`orders` → `orders-api`). */
export const scopeHas = (scope: AlertScope, name: string): boolean =>
  scope.names.has(name) ||
  scope.names.has(cronJobOf(name) ?? "") ||
  [...scope.stems].some((s) => name.startsWith(`${s}-`))

export const textOf = (f: Finding): string => `${f.title}\n${f.detail}\n${f.excerpt ?? ""}`.toLowerCase()

/** Whether a finding is about what the alert names (see the module header). */
export const inScope = (scope: AlertScope, f: Finding): boolean => {
  if (scope.everything) return true
  const r = parseResource(f.resource)
  if (r !== null && r.namespace !== null && scope.namespace !== null && r.namespace !== scope.namespace)
    return false
  if (r?.kind === "node" && scope.node !== null && r.name === scope.node) return true
  // For a node alert, what runs on the node is in scope (DESIGN §3) — a workload whose evidence
  // names the node (its pods there cannot be evicted), whatever else the alert names.
  if (scope.node !== null && r?.kind !== "node" && mentions(textOf(f), scope.node)) return true
  if (r?.kind === "loggroup" && scope.groups.has(r.name)) return true
  if (scope.names.size > 0) {
    const service = lower(f.service)
    if (service !== null && scopeHas(scope, service)) return true
    if (r !== null && k8sKinds.has(r.kind)) return scopeHas(scope, r.name) || scopeHas(scope, ownerName(r))
    const lead = service === null ? leadingName(f.title) : null
    return lead !== null && scopeHas(scope, lead)
  }
  if (scope.namespace !== null) return r?.namespace === scope.namespace
  return scope.node !== null && mentions(textOf(f), scope.node)
}

/** In scope, or naming what the alert names in its text (a caller's "upstream payments-api unavailable"). */
export const relatedTo = (scope: AlertScope, f: Finding): boolean => {
  if (inScope(scope, f)) return true
  const text = textOf(f)
  return [...scope.names].some((n) => n.length >= 3 && text.includes(n))
}
