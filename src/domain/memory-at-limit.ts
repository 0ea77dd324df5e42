/**
 * A container at its memory limit and its OOM kills, read from metrics: cAdvisor's
 * `container_memory_working_set_bytes` against kube-state-metrics' memory limit
 * (`kube_pod_container_resource_limits{resource="memory"}`, or the older
 * `kube_pod_container_resource_limits_memory_bytes`), and `kube_pod_container_status_(last_)
 * terminated_reason{reason="OOMKilled"}`. A limit reached is absolute: the kernel kills the
 * container there whatever yesterday looked like, so this needs no baseline (a new workload, a
 * Prometheus keeping an hour, a restart that reset the series all leave the anomaly judge none).
 * Not a finding: a container well below its limit, a container with no limit, a terminated
 * reason other than OOMKilled or at 0, a workload the alert does not name. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import { workloadOfPod } from "./log-origin.js"
import type { MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

/** Working set at or above this share of the limit is at the limit (the kernel reclaims, then kills). */
export const atLimitShare = 0.95

const workingSet = "container_memory_working_set_bytes"
const limitMetric = /^kube_pod_container_resource_limits(?:_memory_bytes)?$/
const terminated = /^kube_pod_container_status_(?:last_)?terminated_reason$/

const key = (l: Readonly<Record<string, string>>) =>
  `${l.namespace ?? ""}/${l.pod ?? ""}/${l.container ?? ""}`
const finite = (s: MetricSeries, startMs: number) =>
  s.samples.filter((x) => x.t >= startMs && Number.isFinite(x.v))
const gib = (b: number): string =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GiB` : `${Math.round(b / 1024 ** 2)} MiB`

/** The workload a pod belongs to, when it is one of `names` (lower-case). */
const namedWorkload = (pod: string, names: ReadonlyArray<string>): string | null => {
  const w = (workloadOfPod(pod) ?? pod).toLowerCase()
  return names.find((n) => w === n || pod.toLowerCase().startsWith(`${n}-`)) ?? null
}

interface Hit {
  readonly pod: string
  readonly container: string
  readonly peak: number
  readonly limit: number
  readonly at: number
}

/**
 * One finding per named workload whose containers reached their memory limit or were
 * OOMKilled in the window (from `startMs`).
 */
export const memoryAtLimitFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  names: ReadonlyArray<string>,
  startMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const wanted = names.map((n) => n.toLowerCase()).filter((n) => n !== "")
  if (wanted.length === 0) return []
  const limits = new Map<string, number>()
  for (const s of series) {
    const name = s.labels.__name__ ?? ""
    if (!limitMetric.test(name)) continue
    if (name === "kube_pod_container_resource_limits" && (s.labels.resource ?? "memory") !== "memory")
      continue
    const v = finite(s, startMs).at(-1)?.v
    if (v !== undefined && v > 0) limits.set(key(s.labels), v)
  }
  const hits = new Map<string, Array<Hit>>()
  const kills = new Map<string, Set<string>>()
  const firstMs = new Map<string, number>()
  const note = (w: string, t: number) => firstMs.set(w, Math.min(firstMs.get(w) ?? t, t))
  for (const s of series) {
    const name = s.labels.__name__ ?? ""
    const pod = s.labels.pod ?? ""
    const container = s.labels.container ?? ""
    const workload = pod === "" ? null : namedWorkload(pod, wanted)
    if (workload === null) continue
    const samples = finite(s, startMs)
    if (name === workingSet && container !== "" && container !== "POD") {
      const limit = limits.get(key(s.labels))
      if (limit === undefined || samples.length === 0) continue
      const peak = samples.reduce((m, x) => (x.v > m.v ? x : m))
      if (peak.v / limit < atLimitShare) continue
      hits.set(workload, [...(hits.get(workload) ?? []), { pod, container, peak: peak.v, limit, at: peak.t }])
      note(workload, peak.t)
    } else if (terminated.test(name) && /^oomkilled$/i.test(s.labels.reason ?? "")) {
      const on = samples.find((x) => x.v >= 1)
      if (on === undefined) continue
      kills.set(workload, new Set([...(kills.get(workload) ?? []), pod]))
      note(workload, on.t)
    }
  }
  return [...new Set([...hits.keys(), ...kills.keys()])].sort().map((workload) => {
    const reached = hits.get(workload) ?? []
    const killed = [...(kills.get(workload) ?? [])].sort()
    const top = [...reached].sort((a, b) => b.peak / b.limit - a.peak / a.limit)[0]
    const parts = [
      ...(top === undefined
        ? []
        : [
            `container ${top.container} working set reached ${((top.peak / top.limit) * 100).toFixed(1)}% of its ${gib(top.limit)} memory limit (${gib(top.peak)}, pod ${top.pod}${reached.length > 1 ? ` and ${reached.length - 1} more` : ""})`,
          ]),
      ...(killed.length === 0
        ? []
        : [`OOMKilled in ${killed.length} pod(s) (${killed.slice(0, 3).join(", ")})`]),
    ]
    const at = firstMs.get(workload) ?? startMs
    return {
      id: "",
      agent,
      title: `${workload}: ${parts.join("; ")}`,
      detail:
        `From ${utcHhmm(at)} UTC ${workload}: ${parts.join("; ")}. A container at its memory limit is killed by the ` +
        "kernel (OOMKilled, exit code 137) whatever its usual level: a limit reached is absolute, no baseline is needed. " +
        "What grew its memory (a larger cache, a leak, more data per request) against an unchanged limit is the cause.",
      severity: killed.length > 0 || reached.length > 0 ? "high" : "medium",
      kind: "metric_anomaly",
      observedAt: DateTime.unsafeMake(at),
      resource: `metric/${workingSet}`,
      service: workload,
      link,
      excerpt: null,
    } satisfies Finding
  })
}
