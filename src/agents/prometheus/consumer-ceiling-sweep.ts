/**
 * A consumer group too slow for its topic (metric-consumer-ceiling.ts): its lag, its consumed
 * rate and its topic's produced rate, read from three hours before the incident — the lag of a
 * slow consumer begins at the evening's rise in production, long before the alert's window. When a
 * group is found, a second query reads the consumer's own latency series (named after the group),
 * to say what each record waits on.
 */
import { Effect } from "effect"
import { asMetricWord, consumerCeilingFindings } from "../../domain/metric-consumer-ceiling.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { consumerLagNames } from "./consumer-stall-sweep.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

// The stall sweep's lag names, and the rates recording rules and exporters give consumption and production.
export const consumerCeilingQuery = `{__name__=~"${consumerLagNames}|.*(records_consumed|consumed|produced|messages_?in|records_?in).*"}`

const leadMs = 3 * 3_600_000

/** The lag, consumed and produced series, then the slow group's latency series; a failed query finds nothing. */
export const sweepConsumerCeilings = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const range = sweepRange(source, incident.startMs - leadMs, incident.endMs, stepS)
  const link = source.graphUrl(consumerCeilingQuery, incident.startMs, incident.endMs)
  return Effect.gen(function* () {
    const series = yield* range(consumerCeilingQuery)
    const found = consumerCeilingFindings("prometheus", series, incident.startMs, link)
    const groups = [...new Set(found.flatMap((f) => (f.service === null ? [] : [asMetricWord(f.service)])))]
    // Only a found group's own names: a latency series of something else explains nothing here.
    const latency =
      groups.length === 0
        ? []
        : yield* range(`{__name__=~"(.*:)?(${groups.join("|")})_.*(seconds|duration|latency|_ms).*"}`)
    const findings =
      latency.length === 0
        ? found
        : consumerCeilingFindings("prometheus", [...series, ...latency], incident.startMs, link)
    return {
      findings,
      note: findings.length === 0 ? "" : `slow consumer: ${findings.map((f) => f.title).join("; ")}`,
    }
  })
}
