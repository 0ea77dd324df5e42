/**
 * The cluster DNS (cluster-dns.ts): read when a workload's lines say names do not resolve;
 * CoreDNS's own error lines become one finding naming the upstreams that fail. Clean CoreDNS
 * logs, or callers that resolve fine, say nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { clusterDnsFindings, namesFailToResolve } from "../../../src/agents/eks/cluster-dns.js"
import { ctx, pod, running } from "./fixtures/objects.js"

const coredns = ["7hxqp", "m2v4d"].map((x) =>
  pod({
    name: `coredns-5c8d7b9f64-${x}`,
    namespace: "kube-system",
    owner: { kind: "ReplicaSet", name: "coredns-5c8d7b9f64" },
    labels: { "k8s-app": "kube-dns" },
    statuses: [running("coredns")],
  }),
)
const log = (pod: string, text: string) => ({ pod, container: "coredns", previous: false, text })

describe("namesFailToResolve", () => {
  it.each([
    ['{"level":"error","err":"getaddrinfo EAI_AGAIN api.stripe.com"}', true],
    ["dial tcp: lookup hooks.slack.com on 172.20.0.10:53: server misbehaving", true],
    ["java.net.UnknownHostException: payments.internal", true],
    ["curl: (6) Could not resolve host: api.example.com", true],
    ["ERROR connect ETIMEDOUT 10.0.3.4:5432", false],
    ["INFO resolved 3 hosts", false],
  ])("%s → %s", (line, failing) => {
    expect(namesFailToResolve([line])).toBe(failing)
  })
})

describe("clusterDnsFindings", () => {
  it("names the upstreams CoreDNS cannot reach and that no upstream is healthy", () => {
    const findings = clusterDnsFindings(
      coredns,
      [
        log(
          "coredns-5c8d7b9f64-7hxqp",
          "[INFO] plugin/reload: Running configuration SHA512 = 3b9f\n2027-02-03T08:01:12Z [ERROR] plugin/errors: 2 api.stripe.com. A: read udp 10.12.33.87:52114->10.40.0.2:53: i/o timeout\n2027-02-03T08:09:02Z [WARNING] plugin/forward: no healthy proxies, erroring",
        ),
        log(
          "coredns-5c8d7b9f64-m2v4d",
          "2027-02-03T08:02:31Z [ERROR] plugin/errors: 2 api.stripe.com. A: read udp 10.12.48.203:44190->10.40.0.3:53: i/o timeout",
        ),
      ],
      ctx,
    )
    expect(findings.map((f) => [f.kind, f.severity, f.resource, f.service])).toEqual([
      ["container_logs", "high", "deployment/kube-system/coredns", "coredns"],
    ])
    expect(findings[0]?.title).toBe(
      "coredns: cluster DNS failing — lookups forwarded to 10.40.0.2, 10.40.0.3 time out or fail; forward: no healthy upstream resolvers (3 error lines on 2/2 pods)",
    )
  })

  it("says nothing of a CoreDNS whose logs hold no error", () => {
    expect(
      clusterDnsFindings(
        coredns,
        [log("coredns-5c8d7b9f64-7hxqp", "[INFO] plugin/reload: Running configuration")],
        ctx,
      ),
    ).toEqual([])
  })
})
