/**
 * The alert's workloads at their memory limit and their OOM kills (memory-at-limit.ts): working
 * set, memory limit and terminated reason of the alert's namespace, judged against the limit
 * itself, not a baseline — the anomaly judge says "no baseline with data" for a series that began
 * with the pods, and a limit reached needs none.
 */
import { Effect } from "effect"
import { memoryAtLimitFindings } from "../../domain/memory-at-limit.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

const metrics =
  "container_memory_working_set_bytes|kube_pod_container_resource_limits(_memory_bytes)?|kube_pod_container_status_(last_)?terminated_reason"

/** The series of `namespace` (all namespaces when null); a PromQL string literal is escaped. */
export const memoryLimitQuery = (namespace: string | null): string =>
  namespace === null
    ? `{__name__=~"${metrics}"}`
    : `{__name__=~"${metrics}",namespace=${JSON.stringify(namespace)}}`

/** Read the series over the window; a failed query finds nothing. */
export const sweepMemoryLimits = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
  names: ReadonlyArray<string>,
  namespace: string | null,
): Effect.Effect<SweepOutcome> =>
  Effect.gen(function* () {
    if (names.length === 0) return { findings: [], note: "" }
    const query = memoryLimitQuery(namespace)
    const series = yield* sweepRange(source, incident.startMs, incident.endMs, stepS)(query)
    const findings = memoryAtLimitFindings(
      "prometheus",
      series,
      names,
      incident.startMs,
      source.graphUrl(query, incident.startMs, incident.endMs),
    )
    return {
      findings,
      note: findings.length === 0 ? "" : `memory at its limit: ${findings.map((f) => f.title).join("; ")}`,
    }
  })
