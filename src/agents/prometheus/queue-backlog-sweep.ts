/**
 * A queue nobody consumes (metric-queue-backlog.ts): its SQS age, visible count, deletes and
 * sends from an hour before the incident — the deletes' rate before the backlog is the yardstick
 * for "fell to zero". Only when a queue stopped is a second query made, for the workloads'
 * replica counts, to name the consumer that was scaled to 0 when it stopped.
 */
import { Effect } from "effect"
import {
  consumerReplicasQuery,
  queueBacklogQuery,
  queueStalls,
  stallFindings,
} from "../../domain/metric-queue-backlog.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

const leadMs = 3_600_000

/** The queues' series, then the replicas when one stopped; a failed query finds nothing. */
export const sweepQueueBacklogs = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const range = sweepRange(source, incident.startMs - leadMs, incident.endMs, stepS)
  const link = source.graphUrl(queueBacklogQuery, incident.startMs, incident.endMs)
  return Effect.gen(function* () {
    const series = yield* range(queueBacklogQuery)
    const stalls = queueStalls(series, incident.startMs)
    if (stalls.length === 0) return { findings: [], note: "" }
    const replicas = yield* range(consumerReplicasQuery)
    const findings = stallFindings("prometheus", stalls, replicas, link)
    return { findings, note: `queue backlog: ${findings.map((f) => f.title).join("; ")}` }
  })
}
