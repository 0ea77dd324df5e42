/**
 * A noisy neighbour (metric-cpu-neighbour.ts): every container's CPU usage and the nodes' busy
 * share, in one query. The hour before is the baseline a jump is measured from; the workload
 * that jumped is rarely the one alerting, so the sweep names none.
 */
import type { Effect } from "effect"
import { cpuNeighbourFindings } from "../../domain/metric-cpu-neighbour.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// cAdvisor's counter or kube-prometheus' recording rules of it; node-exporter's utilisation rules.
export const cpuNeighbourQuery =
  '{__name__=~"container_cpu_usage_seconds_total|.*:container_cpu_usage_seconds_total:sum_i?rate.*|(instance|node):node_cpu_utili[sz]ation:.*",container!="POD"}'

export const sweepCpuNeighbours = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: cpuNeighbourQuery,
    label: "CPU neighbour",
    leadMs: 3_600_000,
    findingsOf: (series, link) => cpuNeighbourFindings("prometheus", series, incident.startMs, link),
  })
