/**
 * The share of CFS periods a container was throttled in, read from the raw counters rather than
 * from `rate(…[5m])`. Scrapes further apart than the rate's range (a kubelet scraped every 15
 * minutes, a federation that thinned the series) leave the rate empty, and a container the
 * kubelet restarted starts its counters over; the share is still there in the counters' steps.
 * Pure: the caller queries the two counters and hands over their series.
 */
import { counterIncrease } from "../../domain/counter-increase.js"
import { labelsKey, type MetricSeries } from "../../domain/metric-series.js"

// The counter arithmetic is the domain's (counter-increase.ts), shared by every sweep.
export { counterIncrease } from "../../domain/counter-increase.js"

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
