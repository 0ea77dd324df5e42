/**
 * The nodes' host logs read for the second thing only a node's own log says: the VPC CNI had no
 * IP address to give a pod there (domain/pod-ip-shortage.ts: the subnet out of free addresses,
 * the node at its ENI limit, its warm pool empty). Pods then sit ContainerCreating with
 * FailedCreatePodSandBox and log nothing; ipamd's log (shipped to the cluster's Container
 * Insights host group) names the EC2 error and the subnet. The same query as the kernel sweep
 * (host-kernel-sweep.ts) returns these lines; each node that logged a shortage in the window is
 * a finding about that node (`node/<name>`), so cause inference ties it to the pods placed there.
 * Container Insights also ships the CNI's and the kubelet's words to the cluster's `dataplane`
 * group: streams named after the node and the unit (`ip-10-2-3-4.ec2.internal-ipamd`,
 * `kubelet.service-ip-10-2-3-4.ec2.internal`), or after the aws-node pod, whose node the line does
 * not say. Those aws-node lines are one finding about the CNI itself (`daemonset/kube-system/
 * aws-node`): a subnet out of addresses is the same on every node in it, so it still says why.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { hostOfLine } from "../../domain/node-network-limits.js"
import { type PodIpShortage, podIpShortageOf, shortageRank } from "../../domain/pod-ip-shortage.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"

/** Nodes reported at most: the same subnet's nodes say the same thing. */
export const maxShortageNodes = 3

// EC2's error code when a line states one: the words an operator searches for.
const ec2Code =
  /\b(InsufficientFreeAddressesInSubnet|InsufficientCidrBlocks|AttachmentLimitExceeded|PrivateIpAddressLimitExceeded)\b/

// What a shipper puts around the node's name in a dataplane stream: the unit before it
// (`kubelet.service-<node>`) or the log's tag after it (`<node>-ipamd`, `<node>-kubelet`).
const unitPrefix = /^(?:kubelet|kubeproxy|kube-proxy|containerd|docker)(?:\.service)?[._-]/
const unitSuffix =
  /[._-](?:ipamd|plugin|aws-node|kubelet|kubeproxy|kube-proxy|containerd|docker)(?:\.service|\.log)?$/
const nodeLike =
  /^(?:ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?:\.[a-z0-9-]{1,63}){0,6}|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6})$/
// The aws-node DaemonSet's pod as a stream (`aws-node-7hx2q_kube-system_aws-node-<id>`, or its
// container log file): the CNI speaking, its node unsaid.
const awsNodePod = /(?:^|[./])(aws-node-[a-z0-9]{5})(?:_kube-system_|$)/

/** The node a CNI or kubelet line is from: a dataplane stream's node, else the host log's (null: none). */
export const cniNodeOfLine = (stream: string, message: string): string | null => {
  // The host log's own naming first (its file paths end in `ipamd.log` too); a name it keeps a
  // unit tag on is a dataplane stream's.
  const host = hostOfLine(stream, message)
  if (host !== null && !unitSuffix.test(host)) return host
  const s = stream.trim().toLowerCase()
  const stripped = s.replace(unitPrefix, "").replace(unitSuffix, "")
  return stripped !== s && nodeLike.test(stripped) ? stripped : host
}

/** The aws-node pod a stream is, when it is one (its lines are the CNI's, from an unnamed node). */
export const awsNodePodOf = (stream: string): string | null =>
  awsNodePod.exec(stream.trim().toLowerCase())?.[1] ?? null

// The kubelet names the pod whose sandbox failed: `… for "<pod>_<namespace>" …`.
const sandboxPod = /CreatePodSandbox\\?"? for \\?"([a-z0-9][a-z0-9.-]{0,252})_([a-z0-9-]{1,63})\\?"/i

/** The pod (and its namespace) a kubelet line says could not get its sandbox, else null. */
export const sandboxPodOf = (
  message: string,
): { readonly pod: string; readonly namespace: string } | null => {
  const m = sandboxPod.exec(message)
  return m?.[1] === undefined || m[2] === undefined ? null : { pod: m[1], namespace: m[2] }
}

/** The entry of the aws-node pods' lines (not a node name: no DNS name has a space). */
const awsNodeKey = "aws-node pods"

interface NodeShortage {
  readonly node: string
  shortage: PodIpShortage
  what: string
  readonly subnets: Set<string>
  readonly codes: Set<string>
  readonly pods: Set<string>
  readonly lines: Array<LogLine>
}

/**
 * One finding per node whose CNI logged a shortage (its strongest one, the subnets and EC2 codes
 * its lines name), most lines first, at most `maxShortageNodes`, then one for the aws-node pods'
 * lines that name no node. A subnet out of addresses or a node at its ENI limit is high; an empty
 * warm pool alone (ipamd may still be adding addresses) is medium, unless the kubelet says a
 * pod's sandbox already failed for it (that pod is stuck ContainerCreating now).
 */
export const podIpShortageFindings = (
  lines: ReadonlyArray<LogLine>,
  link: (groups: ReadonlyArray<string>) => string | null,
): ReadonlyArray<Finding> => {
  const byNode = new Map<string, NodeShortage>()
  for (const line of lines) {
    const hit = podIpShortageOf(line.message)
    const daemonPod = awsNodePodOf(line.stream)
    const node = daemonPod === null ? cniNodeOfLine(line.stream, line.message) : null
    if (hit === null || (node === null && daemonPod === null)) continue
    // The aws-node pods' lines share one entry: the CNI, on nodes the lines do not name.
    const key = node ?? awsNodeKey
    const entry = byNode.get(key) ?? {
      node: key,
      shortage: hit.shortage,
      what: hit.what,
      subnets: new Set<string>(),
      codes: new Set<string>(),
      pods: new Set<string>(),
      lines: [],
    }
    if (shortageRank(hit.shortage) < shortageRank(entry.shortage)) {
      entry.shortage = hit.shortage
      entry.what = hit.what
    }
    if (hit.subnet !== null) entry.subnets.add(hit.subnet)
    const code = ec2Code.exec(line.message)?.[1]
    if (code !== undefined) entry.codes.add(code)
    const stuck = sandboxPodOf(line.message)
    if (stuck !== null) entry.pods.add(`${stuck.namespace}/${stuck.pod}`)
    if (daemonPod !== null) entry.pods.add(`kube-system/${daemonPod}`)
    entry.lines.push(line)
    byNode.set(key, entry)
  }
  const nodes = [...byNode.values()].filter((e) => e.node !== awsNodeKey)
  const daemon = byNode.get(awsNodeKey)
  return [
    ...nodes
      .sort(
        (a, b) =>
          shortageRank(a.shortage) - shortageRank(b.shortage) ||
          b.lines.length - a.lines.length ||
          a.node.localeCompare(b.node),
      )
      .slice(0, maxShortageNodes),
    ...(daemon === undefined ? [] : [daemon]),
  ].map(({ node, shortage, what, subnets, codes, pods, lines: ls }) => {
    const sorted = [...ls].sort((a, b) => a.timestampMs - b.timestampMs)
    const firstMs = sorted[0]?.timestampMs ?? 0
    const last = sorted[sorted.length - 1]
    const lastMs = last?.timestampMs ?? firstMs
    // The line that names the subnet or the EC2 error says most; else the latest.
    const telling = [...sorted].reverse().find((l) => ec2Code.test(l.message)) ?? last
    const span = firstMs === lastMs ? `at ${utcHhmm(firstMs)}` : `${utcHhmm(firstMs)}–${utcHhmm(lastMs)}`
    const groups = [...new Set(ls.map((l) => l.group).filter((g) => g !== ""))]
    const subnet = subnets.size === 0 ? "" : ` (${[...subnets].join(", ")})`
    const code = codes.size === 0 ? "" : `, ${[...codes].join(", ")}`
    const daemon = node === awsNodeKey
    const daemonPods = [...pods].filter((p) => p.startsWith("kube-system/aws-node-")).map((p) => p.slice(12))
    const stuck = [...pods].filter((p) => !p.startsWith("kube-system/aws-node-"))
    const who = daemon ? `VPC CNI (aws-node ${daemonPods.join(", ")})` : `node ${node}`
    const stuckText =
      stuck.length === 0 ? "" : ` The kubelet could not create the sandbox of ${stuck.join(", ")} for it.`
    return {
      id: "",
      agent: "cloudwatch_logs",
      title: redact(
        daemon
          ? `${who}: ${what}${subnet} — cannot assign pod IPs (ipamd${code}, ×${ls.length} ${span} UTC)`
          : `node ${node}: ${what}${subnet} — VPC CNI cannot assign pod IPs (ipamd${code}, ×${ls.length} ${span} UTC)`,
      ),
      detail: redact(
        `The ${daemon ? who : `VPC CNI on node ${node}`} logged ${ls.length} line(s) in ${groups.join(", ") || "its host log"} ` +
          `from ${utcHhmm(firstMs)} to ${utcHhmm(lastMs)} UTC: "${telling?.message.trim() ?? ""}". ` +
          `A pod placed on ${daemon ? "such a node" : "this node"} gets no IP address, so its sandbox is never created ` +
          "(FailedCreatePodSandBox: failed to assign an IP address to container) and it stays ContainerCreating" +
          (shortage === "subnet"
            ? "; every node in the same subnet is in the same state until addresses are freed or the subnet grows."
            : ".") +
          stuckText,
      ),
      // A pod already stuck for it is no warm-pool hiccup.
      severity: shortage === "pool_empty" && stuck.length === 0 ? "medium" : "high",
      kind: "pod_ip_shortage",
      observedAt: DateTime.unsafeMake(firstMs),
      resource: daemon ? "daemonset/kube-system/aws-node" : `node/${node}`,
      service: null,
      link: link(groups),
      excerpt: redact(telling?.message.trim() ?? ""),
    } satisfies Finding
  })
}
