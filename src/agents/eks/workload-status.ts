/**
 * Whether a workload serves: availability (`replicas_unavailable`: ready vs desired, critical
 * when the alerting workload has none), rollouts that cannot finish (`rollout_stuck`: the
 * Deployment's ProgressDeadlineExceeded, or the newest revision's pods all failing while the
 * previous revision still serves) and autoscaling at its ceiling (`hpa_maxed`: an HPA at
 * maxReplicas with a metric above its target, or ScalingLimited/TooManyReplicas). Pure.
 */
import type { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { hpaSaturatedWord, isSaturatedRatio } from "../../domain/hpa-saturation.js"
import { controllerOf, eventTime, instantOf, type KubeEvent, type Pod } from "../../domain/kubernetes.js"
import {
  type HorizontalPodAutoscaler,
  type MetricStatus,
  type MetricTarget,
  type MetricValue,
  type ReplicaSet,
  revisionOf,
} from "../../domain/kubernetes-workloads.js"
import type { Severity } from "../../domain/severity.js"
import {
  type AnalysisContext,
  eksFinding,
  hhmmss,
  plural,
  type ScopedWorkload,
  scopedSeverity,
} from "./eks-finding.js"
import { isPodReady, refersTo, resourceOf } from "./workloads.js"

const controllers = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"])

/**
 * A workload scaled down to zero replicas in the change lookback: nothing serves its traffic, so
 * its callers see "no healthy upstream" / connection refused. The ScalingReplicaSet event says
 * when and from how many; a workload kept at zero on purpose long before is not news.
 */
interface Scaling {
  readonly e: KubeEvent
  readonly t: DateTime.Utc
  readonly down: boolean
  readonly to: number | null
  readonly from: number | null
}

/** The workload's ScalingReplicaSet events in the change lookback, latest first, with their counts. */
const recentScalings = (w: ScopedWorkload, ctx: AnalysisContext): ReadonlyArray<Scaling> =>
  w.events
    .filter((e) => e.reason === "ScalingReplicaSet")
    .flatMap((e): ReadonlyArray<Scaling> => {
      const t = eventTime(e)
      if (t === null || t.epochMillis < ctx.window.changesSince.epochMillis) return []
      const message = e.message ?? ""
      const to = /\bto (\d+)\b/.exec(message)?.[1]
      const from = /\bfrom (\d+)/.exec(message)?.[1]
      return [
        {
          e,
          t,
          down: /\bScaled down\b/.test(message),
          to: to === undefined ? null : Number(to),
          from: from === undefined ? null : Number(from),
        },
      ]
    })
    .sort((a, b) => b.t.epochMillis - a.t.epochMillis)

export const scaledToZeroFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  if (!controllers.has(w.kind) || w.desired !== 0) return null
  const zero = recentScalings(w, ctx).find((s) => s.to === 0)
  if (zero === undefined) return null
  const scaled = zero.e
  const at = zero.t
  const from = zero.from
  return eksFinding({
    kind: "scaled_to_zero",
    title: `${w.name}: scaled to 0 replicas at ${hhmmss(at)}${from === null ? "" : ` (from ${from})`} — no pods to serve`,
    detail: `${w.kind} ${w.namespace}/${w.name} wants 0 replicas: "${scaled.message ?? ""}". With no pods it has no ready endpoints, and every caller's request to it fails.`,
    severity: scopedSeverity(w, "high"),
    observedAt: at,
    resource: resourceOf(w),
    service: w.name,
    excerpt: scaled.message ?? null,
  })
}

/**
 * Replicas cut by half or more in the change lookback (a Helm value, a GitOps sync, `kubectl
 * scale`), down to what the workload still wants: not an HPA's doing (a workload with an HPA is
 * left to it) and not a rollout's (whose old ReplicaSet goes down to 0). A change, in the words
 * the ScalingReplicaSet event uses, so a cause can say it.
 */
export const scaledDownFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  if (!controllers.has(w.kind) || w.hpa !== null || w.desired === null || w.desired <= 0) return null
  const cut = recentScalings(w, ctx).flatMap(({ e, t, down, to, from }) =>
    down && to !== null && from !== null && to === w.desired && to > 0 && to * 2 <= from
      ? [{ e, t, to, from }]
      : [],
  )[0]
  if (cut === undefined) return null
  return eksFinding({
    kind: "scaled_down",
    title: `${w.name}: scaled down, replicas ${cut.from} → ${cut.to} at ${hhmmss(cut.t)}`,
    detail:
      `${w.kind} ${w.namespace}/${w.name} went from ${cut.from} to ${cut.to} replicas ("${cut.e.message ?? ""}") with no ` +
      "autoscaler and no rollout doing it: the same work now has a fraction of the pods (consumers fall behind, servers saturate).",
    severity: "medium",
    observedAt: cut.t,
    resource: resourceOf(w),
    service: w.name,
    excerpt: cut.e.message ?? null,
  })
}

export const availabilityFinding = (w: ScopedWorkload): Finding | null => {
  if (!controllers.has(w.kind) || w.desired === null || w.desired <= 0 || w.ready >= w.desired) return null
  const available = w.deployment?.status.conditions.find(
    (c) => c.type === "Available" && c.status === "False",
  )
  const since = instantOf(available?.lastTransitionTime)
  const status = w.deployment?.status
  const counts =
    status === undefined
      ? `${w.ready} ready`
      : `${w.ready} ready, ${status.availableReplicas ?? 0} available, ${status.unavailableReplicas ?? w.desired - w.ready} unavailable`
  const condition =
    available === undefined
      ? ""
      : ` Available=False (${available.reason ?? "?"})${since === null ? "" : ` since ${hhmmss(since)}`}.`
  const severity: Severity = !w.inScope ? "low" : w.ready === 0 ? "critical" : "high"
  return eksFinding({
    kind: "replicas_unavailable",
    title: `${w.name}: ${w.ready}/${w.desired} replicas ready`,
    detail: `${w.kind} ${w.namespace}/${w.name} wants ${w.desired}; ${counts}.${condition}`,
    severity,
    observedAt: since,
    resource: resourceOf(w),
    service: w.name,
  })
}

export const newestReplicaSet = (sets: ReadonlyArray<ReplicaSet>): ReplicaSet | null =>
  [...sets].sort((a, b) => (revisionOf(b.metadata) ?? -1) - (revisionOf(a.metadata) ?? -1))[0] ?? null

const podsOf = (pods: ReadonlyArray<Pod>, rs: ReplicaSet): ReadonlyArray<Pod> =>
  pods.filter((p) => {
    const owner = controllerOf(p.metadata)
    return owner !== null && refersTo(owner, "ReplicaSet", rs.metadata)
  })

export const rolloutStuckFinding = (w: ScopedWorkload): Finding | null => {
  const d = w.deployment
  if (d === null) return null
  const deadline = d.status.conditions.find(
    (c) => c.type === "Progressing" && c.status === "False" && c.reason === "ProgressDeadlineExceeded",
  )
  const newest = newestReplicaSet(w.replicaSets)
  const fresh = newest === null ? [] : podsOf(w.pods, newest)
  const old = w.pods.filter((p) => !fresh.includes(p))
  const failingNew = fresh.length > 0 && fresh.every((p) => !isPodReady(p)) && old.some(isPodReady)
  if (deadline === undefined && !failingNew) return null
  const revision = newest === null ? null : revisionOf(newest.metadata)
  const target = revision === null ? "the new revision" : `revision ${revision}`
  const why =
    deadline !== undefined
      ? `ProgressDeadlineExceeded: ${deadline.message ?? ""}`
      : `0/${fresh.length} pods of ${target} ready while ${old.filter(isPodReady).length} pods of the previous revision still serve`
  const desired = w.desired ?? 0
  const severity = scopedSeverity(w, w.ready >= desired ? "medium" : "high")
  return eksFinding({
    kind: "rollout_stuck",
    title: `${w.name}: rollout to ${target} stuck`,
    detail: `${why}. ${w.ready}/${desired} replicas ready.`,
    severity,
    observedAt: instantOf(deadline?.lastUpdateTime ?? deadline?.lastTransitionTime),
    resource: resourceOf(w),
    service: w.name,
    excerpt: deadline?.message ?? null,
  })
}

const units: Readonly<Record<string, number>> = {
  m: 1e-3,
  "": 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
}

/** A Kubernetes quantity ("500m", "2Gi", "1.5") as a number; null when unreadable. */
export const quantity = (q: string | undefined): number | null => {
  const m = q === undefined ? null : /^([0-9.]+(?:e[0-9]+)?)(m|k|K|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q.trim())
  const unit = units[m?.[2] ?? ""]
  return m?.[1] === undefined || unit === undefined ? null : Number(m[1]) * unit
}

interface Comparison {
  readonly name: string
  readonly current: string
  readonly target: string
  readonly above: boolean
  /** current / target, when both read as numbers: how far past its target the metric is. */
  readonly ratio: number | null
}

const compare = (
  name: string,
  target: MetricTarget | undefined,
  current: MetricValue | undefined,
): Comparison | null => {
  if (target === undefined || current === undefined) return null
  if (target.averageUtilization !== undefined && current.averageUtilization !== undefined) {
    const [c, t] = [current.averageUtilization, target.averageUtilization]
    return { name, current: `${c}%`, target: `${t}%`, above: c > t, ratio: t > 0 ? c / t : null }
  }
  const t = target.averageValue ?? target.value
  const c = current.averageValue ?? current.value
  const [cn, tn] = [quantity(c), quantity(t)]
  if (c === undefined || t === undefined || cn === null || tn === null) return null
  return { name, current: c, target: t, above: cn > tn, ratio: tn > 0 ? cn / tn : null }
}

const nameOf = (m: Pick<MetricStatus, "resource" | "containerResource" | "pods" | "object" | "external">) =>
  m.resource?.name ??
  m.containerResource?.name ??
  m.pods?.metric.name ??
  m.object?.metric.name ??
  m.external?.metric.name ??
  "?"

export const metricComparisons = (hpa: HorizontalPodAutoscaler): ReadonlyArray<Comparison> =>
  hpa.spec.metrics.flatMap((spec) => {
    const name = nameOf(spec)
    const status = hpa.status.currentMetrics.find((s) => s.type === spec.type && nameOf(s) === name)
    const target =
      spec.resource?.target ??
      spec.containerResource?.target ??
      spec.pods?.target ??
      spec.object?.target ??
      spec.external?.target
    const current =
      status?.resource?.current ??
      status?.containerResource?.current ??
      status?.pods?.current ??
      status?.object?.current ??
      status?.external?.current
    const c = compare(name, target, current)
    return c === null ? [] : [c]
  })

/**
 * An HPA that cannot compute a replica count (ScalingActive=False: it cannot read the metrics
 * API, a metric is invalid) does not scale at all, whatever the load: the workload stays where it
 * was while the pods it has saturate.
 */
/** The transition when it is inside the window, else when the state was seen (still true). */
const latestOf = (
  transition: DateTime.Utc | null,
  windowStart: DateTime.Utc,
  seen: DateTime.Utc,
): DateTime.Utc =>
  transition !== null && transition.epochMillis >= windowStart.epochMillis ? transition : seen

export const hpaBlindFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const hpa = w.hpa
  if (hpa === null) return null
  const blind = hpa.status.conditions.find((c) => c.type === "ScalingActive" && c.status === "False")
  if (blind === undefined || blind.reason === "ScalingDisabled") return null
  const current = hpa.status.currentReplicas ?? 0
  return eksFinding({
    kind: "hpa_blind",
    title: `${w.name}: HPA ${hpa.metadata.name} cannot scale — ${blind.reason ?? "ScalingActive=False"} (stuck at ${plural(current, "replica")}, max ${hpa.spec.maxReplicas})`,
    detail: `ScalingActive=False since ${blind.lastTransitionTime ?? "?"}: ${blind.message ?? "no message"}. While the autoscaler cannot read its metrics it keeps the current replica count, however busy the pods are.`,
    severity: scopedSeverity(w, "medium"),
    // A state still true when the cluster was read is observed then, however long ago it began.
    observedAt: latestOf(instantOf(blind.lastTransitionTime), ctx.window.start, ctx.now ?? ctx.window.end),
    resource: `hpa/${w.namespace}/${hpa.metadata.name}`,
    service: w.name,
    excerpt: blind.message ?? null,
  })
}

/**
 * An HPA that keeps reversing itself (scale up, down, up … within the evidence window): every
 * rescale restarts or stops pods, and a consumer group rebalances each time. Four or more
 * rescales with at least two reversals is flapping, not load following.
 */
export const hpaFlappingFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const hpa = w.hpa
  if (hpa === null) return null
  const rescales = w.events
    .filter(
      (e) =>
        e.involvedObject.kind === "HorizontalPodAutoscaler" &&
        e.reason === "SuccessfulRescale" &&
        (eventTime(e)?.epochMillis ?? 0) >= ctx.window.start.epochMillis,
    )
    .sort((a, b) => (eventTime(a)?.epochMillis ?? 0) - (eventTime(b)?.epochMillis ?? 0))
  const sizes = rescales.flatMap((e) => {
    const n = /new size:\s*(\d+)/i.exec(e.message ?? "")?.[1]
    return n === undefined ? [] : [Number(n)]
  })
  const steps = sizes.slice(1).map((n, i) => Math.sign(n - (sizes[i] ?? n)))
  const reversals = steps.slice(1).filter((d, i) => d !== 0 && d === -(steps[i] ?? d)).length
  if (rescales.length < 4 || reversals < 2) return null
  const firstEvent = rescales[0]
  const lastEvent = rescales[rescales.length - 1]
  const first = firstEvent === undefined ? null : eventTime(firstEvent)
  const last = lastEvent === undefined ? null : eventTime(lastEvent)
  const minutes =
    first === null || last === null
      ? null
      : Math.max(1, Math.round((last.epochMillis - first.epochMillis) / 60_000))
  return eksFinding({
    kind: "hpa_flapping",
    title: `${w.name}: HPA ${hpa.metadata.name} flapping — rescaled ${rescales.length} times${minutes === null ? "" : ` in ${minutes} min`} (${sizes.join(" → ")})`,
    detail: `SuccessfulRescale ×${rescales.length}: ${rescales
      .slice(-3)
      .map((e) => e.message ?? "")
      .join(
        "; ",
      )}. Each rescale starts or stops pods (a consumer group rebalances, caches go cold); a stabilisation window or a steadier metric stops the see-saw.`,
    severity: scopedSeverity(w, "medium"),
    observedAt: last,
    resource: `hpa/${w.namespace}/${hpa.metadata.name}`,
    service: w.name,
    excerpt: lastEvent?.message ?? null,
  })
}

export const hpaMaxedFinding = (w: ScopedWorkload): Finding | null => {
  const hpa = w.hpa
  if (hpa === null) return null
  const current = hpa.status.currentReplicas ?? 0
  const max = hpa.spec.maxReplicas
  const limited = hpa.status.conditions.find(
    (c) => c.type === "ScalingLimited" && c.status === "True" && c.reason === "TooManyReplicas",
  )
  const above = metricComparisons(hpa).filter((c) => c.above)
  if (current < max || (above.length === 0 && limited === undefined)) return null
  const metrics = above.map((c) => `${c.name} ${c.current} vs ${c.target} target`).join(", ")
  // Far past its target at the ceiling, the pods it has are saturated: their slow answers,
  // failed probes and liveness kills are this, not causes of their own (causes-chain.ts).
  const saturated = above.filter((c) => isSaturatedRatio(c.ratio))
  const saturation =
    saturated.length === 0
      ? ""
      : ` — ${saturated.map((c) => c.name).join(", ")} ${hpaSaturatedWord} (${saturated.map((c) => `${(c.ratio ?? 0).toFixed(1)}×`).join(", ")} target)`
  return eksFinding({
    kind: "hpa_maxed",
    title: `${w.name}: HPA ${hpa.metadata.name} at max ${current}/${max} replicas${metrics === "" ? "" : `; ${metrics}`}${saturation}`,
    detail: `The autoscaler cannot add replicas${limited?.message === undefined ? "" : `: ${limited.message}`}${metrics === "" ? "" : `. Above target: ${metrics}`}.${saturation === "" ? "" : " The replicas it has are saturated: load the missing replicas would carry queues on them."}`,
    severity: scopedSeverity(w, saturated.length > 0 ? "high" : "medium"),
    observedAt: instantOf(limited?.lastTransitionTime),
    resource: `hpa/${w.namespace}/${hpa.metadata.name}`,
    service: w.name,
  })
}
