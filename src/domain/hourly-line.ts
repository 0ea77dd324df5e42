/**
 * A straight line through samples by least squares, with time in hours from the first sample:
 * its slope (per hour), how well it fits (R²), and its values at the first and last sample. Both
 * memory readings use it — one long climb (metric-anomaly.ts `judgeTrend`) and each life between
 * restarts (memory-lives.ts). Pure.
 */
import type { MetricSample } from "./metric-series.js"

export interface HourlyLine {
  readonly slope: number
  readonly fit: number
  readonly from: number
  readonly to: number
  readonly hours: number
}

/** The line through `points` (sorted by time); null when empty, a single instant or flat. */
export const hourlyLine = (points: ReadonlyArray<MetricSample>): HourlyLine | null => {
  const first = points[0]
  const last = points[points.length - 1]
  if (first === undefined || last === undefined) return null
  const xs = points.map((p) => (p.t - first.t) / 3_600_000)
  const ys = points.map((p) => p.v)
  const n = points.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx
    const dy = (ys[i] ?? 0) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return null
  const slope = sxy / sxx
  const from = my - slope * mx
  const hours = (last.t - first.t) / 3_600_000
  return { slope, fit: (sxy * sxy) / (sxx * syy), from, to: from + slope * hours, hours }
}
