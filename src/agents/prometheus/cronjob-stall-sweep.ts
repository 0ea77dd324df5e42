/**
 * A CronJob suspended or not scheduling (cronjob-stalled.ts), with the freshness gauges it feeds.
 * The alert is about what went stale (rates, a feed) and never names the job, so the sweep needs
 * no name; it reads a day back, since a staleness alert fires hours after the job stopped.
 */
import type { Effect } from "effect"
import { cronJobStallFindings } from "../../domain/cronjob-stalled.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

export const cronJobStallQuery =
  '{__name__=~"kube_cronjob_spec_suspend|kube_cronjob_status_last_schedule_time|kube_cronjob_next_schedule_time|.*_last_(update|updated|success|successful|run|sync|refresh|refreshed).*_timestamp(_seconds)?"}'

const leadMs = 86_400_000

export const sweepCronJobStalls = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: cronJobStallQuery,
    label: "CronJob stalled",
    leadMs,
    findingsOf: (series, link) => cronJobStallFindings(series, incident.endMs, link),
  })
