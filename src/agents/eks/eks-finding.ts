/**
 * What every eks analyzer shares: how a Finding is built (redacted text, the workload as its
 * service, no invented links), the severity rubric of DESIGN §3 for one workload, and small
 * readers for times and quantities. Analyzers receive a `ScopedWorkload` — a workload plus
 * whether the alert is about it — because the same CrashLoopBackOff is critical for the alerting
 * workload with no ready replica and only low-relevance evidence anywhere else.
 */

import type { DateTime } from "effect"
import type { InvestigationWindow } from "../../domain/alert-context.js"
import type { Finding } from "../../domain/finding.js"
import type { FindingKind } from "../../domain/finding-kinds.js"
import type { KubeEvent, Node } from "../../domain/kubernetes.js"
import type { ResourceQuota } from "../../domain/kubernetes-quotas.js"
import { redact } from "../../domain/redact.js"
import type { Severity } from "../../domain/severity.js"
import type { Workload } from "./workloads.js"

export interface ScopedWorkload extends Workload {
  /** The alert names this workload (or its namespace/node and nothing narrower). */
  readonly inScope: boolean
  readonly relevance: number
}

export interface AnalysisContext {
  readonly window: InvestigationWindow
  /** When the cluster was read: a state still true then is observed then. Defaults to the window's end. */
  readonly now?: DateTime.Utc
  /** The ResourceQuotas of namespaces whose controllers a quota refused (pod-events.ts). */
  readonly quotas?: ReadonlyArray<ResourceQuota>
  /**
   * What every workload read is configured with (its Deployment's literal env and args): a rollout
   * that moved a setting to a staging host is the cause when a caller still expects the old one
   * (rollout-environment-swap.ts).
   */
  readonly peerConfig?: ReadonlyArray<PeerConfig>
}

export interface PeerConfig {
  readonly name: string
  /** Its literal values, lower-cased, one a line. */
  readonly values: string
}

/** The nodes the scoped pods run on and the events about them (kubelet: EvictionThresholdMet, …). */
export interface NodeView {
  readonly nodes: ReadonlyArray<Node>
  readonly events: ReadonlyArray<KubeEvent>
}

export const emptyNodeView: NodeView = { nodes: [], events: [] }

export const nodeNamed = (view: NodeView, name: string): Node | null =>
  view.nodes.find((n) => n.metadata.name === name) ?? null

export const nodeEvents = (view: NodeView, name: string): ReadonlyArray<KubeEvent> =>
  view.events.filter((e) => e.involvedObject.kind === "Node" && e.involvedObject.name === name)

export interface FindingInput {
  readonly kind: FindingKind
  readonly title: string
  readonly detail: string
  readonly severity: Severity
  readonly observedAt: DateTime.Utc | null
  readonly resource: string | null
  readonly service: string | null
  readonly excerpt?: string | null
}

const maxExcerpt = 1500

/** An eks Finding: text redacted, id left to the master, no link (we have no real one). */
export const eksFinding = (f: FindingInput): Finding => ({
  id: "",
  agent: "eks",
  kind: f.kind,
  title: redact(f.title),
  detail: redact(f.detail),
  severity: f.severity,
  observedAt: f.observedAt,
  resource: f.resource,
  service: f.service,
  link: null,
  excerpt: f.excerpt === undefined || f.excerpt === null ? null : redact(f.excerpt).slice(0, maxExcerpt),
})

/**
 * DESIGN §3 for failing pods of one workload: the alerting workload with no ready replica →
 * critical (a batch Job: high); below its desired replicas → high; still at desired capacity → medium; a workload
 * the alert does not name → low (evidence, never a cause).
 */
export const failureSeverity = (w: ScopedWorkload): Severity => {
  if (!w.inScope) return "low"
  // A batch run (a Job, a CronJob's run) serves no one while it runs: failing, it is late
  // work, not an outage — high, never critical.
  if (w.kind === "Job" || w.kind === "CronJob") return "high"
  const desired = w.desired ?? w.pods.length
  if (desired > 0 && w.ready === 0) return "critical"
  return w.ready < desired ? "high" : "medium"
}

/** A symptom that is medium for the alerting workload and low elsewhere. */
export const scopedSeverity = (w: ScopedWorkload, inScope: Severity): Severity =>
  w.inScope ? inScope : "low"

export const hhmm = (t: DateTime.Utc): string => new Date(t.epochMillis).toISOString().slice(11, 16)

/** `13:01:02Z` */
export const hhmmss = (t: DateTime.Utc): string => `${new Date(t.epochMillis).toISOString().slice(11, 19)}Z`

/** The latest instant not after `end` if there is one, else the latest; null for none. */
export const latestBy = (
  times: ReadonlyArray<DateTime.Utc | null>,
  end: DateTime.Utc,
): DateTime.Utc | null => {
  const known = times
    .filter((t): t is DateTime.Utc => t !== null)
    .sort((a, b) => b.epochMillis - a.epochMillis)
  return known.find((t) => t.epochMillis <= end.epochMillis) ?? known[0] ?? null
}

const inside = (t: DateTime.Utc, w: InvestigationWindow): boolean =>
  t.epochMillis >= w.start.epochMillis && t.epochMillis <= w.end.epochMillis

/** The read time clamped to the evidence window: when a state still true at the read was seen. */
export const observedNow = (ctx: AnalysisContext): DateTime.Utc => {
  const { start, end } = ctx.window
  const now = ctx.now ?? end
  return now.epochMillis > end.epochMillis ? end : now.epochMillis < start.epochMillis ? start : now
}

/**
 * When a state that still holds was last evidenced: the latest of `evidence` inside the window,
 * else the read itself (`observedNow`) — so an outage that began before the window (its condition's
 * transition is older) is still reported as current rather than dropped as stale.
 */
export const ongoingAt = (
  evidence: ReadonlyArray<DateTime.Utc | null>,
  ctx: AnalysisContext,
): DateTime.Utc => {
  const latest = latestBy(evidence, ctx.window.end)
  return latest !== null && inside(latest, ctx.window) ? latest : observedNow(ctx)
}

/** When a still-true state began if that is inside the window, else when it was last evidenced. */
export const sinceOrOngoing = (
  since: DateTime.Utc | null,
  evidence: ReadonlyArray<DateTime.Utc | null>,
  ctx: AnalysisContext,
): DateTime.Utc => (since !== null && inside(since, ctx.window) ? since : ongoingAt(evidence, ctx))

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** The short pod name suffix readers recognise (`q7x2m`), or the whole name. */
export const shortPod = (name: string): string => /-([a-z0-9]{5})$/.exec(name)?.[1] ?? name
