/**
 * A workload short of the pods it asks for, in kube-state-metrics: pods Pending for minutes
 * (`kube_pod_status_phase{phase="Pending"}`, per pod or already summed per workload) and an HPA
 * whose desired replicas stay above the available ones (`kube_horizontalpodautoscaler_status_desired_replicas`
 * vs `kube_deployment_status_replicas_available` / `kube_statefulset_status_replicas_ready`, the
 * HPA named like its target). Pending pods export no series of their own and the alert is about
 * what users see (a queue, a latency), so this needs no name. The node group the autoscaler has
 * at its max (`cluster_autoscaler_node_group_max_count` against the group's own target or node
 * count) is said with it. The node group sweep asks these series with its own and reports the
 * group itself (node-group-max-sweep.ts); this judges the workloads.
 * A pod Pending for one scrape (a rollout's new pod) and an HPA that is caught up are nothing.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { workloadOfPod } from "../../domain/log-origin.js"
import type { MetricSample, MetricSeries } from "../../domain/metric-series.js"
import { nodeGroupDisplay } from "../../domain/node-group-name.js"
import { redact } from "../../domain/redact.js"
import type { Severity } from "../../domain/severity.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { TimeWindow } from "./metric-windows.js"

/** The Pending series' query as node-group-max-sweep.ts asks it, for the finding's link. */
const pendingPhaseQuery = 'kube_pod_status_phase{phase="Pending"}'
export const hpaDesiredQuery = "kube_horizontalpodautoscaler_status_desired_replicas"
export const deploymentAvailableQuery = "kube_deployment_status_replicas_available"
export const statefulSetReadyQuery = "kube_statefulset_status_replicas_ready"

/** How long a shortfall must last: longer than a rollout's new pod takes to be placed. */
export const sustainMs = 180_000
const maxFindings = 3

type Labels = Readonly<Record<string, string>>

const finite = (s: MetricSeries): ReadonlyArray<MetricSample> => s.samples.filter((x) => Number.isFinite(x.v))

/** The workload a series is about: an owner label an exporter or a recording rule set, else its pod's. */
const workloadOf = (l: Labels): string | null => {
  const named =
    l.deployment ??
    l.statefulset ??
    l.horizontalpodautoscaler ??
    l.workload ??
    l.owner_name ??
    l.created_by_name ??
    (l.pod === undefined ? undefined : (workloadOfPod(l.pod) ?? l.pod))
  return named === undefined || named.trim() === "" ? null : named.trim()
}

/** Values summed per timestamp (per-pod series become the workload's count). */
const summed = (series: ReadonlyArray<MetricSeries>): ReadonlyArray<MetricSample> => {
  const at = new Map<number, number>()
  for (const s of series) for (const x of finite(s)) at.set(x.t, (at.get(x.t) ?? 0) + x.v)
  return [...at.entries()].sort(([a], [b]) => a - b).map(([t, v]) => ({ t, v }))
}

/** The last run of samples where `short` holds, if it reaches into the window and lasts `sustainMs`. */
export const sustainedRun = (
  samples: ReadonlyArray<MetricSample>,
  short: (x: MetricSample) => boolean,
  windowStartMs: number,
): { readonly sinceMs: number; readonly last: MetricSample } | null => {
  const last = samples.at(-1)
  if (last === undefined || !short(last) || last.t < windowStartMs) return null
  let since = last.t
  for (let i = samples.length - 1; i >= 0; i--) {
    const x = samples[i]
    if (x === undefined || !short(x)) break
    since = x.t
  }
  return last.t - since >= sustainMs ? { sinceMs: since, last } : null
}

const keyOf = (namespace: string | undefined, workload: string) => `${namespace ?? ""}/${workload}`

const grouped = (series: ReadonlyArray<MetricSeries>): Map<string, Array<MetricSeries>> => {
  const out = new Map<string, Array<MetricSeries>>()
  for (const s of series) {
    const w = workloadOf(s.labels)
    if (w === null) continue
    const k = keyOf(s.labels.namespace, w)
    out.set(k, [...(out.get(k) ?? []), s])
  }
  return out
}

/** The value at or before `t` (the latest scrape then). */
const valueAt = (samples: ReadonlyArray<MetricSample>, t: number): number | null =>
  samples.filter((x) => x.t <= t).at(-1)?.v ?? null

export interface CapacitySeries {
  readonly pending: ReadonlyArray<MetricSeries>
  readonly desired: ReadonlyArray<MetricSeries>
  readonly available: ReadonlyArray<MetricSeries>
  readonly groupMax: ReadonlyArray<MetricSeries>
  readonly groupCount: ReadonlyArray<MetricSeries>
}

const groupOf = (l: Labels): string | null => {
  const g = (l.node_group ?? l.nodegroup ?? l.node_group_name ?? "").trim()
  return g === "" ? null : g
}

/** Node groups whose own target or ready node count reached their max ("ng-transcode at its max of 12"). */
export const groupsAtMax = (
  max: ReadonlyArray<MetricSeries>,
  count: ReadonlyArray<MetricSeries>,
): ReadonlyArray<string> =>
  max.flatMap((s) => {
    const group = groupOf(s.labels)
    const top = finite(s).at(-1)?.v
    if (group === null || top === undefined || !(top > 0)) return []
    const current = count
      .filter((c) => groupOf(c.labels) === group && (c.labels.state ?? "ready") === "ready")
      .flatMap((c) => finite(c).at(-1)?.v ?? [])
    return current.some((v) => v >= top)
      ? [`node group ${nodeGroupDisplay(group)} at its max of ${Math.round(top)}`]
      : []
  })

/**
 * Without a group's own count (the autoscaler's `nodes_count` is cluster-wide), what can be said
 * truly: the cluster's ready nodes did not grow while pods waited, and each group's max.
 */
export const noNodeAdded = (
  max: ReadonlyArray<MetricSeries>,
  count: ReadonlyArray<MetricSeries>,
  sinceMs: number,
): ReadonlyArray<string> => {
  const cluster = count.filter((c) => groupOf(c.labels) === null && (c.labels.state ?? "ready") === "ready")
  const during = summed(cluster).filter((x) => x.t >= sinceMs)
  const first = during[0]
  const maxes = max.flatMap((s) => {
    const group = groupOf(s.labels)
    const top = finite(s).at(-1)?.v
    return group === null || top === undefined ? [] : [`${nodeGroupDisplay(group)} ${Math.round(top)}`]
  })
  if (first === undefined || maxes.length === 0 || during.some((x) => x.v > first.v)) return []
  return [`no node added (${Math.round(first.v)} ready throughout; node group max: ${maxes.join(", ")})`]
}

interface Shortfall {
  readonly namespace: string | null
  readonly workload: string
  readonly pending: { readonly sinceMs: number; readonly pods: number } | null
  readonly hpa: { readonly sinceMs: number; readonly desired: number; readonly available: number } | null
}

/** Per workload, its sustained Pending pods and HPA gap in the window (pure). */
export const shortfalls = (series: CapacitySeries, windowStartMs: number): ReadonlyArray<Shortfall> => {
  const out = new Map<string, Shortfall>()
  const entry = (k: string, namespace: string | undefined, workload: string): Shortfall =>
    out.get(k) ?? { namespace: namespace ?? null, workload, pending: null, hpa: null }
  for (const [k, group] of grouped(series.pending)) {
    const first = group[0]
    const workload = first === undefined ? null : workloadOf(first.labels)
    if (first === undefined || workload === null) continue
    const samples = summed(group)
    const run = sustainedRun(samples, (x) => x.v >= 1, windowStartMs)
    if (run === null) continue
    out.set(k, {
      ...entry(k, first.labels.namespace, workload),
      pending: { sinceMs: run.sinceMs, pods: Math.round(run.last.v) },
    })
  }
  const available = grouped(series.available)
  for (const [k, group] of grouped(series.desired)) {
    const first = group[0]
    const workload = first === undefined ? null : workloadOf(first.labels)
    const target = available.get(k)
    if (first === undefined || workload === null || target === undefined) continue
    const have = summed(target)
    const gaps = summed(group).flatMap((x) => {
      const a = valueAt(have, x.t)
      return a === null ? [] : [{ t: x.t, v: x.v - a, desired: x.v, available: a }]
    })
    const run = sustainedRun(gaps, (x) => x.v >= 1, windowStartMs)
    const last = gaps.at(-1)
    if (run === null || last === undefined) continue
    out.set(k, {
      ...entry(k, first.labels.namespace, workload),
      hpa: { sinceMs: run.sinceMs, desired: Math.round(last.desired), available: Math.round(last.available) },
    })
  }
  return [...out.values()]
}

/** One finding per workload short of pods, the largest shortfall first (pure). */
export const capacityFindings = (
  series: CapacitySeries,
  incident: TimeWindow,
  link: (expr: string) => string | null,
): ReadonlyArray<Finding> => {
  const atMax = groupsAtMax(series.groupMax, series.groupCount)
  const size = (s: Shortfall) =>
    Math.max(s.pending?.pods ?? 0, (s.hpa?.desired ?? 0) - (s.hpa?.available ?? 0))
  return [...shortfalls(series, incident.startMs)]
    .sort((a, b) => size(b) - size(a) || a.workload.localeCompare(b.workload))
    .slice(0, maxFindings)
    .map((s) => {
      const since = Math.min(
        s.pending?.sinceMs ?? Number.POSITIVE_INFINITY,
        s.hpa?.sinceMs ?? Number.POSITIVE_INFINITY,
      )
      const parts = [
        ...(s.pending === null
          ? []
          : [
              `${s.pending.pods} pod${s.pending.pods === 1 ? "" : "s"} Pending since ${utcHhmm(s.pending.sinceMs)} UTC`,
            ]),
        ...(s.hpa === null
          ? []
          : [`HPA wants ${s.hpa.desired}, ${s.hpa.available} available since ${utcHhmm(s.hpa.sinceMs)} UTC`]),
        ...(atMax.length > 0 ? atMax : noNodeAdded(series.groupMax, series.groupCount, since)),
      ]
      // Both signals, or a node group that cannot grow: the shortfall will not fix itself.
      const severity: Severity =
        (s.pending !== null && s.hpa !== null) || atMax.length > 0 ? "high" : "medium"
      const where = s.namespace === null ? "" : ` (namespace ${s.namespace})`
      const expr = s.pending !== null ? pendingPhaseQuery : hpaDesiredQuery
      return {
        id: "",
        agent: "prometheus",
        title: redact(`${s.workload}: capacity shortfall — ${parts.join("; ")}`),
        detail: redact(
          `kube-state-metrics says ${s.workload}${where} has fewer pods than it asks for: ${parts.join("; ")}, ` +
            `still so at ${utcHhmm(incident.endMs)} UTC. Pods stay Pending when no node has room for their requests ` +
            "(FailedScheduling: Insufficient cpu/memory) and the cluster-autoscaler cannot add one (its node group at " +
            "max size); meanwhile the running pods carry the load the missing ones were asked for.",
        ),
        severity,
        kind: "metric_anomaly",
        observedAt: DateTime.unsafeMake(Math.max(since, incident.startMs)),
        resource: `metric/${s.workload}/${s.pending !== null ? "kube_pod_status_phase" : hpaDesiredQuery}`,
        service: s.workload,
        link: link(expr),
        excerpt: redact(expr),
      } satisfies Finding
    })
}
