/**
 * The cluster's DNS, read when the alerting workload's own lines say names do not resolve
 * ("getaddrinfo EAI_AGAIN api.stripe.com", "lookup sqs… on 172.20.0.10:53: server
 * misbehaving"). Every pod resolves through CoreDNS (kube-system, `k8s-app=kube-dns`), so a
 * Corefile change that forwards to resolvers the VPC cannot reach, or a CoreDNS out of capacity,
 * shows up as DNS failures in every service that calls out — and nothing in those services
 * changed. CoreDNS says which: its `plugin/errors` lines name the upstream that timed out or
 * refused, `plugin/forward` that no upstream is healthy. Those lines become one finding about
 * CoreDNS, the dependency cause inference ties a workload's DNS failures to (causes-scope.ts).
 * Pure, but for the label selector and container the agent reads with.
 */
import { namesNotResolving } from "../../domain/causes-modes.js"
import type { Finding } from "../../domain/finding.js"
import type { Pod } from "../../domain/kubernetes.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, observedNow } from "./eks-finding.js"

export const clusterDnsNamespace = "kube-system"
export const clusterDnsSelector = "k8s-app=kube-dns"

/** Whether the workload's own lines say names do not resolve: then the cluster DNS is read. */
export const namesFailToResolve = (texts: ReadonlyArray<string>): boolean =>
  texts.some((t) => namesNotResolving.test(t.toLowerCase()))

/** CoreDNS's own words for failing: its errors plugin, a forward with no healthy upstream, a SERVFAIL. */
const dnsServerFailure =
  /\[error\] plugin\/errors|plugin\/forward: no healthy proxies|no healthy proxies|\[error\].*(?:i\/o timeout|servfail|refused)|plugin\/loop: loop/i

const upstreamOf = /->([\d.]{7,15}|\[[0-9a-f:]+\]):53\b/gi

export const clusterDnsFindings = (
  pods: ReadonlyArray<Pod>,
  logs: ReadonlyArray<ContainerLog>,
  ctx: AnalysisContext,
): ReadonlyArray<Finding> => {
  const lines = logs.flatMap((l) =>
    l.text
      .split("\n")
      .filter((line) => dnsServerFailure.test(line))
      .map((line) => ({ pod: l.pod, line: line.trim() })),
  )
  if (lines.length === 0) return []
  const deployment = pods[0]?.metadata.ownerReferences[0]?.name.replace(/-[a-z0-9]{8,10}$/, "") ?? "coredns"
  const upstreams = [
    ...new Set(lines.flatMap(({ line }) => [...line.matchAll(upstreamOf)].map((m) => m[1] ?? ""))),
  ]
  const noHealthy = lines.some(({ line }) => /no healthy proxies/i.test(line))
  const failingPods = [...new Set(lines.map((l) => l.pod))]
  const sample = lines[lines.length - 1]?.line ?? ""
  const what = [
    upstreams.length === 0 ? null : `lookups forwarded to ${upstreams.join(", ")} time out or fail`,
    noHealthy ? "forward: no healthy upstream resolvers" : null,
  ].filter((t) => t !== null)
  return [
    eksFinding({
      kind: "container_logs",
      title: `${deployment}: cluster DNS failing — ${what.length === 0 ? "plugin/errors" : what.join("; ")} (${lines.length} error lines on ${failingPods.length}/${pods.length} pods)`,
      detail:
        `The cluster's DNS server (${clusterDnsNamespace}/${deployment}, ${clusterDnsSelector}) logged ${lines.length} error line(s) on ${failingPods.join(", ")}. ` +
        "Every pod resolves through it, so its failures are the DNS failures its callers log. " +
        `Check its Corefile (the forward upstreams) and recent changes to it. Last: ${sample.slice(0, 240)}`,
      severity: "high",
      observedAt: observedNow(ctx),
      resource: `deployment/${clusterDnsNamespace}/${deployment}`,
      service: deployment,
      excerpt: lines
        .slice(-6)
        .map((l) => l.line)
        .join("\n"),
    }),
  ]
}
