/**
 * The numeric heart of the replay's PromQL functions, following Prometheus' own code
 * (`promql/functions.go`, `promql/quantile.go`):
 *
 * - `extrapolatedRate` is `rate`/`increase`: counter resets add the value before the drop, and
 *   the increase seen between the first and last samples is extrapolated to the range edges —
 *   by at most half an average sample interval, and only when a sample lies within 1.1 average
 *   intervals of the edge; towards the start never past the point where the counter would have
 *   been zero. Simplifications: float samples only (no native histograms), no stale markers
 *   (a scenario records none), no warnings for non-counter metric names.
 * - `bucketQuantile` is `histogram_quantile` over classic `le` buckets: buckets sorted by
 *   upper bound, cumulative counts forced monotonic, duplicate bounds merged, linear
 *   interpolation inside the bucket holding the rank; NaN without a `+Inf` bucket or
 *   observations; the second-highest bound when the rank falls in the `+Inf` bucket.
 */
import type { MetricSample } from "../domain/metric-series.js"

/** Samples in the range (rangeStart, rangeEnd] (epoch ms); null when fewer than two. */
export const extrapolatedRate = (
  samples: ReadonlyArray<MetricSample>,
  rangeStartMs: number,
  rangeEndMs: number,
  isRate: boolean,
): number | null => {
  const first = samples[0]
  const last = samples[samples.length - 1]
  if (first === undefined || last === undefined || samples.length < 2) return null
  let increase = last.v - first.v
  let previous = first.v
  for (const s of samples.slice(1)) {
    if (s.v < previous) increase += previous
    previous = s.v
  }
  const sampledInterval = (last.t - first.t) / 1000
  if (sampledInterval <= 0) return null
  let durationToStart = (first.t - rangeStartMs) / 1000
  const durationToEnd = (rangeEndMs - last.t) / 1000
  const averageBetween = sampledInterval / (samples.length - 1)
  // A counter cannot go below zero: do not extrapolate further back than where it would reach it.
  if (increase > 0 && first.v >= 0) {
    const durationToZero = sampledInterval * (first.v / increase)
    if (durationToZero < durationToStart) durationToStart = durationToZero
  }
  const threshold = averageBetween * 1.1
  const toStart = durationToStart >= threshold ? averageBetween / 2 : durationToStart
  const toEnd = durationToEnd >= threshold ? averageBetween / 2 : durationToEnd
  const factor = (sampledInterval + toStart + toEnd) / sampledInterval
  const extrapolated = increase * factor
  return isRate ? extrapolated / ((rangeEndMs - rangeStartMs) / 1000) : extrapolated
}

export interface Bucket {
  readonly upperBound: number
  readonly count: number
}

export const bucketQuantile = (q: number, input: ReadonlyArray<Bucket>): number => {
  if (Number.isNaN(q)) return Number.NaN
  if (q < 0) return Number.NEGATIVE_INFINITY
  if (q > 1) return Number.POSITIVE_INFINITY
  const sorted = [...input].sort((a, b) => a.upperBound - b.upperBound)
  const top = sorted[sorted.length - 1]
  if (top === undefined || top.upperBound !== Number.POSITIVE_INFINITY) return Number.NaN
  // Merge equal bounds, then force cumulative counts to be non-decreasing (scrape races).
  const buckets: Array<Bucket> = []
  for (const b of sorted) {
    const prev = buckets[buckets.length - 1]
    if (prev !== undefined && prev.upperBound === b.upperBound) {
      buckets[buckets.length - 1] = { upperBound: b.upperBound, count: prev.count + b.count }
    } else {
      buckets.push(b)
    }
  }
  let max = Number.NEGATIVE_INFINITY
  const monotonic = buckets.map((b) => {
    max = Math.max(max, b.count)
    return { upperBound: b.upperBound, count: max }
  })
  if (monotonic.length < 2) return Number.NaN
  const observations = monotonic[monotonic.length - 1]?.count ?? 0
  if (observations === 0 || Number.isNaN(observations)) return Number.NaN
  let rank = q * observations
  const index = monotonic.findIndex((b) => b.count >= rank)
  const b = index === -1 ? monotonic.length - 1 : index
  if (b === monotonic.length - 1) return monotonic[monotonic.length - 2]?.upperBound ?? Number.NaN
  const bucket = monotonic[b]
  if (bucket === undefined) return Number.NaN
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound
  let bucketStart = 0
  let count = bucket.count
  const below = monotonic[b - 1]
  if (below !== undefined) {
    bucketStart = below.upperBound
    count -= below.count
    rank -= below.count
  }
  return bucketStart + (bucket.upperBound - bucketStart) * (rank / count)
}
