/**
 * Pending pods the scheduler keeps off nodes that are NotReady. A Pending pod runs on no node, so
 * the nodes the agent reads for its pods never include the ones that refuse it; when a
 * FailedScheduling message cites the `node.kubernetes.io/not-ready` (or `unreachable`) taint,
 * the agent lists the nodes and this module says which are NotReady, why (the kubelet's reason
 * and message: `NetworkPluginNotReady … cni plugin not initialized`), which node group they
 * belong to and what image they boot when it differs from the group's Ready nodes (an instance
 * refresh to a new AMI). One finding per node group, naming the Pending workloads it blocks. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { instantOf, type KubeEvent, type Node } from "../../domain/kubernetes.js"
import { eksFinding, plural, type ScopedWorkload } from "./eks-finding.js"

const notReadyTaint = /node\.kubernetes\.io\/(?:not-ready|unreachable)/i

/** Whether a scheduler message says pods were kept off nodes for their not-ready/unreachable taint. */
export const citesNotReadyTaint = (message: string): boolean => notReadyTaint.test(message)

// Node-group labels: EKS managed groups, eksctl, Karpenter, GKE/AKS pools and home-made ones
// (`acme.io/nodegroup`, `node-group`).
const groupKey = /(?:^|[/.])(?:node-?group(?:-name)?|nodepool|node-pool|agentpool|instance-group)$/i
// The image a node boots: `eks.amazonaws.com/nodegroup-image`, `acme.io/ami-release`, `…/ami-id`.
const imageKey = /(?:^|[/._-])(?:ami|image)(?:$|[/._-])/i

const labelMatching = (node: Node, key: RegExp): string | null => {
  const labels = node.metadata.labels ?? {}
  const hit = Object.keys(labels)
    .sort()
    .find((k) => key.test(k))
  return hit === undefined ? null : (labels[hit] ?? null)
}

const readyOf = (node: Node) => node.status.conditions.find((c) => c.type === "Ready")
const isNotReady = (node: Node): boolean => readyOf(node)?.status !== "True"

// The words of a kubelet message that say what is missing (`cni plugin not initialized`).
const reasonText = (node: Node): string => {
  const ready = readyOf(node)
  if (ready === undefined) return "no Ready condition"
  if (ready.status === "Unknown") return `Unknown: ${ready.reason ?? "the kubelet stopped posting status"}`
  const inner = /reason:\s*(\w+)/.exec(ready.message ?? "")?.[1]
  const tail =
    (ready.message ?? "")
      .split(/message:\s*/i)
      .pop()
      ?.trim() ?? ""
  return [inner ?? ready.reason, tail]
    .filter((s): s is string => s !== undefined && s !== "")
    .join(": ")
    .slice(0, 160)
}

/**
 * The NotReady nodes grouped by node group, as findings (high when Pending in-scope pods cite
 * their taint). `blocked` names the Pending workloads whose scheduler messages cite the taint.
 */
export const notReadyNodeFindings = (
  nodes: ReadonlyArray<Node>,
  blocked: ReadonlyArray<string>,
): ReadonlyArray<Finding> => {
  const down = nodes.filter(isNotReady)
  if (down.length === 0 || blocked.length === 0) return []
  const groups = new Map<string, Array<Node>>()
  for (const n of down) {
    const g = labelMatching(n, groupKey) ?? ""
    groups.set(g, [...(groups.get(g) ?? []), n])
  }
  return [...groups].flatMap(([group, members]) => {
    const [first] = members
    if (first === undefined) return []
    const images = [...new Set(members.flatMap((n) => labelMatching(n, imageKey) ?? []))]
    // The group's Ready nodes on another image: the NotReady ones came with the new one.
    const readyImages =
      group === ""
        ? []
        : [
            ...new Set(
              nodes
                .filter((n) => !isNotReady(n) && labelMatching(n, groupKey) === group)
                .flatMap((n) => labelMatching(n, imageKey) ?? []),
            ),
          ].filter((i) => !images.includes(i))
    const imageText =
      images.length === 0
        ? ""
        : readyImages.length > 0
          ? `, on new AMI/image ${images.join(", ")} (its Ready nodes run ${readyImages.join(", ")})`
          : `, on AMI/image ${images.join(", ")}`
    const where = group === "" ? "" : `node group ${group}: `
    const since = members
      .map((n) => readyOf(n)?.lastTransitionTime)
      .filter((t): t is string => t !== undefined)
      .sort()[0]
    const names = members.map((n) => n.metadata.name)
    return [
      eksFinding({
        kind: "node_not_ready",
        title: `${where}${plural(members.length, "node")} NotReady (${reasonText(first)})${imageText} — Pending pods of ${blocked.join(", ")} cannot be placed`,
        detail: `Nodes ${names.slice(0, 6).join(", ")}${names.length > 6 ? ", …" : ""} carry the not-ready taint the scheduler cites for the Pending pods of ${blocked.join(", ")}.`,
        severity: "high",
        observedAt: instantOf(since),
        resource: `node/${first.metadata.name}`,
        service: blocked.length === 1 ? (blocked[0] ?? null) : null,
        excerpt: readyOf(first)?.message ?? null,
      }),
    ]
  })
}

/**
 * The in-scope workloads with a Pending pod the scheduler kept off nodes for their not-ready
 * taint — in the pod's PodScheduled condition or a FailedScheduling event about it.
 */
export const blockedByNotReady = (
  workloads: ReadonlyArray<ScopedWorkload>,
  events: ReadonlyArray<KubeEvent>,
): ReadonlyArray<string> =>
  workloads
    .filter((w) => w.inScope)
    .filter((w) =>
      w.pods.some((p) => {
        if (p.status.phase !== "Pending") return false
        const condition = p.status.conditions.find((c) => c.type === "PodScheduled")
        return (
          citesNotReadyTaint(condition?.message ?? "") ||
          events.some(
            (e) =>
              e.reason === "FailedScheduling" &&
              e.involvedObject.name === p.metadata.name &&
              citesNotReadyTaint(e.message ?? ""),
          )
        )
      }),
    )
    .map((w) => w.name)
