/**
 * An HPA pinned at its max while its pods are CPU-throttled: the autoscaler wants more replicas
 * than it may have, so the pods it has carry the surge and the kernel throttles them (latency
 * grows, readiness probes time out). Read from kube-state-metrics (`kube_horizontalpodautoscaler_*`,
 * the older `kube_hpa_*`, the HPA in a `horizontalpodautoscaler` or `hpa` label) and from cAdvisor —
 * a recording rule's throttled ratio (`…cfs_throttled…:ratio`) or the raw counters
 * `container_cpu_cfs_throttled_periods_total` / `container_cpu_cfs_periods_total`. The request rate
 * named like the workload, when it grew, is said beside it (the load behind the ceiling).
 * An HPA at its max whose pods are not throttled is still this finding when the ceiling holds work
 * back — Pending pods in its namespace or a growing queue named like it (hpa-held-back.ts); with
 * neither its pods have headroom: not this finding. An HPA below its max is still scaling. Pure.
 */
import { DateTime } from "effect"
import { counterIncrease } from "./counter-increase.js"
import type { Finding } from "./finding.js"
import { backlogGrowth, pendingInNamespace } from "./hpa-held-back.js"
import { workloadOfPod } from "./log-origin.js"
import type { MetricLabels, MetricSample, MetricSeries } from "./metric-series.js"
import type { Severity } from "./severity.js"
import { utcHhmm } from "./utc-clock.js"

export const hpaCurrentMetric = /^kube_(?:horizontalpodautoscaler|hpa)_status_current_replicas$/
export const hpaMaxMetric = /^kube_(?:horizontalpodautoscaler|hpa)_spec_max_replicas$/
/** A recording rule's (or an exporter's) throttled share: a ratio 0..1. */
export const throttledRatioMetric = /cfs_throttled\w*:ratio|cpu_throttl\w*_(?:ratio|share)$/
export const throttledPeriodsMetric = /^container_cpu_cfs_throttled_periods_total$/
export const periodsMetric = /^container_cpu_cfs_periods_total$/
/** A request rate (recording rule) or request counter. */
const requestMetric =
  /(?:^|[_:])(?:http_)?requests?(?:_total|_count)?(?::rate\w*|_rate\w*|_per_second)?$|:rate\w*$/

/** A throttled share this high, while at max, is pods starved of CPU (5–10% is normal noise). */
export const minThrottled = 0.25
/** A rise in request rate this large is the load behind it, worth saying. */
const minLoadGrowth = 1.5
/** At max for longer than a scale-up's settling: a blip at the ceiling is nothing. */
const sustainMs = 180_000

const finite = (s: ReadonlyArray<MetricSample>) =>
  [...s.filter((x) => Number.isFinite(x.v))].sort((a, b) => a.t - b.t)
const nameOf = (l: MetricLabels) => l.__name__ ?? ""

const hpaOf = (l: MetricLabels): string | null => {
  const v = (l.horizontalpodautoscaler ?? l.hpa ?? "").trim()
  return v === "" ? null : v
}

/** The workload a container series is about: an owner label a rule set, else its pod's. */
const workloadOf = (l: MetricLabels): string | null => {
  const v =
    l.workload ??
    l.deployment ??
    l.statefulset ??
    l.owner_name ??
    l.created_by_name ??
    (l.pod === undefined ? undefined : (workloadOfPod(l.pod) ?? undefined))
  return v === undefined || v.trim() === "" ? null : v.trim()
}

const sameNamespace = (a: MetricLabels, b: MetricLabels) =>
  a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace

/** Since when `current` has stood at `max` (the start of its last run there), sustained; else null. */
export const atMaxSince = (
  current: ReadonlyArray<MetricSample>,
  max: ReadonlyArray<MetricSample>,
  windowStartMs: number,
): { readonly sinceMs: number; readonly max: number } | null => {
  const caps = finite(max)
  const capAt = (t: number) => caps.filter((x) => x.t <= t).at(-1)?.v ?? caps[0]?.v
  const xs = finite(current)
  const last = xs.at(-1)
  const lastCap = last === undefined ? undefined : capAt(last.t)
  if (last === undefined || lastCap === undefined || last.v < lastCap || last.t < windowStartMs) return null
  let since = last.t
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i]
    const cap = x === undefined ? undefined : capAt(x.t)
    if (x === undefined || cap === undefined || x.v < cap) break
    since = x.t
  }
  return last.t - since >= sustainMs ? { sinceMs: since, max: lastCap } : null
}

/** The throttled share before and since `sinceMs`, from a ratio series or the raw counters. */
const throttling = (
  series: ReadonlyArray<MetricSeries>,
  hpa: MetricLabels,
  workload: string,
  sinceMs: number,
): { readonly before: number | null; readonly during: number } | null => {
  const mine = series.filter((s) => workloadOf(s.labels) === workload && sameNamespace(s.labels, hpa))
  const ratios = mine.filter((s) => throttledRatioMetric.test(nameOf(s.labels)))
  if (ratios.length > 0) {
    const xs = ratios.flatMap((s) => finite(s.samples))
    const during = xs.filter((x) => x.t >= sinceMs).map((x) => x.v)
    const before = xs.filter((x) => x.t < sinceMs).map((x) => x.v)
    return during.length === 0
      ? null
      : { before: before.length === 0 ? null : Math.min(...before), during: Math.max(...during) }
  }
  const share = (from: number, to: number) => {
    let t = 0
    let all = 0
    for (const s of mine.filter((x) => periodsMetric.test(nameOf(x.labels)))) {
      const { __name__: _, ...key } = s.labels
      const th = mine.find((x) => {
        const { __name__: _n, ...k } = x.labels
        return throttledPeriodsMetric.test(nameOf(x.labels)) && JSON.stringify(k) === JSON.stringify(key)
      })
      if (th === undefined) continue
      const within = (xs: ReadonlyArray<MetricSample>) => finite(xs).filter((x) => x.t >= from && x.t <= to)
      const n = counterIncrease(within(s.samples))
      if (!(n > 0)) continue
      t += Math.min(counterIncrease(within(th.samples)), n)
      all += n
    }
    return all > 0 ? t / all : null
  }
  const during = share(sinceMs, Number.POSITIVE_INFINITY)
  return during === null ? null : { before: share(Number.NEGATIVE_INFINITY, sinceMs), during }
}

/** How many times the workload's request rate grew, from before `sinceMs` to its last level. */
const loadGrowth = (series: ReadonlyArray<MetricSeries>, workload: string, sinceMs: number) => {
  const prefix = workload.replace(/-/g, "_")
  const mine = series.filter((s) => {
    const name = nameOf(s.labels)
    if (!requestMetric.test(name) || throttledRatioMetric.test(name)) return false
    const l = s.labels
    return (
      name.startsWith(`${prefix}:`) ||
      name.startsWith(`${prefix}_`) ||
      [l.service, l.workload, l.deployment, l.job, l.app].includes(workload)
    )
  })
  const rates = mine.map((s) => {
    const xs = finite(s.samples)
    if (!/_total$|_count$/.test(nameOf(s.labels))) return xs
    // A counter: its per-second rate between scrapes.
    return xs.slice(1).flatMap((x, i) => {
      const p = xs[i]
      return p === undefined || x.t <= p.t || x.v < p.v
        ? []
        : [{ t: x.t, v: ((x.v - p.v) * 1000) / (x.t - p.t) }]
    })
  })
  const summed = new Map<number, number>()
  for (const xs of rates) for (const x of xs) summed.set(x.t, (summed.get(x.t) ?? 0) + x.v)
  const all = [...summed.entries()].sort(([a], [b]) => a - b)
  const first = all[0]
  const last = all.at(-1)
  if (first === undefined || last === undefined || !(first[0] < sinceMs) || !(first[1] > 0)) return null
  const growth = last[1] / first[1]
  return growth >= minLoadGrowth ? { growth, from: first[1], to: last[1] } : null
}

const pct = (v: number) => `${Math.round(v * 100)}%`
const num = (v: number) => (v >= 100 ? Math.round(v).toString() : v.toFixed(1))

/** One finding per HPA at its max with throttled pods, or holding back Pending pods / a growing backlog (see the module header). */
export const hpaAtMaxFindings = (
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  windowEndMs: number,
  link: string | null,
): ReadonlyArray<Finding> =>
  series
    .filter((s) => hpaCurrentMetric.test(nameOf(s.labels)) && hpaOf(s.labels) !== null)
    .flatMap((current) => {
      const hpa = hpaOf(current.labels) ?? ""
      const max = series.find(
        (s) =>
          hpaMaxMetric.test(nameOf(s.labels)) &&
          hpaOf(s.labels) === hpa &&
          sameNamespace(s.labels, current.labels),
      )
      const pinned = max === undefined ? null : atMaxSince(current.samples, max.samples, windowStartMs)
      if (pinned === null) return []
      const measured = throttling(series, current.labels, hpa, pinned.sinceMs)
      const throttled = measured !== null && measured.during >= minThrottled ? measured : null
      // Unthrottled pods at the ceiling are still the finding when the ceiling visibly holds work
      // back: the replicas it asked for sit Pending, or its queue grows (hpa-held-back.ts).
      const pending = pendingInNamespace(series, current.labels.namespace, pinned.sinceMs)
      const backlog = backlogGrowth(series, hpa)
      if (throttled === null && pending === null && backlog === null) return []
      const load = loadGrowth(series, hpa, pinned.sinceMs)
      const ns = current.labels.namespace
      const where = ns === undefined ? "" : ` (namespace ${ns})`
      const was = throttled === null || throttled.before === null ? "" : ` (${pct(throttled.before)} before)`
      const pendingText =
        pending === null
          ? null
          : `${Math.round(pending.now)} pods Pending in namespace ${ns ?? ""} (${Math.round(pending.before)} before)`
      const backlogText =
        backlog === null
          ? null
          : `queue ${backlog.queue} backlog ${Math.round(backlog.from)} → ${Math.round(backlog.to)}`
      const parts = [
        `HPA at its max of ${Math.round(pinned.max)} replicas since ${utcHhmm(pinned.sinceMs)} UTC`,
        ...(throttled === null ? [] : [`pods CPU-throttled in ${pct(throttled.during)} of periods${was}`]),
        ...(pendingText === null ? [] : [pendingText]),
        ...(backlogText === null ? [] : [backlogText]),
        ...(load === null
          ? []
          : [`request rate ×${load.growth.toFixed(1)} (${num(load.from)} → ${num(load.to)}/s)`]),
      ]
      const held = [pending, backlog].filter((x) => x !== null).length
      const severity: Severity =
        (throttled !== null && throttled.during >= 0.5) || load !== null || held === 2 ? "high" : "medium"
      const seen = [
        ...(throttled === null
          ? []
          : [`cAdvisor says its pods were CPU-throttled in ${pct(throttled.during)} of CFS periods${was}`]),
        ...(pendingText === null ? [] : [`kube-state-metrics counts ${pendingText}`]),
        ...(backlogText === null ? [] : [`the ${backlogText}`]),
      ]
      return [
        {
          id: "",
          agent: "prometheus",
          title: `${hpa}: ${parts.join("; ")}`,
          detail:
            `kube-state-metrics says the HorizontalPodAutoscaler ${hpa}${where} has stood at maxReplicas ` +
            `${Math.round(pinned.max)} since ${utcHhmm(pinned.sinceMs)} UTC through ${utcHhmm(windowEndMs)} UTC; ${seen.join("; ")}` +
            `${load === null ? "" : `, while its request rate grew ×${load.growth.toFixed(1)}`}. ` +
            "Why it matters: the autoscaler wants more replicas than its max allows (ScalingLimited), so the pods it has " +
            (throttled === null
              ? "cannot keep up — the replicas it did ask for wait for room on a node, and the work waits with them. " +
                "Node capacity (the node group's max) and maxReplicas are the levers; the HPA cannot fix this itself."
              : "carry the load at their CPU limit — requests queue, latency grows, readiness probes time out. " +
                "Raising maxReplicas (and the pods' CPU) is the lever; the HPA cannot fix this itself."),
          severity,
          kind: "metric_anomaly",
          observedAt: DateTime.unsafeMake(Math.max(pinned.sinceMs, windowStartMs)),
          resource: `metric/${hpa}/hpa_at_max`,
          service: hpa,
          link,
          excerpt:
            "kube_horizontalpodautoscaler_status_current_replicas >= kube_horizontalpodautoscaler_spec_max_replicas",
        } satisfies Finding,
      ]
    })
