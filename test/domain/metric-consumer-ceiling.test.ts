/**
 * A consumer group too slow for its topic (metric-consumer-ceiling.ts): lag growing while the group
 * consumes at a flat rate below the topic's production — in recording-rule, exporter-counter and
 * labelled-rate spellings. Decoys: a stalled consumer (consumed → 0), a consumer keeping pace, lag
 * that is not growing, production no higher than consumption.
 */
import { describe, expect, it } from "@effect/vitest"
import { consumerCeilingFindings } from "../../src/domain/metric-consumer-ceiling.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const t0 = Date.parse("2026-03-04T18:00:00Z")
const at = (i: number): number => t0 + i * 1_800_000
const s = (labels: Record<string, string>, values: ReadonlyArray<number>): MetricSeries => ({
  labels,
  samples: values.map((v, i) => ({ t: at(i), v })),
})
const windowStart = at(5)
// Growing lag, as kafka_exporter and Burrow write it.
const lag = [500, 900, 60_000, 400_000, 900_000, 1_500_000, 2_100_000]
const flat = [1900, 2010, 2000, 1990, 2005, 1995, 2000]
const rising = [1800, 2000, 2700, 2800, 2750, 2820, 2790]
// A counter: the running sum of each half-hour's rate.
const counter = (rates: ReadonlyArray<number>): ReadonlyArray<number> => {
  let sum = 0
  return rates.map((r) => {
    sum += r * 1800
    return sum
  })
}

const findings = (series: ReadonlyArray<MetricSeries>) =>
  consumerCeilingFindings("prometheus", series, windowStart, null)

describe("a consumer group capped below its topic's production", () => {
  it.each([
    [
      "recording rules named after the group and the topic, a sibling group keeping up",
      [
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "ledger-poster", topic: "card-auths" },
          lag,
        ),
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "fraud-scorer", topic: "card-auths" },
          [40, 60, 50, 70, 40, 55, 60],
        ),
        s({ __name__: "job:ledger_poster_records_consumed:rate5m" }, flat),
        s({ __name__: "job:card_auths_produced:rate5m" }, rising),
        s(
          { __name__: "ledger_poster_fx_lookup_seconds", quantile: "0.99" },
          [0.03, 0.03, 0.04, 0.04, 0.04, 0.04, 0.05],
        ),
      ],
      "ledger-poster",
      ["fraud-scorer on the same topic is not behind", "ledger_poster_fx_lookup_seconds p99 50 ms"],
    ],
    [
      "Burrow's lag and broker counters labelled with the topic and group",
      [
        s({ __name__: "burrow_kafka_consumer_total_lag", consumer_group: "geo-tagger", topic: "rides" }, lag),
        s({ __name__: "app_records_consumed_total", consumer_group: "geo-tagger" }, counter(flat)),
        s({ __name__: "kafka_server_brokertopicmetrics_messagesin_total", topic: "rides" }, counter(rising)),
      ],
      "geo-tagger",
      [],
    ],
    [
      "a group label and a rate labelled with the group",
      [
        s(
          { __name__: "kafka_consumergroup_group_sum_lag", group: "invoice-writer", topic: "orders.v2" },
          lag,
        ),
        s({ __name__: "kafka_consumer_fetch_manager_records_consumed_rate", group: "invoice-writer" }, flat),
        s({ __name__: "orders_v2_records_produced_rate" }, rising),
      ],
      "invoice-writer",
      [],
    ],
  ])("%s", (_, series, group, words) => {
    const [f, ...rest] = findings(series)
    expect(rest).toHaveLength(0)
    expect(f?.service).toBe(group)
    expect(f?.kind).toBe("consumer_outpaced")
    expect(f?.severity).toBe("high")
    expect(f?.title).toMatch(
      /too slow: lag 2,100,000 messages and growing since 19:00 UTC — consumption rate capped at ~2,0\d\d\/s/,
    )
    for (const w of words) expect(f?.detail).toContain(w)
  })

  it.each([
    [
      "a stalled consumer: consumed fell to zero",
      [
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "ledger-poster", topic: "card-auths" },
          lag,
        ),
        s({ __name__: "job:ledger_poster_records_consumed:rate5m" }, [2000, 2000, 0, 0, 0, 0, 0]),
        s({ __name__: "job:card_auths_produced:rate5m" }, rising),
      ],
    ],
    [
      "a consumer keeping pace with production (consumed rises with it)",
      [
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "ledger-poster", topic: "card-auths" },
          lag,
        ),
        s({ __name__: "job:ledger_poster_records_consumed:rate5m" }, rising),
        s({ __name__: "job:card_auths_produced:rate5m" }, rising),
      ],
    ],
    [
      "lag that does not grow",
      [
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "ledger-poster", topic: "card-auths" },
          [900, 1200, 800, 1100, 950, 1000, 1050],
        ),
        s({ __name__: "job:ledger_poster_records_consumed:rate5m" }, flat),
        s({ __name__: "job:card_auths_produced:rate5m" }, rising),
      ],
    ],
    [
      "another topic's production rising",
      [
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "ledger-poster", topic: "card-auths" },
          lag,
        ),
        s({ __name__: "job:ledger_poster_records_consumed:rate5m" }, flat),
        s({ __name__: "job:podcast_raw_produced:rate5m" }, rising),
      ],
    ],
    [
      "lag that recovered by the window",
      [
        s(
          { __name__: "kafka_consumergroup_lag_sum", consumergroup: "ledger-poster", topic: "card-auths" },
          [500, 60_000, 900_000, 400_000, 90_000, 5000, 2000],
        ),
        s({ __name__: "job:ledger_poster_records_consumed:rate5m" }, flat),
        s({ __name__: "job:card_auths_produced:rate5m" }, rising),
      ],
    ],
  ])("decoy: %s", (_, series) => {
    expect(findings(series)).toHaveLength(0)
  })
})
