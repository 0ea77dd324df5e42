/**
 * A Kafka cluster's partitions offline / under min ISR / under-replicated (kafka-partitions.ts),
 * in the spellings of the JMX exporter, Strimzi and kafka-exporter, with the broker that left and
 * its full volume; decoys: healthy gauges, a broker restart long before, consumer lag alone.
 * And whether a subject's failing lines are a producer refused by such a cluster.
 */
import { describe, expect, it } from "vitest"
import type { Finding } from "../../src/domain/finding.js"
import { kafkaPartitionFindings, kafkaUnderProducers } from "../../src/domain/kafka-partitions.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const t0 = Date.parse("2026-05-02T10:00:00Z")
const min = 60_000
const window = { startMs: t0, endMs: t0 + 40 * min }
// Healthy until 10:05, then `after` from 10:05 on.
const gauge = (name: string, labels: Record<string, string>, after: number, before = 0): MetricSeries => ({
  labels: { __name__: name, ...labels },
  samples: [-20, -5, 0, 5, 20, 40].map((m) => ({ t: t0 + m * min, v: m < 5 ? before : after })),
})

describe("kafkaPartitionFindings", () => {
  it("JMX exporter: offline and under-replicated, the broker down and its volume full", () => {
    const [f] = kafkaPartitionFindings(
      "prometheus",
      [
        gauge("kafka_controller_kafkacontroller_offlinepartitionscount", { pod: "bus-kafka-1" }, 4),
        gauge("kafka_server_replicamanager_underreplicatedpartitions", { pod: "bus-kafka-0" }, 20),
        gauge("kafka_server_replicamanager_underreplicatedpartitions", { pod: "bus-kafka-1" }, 22),
        gauge("up", { job: "kafka", pod: "bus-kafka-2" }, 0, 1),
        gauge("kubelet_volume_stats_available_bytes", { persistentvolumeclaim: "data-bus-kafka-2" }, 0, 5e9),
      ],
      window,
      null,
    )
    expect(f?.kind).toBe("kafka_partitions")
    expect(f?.severity).toBe("high")
    expect(f?.service).toBe("bus-kafka")
    expect(f?.title).toContain("4 offline partitions")
    expect(f?.title).toContain("42 under-replicated")
    expect(f?.title).toContain("broker bus-kafka-2 down since 10:05 UTC")
    expect(f?.title).toContain("data-bus-kafka-2 full")
  })

  it("Strimzi's under-min-ISR count is high on its own (acks=all producers are refused)", () => {
    const [f] = kafkaPartitionFindings(
      "prometheus",
      [gauge("kafka_server_replicamanager_underminisrpartitioncount", { pod: "ledger-kafka-0" }, 3)],
      window,
      null,
    )
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("3 under min ISR")
  })

  it("kafka-exporter: under-replicated per topic, ISR fallen to 1 of a topic", () => {
    const [f] = kafkaPartitionFindings(
      "prometheus",
      [
        gauge("kafka_topic_partition_under_replicated_partition", { topic: "payments", partition: "3" }, 1),
        gauge("kafka_topic_partition_in_sync_replica", { topic: "payments", partition: "3" }, 1, 3),
      ],
      window,
      null,
    )
    expect(f?.title).toContain("1 under-replicated")
    expect(f?.title).toContain("payments partition 3 ISR 3 → 1")
  })

  it("decoy: every gauge at zero, or only consumer lag rising, is no finding", () => {
    expect(
      kafkaPartitionFindings(
        "prometheus",
        [
          gauge("kafka_server_replicamanager_underreplicatedpartitions", { pod: "bus-kafka-0" }, 0),
          gauge("kafka_consumergroup_lag", { consumergroup: "billing", topic: "invoices" }, 90_000, 10),
        ],
        window,
        null,
      ),
    ).toEqual([])
  })

  it("decoy: a broker restart long before, its partitions caught up since, is history", () => {
    const earlier: MetricSeries = {
      labels: { __name__: "kafka_server_replicamanager_underreplicatedpartitions", pod: "bus-kafka-0" },
      samples: [
        { t: t0 - 180 * min, v: 30 },
        { t: t0 - 150 * min, v: 0 },
        { t: t0 + 10 * min, v: 0 },
      ],
    }
    expect(kafkaPartitionFindings("prometheus", [earlier], window, null)).toEqual([])
  })
})

const finding = (kind: string, excerpt: string): Finding => ({
  id: "x#1",
  agent: "eks",
  title: "checkout-api logged errors",
  detail: "",
  severity: "high",
  kind: kind as Finding["kind"],
  observedAt: null,
  resource: "pod/shop/checkout-api-5d6f7a8b9c-n4t8q",
  service: "checkout-api",
  link: null,
  excerpt,
})

describe("kafkaUnderProducers", () => {
  const cluster = finding("kafka_partitions", "")
  it.each([
    "Got error produce response on topic-partition orders-3, retrying. Error: NOT_ENOUGH_REPLICAS_AFTER_APPEND",
    "org.apache.kafka.common.errors.NotLeaderOrFollowerException: This server is not the leader",
    "Expiring 12 record(s) for payments-1:120000 ms has passed since batch creation",
    "Error while fetching metadata with correlation id 88 : {audit=LEADER_NOT_AVAILABLE}",
  ])("a producer's refusal makes the cluster its dependency: %s", (line) => {
    expect(kafkaUnderProducers(cluster, [finding("container_logs", line)])).toBe(true)
  })

  it("decoy: a subject failing on its database pool has no Kafka dependency", () => {
    expect(
      kafkaUnderProducers(cluster, [finding("container_logs", "HikariPool-1 - Connection is not available")]),
    ).toBe(false)
  })

  it("decoy: only a kafka_partitions finding is linked", () => {
    expect(
      kafkaUnderProducers(finding("metric_anomaly", ""), [finding("container_logs", "NOT_ENOUGH_REPLICAS")]),
    ).toBe(false)
  })
})
