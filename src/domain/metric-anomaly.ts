/**
 * When a metric is anomalous, stated as a rule a reader can check: the incident window's level
 * (its highest mean over `windowSamples` consecutive samples, so one noisy sample is not a
 * level) must be at least `minRatio` × the baseline mean AND at least `minZ` baseline standard
 * deviations above it, against EVERY baseline that has data (the same window 1 h and 1 d
 * earlier: a spike that also happened yesterday at this time is the daily pattern, not the
 * incident), AND at or above the kind's absolute floor (2 errors in a million requests is not
 * an incident however it compares). No baseline with data → no verdict; callers first offer the
 * window's own quietest stretch before its peak instead when no earlier window has data
 * (`withFallbackBaseline`). Pure.
 */
import { hourlyLine } from "./hourly-line.js"
import type { MetricSample } from "./metric-series.js"

export interface AnomalyRule {
  readonly minRatio: number
  readonly minZ: number
  readonly floor: number
  /** Consecutive samples averaged for the incident level (5 one-minute steps). */
  readonly windowSamples: number
}

export interface WindowStats {
  readonly n: number
  readonly mean: number
  readonly max: number
  /** Population standard deviation. */
  readonly sd: number
}

export interface BaselineComparison {
  /** "1 h earlier", "1 d earlier". */
  readonly label: string
  readonly stats: WindowStats
  readonly ratio: number
  readonly z: number
  readonly holds: boolean
}

export interface AnomalyVerdict {
  readonly anomalous: boolean
  /** The incident level the rule compares (highest rolling mean). */
  readonly level: number
  readonly incident: WindowStats
  /** Only baselines with enough data. */
  readonly baselines: ReadonlyArray<BaselineComparison>
  /** The first incident sample that alone passes the rule (when it began), else the start of the peak run. */
  readonly onsetMs: number | null
  /** Why it is not an anomaly ("below the floor", "within 1 h earlier's range", "no baseline"). */
  readonly because: string
}

/** Baselines need at least this many samples for a mean and a spread to mean anything. */
export const minBaselineSamples = 3

const finite = (samples: ReadonlyArray<MetricSample>): ReadonlyArray<MetricSample> =>
  samples.filter((s) => Number.isFinite(s.v))

export const windowStats = (values: ReadonlyArray<number>): WindowStats => {
  const n = values.length
  if (n === 0) return { n, mean: Number.NaN, max: Number.NaN, sd: Number.NaN }
  const mean = values.reduce((a, b) => a + b, 0) / n
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n
  // Rounding makes a flat series' spread a few ulps instead of 0; that is no spread at all.
  const sd = Math.sqrt(variance) <= 1e-9 * Math.abs(mean) ? 0 : Math.sqrt(variance)
  return { n, mean, max: Math.max(...values), sd }
}

/** The highest mean of `w` consecutive samples, and where that run starts. */
/** The run of `width` consecutive samples whose mean `beats` every other's (the first such run). */
const extremeRun = (
  samples: ReadonlyArray<MetricSample>,
  width: number,
  beats: (mean: number, best: number) => boolean,
): { mean: number; run: ReadonlyArray<MetricSample> } => {
  let best = { mean: Number.NaN, run: samples.slice(0, width) }
  for (let i = 0; i + width <= samples.length; i++) {
    const run = samples.slice(i, i + width)
    const mean = run.reduce((a, s) => a + s.v, 0) / width
    if (Number.isNaN(best.mean) || beats(mean, best.mean)) best = { mean, run }
  }
  return best
}

export const peakLevel = (
  samples: ReadonlyArray<MetricSample>,
  w: number,
): { level: number; startMs: number | null } => {
  if (samples.length === 0) return { level: Number.NaN, startMs: null }
  const { mean, run } = extremeRun(samples, Math.max(1, Math.min(w, samples.length)), (m, best) => m > best)
  return { level: mean, startMs: run[0]?.t ?? null }
}

/** How `value` compares with a baseline: ratio to its mean, z-score against its spread. */
export const compareTo = (value: number, stats: WindowStats): { ratio: number; z: number } => {
  const ratio = stats.mean > 0 ? value / stats.mean : value > 0 ? Number.POSITIVE_INFINITY : 1
  const z = stats.sd > 0 ? (value - stats.mean) / stats.sd : value > stats.mean ? Number.POSITIVE_INFINITY : 0
  return { ratio, z }
}

const passes = (value: number, stats: WindowStats, rule: AnomalyRule): boolean => {
  const { ratio, z } = compareTo(value, stats)
  return ratio >= rule.minRatio && z >= rule.minZ
}

/** The label of the fallback baseline (see `withFallbackBaseline`). */
export const windowStartLabel = "the window's quietest stretch before its peak"

/**
 * The baselines to judge by: the given ones when any has enough samples; otherwise (a
 * Prometheus keeping less than an hour, a series that began recently) the incident window's
 * own quietest stretch before its peak — the level it rose from. A level that stayed high all
 * window, or one that only fell, has no such rise and is not an anomaly by it.
 */
export const withFallbackBaseline = (
  incidentSamples: ReadonlyArray<MetricSample>,
  baselineSamples: ReadonlyArray<{ readonly label: string; readonly samples: ReadonlyArray<MetricSample> }>,
  windowSamples = 5,
): ReadonlyArray<{ readonly label: string; readonly samples: ReadonlyArray<MetricSample> }> => {
  if (baselineSamples.some((b) => finite(b.samples).length >= minBaselineSamples)) return baselineSamples
  const incident = finite(incidentSamples)
  const peak = peakLevel(incident, windowSamples)
  const before = incident.filter((s) => peak.startMs !== null && s.t < peak.startMs)
  if (before.length < minBaselineSamples) return baselineSamples
  const width = Math.max(minBaselineSamples, Math.min(windowSamples, before.length))
  const quietest = extremeRun(before, width, (m, best) => m < best).run
  return [{ label: windowStartLabel, samples: quietest }]
}

export const judgeAnomaly = (
  incidentSamples: ReadonlyArray<MetricSample>,
  baselineSamples: ReadonlyArray<{ readonly label: string; readonly samples: ReadonlyArray<MetricSample> }>,
  rule: AnomalyRule,
): AnomalyVerdict => {
  const incident = finite(incidentSamples)
  const incidentStats = windowStats(incident.map((s) => s.v))
  const peak = peakLevel(incident, rule.windowSamples)
  const baselines = baselineSamples.flatMap(({ label, samples }): ReadonlyArray<BaselineComparison> => {
    const values = finite(samples).map((s) => s.v)
    if (values.length < minBaselineSamples) return []
    const stats = windowStats(values)
    const { ratio, z } = compareTo(peak.level, stats)
    return [{ label, stats, ratio, z, holds: ratio >= rule.minRatio && z >= rule.minZ }]
  })
  const verdict = (anomalous: boolean, because: string, onsetMs: number | null = null): AnomalyVerdict => ({
    anomalous,
    level: peak.level,
    incident: incidentStats,
    baselines,
    onsetMs,
    because,
  })
  if (incident.length === 0) return verdict(false, "no samples in the incident window")
  if (baselines.length === 0) return verdict(false, "no baseline with data (1 h or 1 d earlier)")
  if (!(peak.level >= rule.floor)) return verdict(false, `below the floor of ${rule.floor}`)
  const within = baselines.filter((b) => !b.holds)
  if (within.length > 0)
    return verdict(false, `within the range of ${within.map((b) => b.label).join(" and ")}`)
  const onset = incident.find((s) => s.v >= rule.floor && baselines.every((b) => passes(s.v, b.stats, rule)))
  return verdict(true, "", onset?.t ?? peak.startMs)
}

export interface GrowthVerdict {
  /** The level rose window over window, from the oldest baseline to the incident. */
  readonly growing: boolean
  readonly incidentMean: number
  /** Baseline means, oldest first, with their labels. */
  readonly steps: ReadonlyArray<{ readonly label: string; readonly mean: number }>
  /** The incident window's mean ÷ the oldest baseline's. */
  readonly ratio: number
}

/** How much the level must have grown over the oldest baseline; no window may be below the one before. */
export const minGrowthRatio = 1.5
const minStepRatio = 1

/**
 * A leak's shape: a gauge that is no lower than an hour ago and far higher than a day ago,
 * every window at least the one before (threads, memory, file descriptors, connections that
 * are never given back). `judgeAnomaly` cannot see it — against the hour before, nothing jumped —
 * and a daily pattern does not pass, since the same hour a day earlier is as high. `baselines`
 * come oldest first; each needs `minBaselineSamples`. Pure.
 */
export const judgeGrowth = (
  incidentSamples: ReadonlyArray<MetricSample>,
  baselines: ReadonlyArray<{ readonly label: string; readonly samples: ReadonlyArray<MetricSample> }>,
): GrowthVerdict => {
  const incident = finite(incidentSamples).map((s) => s.v)
  const incidentMean = incident.length === 0 ? Number.NaN : windowStats(incident).mean
  const steps = baselines.flatMap(({ label, samples }) => {
    const values = finite(samples).map((s) => s.v)
    return values.length < minBaselineSamples ? [] : [{ label, mean: windowStats(values).mean }]
  })
  const oldest = steps[0]
  const ratio = oldest === undefined || oldest.mean <= 0 ? Number.NaN : incidentMean / oldest.mean
  const levels = [...steps.map((s) => s.mean), incidentMean]
  const rising = levels.every(
    (l, i) => i === 0 || l >= (levels[i - 1] ?? Number.POSITIVE_INFINITY) * minStepRatio,
  )
  return {
    growing: steps.length >= 2 && incident.length >= minBaselineSamples && rising && ratio >= minGrowthRatio,
    incidentMean,
    steps,
    ratio,
  }
}

export interface TrendVerdict {
  readonly growing: boolean
  /** The fitted level at the start and at the end of the climb. */
  readonly from: number
  readonly to: number
  readonly hours: number
  readonly perHour: number
  /** How well a straight line fits the climb (R², 0–1). */
  readonly fit: number
}

/** A trend judged over hours, whatever the fixed baselines hold (see `judgeTrend`). */
export const trendRule = { minPoints: 6, minHours: 2, minFit: 0.8, minRatio: 1.3, restartDrop: 0.7 }

/**
 * A leak over the hours before the alert, read from one long, coarse series: the climb since
 * the last restart (a drop below 70% of the level before it — an OOM kill's sawtooth starts
 * over), a straight line fitting it well (R² ≥ 0.8) and rising by ≥ 30% over ≥ 2 h. This sees a
 * leak when the history is shorter than a day or scraped sparsely, where `judgeGrowth`'s
 * windows (an hour and a day earlier) have nothing to compare. Pure.
 */
export const judgeTrend = (
  samples: ReadonlyArray<MetricSample>,
  minPoints: number = trendRule.minPoints,
): TrendVerdict => {
  const points = [...finite(samples)].sort((a, b) => a.t - b.t)
  let start = 0
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]?.v ?? 0
    if (before > 0 && (points[i]?.v ?? 0) < before * trendRule.restartDrop) start = i
  }
  const climb = points.slice(start)
  const none: TrendVerdict = {
    growing: false,
    from: Number.NaN,
    to: Number.NaN,
    hours: 0,
    perHour: 0,
    fit: 0,
  }
  const first = climb[0]
  const last = climb[climb.length - 1]
  if (climb.length < minPoints || first === undefined || last === undefined) return none
  const hours = (last.t - first.t) / 3_600_000
  if (hours < trendRule.minHours) return none
  const line = hourlyLine(climb)
  if (line === null) return none
  const { slope, fit, from, to } = line
  const growing = slope > 0 && fit >= trendRule.minFit && from > 0 && to / from >= trendRule.minRatio
  return { growing, from, to, hours, perHour: slope, fit }
}
