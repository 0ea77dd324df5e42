/**
 * A node's kernel killing a process for memory: "Memory cgroup out of memory: Killed process
 * 48211 (java)" (the container's cgroup at its limit — the kubelet's OOMKilled seen from the
 * node) or "Out of memory: Killed process …" (the node itself out of memory). Container
 * Insights ships these to the cluster's `host` group, where no line names the pod, so the
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

const hostGroup = /^\/aws\/containerinsights\/([^/]+)\/host$/i

/** Whether `group` is the Container Insights host group of `cluster` (case-insensitive). */
export const isHostGroupOf = (group: string, cluster: string | null): boolean =>
  cluster !== null && hostGroup.exec(group)?.[1]?.toLowerCase() === cluster.toLowerCase()
