/**
 * The nodes' host logs read for the second thing only a node's own log says: the VPC CNI had no
 * IP address to give a pod there (domain/pod-ip-shortage.ts: the subnet out of free addresses,
 * the node at its ENI limit, its warm pool empty). Pods then sit ContainerCreating with
 * FailedCreatePodSandBox and log nothing; ipamd's log (shipped to the cluster's Container
 * Insights host group) names the EC2 error and the subnet. The same query as the kernel sweep
 * (host-kernel-sweep.ts) returns these lines; each node that logged a shortage in the window is
 * a finding about that node (`node/<name>`), so cause inference ties it to the pods placed there.
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

interface NodeShortage {
  readonly node: string
  shortage: PodIpShortage
  what: string
  readonly subnets: Set<string>
  readonly codes: Set<string>
  readonly lines: Array<LogLine>
}

/**
 * One finding per node whose CNI logged a shortage (its strongest one, the subnets and EC2 codes
 * its lines name), most lines first, at most `maxShortageNodes`. A subnet out of addresses or a
 * node at its ENI limit is high; an empty warm pool alone (ipamd may still be adding addresses)
 * is medium.
 */
export const podIpShortageFindings = (
  lines: ReadonlyArray<LogLine>,
  link: (groups: ReadonlyArray<string>) => string | null,
): ReadonlyArray<Finding> => {
  const byNode = new Map<string, NodeShortage>()
  for (const line of lines) {
    const hit = podIpShortageOf(line.message)
    const node = hostOfLine(line.stream, line.message)
    if (hit === null || node === null) continue
    const entry = byNode.get(node) ?? {
      node,
      shortage: hit.shortage,
      what: hit.what,
      subnets: new Set<string>(),
      codes: new Set<string>(),
      lines: [],
    }
    if (shortageRank(hit.shortage) < shortageRank(entry.shortage)) {
      entry.shortage = hit.shortage
      entry.what = hit.what
    }
    if (hit.subnet !== null) entry.subnets.add(hit.subnet)
    const code = ec2Code.exec(line.message)?.[1]
    if (code !== undefined) entry.codes.add(code)
    entry.lines.push(line)
    byNode.set(node, entry)
  }
  return [...byNode.values()]
    .sort(
      (a, b) =>
        shortageRank(a.shortage) - shortageRank(b.shortage) ||
        b.lines.length - a.lines.length ||
        a.node.localeCompare(b.node),
    )
    .slice(0, maxShortageNodes)
    .map(({ node, shortage, what, subnets, codes, lines: ls }) => {
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
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          `node ${node}: ${what}${subnet} — VPC CNI cannot assign pod IPs (ipamd${code}, ×${ls.length} ${span} UTC)`,
        ),
        detail: redact(
          `The VPC CNI on node ${node} logged ${ls.length} line(s) in ${groups.join(", ") || "its host log"} ` +
            `from ${utcHhmm(firstMs)} to ${utcHhmm(lastMs)} UTC: "${telling?.message.trim() ?? ""}". ` +
            "A pod placed on this node gets no IP address, so its sandbox is never created " +
            "(FailedCreatePodSandBox: failed to assign an IP address to container) and it stays ContainerCreating" +
            (shortage === "subnet"
              ? "; every node in the same subnet is in the same state until addresses are freed or the subnet grows."
              : "."),
        ),
        severity: shortage === "pool_empty" ? "medium" : "high",
        kind: "pod_ip_shortage",
        observedAt: DateTime.unsafeMake(firstMs),
        resource: `node/${node}`,
        service: null,
        link: link(groups),
        excerpt: redact(telling?.message.trim() ?? ""),
      } satisfies Finding
    })
}
