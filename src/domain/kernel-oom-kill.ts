/**
 * A node's kernel killing a process for memory: "Memory cgroup out of memory: Killed process
 * 48211 (java)" (the container's cgroup at its limit — the kubelet's OOMKilled seen from the
 * node) or "Out of memory: Killed process …" (the node itself out of memory). Container
 * Insights ships these to the cluster's `host` or `dataplane` group, where no line names the pod, so the
 * signature is "unrelated" to the alert by its words; yet an OOM kill in the alert's own cluster
 * in the window is the kernel's side of the workload's OOM kills, not chatter. Pure.
 */

const oomKill =
  /\b(?:memory cgroup out of memory|out of memory|oom-kill(?:er)?)\b[^\n]{0,40}?\bkilled process (\d+) \(([^)\s]{1,32})\)/i

/** The killed process's pid and command, or null when the line is no kernel OOM kill. */
export const kernelOomKillOf = (
  message: string,
): { readonly pid: string; readonly command: string; readonly cgroup: boolean } | null => {
  const m = oomKill.exec(message)
  if (m?.[1] === undefined || m[2] === undefined) return null
  return { pid: m[1], command: m[2], cgroup: /memory cgroup/i.test(message) }
}

// Where a node's kernel lines land: Container Insights' `host` group (/var/log/messages, dmesg)
// and its `dataplane` group (the kubelet's and containerd's journal, which carries the kernel's
// OOM lines too), or a group of the cluster's own that is named for its nodes' system log.
const containerInsightsNodeGroup = /^\/aws\/containerinsights\/([^/]+)\/(?:host|dataplane)$/i
const nodeLogWord =
  /^(?:host|hosts|dataplane|nodes?|worker-nodes|messages|syslog|kernel|kmsg|dmesg|journal)$/i

/**
 * Whether `group` carries the node (kernel) logs of `cluster` (case-insensitive): the Container
 * Insights host/dataplane groups, or a group with the cluster's name as one path segment and a
 * node-log word as another (`/aws/eks/shop-prod/nodes`, `/eks/shop-prod/var/log/messages`).
 * Another cluster's group is not: its OOM kills are not this alert's workload's.
 */
export const isHostGroupOf = (group: string, cluster: string | null): boolean => {
  if (cluster === null) return false
  const wanted = cluster.toLowerCase()
  const ci = containerInsightsNodeGroup.exec(group)
  if (ci !== null) return ci[1]?.toLowerCase() === wanted
  if (/^\/aws\/containerinsights\//i.test(group)) return false
  const segments = group.toLowerCase().split("/")
  return segments.includes(wanted) && segments.some((s) => nodeLogWord.test(s))
}
