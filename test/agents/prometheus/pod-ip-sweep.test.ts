/**
 * The pod IP sweep over the replay and the real adapter: a node whose VPC CNI counted EC2
 * refusing it addresses in the window (`InsufficientFreeAddressesInSubnet`) is a high finding
 * about the node; pods refused an IP alone is medium. Not: a count left from before the window
 * (flat), an EC2 error that is not about addresses (throttling), a node with no CNI errors.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { counterIncrease, nodeOfSeries, sweepPodIps } from "../../../src/agents/prometheus/pod-ip-sweep.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { gaugeSamples, now } from "./metric-fixtures.js"

const nowMs = Date.parse(now)
const incident = { label: "incident", startMs: nowMs - 30 * 60_000, endMs: nowMs }

describe("counterIncrease", () => {
  it("sums the rises, a drop read as a restart from zero", () => {
    const s = (vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 60_000, v }))
    expect(counterIncrease(s([3, 3, 10, 12]))).toBe(9)
    expect(counterIncrease(s([40, 40, 40]))).toBe(0)
    expect(counterIncrease(s([50, 2, 7]))).toBe(7)
    expect(counterIncrease(s([5]))).toBe(0)
  })
})

describe("nodeOfSeries", () => {
  it("the node label, else the target without its port", () => {
    expect(nodeOfSeries({ node: "ip-10-1-2-3.ec2.internal", instance: "10.1.2.3:61678" })).toBe(
      "ip-10-1-2-3.ec2.internal",
    )
    expect(nodeOfSeries({ instance: "10.1.2.3:61678" })).toBe("10.1.2.3")
    expect(nodeOfSeries({ job: "aws-node" })).toBeNull()
  })
})

describe("sweepPodIps", () => {
  it.scoped(
    "a node short of pod IPs in the window is a finding about it; old counts and throttling are not",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const rising = (from: number) =>
          gaugeSamples((w, i) => (w === "incident" && i >= from ? (i - from) * 4 : 0))
        const replay = yield* makePrometheusReplay({
          series: [
            {
              labels: {
                __name__: "awscni_aws_api_error_count",
                api: "AssignPrivateIpAddresses",
                error: "InsufficientFreeAddressesInSubnet",
                instance: "ip-10-7-40-12.ap-southeast-2.compute.internal",
                job: "aws-node",
              },
              samples: rising(20),
            },
            // Errors from last week: the counter is flat all through the window.
            {
              labels: {
                __name__: "awscni_aws_api_error_count",
                api: "AssignPrivateIpAddresses",
                error: "InsufficientFreeAddressesInSubnet",
                instance: "ip-10-7-41-8.ap-southeast-2.compute.internal",
                job: "aws-node",
              },
              samples: gaugeSamples(() => 40),
            },
            // Throttled, not out of addresses: another class of failure.
            {
              labels: {
                __name__: "awscni_aws_api_error_count",
                api: "DescribeNetworkInterfaces",
                error: "RequestLimitExceeded",
                instance: "ip-10-7-42-99.ap-southeast-2.compute.internal",
                job: "aws-node",
              },
              samples: rising(16),
            },
            {
              labels: {
                __name__: "awscni_no_available_ip_addresses",
                instance: "10.7.43.5:61678",
                job: "aws-node",
              },
              samples: rising(30),
            },
          ],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const { findings, note } = yield* sweepPodIps(source, incident, 60)
        expect(findings.map((f) => [f.resource, f.severity, f.kind])).toEqual([
          ["node/ip-10-7-40-12.ap-southeast-2.compute.internal", "high", "metric_anomaly"],
          ["node/10.7.43.5", "medium", "metric_anomaly"],
        ])
        expect(findings[0]?.title).toMatch(
          /^node ip-10-7-40-12\.ap-southeast-2\.compute\.internal: subnet has no free IP addresses — VPC CNI cannot assign pod IPs \(InsufficientFreeAddressesInSubnet ×\d+\)$/,
        )
        expect(findings[1]?.title).toContain("no available IP addresses")
        expect(note).toMatch(/^pod IP sweep: node ip-10-7-40-12/)
      }),
  )

  it.scoped("no CNI metrics: nothing to say", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(nowMs)
      const replay = yield* makePrometheusReplay({ series: [], now: () => nowMs })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const { findings, note } = yield* sweepPodIps(source, incident, 60)
      expect(findings).toEqual([])
      expect(note).toBe("pod IP sweep: no node short of IPs")
    }),
  )
})
