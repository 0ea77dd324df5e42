/**
 * One sweep query over a time range, as every Prometheus sweep asks it: a step of at least a
 * minute (a sweep reads a window's shape, not its seconds), and a failed query finds nothing — a
 * sweep is extra evidence beside the agent's own queries, never a reason for the agent to fail.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"

export const sweepRange =
  (source: MetricSourceService, startMs: number, endMs: number, stepS: number) =>
  (expr: string): Effect.Effect<ReadonlyArray<MetricSeries>> =>
    source
      .queryRange(expr, startMs, endMs, Math.max(stepS, 60))
      .pipe(Effect.orElseSucceed((): ReadonlyArray<MetricSeries> => []))

/**
 * A sweep that is one query: read from `leadMs` before the incident to its end, turned into
 * findings with the incident's graph link, and named in the agent's summary under `label` (no
 * note when nothing was found). What each sweep judges stays in its own `findingsOf`.
 */
export const sweepOnce = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
  sweep: {
    readonly query: string
    readonly label: string
    readonly leadMs: number
    readonly findingsOf: (series: ReadonlyArray<MetricSeries>, link: string | null) => ReadonlyArray<Finding>
  },
): Effect.Effect<SweepOutcome> =>
  sweepRange(
    source,
    incident.startMs - sweep.leadMs,
    incident.endMs,
    stepS,
  )(sweep.query).pipe(
    Effect.map((series) => {
      const findings = sweep.findingsOf(
        series,
        source.graphUrl(sweep.query, incident.startMs, incident.endMs),
      )
      return {
        findings,
        note: findings.length === 0 ? "" : `${sweep.label}: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
