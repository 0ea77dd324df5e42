/**
 * A message broker's resource alarm over the incident window (broker-alarm.ts): RabbitMQ's
 * `rabbitmq_alarms_*` gauges, with its resident memory, its memory limit and its queue depths to
 * say what filled it. The broker is a dependency the alert rarely names ("order-api p99"), so the
 * sweep needs no name: an alarm that fired blocks every publisher of that broker.
 */
import { Effect } from "effect"
import { brokerAlarmFindings } from "../../domain/broker-alarm.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

export const brokerAlarmQuery =
  '{__name__=~"rabbitmq_alarms_(memory_used_watermark|free_disk_space_watermark|file_descriptor_limit)"}'
// Asked only once an alarm fired: what the broker held against its limit, and its deepest queues.
export const brokerMemoryQuery =
  '{__name__=~"rabbitmq_process_resident_memory_bytes|rabbitmq_resident_memory_limit_bytes"}'
export const brokerQueueQuery = '{__name__=~"rabbitmq_(detailed_)?queue_messages_ready"}'

/** The alarm gauges, then (when one fired) memory and queues; a failed query finds nothing. */
export const sweepBrokerAlarms = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const ask = sweepRange(source, incident.startMs, incident.endMs, stepS)
  return Effect.gen(function* () {
    const alarms = yield* ask(brokerAlarmQuery)
    if (!alarms.some((s) => s.samples.some((x) => x.v >= 1))) return { findings: [], note: "" }
    const [memory, queues] = yield* Effect.all([ask(brokerMemoryQuery), ask(brokerQueueQuery)], {
      concurrency: 2,
    })
    const findings = brokerAlarmFindings(
      "prometheus",
      [...alarms, ...memory, ...queues],
      source.graphUrl(brokerAlarmQuery, incident.startMs, incident.endMs),
    )
    return {
      findings,
      note: findings.length === 0 ? "" : `broker alarm: ${findings.map((f) => f.title).join("; ")}`,
    }
  })
}
