/**
 * A message broker's resource alarm blocking its publishers (broker-alarm.ts): RabbitMQ's memory,
 * disk or file-descriptor alarm gauge at 1, labelled by pod, instance or node name, is one finding
 * per broker naming the alarm, the backlog and memory against the watermark. Not: a broker near its
 * watermark whose alarm stayed 0, a queue backlog with no alarm (consumers simply slow).
 */
import { describe, expect, it } from "@effect/vitest"
import { brokerAlarmFindings, brokerOfNode } from "../../src/domain/broker-alarm.js"
import { modesLabel } from "../../src/domain/causes-labels.js"
import { textMode } from "../../src/domain/causes-modes.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const t = (hhmm: string) => Date.parse(`2027-04-08T${hhmm}:00Z`)
const series = (labels: Record<string, string>, values: ReadonlyArray<number>): MetricSeries => ({
  labels,
  samples: values.map((v, i) => ({ t: t(`21:${String(i * 5).padStart(2, "0")}`), v })),
})

describe("brokerOfNode", () => {
  it("a node's ordinal, Erlang node prefix, domain and port are one broker", () => {
    expect(brokerOfNode("rabbit@events-mq-2.events-mq-nodes.queues")).toBe("events-mq")
    expect(brokerOfNode("amqp-1:15692")).toBe("amqp")
    expect(brokerOfNode("bus-server-0")).toBe("bus-server")
  })
})

describe("brokerAlarmFindings", () => {
  it("a memory alarm on a pod-labelled node: the broker, the alarm, its backlog and memory", () => {
    const found = brokerAlarmFindings(
      "prometheus",
      [
        series({ __name__: "rabbitmq_alarms_memory_used_watermark", pod: "events-mq-1" }, [0, 0, 1, 1]),
        series({ __name__: "rabbitmq_process_resident_memory_bytes", pod: "events-mq-1" }, [2e9, 3e9, 4.1e9]),
        series({ __name__: "rabbitmq_resident_memory_limit_bytes", pod: "events-mq-1" }, [4e9, 4e9]),
        series(
          { __name__: "rabbitmq_queue_messages_ready", queue: "invoice-render" },
          [5_000, 400_000, 900_000],
        ),
        series({ __name__: "rabbitmq_queue_messages_ready", queue: "emails" }, [3, 2, 1]),
      ],
      null,
    )
    expect(found.map((f) => [f.kind, f.service, f.severity])).toEqual([["broker_alarm", "events-mq", "high"]])
    expect(found[0]?.title).toBe(
      "events-mq: RabbitMQ memory alarm (vm_memory_high_watermark) — publishers blocked since 21:10 UTC; queue invoice-render backlog 900,000 ready (was 5,000); memory 4.10 GB of its 4.00 GB watermark (102%)",
    )
  })

  it("a disk alarm labelled by the Erlang node name, with no queue metrics", () => {
    const found = brokerAlarmFindings(
      "prometheus",
      [
        series(
          {
            __name__: "rabbitmq_alarms_free_disk_space_watermark",
            rabbitmq_node: "rabbit@ledger-bus-0.ledger-bus-nodes.fin",
          },
          [1, 1],
        ),
      ],
      null,
    )
    expect(found[0]?.title).toBe(
      "ledger-bus: RabbitMQ disk alarm (disk_free_limit) — publishers blocked since 21:00 UTC",
    )
  })

  it("two nodes of one broker alarmed are one finding; a file-descriptor alarm is named as such", () => {
    const found = brokerAlarmFindings(
      "prometheus",
      [
        series(
          { __name__: "rabbitmq_alarms_file_descriptor_limit", instance: "telemetry-mq-0:15692" },
          [0, 1],
        ),
        series(
          { __name__: "rabbitmq_alarms_file_descriptor_limit", instance: "telemetry-mq-1:15692" },
          [1, 1],
        ),
      ],
      null,
    )
    expect(found).toHaveLength(1)
    expect(found[0]?.title).toContain("telemetry-mq: RabbitMQ file descriptor alarm")
  })

  it("decoy: memory near the watermark but the alarm stayed 0 — no finding", () => {
    const found = brokerAlarmFindings(
      "prometheus",
      [
        series({ __name__: "rabbitmq_alarms_memory_used_watermark", pod: "events-mq-0" }, [0, 0, 0]),
        series({ __name__: "rabbitmq_process_resident_memory_bytes", pod: "events-mq-0" }, [3.8e9, 3.9e9]),
        series({ __name__: "rabbitmq_resident_memory_limit_bytes", pod: "events-mq-0" }, [4e9, 4e9]),
      ],
      null,
    )
    expect(found).toEqual([])
  })

  it("decoy: a backlog climbing with slow consumers and no alarm — no finding", () => {
    const found = brokerAlarmFindings(
      "prometheus",
      [series({ __name__: "rabbitmq_queue_messages_ready", queue: "thumbnails" }, [10, 50_000, 200_000])],
      null,
    )
    expect(found).toEqual([])
  })
})

describe("broker alarm in a cause's words", () => {
  it("is a resource limit whose label says publishers are blocked", () => {
    const [alarm] = brokerAlarmFindings(
      "prometheus",
      [series({ __name__: "rabbitmq_alarms_memory_used_watermark", pod: "events-mq-1" }, [1])],
      null,
    )
    expect(alarm).toBeDefined()
    if (alarm === undefined) return
    expect(textMode(alarm)).toBe("limits")
    expect(modesLabel(["limits"], [alarm])).toContain("broker resource alarm: publishers blocked")
  })
})
