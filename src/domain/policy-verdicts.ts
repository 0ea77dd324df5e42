/**
 * The flows a NetworkPolicy dropped, as the network policy agent logged them. The EKS VPC CNI's
 * agent, with policy event logs shipped to CloudWatch, writes one line per flow it judged:
 * `Node: ip-…;SIP: 10.60.12.141;SPORT: 48812;DIP: 10.60.88.14;DPORT: 5432;PROTOCOL: TCP;PolicyVerdict: DENY`
 * (fields read by name, `:` or `=`, so their order and separators may vary). The clients of a denied
 * flow log only "i/o timeout" or "lookup … on 172.20.0.10:53: i/o timeout"; these lines are the
 * network's own record that a policy dropped them, and which ports (53 is DNS: a policy that
 * forgot kube-dns). ACCEPT verdicts are not failures and are left out. Pure.
 */
import { DateTime } from "effect"
import type { Finding } from "./finding.js"
import type { LogLine } from "./log-clusters.js"
import { redact } from "./redact.js"
import { utcHhmm } from "./utc-clock.js"

/** The Logs Insights filter for the agent's DENY verdicts. */
export const policyDenyFilter = "/(?i)verdict:? ?deny/"

export interface PolicyVerdict {
  readonly node: string | null
  readonly source: string
  readonly destination: string
  readonly port: number
  readonly protocol: string
}

const field = (message: string, name: string): string | null =>
  new RegExp(`\\b${name}\\s*[:=]\\s*([^;,\\s]+)`, "i").exec(message)?.[1] ?? null

/** A DENY verdict line's flow, or null for anything else (an ACCEPT, another line). */
export const policyDenialOf = (message: string): PolicyVerdict | null => {
  if (!/verdict\s*[:=]?\s*deny\b/i.test(message)) return null
  const port = Number(field(message, "DPORT"))
  const source = field(message, "SIP")
  const destination = field(message, "DIP")
  if (!Number.isInteger(port) || port <= 0 || source === null || destination === null) return null
  return {
    node: field(message, "Node"),
    source,
    destination,
    port,
    protocol: (field(message, "PROTOCOL") ?? "TCP").toUpperCase(),
  }
}

/** What an SRE calls the service on a well-known port. */
const wellKnown: Readonly<Record<number, string>> = {
  53: "DNS to kube-dns",
  443: "HTTPS",
  3306: "MySQL",
  5432: "PostgreSQL",
  6379: "Redis",
  9092: "Kafka",
  11211: "Memcached",
  27017: "MongoDB",
  5672: "RabbitMQ",
}

export const portName = (port: number, protocol: string): string =>
  `${protocol} ${port}${wellKnown[port] === undefined ? "" : ` (${wellKnown[port]})`}`

/**
 * One finding for the denials among `lines`: the ports dropped (most first), the pods' addresses
 * they came from, the first and last. Medium: the agent does not say which workload a pod IP is,
 * so the finding says what was dropped and the cluster's evidence says whose pods those are.
 */
export const policyDenialFindings = (
  lines: ReadonlyArray<LogLine>,
  link: (groups: ReadonlyArray<string>) => string | null,
): ReadonlyArray<Finding> => {
  const denied = lines.flatMap((line) => {
    const v = policyDenialOf(line.message)
    return v === null ? [] : [{ line, v }]
  })
  if (denied.length === 0) return []
  const byPort = new Map<string, number>()
  for (const { v } of denied) {
    const key = portName(v.port, v.protocol)
    byPort.set(key, (byPort.get(key) ?? 0) + 1)
  }
  const ports = [...byPort].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const sources = [...new Set(denied.map(({ v }) => v.source))]
  const times = denied.map(({ line }) => line.timestampMs)
  const firstMs = Math.min(...times)
  const lastMs = Math.max(...times)
  const groups = [...new Set(denied.map(({ line }) => line.group).filter((g) => g !== ""))]
  const last = [...denied].sort((a, b) => b.line.timestampMs - a.line.timestampMs)[0]
  const dns = denied.some(({ v }) => v.port === 53)
  const portsText = ports.map(([p, n]) => `${p} ×${n}`).join(", ")
  const shownSources =
    sources.slice(0, 3).join(", ") + (sources.length > 3 ? ` and ${sources.length - 3} more` : "")
  return [
    {
      id: "",
      agent: "cloudwatch_logs",
      title: redact(
        `NetworkPolicy denied ${denied.length} flow(s) from ${sources.length} pod IP(s): ${portsText} (network policy agent, ${utcHhmm(firstMs)}–${utcHhmm(lastMs)} UTC)`,
      ),
      detail: redact(
        `The network policy agent logged ${denied.length} PolicyVerdict: DENY line(s) in ${groups.join(", ") || "the cluster's log"} ` +
          `from ${utcHhmm(firstMs)} to ${utcHhmm(lastMs)} UTC: egress to ${ports.map(([p]) => p).join(", ")} from ${shownSources} was dropped by a NetworkPolicy. ` +
          (dns ? "Port 53 is DNS: the pods cannot reach kube-dns, so every name lookup times out. " : "") +
          "The clients see only timeouts; the pod addresses say which workload's pods they are.",
      ),
      severity: "medium",
      kind: "policy_denied",
      observedAt: DateTime.unsafeMake(firstMs),
      resource: groups[0] === undefined ? null : `loggroup/${groups[0]}`,
      service: null,
      link: link(groups),
      excerpt: redact(last?.line.message.trim() ?? ""),
    } satisfies Finding,
  ]
}
