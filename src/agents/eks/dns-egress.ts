/**
 * Whether a NetworkPolicy egress rule lets a pod's DNS lookups reach the cluster DNS (CoreDNS,
 * `k8s-app=kube-dns` in kube-system). A default-deny egress that allows "everything in the
 * namespace" and "443 anywhere" still drops port 53 to kube-system: the rule's port allows 53
 * only if it names UDP 53 (lookups go over UDP first; TCP 53 alone does not carry them), and its
 * peers reach kube-dns only if they can select kube-system's pods — a bare `podSelector` means
 * the policy's own namespace. What cannot be decided from the policy alone is taken as allowed,
 * so a lookup is never claimed blocked on a guess: an `ipBlock` (the pods' CIDR is not read
 * here), a named port, a selector on labels other than the well-known ones. Pure.
 */
import {
  type LabelSelector,
  type NetworkPolicyRule,
  type PolicyPort,
  selectorMatches,
} from "../../domain/kubernetes-policies.js"

export const dnsPort = 53
const dnsNamespace = "kube-system"

/** The labels the cluster DNS's namespace and pods carry on EKS and in upstream CoreDNS manifests. */
const namespaceLabels: Readonly<Record<string, string>> = { "kubernetes.io/metadata.name": dnsNamespace }
const podLabels: Readonly<Record<string, string>> = {
  "k8s-app": "kube-dns",
  "eks.amazonaws.com/component": "coredns",
}

/** Whether `selector` could select something with `labels`: decided only on the keys known here. */
const mayMatch = (selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean => {
  const keys = [...Object.keys(selector.matchLabels), ...selector.matchExpressions.map((e) => e.key)]
  return keys.some((k) => !(k in labels)) || selectorMatches(selector, labels)
}

const carriesUdp53 = (ports: ReadonlyArray<PolicyPort>): boolean =>
  ports.length === 0 ||
  ports.some((p) => {
    if ((p.protocol ?? "TCP").toUpperCase() !== "UDP") return false
    if (p.port === undefined) return true
    const n = Number(p.port)
    if (!Number.isInteger(n)) return true
    return p.endPort === undefined ? n === dnsPort : dnsPort >= n && dnsPort <= p.endPort
  })

/** See the module header. `namespace` is the policy's own namespace. */
export const ruleCarriesDns = (rule: NetworkPolicyRule, namespace: string): boolean =>
  carriesUdp53(rule.ports) &&
  (rule.to.length === 0 ||
    rule.to.some((peer) => {
      if (peer.ipBlock !== undefined) return true
      const namespaceOk =
        peer.namespaceSelector === undefined
          ? namespace === dnsNamespace
          : mayMatch(peer.namespaceSelector, namespaceLabels)
      return namespaceOk && (peer.podSelector === undefined || mayMatch(peer.podSelector, podLabels))
    }))

/** Whether the pods these egress rules restrict (in `namespace`) can still resolve names. */
export const dnsAllowed = (rules: ReadonlyArray<NetworkPolicyRule>, namespace: string): boolean =>
  rules.some((r) => ruleCarriesDns(r, namespace))
