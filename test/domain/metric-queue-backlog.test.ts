/**
 * A queue nobody consumes: its oldest message ages and its visible count climbs while sends go on
 * and deletes (or receives) fall to zero — by YACE's and cloudwatch_exporter's names, linked to the
 * workload scaled to 0 then. Not a dead-letter queue, not a surge the consumer keeps pace with,
 * not another service's scale-down.
 */
import { describe, expect, it } from "vitest"
import { queueBacklogFindings } from "../../src/domain/metric-queue-backlog.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const minute = 60_000
// Readings every 5 minutes from 00:00; the incident window starts at 00:30.
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 5 * minute, v }))
const windowStart = 30 * minute

const series = (
  name: string,
  labels: Record<string, string>,
  samples: MetricSeries["samples"],
): MetricSeries => ({
  labels: { __name__: name, ...labels },
  samples,
})

// Backlog from 00:20: the age and the count climb, deletes stop, sends go on.
const yace = (q: string): ReadonlyArray<MetricSeries> => [
  series(
    "aws_sqs_approximate_age_of_oldest_message_maximum",
    { dimension_QueueName: q },
    at(3, 4, 3, 5, 170, 470, 770, 1070, 1370),
  ),
  series(
    "aws_sqs_approximate_number_of_messages_visible_average",
    { dimension_QueueName: q },
    at(11, 9, 14, 12, 250, 630, 1020, 1400, 1790),
  ),
  series(
    "aws_sqs_number_of_messages_deleted_sum",
    { dimension_QueueName: q },
    at(400, 390, 395, 398, 160, 0, 0, 0, 0),
  ),
  series(
    "aws_sqs_number_of_messages_sent_sum",
    { dimension_QueueName: q },
    at(398, 391, 397, 389, 384, 387, 384, 386, 390),
  ),
]

const replicas = (
  label: "deployment" | "statefulset",
  name: string,
  vs: ReadonlyArray<number>,
  metric?: string,
) =>
  series(
    metric ?? (label === "deployment" ? "kube_deployment_spec_replicas" : "kube_statefulset_replicas"),
    { namespace: "ops", [label]: name },
    at(...vs),
  )

describe("queueBacklogFindings", () => {
  it("YACE: age and backlog up, deletes at 0, sends steady, consumer scaled to 0 → high, names both", () => {
    const [f, ...rest] = queueBacklogFindings(
      "prometheus",
      yace("acme-prod-invoice-render"),
      [replicas("deployment", "invoice-render-worker", [4, 4, 4, 0, 0, 0, 0, 0, 0])],
      windowStart,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.kind).toBe("scaled_to_zero")
    expect(f?.service).toBe("invoice-render-worker")
    expect(f?.title).toContain("queue acme-prod-invoice-render backing up: oldest message 23 min old")
    expect(f?.title).toContain("1,790 messages visible")
    expect(f?.title).toContain("deletes fell from ~398 to 0 at 00:25 UTC while sends continued")
    expect(f?.title).toContain(
      "its consumer invoice-render-worker was scaled to 0 replicas (from 4) at 00:15 UTC",
    )
  })

  it("cloudwatch_exporter: queue_name, receives at 0, a StatefulSet's available replicas → linked", () => {
    const q = "ledger-settlement-jobs"
    const [f] = queueBacklogFindings(
      "prometheus",
      [
        series(
          "aws_sqs_approximate_age_of_oldest_message_maximum",
          { queue_name: q },
          at(20, 25, 22, 30, 400, 700, 1000, 1300, 1600),
        ),
        series(
          "aws_sqs_number_of_messages_received_sum",
          { queue_name: q },
          at(120, 130, 118, 125, 0, 0, 0, 0, 0),
        ),
      ],
      [
        replicas(
          "statefulset",
          "settlement-runner",
          [2, 2, 2, 0, 0, 0, 0, 0, 0],
          "kube_statefulset_status_replicas_available",
        ),
      ],
      windowStart,
      null,
    )
    expect(f?.service).toBe("settlement-runner")
    expect(f?.title).toContain("queue ledger-settlement-jobs backing up: oldest message 27 min old")
    expect(f?.title).toContain("deletes fell from ~125 to 0")
  })

  it("no replica series: still a stopped consumer, named by its queue", () => {
    const [f] = queueBacklogFindings("prometheus", yace("photo-thumbnails"), [], windowStart, null)
    expect(f?.kind).toBe("consumer_stalled")
    expect(f?.service).toBe("photo-thumbnails")
    expect(f?.title).toContain("nothing consumes it")
    expect(f?.title).not.toContain("its consumer")
  })

  it("decoy: a dead-letter queue's count is not the backlog", () => {
    expect(queueBacklogFindings("prometheus", yace("orders-intake-dlq"), [], windowStart, null)).toEqual([])
    expect(
      queueBacklogFindings("prometheus", yace("orders_intake_deadletter"), [], windowStart, null),
    ).toEqual([])
  })

  it("decoy: a production surge with deletes keeping pace is no stopped consumer", () => {
    const q = "clickstream-ingest"
    const found = queueBacklogFindings(
      "prometheus",
      [
        series(
          "aws_sqs_approximate_number_of_messages_visible_average",
          { dimension_QueueName: q },
          at(10, 12, 11, 10, 300, 800, 1500, 2200, 3000),
        ),
        series(
          "aws_sqs_number_of_messages_deleted_sum",
          { dimension_QueueName: q },
          at(400, 390, 395, 398, 900, 1100, 1200, 1150, 1180),
        ),
        series(
          "aws_sqs_number_of_messages_sent_sum",
          { dimension_QueueName: q },
          at(398, 391, 397, 389, 1200, 1500, 1600, 1500, 1550),
        ),
      ],
      [],
      windowStart,
      null,
    )
    expect(found).toEqual([])
  })

  it("decoy: an ageing queue with no delete or receive series says nothing about its consumer", () => {
    const only = yace("mail-outbox").filter((s) => !/deleted/.test(s.labels.__name__ ?? ""))
    expect(queueBacklogFindings("prometheus", only, [], windowStart, null)).toEqual([])
  })

  it("decoy: another service scaled to 0 beside the queue's own consumer is not named", () => {
    const [f] = queueBacklogFindings(
      "prometheus",
      yace("acme-prod-invoice-render"),
      [
        replicas("deployment", "route-planner", [1, 1, 1, 1, 0, 0, 0, 0, 0]),
        replicas("deployment", "invoice-render-worker", [4, 4, 4, 0, 0, 0, 0, 0, 0]),
      ],
      windowStart,
      null,
    )
    expect(f?.service).toBe("invoice-render-worker")
    expect(f?.title).not.toContain("route-planner")
  })

  it("decoy: two unrelated workloads scaled to 0 then, neither named like the queue → no consumer named", () => {
    const [f] = queueBacklogFindings(
      "prometheus",
      yace("acme-prod-invoice-render"),
      [
        replicas("deployment", "route-planner", [1, 1, 1, 0, 0, 0, 0, 0, 0]),
        replicas("deployment", "geo-cache", [2, 2, 2, 0, 0, 0, 0, 0, 0]),
      ],
      windowStart,
      null,
    )
    expect(f?.kind).toBe("consumer_stalled")
    expect(f?.title).not.toMatch(/route-planner|geo-cache/)
  })
})
