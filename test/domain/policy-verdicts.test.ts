/**
 * The network policy agent's DENY verdicts (policy-verdicts.ts): one finding naming the ports a
 * NetworkPolicy dropped in the words an SRE uses (53 is DNS to kube-dns, 5432 PostgreSQL), the
 * pod addresses and the span; ACCEPT verdicts and other lines are not failures.
 */
import { describe, expect, it } from "@effect/vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { policyDenialFindings, policyDenialOf, portName } from "../../src/domain/policy-verdicts.js"

const at = (iso: string) => Date.parse(iso)
const line = (iso: string, message: string): LogLine => ({
  timestampMs: at(iso),
  message,
  stream: "aws-network-policy-agent-ip-10-1-2-3.eu-west-1.compute.internal",
  group: "/aws/eks/shop-prod/cluster",
})
const verdict = (sip: string, dip: string, port: number, proto: string, v: string) =>
  `Node: ip-10-1-2-3.eu-west-1.compute.internal;SIP: ${sip};SPORT: 40112;DIP: ${dip};DPORT: ${port};PROTOCOL: ${proto};PolicyVerdict: ${v}`

describe("policyDenialOf", () => {
  it("reads a DENY flow, not an ACCEPT one or another line", () => {
    expect(policyDenialOf(verdict("10.1.4.9", "172.20.0.10", 53, "UDP", "DENY"))).toEqual({
      node: "ip-10-1-2-3.eu-west-1.compute.internal",
      source: "10.1.4.9",
      destination: "172.20.0.10",
      port: 53,
      protocol: "UDP",
    })
    expect(policyDenialOf(verdict("10.1.4.9", "172.20.0.10", 53, "UDP", "ACCEPT"))).toBeNull()
    expect(policyDenialOf('level=error msg="access denied" port=5432')).toBeNull()
  })

  it("reads the fields by name whatever their order or separator", () => {
    const v = policyDenialOf("PolicyVerdict=DENY DPORT=3306 PROTOCOL=tcp SIP=10.9.0.4 DIP=10.9.8.7")
    expect(v?.port).toBe(3306)
    expect(v?.protocol).toBe("TCP")
  })
})

describe("policyDenialFindings", () => {
  const link = () => "https://console.example/logs"

  it("names the dropped ports as an SRE would, most first, and says 53 is DNS", () => {
    const found = policyDenialFindings(
      [
        line("2027-01-05T10:02:00Z", verdict("10.1.4.9", "172.20.0.10", 53, "UDP", "DENY")),
        line("2027-01-05T10:03:00Z", verdict("10.1.7.2", "172.20.0.10", 53, "UDP", "DENY")),
        line("2027-01-05T10:04:00Z", verdict("10.1.4.9", "10.1.90.4", 5432, "TCP", "DENY")),
        line("2027-01-05T10:04:30Z", verdict("10.1.4.9", "10.1.90.4", 443, "TCP", "ACCEPT")),
      ],
      link,
    )
    expect(found).toHaveLength(1)
    const f = found[0]
    expect(f?.kind).toBe("policy_denied")
    expect(f?.severity).toBe("medium")
    expect(f?.title).toContain("3 flow(s) from 2 pod IP(s)")
    expect(f?.title).toContain("UDP 53 (DNS to kube-dns) ×2, TCP 5432 (PostgreSQL) ×1")
    expect(f?.detail).toContain("kube-dns")
    expect(f?.resource).toBe("loggroup//aws/eks/shop-prod/cluster")
  })

  it("only ACCEPT verdicts (the policy letting DNS through) are no finding", () => {
    expect(
      policyDenialFindings(
        [line("2027-01-05T10:02:00Z", verdict("10.1.4.9", "172.20.0.10", 53, "UDP", "ACCEPT"))],
        link,
      ),
    ).toEqual([])
  })

  it("a port without a well-known name is its number", () => {
    expect(portName(8125, "UDP")).toBe("UDP 8125")
    expect(portName(6379, "TCP")).toBe("TCP 6379 (Redis)")
  })
})
