/**
 * Pods the node took away rather than pods that crashed. The kubelet evicts pods when its node
 * runs low on a resource (status.phase Failed, status.reason Evicted, "The node was low on
 * resource: ephemeral-storage…", a DisruptionTarget condition TerminationByKubelet) or when a
 * pod outgrows its own ephemeral-storage limit, and terminates them for a graceful node
 * shutdown. Their containers then read `ContainerStatusUnknown` / exit 137 — a SIGKILL from the
 * eviction, never an OOM kill or a crash, so the container analyzers leave evicted pods alone
 * and this module reports them as `pod_evicted`: which node, which resource, which pressure
 * condition (DiskPressure/MemoryPressure/PIDPressure) and what the node's own events say
 * (EvictionThresholdMet "Attempting to reclaim ephemeral-storage", FreeDiskSpaceFailed). Pure.
 */
import type { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import {
  eventCount,
  eventTime,
  instantOf,
  type KubeEvent,
  type Node,
  type Pod,
} from "../../domain/kubernetes.js"
import {
  type AnalysisContext,
  eksFinding,
  failureSeverity,
  hhmmss,
  latestBy,
  type NodeView,
  nodeEvents,
  nodeNamed,
  plural,
  type ScopedWorkload,
  shortPod,
} from "./eks-finding.js"

/** Why the pod was taken away: node pressure, its own storage limit, a node shutdown, or other. */
export type EvictionClass = "pressure" | "limit" | "shutdown" | "other"

export interface Eviction {
  readonly pod: Pod
  readonly node: string | null
  readonly cls: EvictionClass
  /** The resource the node (or the pod) ran out of: ephemeral-storage, memory, pids, … */
  readonly resource: string | null
  readonly message: string
  readonly at: DateTime.Utc | null
}

export interface Pressure {
  /** The node condition: DiskPressure, MemoryPressure, PIDPressure. */
  readonly condition: string
  /** The taint the kubelet puts on the node while the condition holds. */
  readonly taint: string
}

/** The node condition and taint behind a resource the kubelet evicts for; null when unknown. */
export const pressureFor = (resource: string | null): Pressure | null => {
  const r = (resource ?? "").toLowerCase()
  if (r === "memory" || r.startsWith("memory.")) {
    return { condition: "MemoryPressure", taint: "node.kubernetes.io/memory-pressure" }
  }
  if (r === "pids" || r.startsWith("pid"))
    return { condition: "PIDPressure", taint: "node.kubernetes.io/pid-pressure" }
  if (/ephemeral-storage|nodefs|imagefs|containerfs|disk|inodes/.test(r)) {
    return { condition: "DiskPressure", taint: "node.kubernetes.io/disk-pressure" }
  }
  return null
}

/** The pressure conditions (by condition type) and their taints. */
export const pressureTaints: ReadonlyArray<Pressure> = [
  { condition: "DiskPressure", taint: "node.kubernetes.io/disk-pressure" },
  { condition: "MemoryPressure", taint: "node.kubernetes.io/memory-pressure" },
  { condition: "PIDPressure", taint: "node.kubernetes.io/pid-pressure" },
]

const lowOn = /low on resource:?\s*"?([a-z][\w.-]*)/i
const overLimit =
  /ephemeral local storage usage exceeds|exceeded its local ephemeral storage limit|usage of emptydir volume .* exceeds the limit/i
const shutdown = /node shutdown|shutting down/i
const shutdownReasons = new Set(["Shutdown", "Terminated", "NodeShutdown"])

const latest = (times: ReadonlyArray<DateTime.Utc | null>): DateTime.Utc | null =>
  times.reduce<DateTime.Utc | null>(
    (a, t) => (t !== null && (a === null || t.epochMillis > a.epochMillis) ? t : a),
    null,
  )

const evictedEvent = (pod: Pod, events: ReadonlyArray<KubeEvent>): KubeEvent | undefined =>
  events.find(
    (e) =>
      e.involvedObject.kind === "Pod" &&
      e.involvedObject.name === pod.metadata.name &&
      e.reason === "Evicted",
  )

/** The pod as an eviction (see the module header), or null when it was not taken away. */
export const evictionOf = (pod: Pod, events: ReadonlyArray<KubeEvent> = []): Eviction | null => {
  const st = pod.status
  if (st.phase !== "Failed" && st.phase !== undefined) return null
  const disruption = st.conditions.find((c) => c.type === "DisruptionTarget" && c.status === "True")
  const byKubelet = disruption?.reason === "TerminationByKubelet"
  const event = evictedEvent(pod, events)
  const message = st.message ?? disruption?.message ?? event?.message ?? ""
  const evicted = st.reason === "Evicted" || (st.phase === "Failed" && byKubelet && lowOn.test(message))
  const shut = shutdownReasons.has(st.reason ?? "") && shutdown.test(message)
  if (!evicted && !shut) return null
  const finished = [...st.containerStatuses, ...st.initContainerStatuses].map((s) =>
    instantOf(s.state?.terminated?.finishedAt),
  )
  const at =
    instantOf(disruption?.lastTransitionTime) ??
    (event === undefined ? null : eventTime(event)) ??
    latest(finished)
  const cls: EvictionClass = shut
    ? "shutdown"
    : overLimit.test(message)
      ? "limit"
      : lowOn.test(message)
        ? "pressure"
        : "other"
  const resource =
    cls === "limit" ? "ephemeral-storage" : (lowOn.exec(message)?.[1]?.replace(/\.$/, "") ?? null)
  return { pod, node: pod.spec.nodeName ?? null, cls, resource, message: message.trim(), at }
}

export const isEvicted = (pod: Pod): boolean => evictionOf(pod) !== null

/** The workload's pods that are still its own (evicted and shut-down husks left out). */
export const livePods = (w: ScopedWorkload): ReadonlyArray<Pod> => w.pods.filter((p) => !isEvicted(p))

/**
 * Evictions of the workload's pods in the evidence window (older husks are history) — or, while
 * the workload is still short of replicas, since the change lookback: pods evicted hours ago
 * that were never made whole are why it is short now.
 */
export const recentEvictions = (w: ScopedWorkload, ctx: AnalysisContext): ReadonlyArray<Eviction> => {
  const short = w.desired !== null && w.ready < w.desired
  const since = short ? ctx.window.changesSince : ctx.window.start
  return w.pods
    .flatMap((p) => {
      const e = evictionOf(p, w.events)
      return e === null ? [] : [e]
    })
    .filter((e) => e.at === null || e.at.epochMillis >= since.epochMillis)
    .sort((a, b) => (a.at?.epochMillis ?? 0) - (b.at?.epochMillis ?? 0))
}

/** Node events that tell what the kubelet did about pressure (reclaiming, GC failing, conditions). */
const pressureEventReasons = new Set([
  "EvictionThresholdMet",
  "NodeHasDiskPressure",
  "NodeHasInsufficientMemory",
  "NodeHasInsufficientPID",
  "FreeDiskSpaceFailed",
  "ImageGCFailed",
  "SystemOOM",
])

/** The node's pressure-related events in the window, newest first. */
export const pressureEvents = (
  view: NodeView,
  node: string,
  ctx: AnalysisContext,
): ReadonlyArray<KubeEvent> =>
  nodeEvents(view, node)
    .filter((e) => pressureEventReasons.has(e.reason ?? "") || lowOn.test(e.message ?? ""))
    .filter((e) => {
      const t = eventTime(e)
      return (
        t === null ||
        (t.epochMillis >= ctx.window.start.epochMillis && t.epochMillis <= ctx.window.end.epochMillis)
      )
    })
    .sort((a, b) => (eventTime(b)?.epochMillis ?? 0) - (eventTime(a)?.epochMillis ?? 0))

const clip = (s: string, max = 160): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

export const describeEvents = (events: ReadonlyArray<KubeEvent>, max = 3): string =>
  events
    .slice(0, max)
    .map((e) => {
      const t = eventTime(e)
      return `${e.reason ?? "?"} ×${eventCount(e)}${t === null ? "" : ` (last ${hhmmss(t)})`}: ${clip((e.message ?? "").trim())}`
    })
    .join("; ")

/** "DiskPressure=True since 07:30:52Z (kubelet has disk pressure); taint node.kubernetes.io/disk-pressure:NoSchedule" */
export const conditionText = (node: Node, pressure: Pressure): string | null => {
  const c = node.status.conditions.find((x) => x.type === pressure.condition)
  if (c === undefined) return null
  const since = instantOf(c.lastTransitionTime)
  const taint = node.spec.taints.find((t) => t.key === pressure.taint)
  const taintText = taint === undefined ? "" : `; taint ${taint.key}:${taint.effect ?? ""}`
  const now = c.status === "True" ? "" : " (now cleared)"
  return `${pressure.condition}=${c.status}${since === null ? "" : ` since ${hhmmss(since)}`}${c.message === undefined ? "" : ` (${c.message})`}${taintText}${now}`
}

const nodesText = (nodes: ReadonlyArray<string>): string =>
  nodes.length === 0 ? "an unknown node" : `${nodes.length === 1 ? "node" : "nodes"} ${nodes.join(", ")}`

const headline = (
  cls: EvictionClass,
  resource: string | null,
  pressure: Pressure | null,
  nodes: ReadonlyArray<string>,
) => {
  const on = nodesText(nodes)
  switch (cls) {
    case "pressure":
      return `node low on ${resource ?? "a resource"}${pressure === null ? "" : ` (${pressure.condition})`} on ${on}`
    case "limit":
      return `ephemeral-storage use over the pod's own limit, on ${on}`
    case "shutdown":
      return `node shutdown of ${on}`
    case "other":
      return `on ${on}`
  }
}

/** One `pod_evicted` finding per reason (class and resource) for the workload's recent evictions. */
export const evictionFindings = (
  w: ScopedWorkload,
  view: NodeView,
  ctx: AnalysisContext,
): ReadonlyArray<Finding> => {
  const groups = new Map<string, Array<Eviction>>()
  for (const e of recentEvictions(w, ctx)) {
    const key = `${e.cls}/${e.resource ?? ""}`
    groups.set(key, [...(groups.get(key) ?? []), e])
  }
  return [...groups.values()].flatMap((list) => {
    const [first] = list
    const last = list.at(-1)
    if (first === undefined || last === undefined) return []
    const nodes = [...new Set(list.flatMap((e) => (e.node === null ? [] : [e.node])))].sort()
    const pressure = first.cls === "pressure" ? pressureFor(first.resource) : null
    const verb = first.cls === "shutdown" ? "terminated by a" : "Evicted —"
    const title = `${w.name}: ${plural(list.length, "pod")} ${verb} ${headline(first.cls, first.resource, pressure, nodes)}`
    const when = list.map(
      (e) => `${shortPod(e.pod.metadata.name)}${e.at === null ? "" : ` at ${hhmmss(e.at)}`}`,
    )
    const who =
      first.cls === "shutdown"
        ? `The kubelet terminated ${plural(list.length, "pod")} of ${w.name} for a node shutdown`
        : `The kubelet evicted ${plural(list.length, "pod")} of ${w.name}`
    const nodeFacts = nodes.flatMap((name) => {
      const n = nodeNamed(view, name)
      const condition = n === null || pressure === null ? null : conditionText(n, pressure)
      const events = describeEvents(pressureEvents(view, name, ctx))
      const facts = [condition, events === "" ? null : `node events: ${events}`].filter((x) => x !== null)
      return facts.length === 0 ? [] : [`Node ${name}: ${facts.join("; ")}.`]
    })
    const live = livePods(w)
    const pending = live.filter((p) => p.status.phase === "Pending").length
    const capacity =
      w.desired === null || w.kind === "Pod"
        ? ""
        : ` ${w.ready}/${w.desired} replicas ready${pending === 0 ? "" : `, ${plural(pending, "replacement pod")} Pending`}.`
    const containers =
      " Their containers were stopped by the eviction (a SIGKILL: ContainerStatusUnknown / exit 137), which is not a crash of the application."
    return [
      eksFinding({
        kind: "pod_evicted",
        title,
        detail:
          `${who} (${when.join(", ")}) from ${nodesText(nodes)}: "${clip(first.message, 300)}" ${nodeFacts.join(" ")}${containers}${capacity}`.replace(
            /\s+/g,
            " ",
          ),
        severity: failureSeverity(w),
        observedAt: latestBy(
          list.map((e) => e.at),
          ctx.window.end,
        ),
        resource: `pod/${w.namespace}/${last.pod.metadata.name}`,
        service: w.name,
        excerpt: last.message === "" ? null : last.message,
      }),
    ]
  })
}
