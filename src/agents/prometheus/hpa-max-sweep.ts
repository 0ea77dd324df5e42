/**
 * An HPA pinned at its max with its pods CPU-throttled (hpa-at-max.ts), read by kube-state-metrics'
 * and cAdvisor's names. A person reports "X is slow" and names no HPA, so the sweep needs no name;
 * the hour before shows the throttling and the request rate as they were before the ceiling.
 */
import type { Effect } from "effect"
import { hpaAtMaxFindings } from "../../domain/hpa-at-max.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// The HPA's replicas and max (both kube-state-metrics generations), the throttling (a recording
// rule's ratio or cAdvisor's raw counters) and request rates, for the domain to pair by workload.
export const hpaMaxQuery =
  '{__name__=~"kube_(horizontalpodautoscaler|hpa)_(status_current_replicas|spec_max_replicas)|.*cfs_throttled.*:ratio|.*cpu_throttl.*_(ratio|share)|container_cpu_cfs_(throttled_)?periods_total|.*requests?(_total|_count)?(:rate.*|_rate.*|_per_second)?|.*:rate.*"}'

const leadMs = 3_600_000

export const sweepHpaAtMax = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: hpaMaxQuery,
    label: "HPA at max",
    leadMs,
    findingsOf: (series, link) => hpaAtMaxFindings(series, incident.startMs, incident.endMs, link),
  })
