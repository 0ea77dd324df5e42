/**
 * Node conditions as the evidence cites them, so the findings of one node failure join one
 * chain: a node's own condition (DiskPressure, MemoryPressure, PIDPressure, NotReady), the
 * taints the scheduler quotes for it ("1 node(s) had untolerated taint
 * {node.kubernetes.io/disk-pressure: }"), and the resource the kubelet evicted pods for ("The
 * node was low on resource: ephemeral-storage"). Read from words, not kinds, so an eviction reads
 * as one whatever kind the agent gives it.
 */
import { textMode } from "./causes-modes.js"
import type { Finding } from "./finding.js"
import { textOf } from "./report-scope.js"

/** What is wrong with a node: out of disk, memory or PIDs, or not ready (unreachable). */
export type NodeCondition = "disk" | "memory" | "pid" | "notready"

const taint = /node\.kubernetes\.io\/(disk-pressure|memory-pressure|pid-pressure|not-ready|unreachable)/g
const byTaint: Readonly<Record<string, NodeCondition>> = {
  "disk-pressure": "disk",
  "memory-pressure": "memory",
  "pid-pressure": "pid",
  "not-ready": "notready",
  unreachable: "notready",
}

/** The node conditions a scheduler message cites by their taints. */
export const taintConditionsIn = (text: string): ReadonlySet<NodeCondition> =>
  new Set(
    [...text.toLowerCase().matchAll(taint)].flatMap((m) => {
      const c = byTaint[m[1] ?? ""]
      return c === undefined ? [] : [c]
    }),
  )

const pressure = /\b(disk|memory|pid)\s?pressure/g
const notReady = /\bnot_?ready\b|\bnot ready\b|\bnodestatusunknown\b|\bunreachable\b/

/** The conditions a node finding states (DiskPressure, NotReady, …). */
export const nodeConditionsIn = (text: string): ReadonlySet<NodeCondition> => {
  const lower = text.toLowerCase()
  const found = new Set<NodeCondition>(
    [...lower.matchAll(pressure)].map((m) => (m[1] === "disk" ? "disk" : m[1] === "pid" ? "pid" : "memory")),
  )
  if (notReady.test(lower)) found.add("notready")
  return found
}

const lowOn = /low on resource:?\s*"?([a-z-]+)/g
const byResource: Readonly<Record<string, NodeCondition>> = {
  "ephemeral-storage": "disk",
  nodefs: "disk",
  imagefs: "disk",
  memory: "memory",
  pids: "pid",
}

/** The conditions an eviction cites: the resource the node ran low on, or the condition it had. */
export const evictionConditionsIn = (text: string): ReadonlySet<NodeCondition> => {
  const lower = text.toLowerCase()
  const found = new Set<NodeCondition>()
  for (const m of lower.matchAll(lowOn)) {
    const c = byResource[m[1] ?? ""]
    if (c !== undefined) found.add(c)
  }
  if (/ephemeral.storage|\bnodefs\b|\bimagefs\b/.test(lower)) found.add("disk")
  for (const m of lower.matchAll(pressure))
    found.add(m[1] === "disk" ? "disk" : m[1] === "pid" ? "pid" : "memory")
  if (/taintmanagereviction|node\.kubernetes\.io\/(?:not-ready|unreachable)/.test(lower))
    found.add("notready")
  return found
}

/** The node conditions a finding cites as the reason for its pods' trouble (taints, evictions). */
export const citedConditions = (f: Finding): ReadonlySet<NodeCondition> => {
  const text = textOf(f)
  const cited = new Set(taintConditionsIn(text))
  if (textMode(f) === "eviction") for (const c of evictionConditionsIn(text)) cited.add(c)
  return cited
}

/** Whether two condition sets share one. */
export const sharesCondition = (a: ReadonlySet<NodeCondition>, b: ReadonlySet<NodeCondition>): boolean =>
  [...a].some((c) => b.has(c))
