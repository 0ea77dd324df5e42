/**
 * A consumer that stopped consuming, read from its series: a Kafka group's lag growing with its
 * committed offset flat (kafka_exporter, Burrow, another exporter's names) — not a slow consumer whose offset still advances, nor a lag that stays small.
 */
import { describe, expect, it } from "vitest"
import { consumerStallFindings, flatSince } from "../../src/domain/consumer-stall.js"

const minute = 60_000
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 10 * minute, v }))
const windowStart = 30 * minute

describe("consumerStallFindings", () => {
  it("kafka_exporter: lag grown from 50 to 400k, committed offset flat → high, group, topic, since", () => {
    const [f, ...rest] = consumerStallFindings(
      "prometheus",
      [
        {
          labels: { __name__: "kafka_consumergroup_lag_sum", consumergroup: "parcel-scan", topic: "scans" },
          samples: at(50, 4000, 90_000, 200_000, 400_000),
        },
        {
          labels: {
            __name__: "kafka_consumergroup_current_offset",
            consumergroup: "parcel-scan",
            topic: "scans",
            partition: "3",
          },
          samples: at(1000, 1007, 1007, 1007, 1007),
        },
      ],
      windowStart,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.kind).toBe("consumer_stalled")
    expect(f?.title).toContain("consumer group parcel-scan on topic scans: lag 400,000 messages")
    expect(f?.title).toContain("committed offset flat at 1007 since 00:10 UTC — consumption stopped")
  })

  it("Burrow and another exporter's label names", () => {
    const findings = consumerStallFindings(
      "prometheus",
      [
        {
          labels: { __name__: "burrow_kafka_consumer_total_lag", group: "invoice-writer", topic: "invoices" },
          samples: at(0, 10, 3000, 9000, 20_000),
        },
        {
          labels: {
            __name__: "burrow_kafka_consumer_current_offset",
            group: "invoice-writer",
            topic: "invoices",
          },
          samples: at(77, 80, 80, 80, 80),
        },
        {
          labels: { __name__: "kafka_consumer_group_lag", consumer_group: "geo-indexer", topic: "places" },
          samples: at(5, 500, 5000, 50_000, 60_000),
        },
        {
          labels: {
            __name__: "kafka_consumer_group_committed_offset",
            consumer_group: "geo-indexer",
            topic: "places",
          },
          samples: at(9, 9, 9, 9, 9),
        },
      ],
      windowStart,
      null,
    )
    expect(findings.map((f) => f.service).sort()).toEqual(["geo-indexer", "invoice-writer"])
  })

  it("decoys: a slow consumer whose offset advances, a small lag, a lag without offsets", () => {
    const findings = consumerStallFindings(
      "prometheus",
      [
        {
          labels: { __name__: "kafka_consumergroup_lag_sum", consumergroup: "busy", topic: "t" },
          samples: at(50, 4000, 90_000, 200_000, 400_000),
        },
        {
          labels: { __name__: "kafka_consumergroup_current_offset", consumergroup: "busy", topic: "t" },
          samples: at(1000, 2000, 3000, 4000, 5000),
        },
        {
          labels: { __name__: "kafka_consumergroup_lag_sum", consumergroup: "calm", topic: "t" },
          samples: at(1, 5, 20, 40, 90),
        },
        {
          labels: { __name__: "kafka_consumergroup_current_offset", consumergroup: "calm", topic: "t" },
          samples: at(3, 3, 3, 3, 3),
        },
        {
          labels: { __name__: "kafka_consumergroup_lag", consumergroup: "blind", topic: "t" },
          samples: at(50, 4000, 90_000, 200_000, 400_000),
        },
      ],
      windowStart,
      null,
    )
    expect(findings).toEqual([])
  })
})

describe("flatSince", () => {
  it("the first reading of the final flat run, three readings at least", () => {
    expect(flatSince(at(1, 2, 5, 5, 5))?.t).toBe(20 * minute)
    expect(flatSince(at(1, 2, 3, 5, 5))).toBeNull()
  })
})
