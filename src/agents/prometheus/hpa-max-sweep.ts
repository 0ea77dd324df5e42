/**
 * An HPA pinned at its max with its pods CPU-throttled (hpa-at-max.ts), read by kube-state-metrics'
 * and cAdvisor's names. A person reports "X is slow" and names no HPA, so the sweep needs no name;
 * the hour before shows the throttling and the request rate as they were before the ceiling.
 * Without throttling, the Pending pods and queue backlogs beside it say what the ceiling holds back.
 */
import { Effect } from "effect"
import { hpaAtMaxFindings } from "../../domain/hpa-at-max.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

// The HPA's replicas and max (both kube-state-metrics generations), the throttling (a recording
// rule's ratio or cAdvisor's raw counters) and request rates, for the domain to pair by workload.
export const hpaMaxQuery =
  '{__name__=~"kube_(horizontalpodautoscaler|hpa)_(status_current_replicas|spec_max_replicas)|.*cfs_throttled.*:ratio|.*cpu_throttl.*_(ratio|share)|container_cpu_cfs_(throttled_)?periods_total|.*requests?(_total|_count)?(:rate.*|_rate.*|_per_second)?|.*:rate.*"}'

/**
 * What an unthrottled HPA at its max holds back (hpa-held-back.ts): Pending pods (asked by phase,
 * as node-group-max-sweep.ts asks them, not every pod's five phases) and queue/backlog gauges.
 */
export const hpaPendingQuery = 'kube_pod_status_phase{phase="Pending"}'
export const hpaBacklogQuery =
  '{__name__=~".*(messages?_visible|queue_?(depth|length|size|messages)|backlog|consumer_?(group_)?lag|_lag|pending_(jobs|messages|tasks)).*"}'

const leadMs = 3_600_000

export const sweepHpaAtMax = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const range = sweepRange(source, incident.startMs - leadMs, incident.endMs, stepS)
  return Effect.all([range(hpaMaxQuery), range(hpaPendingQuery), range(hpaBacklogQuery)], {
    concurrency: 3,
  }).pipe(
    Effect.map(([hpas, pending, backlog]) => {
      const findings = hpaAtMaxFindings(
        [...hpas, ...pending, ...backlog],
        incident.startMs,
        incident.endMs,
        source.graphUrl(hpaMaxQuery, incident.startMs, incident.endMs),
      )
      return {
        findings,
        note: findings.length === 0 ? "" : `HPA at max: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
}
