/**
 * A Kafka cluster's partitions over the incident window (kafka-partitions.ts): its brokers'
 * offline / under-min-ISR / under-replicated gauges, then — only when one is non-zero — which
 * broker's `up` went to 0 and its volume's free bytes, to say which broker left and why. Kafka is
 * a dependency an alert rarely names ("order-service 5xx"), so the sweep needs no name.
 */
import { Effect } from "effect"
import {
  kafkaPartitionFindings,
  kafkaPartitionQuery,
  kafkaPartitionsTroubled,
  kafkaUpQuery,
  volumeFreeQuery,
} from "../../domain/kafka-partitions.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

// Read from before the incident: a broker's `up` is judged down only after it was seen up.
const leadMs = 30 * 60_000

export const sweepKafkaPartitions = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const ask = sweepRange(source, incident.startMs - leadMs, incident.endMs, stepS)
  return Effect.gen(function* () {
    const partitions = yield* ask(kafkaPartitionQuery)
    const window = { startMs: incident.startMs, endMs: incident.endMs }
    if (!kafkaPartitionsTroubled(partitions, window)) return { findings: [], note: "" }
    const [up, volumes] = yield* Effect.all([ask(kafkaUpQuery), ask(volumeFreeQuery)], { concurrency: 2 })
    const findings = kafkaPartitionFindings(
      "prometheus",
      [...partitions, ...up, ...volumes],
      window,
      source.graphUrl(kafkaPartitionQuery, incident.startMs, incident.endMs),
    )
    return { findings, note: findings.map((f) => f.title).join("; ") }
  })
}
