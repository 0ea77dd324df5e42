/**
 * Which node each of a workload's pods runs on, as one line the eks agent writes and cause
 * inference reads back. A node's own kernel limit (a full conntrack table) breaks only the pods
 * on that node: the same service's replicas elsewhere are fine, and nothing in the failing
 * pods' lines names the node. Their placement does. The text form is the contract between the
 * two sides, so the writer and the reader live here together. Pure.
 */

/** A node and the pods of one workload on it (full pod names). */
export interface NodePods {
  readonly node: string
  readonly pods: ReadonlyArray<string>
}

/** `ip-10-70-21-9.ec2.internal` → `10.70.21.9`: EKS names a node by its private address. */
export const addressOfNodeName = (node: string): string | null => {
  const m = /^ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?:\.|$)/i.exec(node.trim())
  return m === null ? null : `${m[1]}.${m[2]}.${m[3]}.${m[4]}`
}

/** The short host name of a node (`ip-10-70-21-9.ec2.internal` → `ip-10-70-21-9`), lower-case. */
export const shortNodeName = (node: string): string => node.trim().toLowerCase().split(".")[0] ?? ""

/** Every name a node answers to: its name, its short host name, the address its name carries. */
export const nodeAliases = (node: string): ReadonlyArray<string> => {
  const name = node.trim().toLowerCase()
  const address = addressOfNodeName(name)
  // An address is a name too (a node-exporter target `10.70.21.9:9100`): it answers to the
  // host name EKS gives that address.
  const fromAddress = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(name) ? `ip-${name.replace(/\./g, "-")}` : null
  return [
    ...new Set([name, shortNodeName(name), ...(address === null ? [] : [address]), fromAddress ?? ""]),
  ].filter((n) => n !== "")
}

/** Whether two node names (a name, a short host name or an address) are the same node. */
export const sameNode = (a: string, b: string): boolean => {
  const other = new Set(nodeAliases(b))
  return nodeAliases(a).some((n) => other.has(n))
}

const entry =
  /(?:^|; )node ([a-z0-9][a-z0-9.-]*[a-z0-9])(?: \[[\d.]+\])?: ([a-z0-9][a-z0-9-]*(?:, [a-z0-9][a-z0-9-]*)*)/g

const marker = "pods by node: "

/**
 * The placement line: `pods by node: node <name> [<address>]: <pod>, <pod>; node …` — the marker
 * first, so no other text ("node ip-…: NotReady") reads as a placement (read back by `placementIn`).
 */
export const placementText = (placement: ReadonlyArray<NodePods>): string => {
  const entries = placement
    .filter((p) => p.node.trim() !== "" && p.pods.length > 0)
    .map((p) => {
      const address = addressOfNodeName(p.node)
      return `node ${p.node}${address === null ? "" : ` [${address}]`}: ${p.pods.join(", ")}`
    })
  return entries.length === 0 ? "" : `${marker}${entries.join("; ")}`
}

/** The placement a text written by `placementText` states (empty when it states none). */
export const placementIn = (text: string): ReadonlyArray<NodePods> => {
  const lower = text.toLowerCase()
  const at = lower.indexOf(marker)
  if (at === -1) return []
  const line = lower.slice(at + marker.length).split("\n")[0] ?? ""
  return [...line.matchAll(entry)].flatMap((m) => {
    const node = m[1]
    const pods = m[2]
    return node === undefined || pods === undefined ? [] : [{ node, pods: pods.split(", ") }]
  })
}

/** A pod named in a text by its full name, or by the suffix a report shortens it to (`4fjq2`). */
const named = (text: string, pod: string): boolean => {
  if (text.includes(pod)) return true
  const suffix = /-([a-z0-9]{5})$/.exec(pod)?.[1]
  return (
    suffix !== undefined && /\d/.test(suffix) && new RegExp(`(?<![a-z0-9-])${suffix}(?![a-z0-9-])`).test(text)
  )
}

/** The pods a workload runs on `node`. */
const podsOn = (placement: ReadonlyArray<NodePods>, node: string): ReadonlyArray<string> =>
  placement.filter((p) => sameNode(p.node, node)).flatMap((p) => p.pods)

/**
 * Whether a failure on `node` is where a workload's failing pods are: the workload runs pods on
 * it, and of its pods that `failingText` names (lower-case; the failing findings' words) more are
 * on that node than elsewhere. When the text names none of its pods, running there is enough.
 */
export const failingOnNode = (
  placement: ReadonlyArray<NodePods>,
  node: string,
  failingText: string,
): boolean => {
  const on = podsOn(placement, node)
  if (on.length === 0) return false
  const elsewhere = placement.filter((p) => !sameNode(p.node, node)).flatMap((p) => p.pods)
  const here = on.filter((p) => named(failingText, p)).length
  const there = elsewhere.filter((p) => named(failingText, p)).length
  return here + there === 0 || here > there
}

/**
 * Whether a workload runs a pod on `node` that `failingText` names (lower-case), or names none of
 * its pods at all: for a failure its nodes share (a subnet out of addresses), one is enough.
 */
export const hasFailingPodOn = (
  placement: ReadonlyArray<NodePods>,
  node: string,
  failingText: string,
): boolean => {
  const on = podsOn(placement, node)
  if (on.length === 0) return false
  const anyNamed = placement.some((p) => p.pods.some((pod) => named(failingText, pod)))
  return !anyNamed || on.some((p) => named(failingText, p))
}
