/**
 * What an HPA at its max holds back when its pods are not CPU-throttled: the replicas it asked for
 * sit Pending (no node has room), or the work they were to take piles up in a queue. Either says
 * the ceiling — not the pods' speed — is what keeps up with the load (hpa-at-max.ts says which).
 * Read from kube-state-metrics' `kube_pod_status_phase{phase="Pending"}` in the HPA's namespace
 * (Pending pods have no workload label of their own, so the namespace is what ties them) and from a
 * queue/backlog gauge named with the workload's own words (`…transcode-jobs` for transcode-worker:
 * an SQS/Kafka/Rabbit exporter names the queue, never the consumer). Pure.
 */
import type { MetricLabels, MetricSample, MetricSeries } from "./metric-series.js"

const nameOf = (l: MetricLabels) => l.__name__ ?? ""
const finite = (s: ReadonlyArray<MetricSample>) =>
  [...s.filter((x) => Number.isFinite(x.v))].sort((a, b) => a.t - b.t)

const summed = (series: ReadonlyArray<MetricSeries>): ReadonlyArray<MetricSample> => {
  const at = new Map<number, number>()
  for (const s of series) for (const x of finite(s.samples)) at.set(x.t, (at.get(x.t) ?? 0) + x.v)
  return [...at.entries()].sort(([a], [b]) => a - b).map(([t, v]) => ({ t, v }))
}

export const pendingPhaseMetric = /^kube_pod_status_phase$/
/** A queue's depth or a consumer's lag (not kube-state-metrics' own series). */
export const backlogMetric =
  /messages?_visible|queue_?(?:depth|length|size|messages)|backlog|consumer_?(?:group_)?lag|_lag(?:_|$)|pending_(?:jobs|messages|tasks)/

/** Words every workload name has; sharing one says nothing about which queue is whose. */
const genericWords = new Set([
  "worker",
  "workers",
  "service",
  "server",
  "consumer",
  "processor",
  "queue",
  "jobs",
  "prod",
  "production",
  "staging",
  "main",
  "default",
  "deployment",
])

/** The workload's distinctive words ("transcode-worker" → ["transcode"]). */
export const workloadWords = (workload: string): ReadonlyArray<string> =>
  workload
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((w) => w.length >= 4 && !genericWords.has(w))

export interface PendingPods {
  readonly before: number
  readonly now: number
}

/**
 * Pods Pending in `namespace` since `sinceMs` (still so at the last scrape), against the fewest
 * before. Another namespace's Pending pods are another workload's; a namespace-less HPA cannot be
 * tied to any, so it gets none.
 */
export const pendingInNamespace = (
  series: ReadonlyArray<MetricSeries>,
  namespace: string | undefined,
  sinceMs: number,
): PendingPods | null => {
  if (namespace === undefined) return null
  const xs = summed(
    series.filter(
      (s) =>
        pendingPhaseMetric.test(nameOf(s.labels)) &&
        s.labels.phase === "Pending" &&
        s.labels.namespace === namespace,
    ),
  )
  const last = xs.at(-1)
  const atSince = xs.filter((x) => x.t >= sinceMs)
  if (last === undefined || !(last.v >= 1) || atSince.some((x) => !(x.v >= 1))) return null
  const earlier = xs.filter((x) => x.t < sinceMs).map((x) => x.v)
  return { before: earlier.length === 0 ? 0 : Math.min(...earlier), now: last.v }
}

export interface Backlog {
  readonly queue: string
  readonly from: number
  readonly to: number
}

/** A backlog must at least double and grow past this many items to be work piling up. */
const minBacklogGrowth = 2
const minBacklogItems = 50

/** The fastest-growing queue/backlog named with the workload's words, if it grew (see header). */
export const backlogGrowth = (series: ReadonlyArray<MetricSeries>, workload: string): Backlog | null => {
  const words = workloadWords(workload)
  if (words.length === 0) return null
  const grown = series.flatMap((s) => {
    const name = nameOf(s.labels)
    if (!backlogMetric.test(name) || name.startsWith("kube_")) return []
    const text = Object.values(s.labels).join(" ").toLowerCase()
    if (!words.some((w) => text.includes(w))) return []
    const xs = finite(s.samples)
    const first = xs[0]
    const last = xs.at(-1)
    if (first === undefined || last === undefined) return []
    const grewEnough =
      last.v >= minBacklogGrowth * Math.max(first.v, 1) && last.v - first.v >= minBacklogItems
    if (!grewEnough) return []
    const { __name__: _, ...rest } = s.labels
    const queue = rest.queue_name ?? rest.queue ?? rest.topic ?? rest.name ?? name
    return [{ queue, from: first.v, to: last.v }]
  })
  return grown.sort((a, b) => b.to / Math.max(b.from, 1) - a.to / Math.max(a.from, 1))[0] ?? null
}
