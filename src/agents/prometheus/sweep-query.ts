/**
 * One sweep query over a time range, as every Prometheus sweep asks it: a step of at least a
 * minute (a sweep reads a window's shape, not its seconds), and a failed query finds nothing — a
 * sweep is extra evidence beside the agent's own queries, never a reason for the agent to fail.
 */
import { Effect } from "effect"
import type { MetricSeries } from "../../domain/metric-series.js"
import type { MetricSourceService } from "../../ports/metric-source.js"

export const sweepRange =
  (source: MetricSourceService, startMs: number, endMs: number, stepS: number) =>
  (expr: string): Effect.Effect<ReadonlyArray<MetricSeries>> =>
    source
      .queryRange(expr, startMs, endMs, Math.max(stepS, 60))
      .pipe(Effect.orElseSucceed((): ReadonlyArray<MetricSeries> => []))
