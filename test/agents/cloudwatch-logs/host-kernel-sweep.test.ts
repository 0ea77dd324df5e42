/**
 * The nodes' kernel logs asked whether a node hit one of its own network limits: the cluster's
 * Container Insights host group is found and queried once; each node that logged a limit in
 * the window is a high finding about that node. Not: the kernel's other lines, a limit logged
 * before the window, a host group of another cluster when the alert's has one.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { hostGroupsOf, kernelLimitFindings } from "../../../src/agents/cloudwatch-logs/host-kernel-sweep.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const line = (
  at: string,
  stream: string,
  message: string,
  group = "/aws/containerinsights/eks-pay/host",
) => ({
  timestampMs: Date.parse(at),
  stream,
  message,
  group,
})

describe("kernelLimitFindings", () => {
  it("one finding per node and limit, the node from the stream or the syslog host", () => {
    const findings = kernelLimitFindings(
      [
        line(
          "2027-02-03T08:14:02Z",
          "ip-10-9-3-41.us-west-2.compute.internal-dmesg",
          "nf_conntrack: table full, dropping packet",
        ),
        line(
          "2027-02-03T08:11:40Z",
          "ip-10-9-3-41.us-west-2.compute.internal-dmesg",
          "nf_conntrack: table full, dropping packet",
        ),
        line(
          "2027-02-03T08:12:00Z",
          "i-0f3a/var/log/messages",
          "Feb  3 08:12:00 worker-b kernel: neighbour: arp_cache: neighbor table overflow!",
        ),
        line(
          "2027-02-03T08:12:30Z",
          "ip-10-9-3-41.us-west-2.compute.internal-dmesg",
          "net_ratelimit: 310 callbacks suppressed",
        ),
        line("2027-02-03T08:12:31Z", "unknown", "nf_conntrack: table full, dropping packet"),
      ],
      () => "https://console.example/logs",
    )
    expect(findings.map((f) => [f.resource, f.kind, f.severity])).toEqual([
      ["node/ip-10-9-3-41.us-west-2.compute.internal", "node_network_limit", "high"],
      ["node/worker-b", "node_network_limit", "high"],
    ])
    expect(findings[0]?.title).toBe(
      "node ip-10-9-3-41.us-west-2.compute.internal: conntrack table full (nf_conntrack), dropping packets (kernel, ×2 08:11–08:14 UTC)",
    )
    expect(findings[0]?.observedAt?.epochMillis).toBe(Date.parse("2027-02-03T08:11:40Z"))
    expect(findings[1]?.title).toContain("neighbour (ARP) table overflow")
  })

  it("the host groups of the alert's cluster first, at most three", () => {
    expect(
      hostGroupsOf(
        [
          "/aws/containerinsights/eks-other/host",
          "/aws/containerinsights/eks-pay/application",
          "/aws/containerinsights/eks-pay/host",
          "/aws/containerinsights/eks-x/host",
          "/aws/containerinsights/eks-y/host",
        ],
        ["eks-pay"],
      ),
    ).toEqual([
      "/aws/containerinsights/eks-pay/host",
      "/aws/containerinsights/eks-other/host",
      "/aws/containerinsights/eks-x/host",
    ])
  })
})

const now = "2027-02-03T08:20:00Z"
const alert = `[FIRING:1] PaymentsGatewayTimeouts (eks-pay payments payments-gateway critical)
 - description = payments-gateway upstream timeouts above 5% for 5m
 - cluster = eks-pay namespace = payments`

describe("the logs agent reads the nodes' kernel logs", () => {
  it.scoped(
    "a node's full conntrack table in the window is a finding about the node; an old one is not",
    () =>
      Effect.gen(function* () {
        const { replay, source } = yield* harness(
          [
            {
              name: "/aws/containerinsights/eks-pay/application",
              events: [
                event(
                  "2027-02-03T08:12:10Z",
                  "payments-gateway-6b7c8d9f5-k2lx8_payments_gateway-1a2b",
                  'level=error msg="acquirer call failed" err="dial tcp 10.100.4.2:443: i/o timeout"',
                ),
              ],
            },
            {
              name: "/aws/containerinsights/eks-pay/host",
              events: [
                // hours before the window: no finding
                event(
                  "2027-02-03T03:02:00Z",
                  "ip-10-9-7-7.us-west-2.compute.internal.host.dmesg",
                  "nf_conntrack: nf_conntrack: table full, dropping packet",
                ),
                event(
                  "2027-02-03T08:09:58Z",
                  "ip-10-9-3-41.us-west-2.compute.internal.host.dmesg",
                  "nf_conntrack: nf_conntrack: table full, dropping packet",
                ),
                event(
                  "2027-02-03T08:10:03Z",
                  "ip-10-9-3-41.us-west-2.compute.internal.host.dmesg",
                  "net_ratelimit: 915 callbacks suppressed",
                ),
                event(
                  "2027-02-03T08:15:21Z",
                  "ip-10-9-3-41.us-west-2.compute.internal.host.dmesg",
                  "nf_conntrack: nf_conntrack: table full, dropping packet",
                ),
              ],
            },
          ],
          now,
        )
        const task = taskFor({ text: alert, alertTime: "2027-02-03T08:17:00Z", now })
        const result = yield* cloudWatchLogsAgent
          .handle(task, { sessionId: null })
          .pipe(Effect.provideService(LogSource, source))
        const kernel = result.findings.filter((f) => f.kind === "node_network_limit")
        expect(kernel.map((f) => [f.resource, f.severity])).toEqual([
          ["node/ip-10-9-3-41.us-west-2.compute.internal", "high"],
        ])
        expect(kernel[0]?.title).toContain("×2 08:09–08:15 UTC")
        expect(result.summary).toContain("node kernel limits")
        const queried = replay
          .requests()
          .filter((r) => r.operation === "StartQuery")
          .map((q) => JSON.stringify(q.body))
        expect(queried.some((q) => q.includes("/aws/containerinsights/eks-pay/host"))).toBe(true)
      }),
  )
})
