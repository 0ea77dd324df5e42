/**
 * A node's own kernel network limits, in the kernel's words: the connection-tracking table full
 * ("nf_conntrack: nf_conntrack: table full, dropping packet", older kernels "ip_conntrack: table
 * full"), the neighbour (ARP) table overflowing, TCP out of socket memory. Each drops packets for
 * every pod on that node only — the same service on other nodes is fine — so the node is the
 * cause its pods' timeouts and DNS failures point to without naming it. Also where a host log
 * line comes from: Container Insights' host group names its streams after the node
 * (`ip-10-80-5-33.ap-south-1.compute.internal-dmesg`, `….host.messages`), and syslog lines carry
 * the host before `kernel:`. Pure.
 */

export type NodeNetworkLimit = "conntrack" | "neighbour" | "socket_memory"

const limits: ReadonlyArray<readonly [NodeNetworkLimit, RegExp, string]> = [
  [
    "conntrack",
    /\b(?:nf|ip)_conntrack:\s+(?:(?:nf|ip)_conntrack:\s+)?table full|\bconntrack table (?:is )?(?:\d{1,3}% )?full\b/i,
    "conntrack table full (nf_conntrack), dropping packets",
  ],
  [
    "neighbour",
    /\bneighbou?r(?: table)? overflow|\barp_cache: neighbou?r table overflow/i,
    "neighbour (ARP) table overflow, dropping packets",
  ],
  [
    "socket_memory",
    /\bout of socket memory\b|\btoo many orphaned sockets\b|\btcp: out of memory\b/i,
    "TCP out of socket memory",
  ],
]

/** Any of the limits' words (for a finding's failure mode, and the host-log query's filter). */
export const nodeNetworkLimitWords: RegExp = new RegExp(limits.map(([, re]) => re.source).join("|"), "i")

/** The Logs Insights regex for the lines stating a limit (case-insensitive, no lookarounds). */
export const nodeNetworkLimitFilter =
  "/(?i)(conntrack: +(nf_conntrack: +|ip_conntrack: +)?table full|neighbou?r( table)? overflow|out of socket memory|too many orphaned sockets|tcp: out of memory)/"

/** The limit a kernel line states, and how a report names it; null when it states none. */
export const nodeNetworkLimitOf = (
  message: string,
): { readonly limit: NodeNetworkLimit; readonly what: string } | null => {
  const hit = limits.find(([, re]) => re.test(message))
  return hit === undefined ? null : { limit: hit[0], what: hit[2] }
}

const hostName = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63}){0,8}$/
// What a shipper appends to the host in a stream name: the file or tag it read, or the file's
// path (`…-host.var.log.aws-routed-eni.ipamd.log`, the VPC CNI's own log on the node).
const streamSuffix =
  /[._-](?:host[._-])?(?:dmesg|messages|syslog|secure|kern(?:el)?(?:\.log)?|journal)$|[._-](?:host|dataplane)[._-]var[._-]log[._-][a-z0-9._-]+$/
const streamPrefix = /^host[._-](?:dmesg|messages|syslog|secure|kern(?:el)?)[._-]/
// `Jan  7 02:57:48 ip-10-70-21-9 kernel: …`, `2027-01-07T02:57:48+00:00 ip-10-70-21-9 kernel: …`.
const syslogHost =
  /^(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)\s+([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s+kernel:/

/**
 * The node a host log line is from: its stream without the shipper's tag (the full private DNS
 * name), else the host a syslog line names; lower-case, null when neither names one.
 */
export const hostOfLine = (stream: string, message: string): string | null => {
  const s = stream.trim().toLowerCase()
  const stripped = s.replace(streamSuffix, "").replace(streamPrefix, "")
  if (stripped !== s && hostName.test(stripped)) return stripped
  const m = syslogHost.exec(message.trim())
  if (m?.[1] !== undefined) return m[1].toLowerCase()
  return hostName.test(s) && /^ip-\d/.test(s) ? s : null
}
