/**
 * Counters scraped sparsely: `rate(x[5m])` needs two samples inside its five minutes, so a
 * counter scraped every five minutes (a slow scrape interval, a federated or remote-read copy,
 * a recorded replay) answers nothing at all, and the signal reads as "no data" while its 5xx
 * climbed. Prometheus' own advice is a range of at least four scrape intervals; when a query
 * answered nothing, it is asked once more with each range widened to `widenedRangeMin`.
 * Only ranges shorter than that are touched; everything else in the query stays as written.
 */

/** Fifteen minutes: three samples of a counter scraped every five minutes. */
export const widenedRangeMin = 15

// A range selector's duration in minutes (`[5m]`, `[10m]`), not a subquery (`[1h:1m]`).
const minuteRange = /\[(\d+)m\]/g

/** `expr` with every minute range shorter than `widenedRangeMin` widened to it; null when none is. */
export const widenRateRanges = (expr: string): string | null => {
  let changed = false
  const out = expr.replace(minuteRange, (whole, n: string) => {
    if (Number(n) >= widenedRangeMin) return whole
    changed = true
    return `[${widenedRangeMin}m]`
  })
  return changed ? out : null
}
