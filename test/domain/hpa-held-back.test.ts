/**
 * An HPA at its max with unthrottled pods that still holds work back (hpa-held-back.ts via
 * hpa-at-max.ts): Pending pods in its namespace, or a queue named with its words growing — not an
 * HPA at max with nothing Pending and a flat queue, not Pending pods in another namespace, not a
 * growing queue named for another workload.
 */
import { describe, expect, it } from "vitest"
import { hpaAtMaxFindings } from "../../src/domain/hpa-at-max.js"
import { workloadWords } from "../../src/domain/hpa-held-back.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const minute = 60_000
// Samples every 10 minutes from 00:00; the HPA reaches its max at 00:20, the window starts at 00:20.
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 10 * minute, v }))
const windowStart = 20 * minute
const windowEnd = 60 * minute

const hpa = (
  name: string,
  namespace: string,
  label = "horizontalpodautoscaler",
  prefix = "kube_horizontalpodautoscaler",
) => [
  {
    labels: { __name__: `${prefix}_status_current_replicas`, namespace, [label]: name },
    samples: at(4, 8, 16, 16, 16, 16),
  },
  {
    labels: { __name__: `${prefix}_spec_max_replicas`, namespace, [label]: name },
    samples: at(16, 16, 16, 16, 16, 16),
  },
]
const pending = (namespace: string, ...vs: ReadonlyArray<number>): MetricSeries => ({
  labels: { __name__: "kube_pod_status_phase", namespace, phase: "Pending" },
  samples: at(...vs),
})
const gauge = (labels: Record<string, string>, ...vs: ReadonlyArray<number>): MetricSeries => ({
  labels,
  samples: at(...vs),
})
const run = (series: ReadonlyArray<MetricSeries>) => hpaAtMaxFindings(series, windowStart, windowEnd, null)

describe("HPA at max holding work back", () => {
  it("Pending pods in its namespace → names the HPA, since when, the Pending count", () => {
    const [f, ...rest] = run([...hpa("render-farm", "video"), pending("video", 0, 0, 9, 9, 11, 11)])
    expect(rest).toEqual([])
    expect(f?.title).toContain("render-farm: HPA at its max of 16 replicas since 00:20 UTC")
    expect(f?.title).toContain("11 pods Pending in namespace video (0 before)")
    expect(f?.severity).toBe("medium")
  })

  it("older kube_hpa names, per-pod Pending series summed, plus an SQS backlog → high", () => {
    const perPod = (pod: string, ...vs: ReadonlyArray<number>): MetricSeries => ({
      labels: { __name__: "kube_pod_status_phase", namespace: "ocr", phase: "Pending", pod },
      samples: at(...vs),
    })
    const [f] = run([
      ...hpa("invoice-ocr-worker", "ocr", "hpa", "kube_hpa"),
      perPod("invoice-ocr-worker-5d-a", 0, 0, 1, 1, 1, 1),
      perPod("invoice-ocr-worker-5d-b", 0, 0, 1, 1, 1, 1),
      gauge(
        {
          __name__: "aws_sqs_approximate_number_of_messages_visible_average",
          queue_name: "acme-invoice-ocr",
        },
        20,
        400,
        1500,
        2600,
        3900,
        5200,
      ),
    ])
    expect(f?.title).toContain("2 pods Pending in namespace ocr")
    expect(f?.title).toContain("queue acme-invoice-ocr backlog 20 → 5200")
    expect(f?.severity).toBe("high")
  })

  it("no Pending pods, a Kafka consumer lag named like it growing → the backlog", () => {
    const [f] = run([
      ...hpa("ledger-indexer", "finance"),
      gauge(
        { __name__: "kafka_consumergroup_lag", consumergroup: "ledger-indexer", topic: "ledger-events" },
        5,
        80,
        900,
        2400,
        4100,
        6000,
      ),
    ])
    expect(f?.title).toContain("backlog 5 → 6000")
    expect(f?.severity).toBe("medium")
  })

  it("decoy: at max, nothing Pending, its queue flat → nothing", () => {
    expect(
      run([
        ...hpa("render-farm", "video"),
        pending("video", 0, 0, 0, 0, 0, 0),
        gauge({ __name__: "rabbitmq_queue_messages", queue: "render-farm-jobs" }, 30, 32, 28, 31, 30, 29),
      ]),
    ).toEqual([])
  })

  it("decoy: Pending pods in another namespace, a growing queue of another workload → nothing", () => {
    expect(
      run([
        ...hpa("render-farm", "video"),
        pending("batch", 0, 0, 9, 9, 11, 11),
        gauge(
          { __name__: "aws_sqs_approximate_number_of_messages_visible", queue_name: "email-digest" },
          10,
          900,
          4000,
          8000,
          9000,
          9900,
        ),
      ]),
    ).toEqual([])
  })

  it("decoy: Pending pods in its namespace while the HPA is still below its max → nothing", () => {
    const [current, max] = hpa("render-farm", "video")
    expect(
      run([
        { ...current, samples: at(4, 6, 8, 10, 12, 14) } as MetricSeries,
        max as MetricSeries,
        pending("video", 0, 0, 9, 9, 11, 11),
      ]),
    ).toEqual([])
  })

  it("a workload's distinctive words leave out the generic ones", () => {
    expect(workloadWords("transcode-worker")).toEqual(["transcode"])
    expect(workloadWords("api")).toEqual([])
  })
})
