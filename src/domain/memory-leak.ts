/**
 * A memory leak over days, told from memory that follows its load: a container's working set
 * that climbs in a straight line since its last restart while what it serves (connections,
 * requests, sessions) stays flat, until the kernel kills it at its limit — one pod after another,
 * each restart starting the climb over. The incident window shows nothing (the level was near
 * the limit an hour and a day before too); only the climb over days, set against the load over
 * the same days, says "leak" rather than "busier". Pure.
 */
import { judgeTrend, type TrendVerdict, trendRule } from "./metric-anomaly.js"
import type { MetricSample } from "./metric-series.js"

/** Names of the gauges that measure a process's memory, most telling first (cAdvisor, then the process's own). */
export const memoryMetricNames: ReadonlyArray<string> = [
  "container_memory_working_set_bytes",
  "container_memory_rss",
  "process_resident_memory_bytes",
]

/**
 * What a service's load is measured by: connections, sessions, clients, requests, messages —
 * not what it holds per unit of load (subscriptions, cache entries, objects), which is what leaks.
 */
const loadWords =
  /(?:^|_)(?:connections?|conns|connected|sessions?|clients|requests?|rps|qps|inflight|in_flight|active_users|users_online|online|messages|calls)(?:_|$)/
// What a process keeps per unit of load (`sessions_tracked`, `entries_retained`) is what leaks, not load.
const notLoad =
  /_(?:bytes|seconds|ratio|percent|errors?|failures?|tracked|stored|retained|held|leaked|outstanding)(?:_|$)|subscri|cache|heap|memory|pool|lag/

/** Whether a metric name measures load (see `loadWords`). */
export const isLoadMetric = (name: string): boolean => loadWords.test(name) && !notLoad.test(name)

/**
 * The leak rule: ≥ 6 h of straight climb (R² ≥ 0.8, ≥ 1.3×), load grown less than half as much.
 * Four points suffice over six hours or more (`minPoints`): memory scraped every hour or two, read
 * back five minutes at a time, gives one point per scrape, and the span already rules out a blip.
 */
export const leakRule = { minHours: 6, minFit: 0.8, minRatio: 1.3, loadShare: 0.5, minPoints: 4 }

export interface LoadLevel {
  readonly name: string
  /** The load's level at the climb's end over its level at the climb's start. */
  readonly ratio: number
}

export interface LeakVerdict {
  readonly leaking: boolean
  /** The pod whose climb is the longest, null when none climbed. */
  readonly pod: string | null
  readonly trend: TrendVerdict | null
  /** When that pod's climb began and ended (null when none climbed): other series are read over the same span. */
  readonly climbMs: { readonly startMs: number; readonly endMs: number } | null
  /** Hours until the fitted line reaches `limitBytes`; null without a limit. */
  readonly hoursToLimit: number | null
  readonly limitBytes: number | null
  /** The load series compared over the climb (empty: none was found). */
  readonly loads: ReadonlyArray<LoadLevel>
  /** Why it is not a leak, when it is not. */
  readonly because: string
}

const finite = (samples: ReadonlyArray<MetricSample>) =>
  [...samples].filter((s) => Number.isFinite(s.v)).sort((a, b) => a.t - b.t)

const mean = (xs: ReadonlyArray<number>): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length

/**
 * A load series' level at the end of [startMs, endMs] over its level at the start: the mean of
 * each end's quarter of the span, so one busy sample does not decide. NaN when either is empty.
 */
export const loadRatio = (samples: ReadonlyArray<MetricSample>, startMs: number, endMs: number): number => {
  const quarter = (endMs - startMs) / 4
  const points = finite(samples)
  const early = mean(points.filter((s) => s.t >= startMs && s.t <= startMs + quarter).map((s) => s.v))
  const late = mean(points.filter((s) => s.t >= endMs - quarter && s.t <= endMs).map((s) => s.v))
  return early > 0 ? late / early : Number.NaN
}

/**
 * Each climb of a pod's memory between restarts (a drop below `trendRule.restartDrop` of the level
 * before it), judged on its own with its span: a pod just killed at its limit has only minutes
 * since its restart, and the climb that ended in the kill is the one that tells the leak.
 */
export const climbsOf = (
  samples: ReadonlyArray<MetricSample>,
): ReadonlyArray<{ readonly trend: TrendVerdict; readonly startMs: number; readonly endMs: number }> => {
  const points = finite(samples)
  const segments: Array<Array<MetricSample>> = [[]]
  points.forEach((p, i) => {
    const before = points[i - 1]?.v ?? 0
    if (i > 0 && before > 0 && p.v < before * trendRule.restartDrop) segments.push([])
    segments[segments.length - 1]?.push(p)
  })
  return segments.flatMap((seg) => {
    const first = seg[0]
    const last = seg[seg.length - 1]
    return first === undefined || last === undefined
      ? []
      : [{ trend: judgeTrend(seg, leakRule.minPoints), startMs: first.t, endMs: last.t }]
  })
}

/**
 * Judge the pods' memory (`memory`: one series per pod, over days) against the load over the same
 * span (`load`: named series, the service's connections or request rate) and the limit. The pod
 * with the longest climb between restarts (one that ended in a kill included) speaks for the workload; its climb must pass
 * `leakRule`, and no load series may have grown by as much as `loadShare` of the memory's growth
 * (memory that rises with its load is a busier service, not a leak).
 */
export const judgeMemoryLeak = (input: {
  readonly memory: ReadonlyArray<{
    readonly pod: string | null
    readonly samples: ReadonlyArray<MetricSample>
  }>
  readonly load: ReadonlyArray<{ readonly name: string; readonly samples: ReadonlyArray<MetricSample> }>
  readonly limitBytes: number | null
}): LeakVerdict => {
  const climbs = input.memory
    .flatMap((m) => climbsOf(m.samples).map((c) => ({ pod: m.pod, ...c })))
    .filter(
      (c) =>
        c.trend.growing &&
        c.trend.hours >= leakRule.minHours &&
        c.trend.fit >= leakRule.minFit &&
        c.trend.to / c.trend.from >= leakRule.minRatio,
    )
    .sort((a, b) => b.trend.hours - a.trend.hours || (a.pod ?? "").localeCompare(b.pod ?? ""))
  const limitBytes = input.limitBytes !== null && input.limitBytes > 0 ? input.limitBytes : null
  const best = climbs[0]
  if (best === undefined)
    return {
      leaking: false,
      pod: null,
      trend: null,
      climbMs: null,
      hoursToLimit: null,
      limitBytes,
      loads: [],
      because: `no pod's memory climbed for ≥ ${leakRule.minHours} h since its last restart`,
    }
  const { trend, startMs, endMs } = best
  const loads = input.load
    .map((l) => ({ name: l.name, ratio: loadRatio(l.samples, startMs, endMs) }))
    .filter((l) => Number.isFinite(l.ratio))
  const memoryGrowth = trend.to / trend.from - 1
  const busier = loads.find((l) => l.ratio - 1 >= memoryGrowth * leakRule.loadShare)
  const hoursToLimit =
    limitBytes === null || trend.perHour <= 0 ? null : Math.max(0, (limitBytes - trend.to) / trend.perHour)
  return {
    leaking: busier === undefined,
    pod: best.pod,
    trend,
    climbMs: { startMs, endMs },
    hoursToLimit,
    limitBytes,
    loads,
    because:
      busier === undefined
        ? ""
        : `its load grew with it (${busier.name} ×${busier.ratio.toFixed(2)} over the same hours)`,
  }
}
