/**
 * Whether pods wait for nodes the cluster-autoscaler will not add, in its own metrics: a node
 * group whose target (`cluster_autoscaler_node_group_target_count`, else its nodes by
 * `cluster_autoscaler_nodes_count`) has reached its `cluster_autoscaler_node_group_max_count`
 * while pods are unschedulable (`cluster_autoscaler_unschedulable_pods_count`) or scale-ups failed
 * with `max_node_group_size_reached`. The pods stay Pending and export nothing, and the alert is
 * often about a queue or an HPA that cannot catch up, so this needs no name. A node group at its
 * maximum with nothing waiting is only full, not a finding. Without node-group series, pods
 * unschedulable in the window is still said (medium): the eks agent's events name the workload.
 */
import { DateTime, Effect } from "effect"
import { counterIncrease } from "../../domain/counter-increase.js"
import type { Finding } from "../../domain/finding.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import { nodeGroupDisplay } from "../../domain/node-group-name.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import {
  capacityFindings,
  deploymentAvailableQuery,
  hpaDesiredQuery,
  statefulSetReadyQuery,
} from "./capacity-shortfall-sweep.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

export const maxCountQuery = "cluster_autoscaler_node_group_max_count"
export const targetCountQuery = "cluster_autoscaler_node_group_target_count"
export const nodesCountQuery = "cluster_autoscaler_nodes_count"
export const unschedulableQuery = "cluster_autoscaler_unschedulable_pods_count"
export const failedScaleUpsQuery = "cluster_autoscaler_failed_scale_ups_total"
export const pendingQuery = 'kube_pod_status_phase{phase="Pending"}'

/** The node group a series is about (the autoscaler's label, or an exporter's renamed one). */
const groupOf = (labels: Readonly<Record<string, string>>): string | null => {
  const g = (labels.node_group ?? labels.nodegroup ?? labels.node_group_name ?? "").trim()
  return g === "" ? null : g
}

const finite = (s: MetricSeries) => s.samples.filter((x) => Number.isFinite(x.v))

/** The most series at once above zero summed (kube-state-metrics: one series per pod, or per namespace). */
const peakSum = (series: ReadonlyArray<MetricSeries>): number => {
  const at = new Map<number, number>()
  for (const s of series) for (const x of finite(s)) at.set(x.t, (at.get(x.t) ?? 0) + Math.max(0, x.v))
  return Math.max(0, ...at.values())
}
const peak = (series: ReadonlyArray<MetricSeries>): number =>
  Math.max(0, ...series.flatMap((s) => finite(s).map((x) => x.v)))

/** Node count per node group over time: the ready state when stated, else every state summed. */
const nodesByGroup = (series: ReadonlyArray<MetricSeries>): Map<string, number> => {
  const ready = series.filter((s) => s.labels.state === undefined || s.labels.state === "ready")
  const out = new Map<string, number>()
  for (const s of ready) {
    const g = groupOf(s.labels)
    if (g !== null) out.set(g, Math.max(out.get(g) ?? 0, ...finite(s).map((x) => x.v)))
  }
  return out
}

export interface AutoscalerSeries {
  readonly max: ReadonlyArray<MetricSeries>
  readonly target: ReadonlyArray<MetricSeries>
  readonly nodes: ReadonlyArray<MetricSeries>
  readonly unschedulable: ReadonlyArray<MetricSeries>
  readonly failedScaleUps: ReadonlyArray<MetricSeries>
  /** kube-state-metrics' Pending pods: only with a node group at its maximum (a pod may pend for a volume). */
  readonly pending: ReadonlyArray<MetricSeries>
}

/**
 * One finding per node group at its maximum while pods wait (high), most-waited first; none at
 * its maximum, one finding for pods unschedulable in the window (medium). Pure.
 */
export const nodeGroupMaxFindings = (
  series: AutoscalerSeries,
  incident: TimeWindow,
  link: (expr: string) => string | null,
): ReadonlyArray<Finding> => {
  const waiting = peak(series.unschedulable)
  const firstWaiting = series.unschedulable
    .flatMap((s) => finite(s).filter((x) => x.v > 0))
    .reduce((t, x) => Math.min(t, x.t), Number.POSITIVE_INFINITY)
  const maxReached = series.failedScaleUps
    .filter((s) => /max[_ ]?node[_ ]?group|max_size|max size/i.test(s.labels.reason ?? ""))
    .reduce((n, s) => n + counterIncrease(finite(s)), 0)
  const pendingPods = peakSum(series.pending)
  if (!(waiting > 0) && !(maxReached > 0) && !(pendingPods > 0)) return []
  const targets = new Map<string, number>()
  for (const s of series.target) {
    const g = groupOf(s.labels)
    if (g !== null) targets.set(g, Math.max(targets.get(g) ?? 0, ...finite(s).map((x) => x.v)))
  }
  const nodes = nodesByGroup(series.nodes)
  const observedAt = DateTime.unsafeMake(Number.isFinite(firstWaiting) ? firstWaiting : incident.startMs)
  const pods =
    waiting > 0
      ? `; ${Math.round(waiting)} pods unschedulable`
      : pendingPods > 0
        ? `; ${Math.round(pendingPods)} pods Pending`
        : ""
  const failed =
    maxReached > 0 ? `; scale-ups failed: max_node_group_size_reached ×${Math.round(maxReached)}` : ""
  const atMax = series.max.flatMap((s) => {
    const group = groupOf(s.labels)
    const last = finite(s).at(-1)?.v
    if (group === null || last === undefined || !(last > 0)) return []
    const current = targets.get(group) ?? nodes.get(group)
    if (current === undefined || current < last) return []
    return [{ group, max: last, current, counted: targets.has(group) ? "target" : "nodes" }]
  })
  if (atMax.length > 0)
    return atMax.map(({ group, max, current, counted }) => {
      const name = nodeGroupDisplay(group)
      return {
        id: "",
        agent: "prometheus",
        title: redact(
          `node group ${name} at its max size ${Math.round(max)} (${counted} ${Math.round(current)}/${Math.round(max)}) — cluster-autoscaler cannot add nodes${pods}${failed}`,
        ),
        detail: redact(
          `${counted === "target" ? targetCountQuery : nodesCountQuery} of node group ${group} reached ` +
            `${maxCountQuery} ${Math.round(max)} over ${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC${pods}${failed}. ` +
            "Pods that need this node group stay Pending (FailedScheduling, NotTriggerScaleUp: max node group size " +
            "reached) until its maxSize is raised or other pods make room; an HPA or a queue's consumers cannot catch up meanwhile.",
        ),
        severity: "high",
        kind: "autoscaler",
        observedAt,
        resource: `metric/${name}/${maxCountQuery}`,
        service: null,
        link: link(maxCountQuery),
        excerpt: redact(`${maxCountQuery}{node_group="${group}"} ${Math.round(max)}`),
      } satisfies Finding
    })
  return [
    {
      id: "",
      agent: "prometheus",
      title: redact(
        `cluster-autoscaler: pods unschedulable, no node added${pods}${failed}${Number.isFinite(firstWaiting) ? ` since ${utcHhmm(firstWaiting)} UTC` : ""}`,
      ),
      detail: redact(
        `${unschedulableQuery} rose to ${Math.round(waiting)} over ${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC${failed}: ` +
          "pods are Pending because no node fits them and the autoscaler has not added one (a node group at its " +
          "maximum size, or no group that fits); the pods' NotTriggerScaleUp events say which.",
      ),
      severity: "medium",
      kind: "autoscaler",
      observedAt,
      resource: `metric/cluster-autoscaler/${unschedulableQuery}`,
      service: null,
      link: link(unschedulableQuery),
      excerpt: redact(`${unschedulableQuery} ${Math.round(waiting)}`),
    } satisfies Finding,
  ].filter(() => waiting > 0 || maxReached > 0)
}

/** The autoscaler's series over the incident window; a failed query is no data. */
export const sweepNodeGroupMax = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  Effect.all(
    [
      maxCountQuery,
      targetCountQuery,
      nodesCountQuery,
      unschedulableQuery,
      failedScaleUpsQuery,
      pendingQuery,
      // The workloads short of pods (capacity-shortfall-sweep.ts) read the same series and these.
      hpaDesiredQuery,
      deploymentAvailableQuery,
      statefulSetReadyQuery,
    ].map(sweepRange(source, incident.startMs, incident.endMs, stepS)),
    { concurrency: 3 },
  ).pipe(
    Effect.map(
      ([
        max = [],
        target = [],
        nodes = [],
        unschedulable = [],
        failedScaleUps = [],
        pending = [],
        desired = [],
        deployments = [],
        statefulSets = [],
      ]) => {
        const link = (expr: string) => source.graphUrl(expr, incident.startMs, incident.endMs)
        const groups = nodeGroupMaxFindings(
          { max, target, nodes, unschedulable, failedScaleUps, pending },
          incident,
          link,
        )
        const short = capacityFindings(
          {
            pending,
            desired,
            available: [...deployments, ...statefulSets],
            groupMax: max,
            groupCount: [...target, ...nodes],
          },
          incident,
          link,
        )
        return {
          findings: [...groups, ...short],
          note: [
            groups.length === 0 ? "" : `node groups: ${groups.map((f) => f.title).join("; ")}`,
            short.length === 0 ? "" : `capacity: ${short.map((f) => f.title).join("; ")}`,
          ]
            .filter((n) => n !== "")
            .join("; "),
        }
      },
    ),
  )
