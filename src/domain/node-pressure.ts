/**
 * A node under pressure, read from metrics: kube-state-metrics' `kube_node_status_condition`
 * (DiskPressure / MemoryPressure / PIDPressure with status "true" at 1), the kubelet's
 * `kubelet_evictions{eviction_signal}` counter, and node-exporter's root filesystem availability.
 * The kubelet evicts pods from such a node and refuses new ones, so the pods' failures follow
 * the node, not their own code; a person reports the pods' symptoms and names no node, so the
 * sweep needs no name. Not a finding: a condition that was true only before the window (it
 * cleared), a node with plenty of free disk, evictions that did not grow in the window. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

const conditionMetric = "kube_node_status_condition"
const evictionMetric = /^kubelet_evictions(?:_total)?$/
const availMetric = "node_filesystem_avail_bytes"
const sizeMetric = "node_filesystem_size_bytes"
const pressure = /^(DiskPressure|MemoryPressure|PIDPressure)$/i

/** Free space at or below which a root filesystem is nearly full (share of its size). */
export const lowFreeShare = 0.1
/** Without a size: free bytes at or below this, having fallen by half in the window, is nearly full. */
export const lowFreeBytes = 2 * 1024 ** 3

/** The node a series is about: the `node` label, else the instance without its port. */
export const nodeOfLabels = (labels: Readonly<Record<string, string>>): string | null => {
  const v = (labels.node ?? labels.kubernetes_node ?? labels.instance ?? "").trim()
  return v === "" ? null : v.replace(/:\d+$/, "")
}

const inWindow = (s: MetricSeries, startMs: number) =>
  s.samples.filter((x) => x.t >= startMs && Number.isFinite(x.v))

interface NodeFacts {
  conditions: Set<string>
  firstMs: number
  evictions: Map<string, number>
  freeBytes: number | null
  freeShare: number | null
}

const gib = (b: number): string =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(b / 1024 ** 2)} MiB`

/** One `node_pressure` finding per node the series show under pressure in the window (from `startMs`). */
export const nodePressureFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  startMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const nodes = new Map<string, NodeFacts>()
  const factsOf = (node: string): NodeFacts => {
    const known = nodes.get(node)
    if (known !== undefined) return known
    const fresh: NodeFacts = {
      conditions: new Set(),
      firstMs: Number.POSITIVE_INFINITY,
      evictions: new Map(),
      freeBytes: null,
      freeShare: null,
    }
    nodes.set(node, fresh)
    return fresh
  }
  const sizes = new Map<string, number>()
  for (const s of series) {
    const node = nodeOfLabels(s.labels)
    if (node === null || s.labels.__name__ !== sizeMetric || (s.labels.mountpoint ?? "/") !== "/") continue
    const last = inWindow(s, startMs).at(-1)
    if (last !== undefined && last.v > 0) sizes.set(node, last.v)
  }
  for (const s of series) {
    const name = s.labels.__name__ ?? ""
    const node = nodeOfLabels(s.labels)
    if (node === null) continue
    const samples = inWindow(s, startMs)
    if (samples.length === 0) continue
    if (name === conditionMetric) {
      const condition = s.labels.condition ?? ""
      const on = samples.find((x) => x.v >= 1)
      // Only a condition true in the window: one that cleared before it is history.
      if (
        !pressure.test(condition) ||
        (s.labels.status ?? "true").toLowerCase() !== "true" ||
        on === undefined
      )
        continue
      const f = factsOf(node)
      f.conditions.add(condition)
      f.firstMs = Math.min(f.firstMs, on.t)
    } else if (evictionMetric.test(name)) {
      const first = samples[0]?.v ?? 0
      const grown = Math.max(...samples.map((x) => x.v)) - first
      if (grown <= 0) continue
      const f = factsOf(node)
      const signal = s.labels.eviction_signal ?? s.labels.signal ?? "unknown signal"
      f.evictions.set(signal, (f.evictions.get(signal) ?? 0) + grown)
      const at = samples.find((x) => x.v > first)
      if (at !== undefined) f.firstMs = Math.min(f.firstMs, at.t)
    } else if (name === availMetric && (s.labels.mountpoint ?? "/") === "/") {
      const min = samples.reduce((m, x) => (x.v < m.v ? x : m))
      const size = sizes.get(node)
      const start = samples[0]?.v ?? min.v
      const nearlyFull =
        size !== undefined ? min.v / size <= lowFreeShare : min.v <= lowFreeBytes && min.v <= start / 2
      if (!nearlyFull) continue
      const f = factsOf(node)
      f.freeBytes = min.v
      f.freeShare = size === undefined ? null : min.v / size
      f.firstMs = Math.min(f.firstMs, min.t)
    }
  }
  return (
    [...nodes]
      // A sized filesystem nearly full on its own is the saturation sweep's (node_disk); here it only
      // adds to a node's condition or evictions, or stands alone when the exporter gives no size.
      .filter(
        ([, f]) =>
          f.conditions.size > 0 || f.evictions.size > 0 || (f.freeBytes !== null && f.freeShare === null),
      )
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, f]) => {
        const conditions = [...f.conditions]
        const evicted = [...f.evictions].map(([signal, n]) => `${n} eviction(s) on ${signal}`)
        const free =
          f.freeBytes === null
            ? []
            : [
                `root filesystem down to ${gib(f.freeBytes)} free${f.freeShare === null ? "" : ` (${(f.freeShare * 100).toFixed(1)} %)`}`,
              ]
        const disk =
          conditions.some((c) => /disk/i.test(c)) ||
          f.freeBytes !== null ||
          [...f.evictions.keys()].some((k) => /fs\./.test(k))
        const what = conditions.length > 0 ? conditions.join(", ") : disk ? "low on disk" : "evicting pods"
        const title = `node ${node}: ${what}${[...evicted, ...free].length > 0 ? ` — ${[...evicted, ...free].join("; ")}` : ""}`
        return {
          id: "",
          agent,
          title,
          detail:
            `From ${utcHhmm(f.firstMs)} UTC node ${node} ${conditions.length > 0 ? `reported ${conditions.join(", ")}` : "was under pressure"}` +
            `${[...evicted, ...free].length > 0 ? ` (${[...evicted, ...free].join("; ")})` : ""}. ` +
            "Under pressure the kubelet evicts pods from the node and admits no new ones, so its pods' failures follow the node" +
            (disk
              ? "; whatever fills its disk (a pod's ephemeral storage, logs, images) is the cause."
              : "."),
          severity: conditions.length > 0 || f.evictions.size > 0 ? "high" : "medium",
          kind: "node_pressure",
          observedAt: DateTime.unsafeMake(Number.isFinite(f.firstMs) ? f.firstMs : startMs),
          resource: `node/${node}`,
          service: null,
          link,
          excerpt: null,
        } satisfies Finding
      })
  )
}
