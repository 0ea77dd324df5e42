/**
 * Clustering error lines by (service, signature): counts, first/last seen, pods and streams,
 * the worst level; services never share a cluster; the input order never matters.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { clusterLogLines, type LogLine } from "../../src/domain/log-clusters.js"

const app = "/aws/containerinsights/eks-prod/application"
const t = (hhmmss: string) => Date.parse(`2026-11-27T${hhmmss}Z`)
const line = (at: string, stream: string, message: string, group = app): LogLine => ({
  timestampMs: t(at),
  stream,
  message,
  group,
})

const lines: ReadonlyArray<LogLine> = [
  line(
    "13:08:07",
    "payments-api-6c9f7d8b4-q7x2m_payments_api",
    "FATAL ERROR: heap out of memory (used 511MiB)",
  ),
  line(
    "13:02:10",
    "payments-api-6c9f7d8b4-q7x2m_payments_api",
    "FATAL ERROR: heap out of memory (used 498MiB)",
  ),
  line("13:03:49", "payments-api-6c9f7d8b4-w2v9k_payments_api", "WARN heap used 480MiB"),
  line(
    "13:03:50",
    "payments-api-6c9f7d8b4-w2v9k_payments_api",
    "FATAL ERROR: heap out of memory (used 502MiB)",
  ),
  line("13:05:10", "checkout-web-7f6d5c4b3-k1l2m_checkout_web", "ERROR upstream payments-api unavailable"),
  line("13:05:11", "orders-6c9f7d8b4-abcde_orders_app", "ERROR upstream payments-api unavailable"),
  line("13:06:00", "ecs/api/1", "ERROR pq: too many clients already", "/ecs/orders-api"),
  line("13:06:30", "custom-stream", "ERROR disk full", "/custom/group"),
]

describe("clusterLogLines", () => {
  it("groups by service and signature, with counts, span, pods and level", () => {
    const clusters = clusterLogLines(lines, (g) => (g === "/custom/group" ? "billing" : null))
    expect(
      clusters.map((c) => [c.service, c.signature, c.count, c.level, c.pods.length, c.example.timestampMs]),
    ).toEqual([
      ["payments-api", "FATAL ERROR: heap out of memory (used <n>MiB)", 3, "fatal", 2, t("13:02:10")],
      ["payments-api", "WARN heap used <n>MiB", 1, "warn", 1, t("13:03:49")],
      ["checkout-web", "ERROR upstream payments-api unavailable", 1, "error", 1, t("13:05:10")],
      ["orders", "ERROR upstream payments-api unavailable", 1, "error", 1, t("13:05:11")],
      ["orders-api", "ERROR pq: too many clients already", 1, "error", 0, t("13:06:00")],
      ["billing", "ERROR disk full", 1, "error", 0, t("13:06:30")],
    ])
    const oom = clusters[0]
    expect([oom?.firstMs, oom?.lastMs, oom?.namespaces, oom?.streams.length]).toEqual([
      t("13:02:10"),
      t("13:08:07"),
      ["payments"],
      2,
    ])
    expect(clusters[2]?.dependency).toBe("payments-api")
  })

  it("puts an ECS task event under the service it names, not the cluster its group is named after", () => {
    const group = "/aws/events/ecs/harbor-prod"
    const stopped = (at: string, service: string) =>
      line(
        at,
        "ecs-task-state-change",
        `ECS Task State Change: TaskFailedToStart: ResourceInitializationError: unable to pull secrets or registry auth (service:${service})`,
        group,
      )
    const clusters = clusterLogLines(
      [stopped("13:01:00", "quote-pricer"), stopped("13:04:00", "quote-pricer")],
      () => "harbor-prod",
    )
    expect(clusters.map((c) => [c.service, c.count, c.level])).toEqual([["quote-pricer", 2, "error"]])
  })

  it("does not depend on the order of the rows", () => {
    const expected = clusterLogLines(lines)
    const prop = fc.property(fc.shuffledSubarray([...lines], { minLength: lines.length }), (shuffled) => {
      expect(clusterLogLines(shuffled)).toEqual(expected)
    })
    fc.assert(prop, { seed: 11, numRuns: 100 })
  })
})
