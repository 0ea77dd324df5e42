/**
 * Nodes under disk, memory or PID pressure over the incident window (node-pressure.ts): the
 * pressure conditions, the kubelet's evictions and the root filesystems' free bytes. The pods a
 * full node evicts belong to any workload, so the sweep needs no name; the finding names the
 * node and cause inference ties it to the pods that ran there.
 */
import type { Effect } from "effect"
import { nodePressureFindings } from "../../domain/node-pressure.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// Only conditions that are true and root filesystems: a handful of series per node.
export const nodePressureQuery =
  '{__name__=~"kube_node_status_condition",condition=~"DiskPressure|MemoryPressure|PIDPressure",status="true"} or {__name__=~"kubelet_evictions(_total)?"} or {__name__=~"node_filesystem_(avail|size)_bytes",mountpoint="/"}'

/** The pressure series over the window; a failed query finds nothing. */
export const sweepNodePressure = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: nodePressureQuery,
    label: "node pressure",
    leadMs: 0,
    findingsOf: (series, link) => nodePressureFindings("prometheus", series, incident.startMs, link),
  })
