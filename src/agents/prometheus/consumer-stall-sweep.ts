/**
 * A consumer group that stopped consuming (consumer-stall.ts): its lag and its committed offsets
 * by the exporters' names. A person reports work that never shows
 * up and names no group, so the sweep needs no name; the hour before shows where the lag began.
 */
import type { Effect } from "effect"
import { consumerStallFindings } from "../../domain/consumer-stall.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// Names as the exporters write them; the domain's patterns decide which series are which.
// Shared with the slow-consumer sweep (consumer-ceiling-sweep.ts), which reads the same lag series.
export const consumerLagNames =
  "kafka_consumer_?group_.*(lag|offset).*|kafka_consumer_group_offset|burrow_kafka_consumer_.*|kafka_consumer_records_lag.*|.*consumer_?group.*_(lag|current_offset|committed_offset).*"
export const consumerStallQuery = `{__name__=~"${consumerLagNames}"}`

const leadMs = 3_600_000

/** The lag and offset series over the window and the hour before it; a failed query finds nothing. */
export const sweepConsumerStalls = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: consumerStallQuery,
    label: "consumer stall",
    leadMs,
    findingsOf: (series, link) => consumerStallFindings("prometheus", series, incident.startMs, link),
  })
