/**
 * A node's own network limit as the cause of its tenants' failures. A full conntrack table (or
 * a neighbour table overflowing, TCP out of socket memory) drops packets for the pods on that
 * node only; their lines say "i/o timeout" or "lookup … timeout" and never name the node. The
 * eks agent states where an alerting workload's pods run (`pod_placement`): that placement, and
 * which of its pods the failing evidence names, tie the node's limit to the workload — in scope
 * (the node is what its evidence stands on) and in the chain (its timeouts are the node's). A
 * node whose limit is hit while the workload has no pod there, or where only its healthy pods
 * run, explains nothing of it. Pure.
 */
import { nodeOf, type Subject } from "./causes-names.js"
import type { Finding } from "./finding.js"
import { nodeNetworkLimitWords } from "./node-network-limits.js"
import { podIpShortageWords } from "./pod-ip-shortage.js"
import { failingOnNode, hasFailingPodOn, type NodePods, placementIn, sameNode } from "./pod-placement.js"
import { textOf } from "./report-scope.js"

/** Where a subject's pods run, from its `pod_placement` findings. */
export const placementOfFindings = (findings: ReadonlyArray<Finding>): ReadonlyArray<NodePods> =>
  findings.filter((f) => f.kind === "pod_placement").flatMap((f) => placementIn(textOf(f)))

/** A finding about a node (`node/<name>`) stating one of its own network limits; its node, else null. */
export const nodeLimitNode = (f: Finding): string | null => {
  const node = nodeOf(f)
  return node !== null && nodeNetworkLimitWords.test(textOf(f)) ? node : null
}

/**
 * The findings of `others` about a node (`nodeIn` names it, or null) that `onNode` ties to the
 * subject's failing pods (`failing`: its failing findings; `placement`: where its pods run).
 */
const nodeFindingsUnder = (
  placement: ReadonlyArray<NodePods>,
  others: ReadonlyArray<Finding>,
  failing: ReadonlyArray<Finding>,
  nodeIn: (f: Finding) => string | null,
  onNode: (placement: ReadonlyArray<NodePods>, node: string, failingText: string) => boolean,
): ReadonlyArray<Finding> => {
  if (placement.length === 0) return []
  const text = failing.map(textOf).join("\n")
  return others.filter((f) => {
    const node = nodeIn(f)
    return node !== null && onNode(placement, node, text)
  })
}

/**
 * The findings of `others` about a node at its network limit where the subject's failing pods
 * run: what its evidence stands on, though it never names it.
 */
export const limitsUnder = (
  placement: ReadonlyArray<NodePods>,
  others: ReadonlyArray<Finding>,
  failing: ReadonlyArray<Finding>,
): ReadonlyArray<Finding> => nodeFindingsUnder(placement, others, failing, nodeLimitNode, failingOnNode)

/** A finding about a node whose VPC CNI had no IP for a pod; its node, else null. */
const ipShortageNode = (f: Finding): string | null => {
  const node = nodeOf(f)
  return node !== null && podIpShortageWords.test(textOf(f)) ? node : null
}

/**
 * The findings of `others` about a node whose VPC CNI had no IP for a pod (its subnet out of
 * addresses, its ENI limit) where one of the subject's failing pods is placed. A subnet's
 * nodes all fail alike, so a node needs only one failing pod of the subject, not the most.
 */
export const ipShortagesUnder = (
  placement: ReadonlyArray<NodePods>,
  others: ReadonlyArray<Finding>,
  failing: ReadonlyArray<Finding>,
): ReadonlyArray<Finding> => nodeFindingsUnder(placement, others, failing, ipShortageNode, hasFailingPodOn)

/**
 * Whether the node of `limitFindings` (at its network limit) is where the failing pods of a
 * subject placed as `placement` are, its failures stated by `failing` (its failing findings).
 */
export const failsOnLimitedNode = (
  placement: ReadonlyArray<NodePods>,
  limitFindings: ReadonlyArray<Finding>,
  failing: ReadonlyArray<Finding>,
): boolean => {
  const nodes = limitFindings.flatMap((f) => {
    const n = nodeLimitNode(f)
    return n === null ? [] : [n]
  })
  const text = failing.map(textOf).join("\n")
  return nodes.some((n) => failingOnNode(placement, n, text))
}

/**
 * One subject per node, whichever name the evidence gives it: the kernel's syslog host
 * (`ip-10-31-4-17`), an exporter's address (`10.31.4.17`) and the cluster's name for it
 * (`ip-10-31-4-17.eu-central-1.compute.internal`) are one node, shown by its longest name.
 */
export const unifyNodeSubjects = <S extends { readonly subject: Subject }>(
  scoped: ReadonlyArray<S>,
): Array<S> => {
  const nodes = [
    ...new Map(scoped.filter((s) => s.subject.node).map((s) => [s.subject.key, s.subject])).values(),
  ]
  const bare = (s: Subject) => s.key.replace(/^node /, "")
  const canonical = (s: Subject): Subject =>
    nodes
      .filter((o) => sameNode(bare(o), bare(s)))
      .sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0] ?? s
  return scoped.map((s) => (s.subject.node ? { ...s, subject: canonical(s.subject) } : s))
}
