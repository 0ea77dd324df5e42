/**
 * Pods that cannot start their container because of its configuration, whatever the alert
 * names: kube-state-metrics' `kube_pod_container_status_waiting_reason` for the reasons that
 * never clear by waiting — CreateContainerConfigError (a ConfigMap, Secret or one of their keys
 * the pod spec refers to is missing), CreateContainerError, InvalidImageName. A rollout stuck on
 * them shows to users as fewer ready pods and the ingress's 503s; a person's report names the
 * cluster or the symptom, not the workload, so this needs no name. Crash loops and image pulls are
 * left to the eks agent and the restart queries: they are common and often recover.
 * One finding per workload and reason, its subject the workload, so it joins the eks agent's cause.
 */
import { DateTime, type Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { workloadOfPod } from "../../domain/log-origin.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

/** Waiting reasons that are the pod spec's own fault (they never clear by waiting). */
export const configWaitingReasons: ReadonlyArray<string> = [
  "CreateContainerConfigError",
  "CreateContainerError",
  "InvalidImageName",
]

export const waitingQuery = `max by (namespace, pod, container, reason) (kube_pod_container_status_waiting_reason{reason=~"${configWaitingReasons.join("|")}"})`

const means: Readonly<Record<string, string>> = {
  CreateContainerConfigError:
    "the kubelet cannot build the container's configuration: a ConfigMap, a Secret or one of their keys the pod spec refers to (env valueFrom, envFrom, a volume's items) does not exist",
  CreateContainerError:
    "the runtime refused to create the container (a bad command, mount or security setting)",
  InvalidImageName: "the pod spec's image reference cannot be parsed",
}

const maxFindings = 3
/** Before the window too: a rollout stuck since before the alert's window is still stuck in it. */
const leadMs = 3_600_000

interface Waiting {
  readonly namespace: string | null
  readonly workload: string
  readonly pod: string
  readonly container: string | null
  readonly reason: string
  readonly sinceMs: number
}

/** The series still waiting inside the incident window (from `stillMs`), as pods (pure). */
export const waitingPods = (series: ReadonlyArray<MetricSeries>, stillMs: number): ReadonlyArray<Waiting> =>
  series.flatMap((s) => {
    const pod = s.labels.pod ?? ""
    const reason = s.labels.reason ?? ""
    const on = s.samples.filter((x) => Number.isFinite(x.v) && x.v >= 1)
    const first = on[0]
    if (pod === "" || reason === "" || first === undefined || !on.some((x) => x.t >= stillMs)) return []
    return [
      {
        namespace: s.labels.namespace ?? null,
        workload: workloadOfPod(pod) ?? pod,
        pod,
        container: s.labels.container ?? null,
        reason,
        sinceMs: first.t,
      },
    ]
  })

/** One finding per workload and reason, the most pods first (pure). */
export const waitingFindings = (
  waiting: ReadonlyArray<Waiting>,
  link: string | null,
  notBeforeMs: number,
): ReadonlyArray<Finding> => {
  const groups = new Map<string, Array<Waiting>>()
  for (const w of waiting) {
    const key = `${w.namespace ?? ""}/${w.workload}/${w.reason}`
    const group = groups.get(key) ?? []
    if (!group.some((g) => g.pod === w.pod)) group.push(w)
    groups.set(key, group)
  }
  return [...groups.values()]
    .sort((a, b) => b.length - a.length)
    .slice(0, maxFindings)
    .flatMap((group) => {
      const lead = group[0]
      if (lead === undefined) return []
      const since = Math.min(...group.map((g) => g.sinceMs))
      const containers = [...new Set(group.flatMap((g) => (g.container === null ? [] : [g.container])))]
      const pods = group.length === 1 ? `pod ${lead.pod}` : `${group.length} pods`
      const where = lead.namespace === null ? "" : ` (namespace ${lead.namespace})`
      return [
        {
          id: "",
          agent: "prometheus",
          title: redact(
            `${lead.workload}: ${pods} waiting in ${lead.reason}` +
              `${containers.length === 0 ? "" : ` (container ${containers.join(", ")})`} since ${utcHhmm(since)} UTC`,
          ),
          detail: redact(
            `kube_pod_container_status_waiting_reason says ${group.map((g) => g.pod).join(", ")}${where} could not ` +
              `start: ${lead.reason} from ${utcHhmm(since)} UTC, still so in the incident window. Why it matters: ` +
              `${means[lead.reason] ?? "the container cannot be created"}; it does not clear by waiting, so a rollout ` +
              "stays stuck until the pod spec or what it refers to is fixed.",
          ),
          severity: "high",
          kind: "metric_anomaly",
          observedAt: DateTime.unsafeMake(Math.max(since, notBeforeMs)),
          resource: `metric/${lead.workload}/kube_pod_container_status_waiting_reason/${lead.reason}`,
          service: lead.workload,
          link,
          excerpt: redact(waitingQuery),
        } satisfies Finding,
      ]
    })
}

/** The waiting pods over the incident window and the hour before; a failed query finds nothing. */
export const sweepWaitingPods = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: waitingQuery,
    label: "pods that cannot start",
    leadMs,
    findingsOf: (series, link) =>
      waitingFindings(waitingPods(series, incident.startMs), link, incident.startMs),
  })
