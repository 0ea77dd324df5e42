/**
 * How much a Prometheus counter rose, read from a range query's raw samples the way `increase`
 * treats them: a value below the one before is a counter started over (a restarted process), so
 * it rose by the value itself. Every sweep that judges a counter by its rises uses these, so a
 * reset is read one way everywhere. Pure.
 */
import type { MetricSample } from "./metric-series.js"

/**
 * The sum of a counter's rises over its samples (in time order; NaN dropped). Repeated samples (a
 * range query's steps re-reading one scrape) add nothing; fewer than two samples rose by 0.
 */
export const counterIncrease = (samples: ReadonlyArray<MetricSample>): number => {
  const finite = [...samples.filter((s) => Number.isFinite(s.v))].sort((a, b) => a.t - b.t)
  let total = 0
  for (let i = 1; i < finite.length; i++) {
    const prev = finite[i - 1]
    const cur = finite[i]
    if (prev === undefined || cur === undefined) continue
    total += cur.v >= prev.v ? cur.v - prev.v : cur.v
  }
  return total
}

/**
 * The rises of the steps that end at or after `fromMs`: the step into `fromMs` counts, from the
 * last sample before it, as the counter's first step inside the range.
 */
export const increaseSince = (samples: ReadonlyArray<MetricSample>, fromMs: number): number => {
  const finite = [...samples.filter((s) => Number.isFinite(s.v))].sort((a, b) => a.t - b.t)
  const first = finite.findIndex((s) => s.t >= fromMs)
  return first === -1 ? 0 : counterIncrease(finite.slice(Math.max(0, first - 1)))
}
