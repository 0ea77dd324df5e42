/**
 * Memory driven to its limit by load, not by a leak: a workload's working set climbs to its
 * memory limit as its in-flight requests or request rate surge, and falls back when they ebb — a
 * traffic burst (a campaign, a retry storm) that each pod cannot hold, so it is OOM-killed. Read
 * from cAdvisor (`container_memory_working_set_bytes`, `container_spec_memory_limit_bytes` or
 * kube-state-metrics' limit) and the workload's own load series (`*_inflight_requests`,
 * `*requests_in_progress`, a `…requests…:rate…` rule named or labelled like it). A working set
 * rising while load stays flat is a leak (memory-leak-scan.ts); memory far below its limit is no
 * OOM. Pure.
 */
import { DateTime } from "effect"
import type { Finding } from "./finding.js"
import { workloadOfPod } from "./log-origin.js"
import type { MetricLabels, MetricSample, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

export const workingSetMetric = /^container_memory_working_set_bytes$/
export const limitMetric =
  /^(?:container_spec_memory_limit_bytes|kube_pod_container_resource_limits(?:_memory_bytes)?)$/
export const loadMetric =
  /(?:in_?flight|in_?progress|concurrent|active)_requests|requests?_(?:in_?flight|in_?progress|concurrent|active)|requests?(?:_total)?:rate\w*$/

/** Near enough the limit that the next allocation is the kernel's OOM kill. */
const nearLimit = 0.85
/** Load that grew this many times over is a surge. */
const minSurge = 3
/** Memory that moves with the load (Pearson r over the window's samples). */
const minCorrelation = 0.6

const finite = (s: ReadonlyArray<MetricSample>) =>
  [...s.filter((x) => Number.isFinite(x.v))].sort((a, b) => a.t - b.t)
const nameOf = (l: MetricLabels) => l.__name__ ?? ""
const mib = (b: number) => `${Math.round(b / 1_048_576)}Mi`

const workloadOf = (l: MetricLabels): string | null => {
  const v =
    l.workload ??
    l.deployment ??
    l.ingress ??
    l.service ??
    (l.pod === undefined ? undefined : (workloadOfPod(l.pod) ?? undefined))
  return v === undefined || v.trim() === "" ? null : v.trim()
}

const valueAt = (xs: ReadonlyArray<MetricSample>, t: number) => xs.filter((x) => x.t <= t).at(-1)?.v ?? null

const pearson = (pairs: ReadonlyArray<readonly [number, number]>): number => {
  const n = pairs.length
  if (n < 4) return 0
  const mx = pairs.reduce((a, [x]) => a + x, 0) / n
  const my = pairs.reduce((a, [, y]) => a + y, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) ** 2
    syy += (y - my) ** 2
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0
}

/** One finding per workload whose memory reached its limit moving with a load surge. */
export const memoryWithLoadFindings = (
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const loads = series.filter((s) => loadMetric.test(nameOf(s.labels)) && s.labels.status === undefined)
  const seen = new Set<string>()
  return series.flatMap((ws) => {
    const workload = workloadOf(ws.labels)
    if (!workingSetMetric.test(nameOf(ws.labels)) || workload === null || seen.has(workload)) return []
    const limit = series.find(
      (s) =>
        limitMetric.test(nameOf(s.labels)) &&
        s.labels.pod === ws.labels.pod &&
        (s.labels.container ?? ws.labels.container) === ws.labels.container &&
        (s.labels.resource === undefined || s.labels.resource === "memory"),
    )
    const cap = limit === undefined ? undefined : finite(limit.samples).at(-1)?.v
    const mem = finite(ws.samples)
    const peak = mem.reduce((a, x) => (x.v > a.v ? x : a), mem[0] ?? { t: 0, v: 0 })
    if (cap === undefined || !(cap > 0) || peak.v < nearLimit * cap || peak.t < windowStartMs) return []
    const prefix = workload.replace(/-/g, "_")
    const load = loads
      .filter((s) => workloadOf(s.labels) === workload || nameOf(s.labels).startsWith(`${prefix}_`))
      .map((s) => {
        const xs = finite(s.samples)
        const first = xs[0]
        const top = xs.reduce((a, x) => (x.v > a.v ? x : a), first ?? { t: 0, v: 0 })
        const r = pearson(
          mem.flatMap((m) => {
            const v = valueAt(xs, m.t)
            return v === null ? [] : [[m.v, v] as const]
          }),
        )
        return { s, first, top, r }
      })
      .find(
        ({ first, top, r }) =>
          first !== undefined && first.v > 0 && top.v / first.v >= minSurge && r >= minCorrelation,
      )
    if (load === undefined || load.first === undefined) return []
    seen.add(workload)
    const what = /requests?(?:_total)?:rate/.test(nameOf(load.s.labels))
      ? "request rate"
      : "in-flight requests"
    const fmt = (v: number) => (v >= 100 ? Math.round(v).toString() : Number(v.toFixed(1)).toString())
    const title =
      `${workload}: memory rose with a load surge — ${what} ${fmt(load.first.v)} → ${fmt(load.top.v)} ` +
      `(×${(load.top.v / load.first.v).toFixed(1)}) from ${utcHhmm(load.top.t)} UTC, working set ${Math.round((peak.v / cap) * 100)}% of its ${mib(cap)} memory limit`
    return [
      {
        id: "",
        agent: "prometheus",
        title,
        detail:
          `cAdvisor says ${workload}'s working set reached ${mib(peak.v)} of its ${mib(cap)} memory limit at ${utcHhmm(peak.t)} UTC, ` +
          `rising and falling with ${nameOf(load.s.labels)} (correlation ${load.r.toFixed(2)}), which surged ×${(load.top.v / load.first.v).toFixed(1)}. ` +
          "Why it matters: each request holds memory while in flight, so a traffic burst pushes the pods over their " +
          "limit and the kernel OOM-kills them — not a leak. More replicas, a concurrency cap or a higher limit is the fix.",
        severity: "high",
        kind: "metric_anomaly",
        observedAt: DateTime.unsafeMake(load.top.t),
        resource: `metric/${workload}/memory_with_load`,
        service: workload,
        link,
        excerpt: `container_memory_working_set_bytes vs ${nameOf(load.s.labels)}`,
      } satisfies Finding,
    ]
  })
}
