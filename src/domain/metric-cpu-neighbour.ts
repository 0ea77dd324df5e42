/**
 * A noisy neighbour read from metrics: a workload whose containers jumped to far more CPU than
 * they used the hour before (a DaemonSet upgraded with a heavier config and its CPU limit
 * dropped), on nodes that it saturated or where the other tenants' usage fell as it rose (they
 * were starved: their probes time out and the kubelet kills them, exit 143). Such pods fail for
 * the node they share, not their own code, and the alert names only them — so the sweep needs no
 * name, and cause inference ties the neighbour to the alert through where its pods run
 * (`cpuNeighboursUnder`). Usage is cAdvisor's `container_cpu_usage_seconds_total` (a counter,
 * turned into cores here) or a recording rule of it (kube-prometheus'
 * `node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate`); node busyness is
 * node-exporter's utilisation rules. Not a finding: a container that uses what it used before
 * (a DaemonSet changed but no hungrier), a rise that starved no one on an idle node (room to
 * spare), a rise of under a core. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import { workloadOfPod } from "./log-origin.js"
import type { MetricSample, MetricSeries } from "./metric-series.js"
import { nodeOfLabels } from "./node-pressure.js"
import { hasFailingPodOn, type NodePods } from "./pod-placement.js"
import { textOf } from "./report-scope.js"
import { utcHhmm } from "./utc-clock.js"

export const cpuNeighbourKind = "cpu_neighbour"

/** Cores a container must have gained to starve others: less than one fits beside them. */
export const minGainCores = 1
/** …and times what it used before: a busy service a little busier is its own load, not a jump. */
export const minGainFactor = 3
/** Node CPU busy share at or above which nothing on it gets the CPU it asks for. */
export const saturatedShare = 0.9
/** A tenant starved: its usage fell to at most this share of what it used, from at least `minStarvedCores`. */
export const starvedShare = 0.6
export const minStarvedCores = 0.1

const usageName = /container_cpu_usage_seconds_total/
const nodeBusyName = /^(?:instance|node):node_cpu_utili[sz]ation:/

interface Usage {
  readonly namespace: string
  readonly pod: string
  readonly workload: string
  readonly node: string
  readonly before: number
  readonly after: number
  readonly jumpMs: number
}

const median = (xs: ReadonlyArray<number>): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Cores per sample: a counter's per-second rises (a restart starts it over), else the rule's value. */
const coresOf = (s: MetricSeries): ReadonlyArray<MetricSample> => {
  const finite = s.samples.filter((x) => Number.isFinite(x.v))
  if (!(s.labels.__name__ ?? "").endsWith("_total")) return finite
  return finite.flatMap((cur, i) => {
    const prev = finite[i - 1]
    if (prev === undefined || cur.t <= prev.t || cur.v < prev.v) return []
    return [{ t: cur.t, v: (cur.v - prev.v) / ((cur.t - prev.t) / 1000) }]
  })
}

const usageOf = (s: MetricSeries, startMs: number): Usage | null => {
  const { namespace, pod, container } = s.labels
  const node = nodeOfLabels(s.labels)
  if (
    namespace === undefined ||
    pod === undefined ||
    node === null ||
    container === "" ||
    container === "POD"
  )
    return null
  const cores = coresOf(s)
  const before = median(cores.filter((x) => x.t < startMs).map((x) => x.v))
  const after = median(cores.filter((x) => x.t >= startMs).map((x) => x.v))
  if (before === null || after === null) return null
  // The rise's time: the first sample at least halfway from before to after.
  const jump = cores.find((x) => x.v >= (before + after) / 2 && x.v > before)
  const workload = workloadOfPod(pod) ?? pod
  return { namespace, pod, workload, node, before, after, jumpMs: jump?.t ?? startMs }
}

const jumped = (u: Usage): boolean =>
  u.after - u.before >= minGainCores && u.after >= minGainFactor * Math.max(u.before, 0.01)

const starved = (u: Usage): boolean => u.before >= minStarvedCores && u.after <= starvedShare * u.before

/** The nodes' busy share in the window (a percentage read as a share). */
const nodeBusy = (series: ReadonlyArray<MetricSeries>, startMs: number): ReadonlyMap<string, number> => {
  const busy = new Map<string, number>()
  for (const s of series) {
    const node = nodeOfLabels(s.labels)
    if (node === null || !nodeBusyName.test(s.labels.__name__ ?? "")) continue
    const m = median(s.samples.filter((x) => x.t >= startMs && Number.isFinite(x.v)).map((x) => x.v))
    if (m !== null) busy.set(node, Math.max(busy.get(node) ?? 0, m > 1 ? m / 100 : m))
  }
  return busy
}

const cores = (v: number): string => (v >= 1 ? v.toFixed(1) : v.toFixed(2))
const nodesMarker = "on nodes: "

/**
 * One `cpu_neighbour` finding per workload whose containers jumped in CPU (from `startMs`, the
 * window before it the baseline) on a node it saturated or where another workload starved.
 */
export const cpuNeighbourFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  startMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const usages = series
    .filter((s) => usageName.test(s.labels.__name__ ?? ""))
    .flatMap((s) => {
      const u = usageOf(s, startMs)
      return u === null ? [] : [u]
    })
  const busy = nodeBusy(series, startMs)
  const hogs = new Map<string, Array<Usage>>()
  for (const u of usages.filter(jumped)) {
    const key = `${u.namespace}/${u.workload}`
    hogs.set(key, [...(hogs.get(key) ?? []), u])
  }
  return [...hogs].flatMap(([key, mine]) => {
    const nodes = [...new Set(mine.map((u) => u.node))].sort()
    const saturated = nodes.filter((n) => (busy.get(n) ?? 0) >= saturatedShare)
    // The tenants beside it that lost CPU as it gained: the victims, whatever their names.
    const victims = usages.filter(
      (u) => nodes.includes(u.node) && `${u.namespace}/${u.workload}` !== key && starved(u),
    )
    if (saturated.length === 0 && victims.length === 0) return []
    const first = mine.reduce((a, b) => (b.jumpMs < a.jumpMs ? b : a))
    const before = median(mine.map((u) => u.before)) ?? 0
    const after = median(mine.map((u) => u.after)) ?? 0
    const busyText = saturated.map((n) => `node ${n} CPU ${Math.round((busy.get(n) ?? 0) * 100)}% busy`)
    const victimText = victims.map(
      (v) => `${v.pod} (${v.namespace}) fell ${cores(v.before)} → ${cores(v.after)} cores on ${v.node}`,
    )
    return [
      {
        id: "",
        agent,
        title: `${first.workload} (${first.namespace}) CPU ${cores(before)} → ${cores(after)} cores per pod since ${utcHhmm(first.jumpMs)}, starving the pods beside it`,
        detail:
          `${first.workload}'s containers use ${cores(after)} cores each where they used ${cores(before)}, ${nodesMarker}${nodes.join(", ")}. ` +
          [...busyText, ...victimText].join("; ") +
          ". A noisy neighbour: the workloads on those nodes get too little CPU, so their probes time out and the kubelet restarts them (exit 143).",
        // Critical when it pinned a node: nothing on it gets CPU, whatever its requests.
        severity: saturated.length > 0 ? "critical" : "high",
        kind: cpuNeighbourKind,
        observedAt: DateTime.unsafeMake(first.jumpMs),
        resource: `pod/${first.namespace}/${first.pod}`,
        service: first.workload,
        link,
        excerpt: null,
      } satisfies Finding,
    ]
  })
}

/** The nodes a `cpu_neighbour` finding names, as its detail lists them. */
export const cpuNeighbourNodes = (f: Finding): ReadonlyArray<string> => {
  if (f.kind !== cpuNeighbourKind) return []
  const at = f.detail.indexOf(nodesMarker)
  if (at < 0) return []
  const list = f.detail.slice(at + nodesMarker.length).split(". ")[0] ?? ""
  return list
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "")
}

/**
 * The `cpu_neighbour` findings of `others` on a node where the subject's failing pods run
 * (`placement`, its failures stated by `failing`): what its probe kills stand on, never named.
 */
export const cpuNeighboursUnder = (
  placement: ReadonlyArray<NodePods>,
  others: ReadonlyArray<Finding>,
  failing: ReadonlyArray<Finding>,
): ReadonlyArray<Finding> => {
  if (placement.length === 0) return []
  const text = failing.map(textOf).join("\n")
  return others.filter((f) => cpuNeighbourNodes(f).some((n) => hasFailingPodOn(placement, n, text)))
}
