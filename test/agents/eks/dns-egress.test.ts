/**
 * Whether a NetworkPolicy's egress rules still carry DNS to kube-dns (dns-egress.ts): a rule
 * allowing "all pods of this namespace" or "443 anywhere" does not; one naming kube-system's
 * kube-dns on UDP 53 does; what the policy alone cannot decide (an ipBlock, an unknown label) is
 * taken as allowed.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { dnsAllowed, ruleCarriesDns } from "../../../src/agents/eks/dns-egress.js"
import { NetworkPolicyRule } from "../../../src/domain/kubernetes-policies.js"

const rule = (raw: Record<string, unknown>) => Schema.decodeUnknownSync(NetworkPolicyRule)(raw)
const kubeDns = {
  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
}
const udpTcp53 = [
  { protocol: "UDP", port: 53 },
  { protocol: "TCP", port: 53 },
]

describe("ruleCarriesDns", () => {
  it("a bare podSelector is the policy's own namespace: no kube-dns there", () => {
    expect(ruleCarriesDns(rule({ to: [{ podSelector: {} }] }), "payments")).toBe(false)
    expect(ruleCarriesDns(rule({ to: [{ podSelector: {} }] }), "kube-system")).toBe(true)
  })

  it("443 to anywhere does not carry port 53", () => {
    const r = rule({ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] })
    expect(ruleCarriesDns(r, "payments")).toBe(false)
  })

  it("kube-dns in kube-system on UDP 53 does", () => {
    expect(ruleCarriesDns(rule({ to: [kubeDns], ports: udpTcp53 }), "payments")).toBe(true)
    // CoreDNS labelled the EKS way, any namespace selected.
    const eks = rule({
      to: [
        { namespaceSelector: {}, podSelector: { matchLabels: { "eks.amazonaws.com/component": "coredns" } } },
      ],
      ports: [{ protocol: "UDP", port: 53 }],
    })
    expect(ruleCarriesDns(eks, "search")).toBe(true)
  })

  it("TCP 53 alone does not carry lookups (they go over UDP)", () => {
    expect(ruleCarriesDns(rule({ to: [kubeDns], ports: [{ protocol: "TCP", port: 53 }] }), "payments")).toBe(
      false,
    )
  })

  it("a namespace selector naming another namespace does not reach kube-dns", () => {
    const r = rule({
      to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
      ports: udpTcp53,
    })
    expect(ruleCarriesDns(r, "payments")).toBe(false)
  })

  it("what the policy alone cannot decide is allowed: an ipBlock, a label not known here, a named port", () => {
    expect(ruleCarriesDns(rule({ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }], ports: udpTcp53 }), "a")).toBe(
      true,
    )
    expect(
      ruleCarriesDns(rule({ to: [{ namespaceSelector: { matchLabels: { name: "kube-system" } } }] }), "a"),
    ).toBe(true)
    expect(ruleCarriesDns(rule({ to: [kubeDns], ports: [{ protocol: "UDP", port: "dns" }] }), "a")).toBe(true)
  })
})

describe("dnsAllowed", () => {
  it("no rule at all (deny all egress) blocks DNS; any one rule carrying it allows it", () => {
    expect(dnsAllowed([], "orders")).toBe(false)
    expect(
      dnsAllowed([rule({ to: [{ podSelector: {} }] }), rule({ to: [kubeDns], ports: udpTcp53 })], "orders"),
    ).toBe(true)
  })
})
