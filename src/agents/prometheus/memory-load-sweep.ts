/**
 * Memory driven to its limit by a load surge (memory-with-load.ts): the working set, its limit and
 * the workloads' load series, in one query. The hour before shows the load as it was.
 */
import type { Effect } from "effect"
import { memoryWithLoadFindings } from "../../domain/memory-with-load.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

export const memoryLoadQuery =
  '{__name__=~"container_spec_memory_limit_bytes|.*(in_?flight|in_?progress|concurrent|active)_requests.*|.*requests?_(in_?flight|in_?progress|concurrent|active).*|.*requests?(_total)?:rate.*|container_memory_working_set_bytes"}'

export const sweepMemoryWithLoad = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: memoryLoadQuery,
    label: "memory with load",
    leadMs: 3_600_000,
    findingsOf: (series, link) => memoryWithLoadFindings(series, incident.startMs, link),
  })
