/**
 * A counter scraped every five minutes answers nothing to `rate(x[5m])` (rate-ranges.ts): the
 * retry widens every short range, leaves long ranges and subqueries alone, and says when there
 * is nothing to widen.
 */
import { describe, expect, it } from "vitest"
import { widenRateRanges } from "../../../src/agents/prometheus/rate-ranges.js"

describe("widenRateRanges", () => {
  it("widens each short range of a ratio of rates", () => {
    expect(
      widenRateRanges(
        'sum(rate(http_requests_total{service="a",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="a"}[5m]))',
      ),
    ).toBe(
      'sum(rate(http_requests_total{service="a",code=~"5.."}[15m])) / sum(rate(http_requests_total{service="a"}[15m]))',
    )
    expect(widenRateRanges("sum(increase(kube_pod_container_status_restarts_total[10m]))")).toBe(
      "sum(increase(kube_pod_container_status_restarts_total[15m]))",
    )
    expect(widenRateRanges("histogram_quantile(0.99, sum by (le) (rate(rpc_seconds_bucket[1m])))")).toBe(
      "histogram_quantile(0.99, sum by (le) (rate(rpc_seconds_bucket[15m])))",
    )
  })
  it("nothing to widen: a gauge, a range already long enough, a subquery", () => {
    expect(widenRateRanges('max(container_memory_working_set_bytes{pod=~"a-.*"})')).toBeNull()
    expect(widenRateRanges("sum(rate(jobs_failed_total[30m]))")).toBeNull()
    expect(widenRateRanges("max_over_time(queue_depth[1h:1m])")).toBeNull()
  })
})
