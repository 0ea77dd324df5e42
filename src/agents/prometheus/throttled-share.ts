/**
 * The share of CFS periods a container was throttled in, read from the raw counters rather than
 * from `rate(…[5m])`. Scrapes further apart than the rate's range (a kubelet scraped every 15
 * minutes, a federation that thinned the series) leave the rate empty, and a container the
 * kubelet restarted starts its counters over; the share is still there in the counters' steps.
 * Pure: the caller queries the two counters and hands over their series.
 */
import { labelsKey, type MetricSample, type MetricSeries } from "../../domain/metric-series.js"

/**
 * How much a counter rose over its samples (in time order), as Prometheus' `increase` treats a
 * reset: a value below the one before is a counter started over, so it rose by the value itself.
 * Repeated samples (a range query's steps re-reading one scrape) add nothing.
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

// A container's series, whichever counter it is: its labels without the metric's name.
const containerKey = (s: MetricSeries): string => {
  const { __name__: _, ...rest } = s.labels
  return labelsKey(rest)
}

/**
 * Throttled periods over all periods, summed across the containers both counters name; null
 * when no container counted a period (nothing to judge: one scrape, or no series).
 */
export const throttledShareOfCounters = (
  throttled: ReadonlyArray<MetricSeries>,
  periods: ReadonlyArray<MetricSeries>,
): number | null => {
  const throttledBy = new Map(throttled.map((s) => [containerKey(s), s.samples]))
  let throttledSum = 0
  let periodSum = 0
  for (const s of periods) {
    const t = throttledBy.get(containerKey(s))
    if (t === undefined) continue
    const all = counterIncrease(s.samples)
    if (!(all > 0)) continue
    throttledSum += Math.min(counterIncrease(t), all)
    periodSum += all
  }
  return periodSum > 0 ? throttledSum / periodSum : null
}
