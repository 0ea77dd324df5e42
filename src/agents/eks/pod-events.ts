/**
 * What a workload's events say that its container statuses cannot: Pending pods the scheduler
 * could not place (`unschedulable`, with "0/5 nodes are available: 3 Insufficient memory, …"),
 * what the cluster-autoscaler did about them (`autoscaler`), failing readiness/liveness/startup
 * probes (`probe_failure`, which probe and its message) and controllers that could not create
 * pods (`failed_create`: quota, admission, PSA). Events older than the evidence window are
 * ignored; one finding per workload and signal, counting repeats. Pure.
 */
import { cronJobOf } from "../../domain/alert-facts-names.js"
import { admissionRefusalIn, limitRangeRefusal } from "../../domain/cause-admission-refusal.js"
import type { Finding } from "../../domain/finding.js"
import { eventCount, eventTime, instantOf, type KubeEvent } from "../../domain/kubernetes.js"
import { quotaUsePhrase } from "../../domain/kubernetes-quotas.js"
import { type QuotaRefusal, quotaRefusalOf, quotaResourcesPhrase } from "../../domain/quota-refusal.js"
import type { Severity } from "../../domain/severity.js"
import {
  type AnalysisContext,
  eksFinding,
  failureSeverity,
  plural,
  type ScopedWorkload,
  scopedSeverity,
  shortPod,
} from "./eks-finding.js"
import { nodeGroupsAtMax, saysMaxSizeReached } from "./node-group-at-max.js"
import { resourceOf } from "./workloads.js"

const recent = (e: KubeEvent, ctx: AnalysisContext): boolean => {
  const t = eventTime(e)
  return t === null || t.epochMillis >= ctx.window.start.epochMillis
}

const newestFirst = (events: ReadonlyArray<KubeEvent>): ReadonlyArray<KubeEvent> =>
  [...events].sort((a, b) => (eventTime(b)?.epochMillis ?? 0) - (eventTime(a)?.epochMillis ?? 0))

const about = (w: ScopedWorkload, ctx: AnalysisContext, test: (e: KubeEvent) => boolean) =>
  newestFirst(w.events.filter((e) => recent(e, ctx) && test(e)))

const total = (events: ReadonlyArray<KubeEvent>): number => events.reduce((n, e) => n + eventCount(e), 0)

const podResource = (w: ScopedWorkload, e: KubeEvent | undefined): string =>
  e?.involvedObject.kind === "Pod" && e.involvedObject.name !== undefined
    ? `pod/${w.namespace}/${e.involvedObject.name}`
    : resourceOf(w)

const isPending = (w: ScopedWorkload) => w.pods.filter((p) => p.status.phase === "Pending")

export const unschedulableFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const events = about(w, ctx, (e) => e.reason === "FailedScheduling")
  const pending = isPending(w).filter((p) =>
    p.status.conditions.some(
      (c) => c.type === "PodScheduled" && c.status === "False" && c.reason === "Unschedulable",
    ),
  )
  const condition = pending
    .flatMap((p) => p.status.conditions)
    .find((c) => c.type === "PodScheduled" && c.message !== undefined)
  if (events.length === 0 && pending.length === 0) return null
  const [latest] = events
  const message = latest?.message ?? condition?.message ?? "the scheduler found no node"
  const desired = w.desired ?? w.pods.length
  const unavailable = Math.max(0, desired - w.ready)
  const half = desired > 0 && unavailable / desired >= 0.5
  const stuck = pending.length > 0 ? pending.length : new Set(events.map((e) => e.involvedObject.name)).size
  const severity: Severity = w.inScope ? (half ? "high" : "medium") : "low"
  return eksFinding({
    kind: "unschedulable",
    title: `${w.name}: ${plural(stuck, "pod")} Pending, unschedulable — ${message}`,
    detail: `FailedScheduling${events.length === 0 ? "" : ` ×${total(events)}`}: ${message}. ${w.ready}/${desired} replicas ready.`,
    severity,
    observedAt: latest === undefined ? null : eventTime(latest),
    resource: podResource(w, latest),
    service: w.name,
    excerpt: message,
  })
}

const volumeReasons = new Set(["FailedAttachVolume", "FailedMount", "FailedMapVolume"])

/**
 * Pods stuck before their containers start because a volume will not attach or mount (the
 * kubelet's and attach-detach controller's FailedAttachVolume / FailedMount: Multi-Attach, a
 * missing PVC or Secret volume, a timeout waiting for the device) — the pod reads
 * `ContainerCreating`, which says nothing by itself.
 */
export const volumeFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const events = about(w, ctx, (e) => volumeReasons.has(e.reason ?? "") && e.involvedObject.kind === "Pod")
  const [latest] = events
  if (latest === undefined) return null
  const attach = events.find((e) => e.reason === "FailedAttachVolume")
  const lead = attach ?? latest
  const pods = [...new Set(events.map((e) => shortPod(e.involvedObject.name ?? "")))]
  const reasons = [...new Set(events.map((e) => e.reason ?? ""))].join(" / ")
  const message = lead.message ?? ""
  return eksFinding({
    kind: "volume_mount",
    title: `${w.name}: ${reasons} on ${plural(pods.length, "pod")} — ${message}`,
    detail: `${reasons} ×${total(events)} (pods ${pods.join(", ")}): ${message}${
      attach !== undefined && latest !== attach ? ` Then: ${latest.message ?? ""}` : ""
    }. ${w.ready}/${w.desired ?? "?"} replicas ready.`,
    severity: failureSeverity(w),
    observedAt: eventTime(latest),
    resource: podResource(w, lead),
    service: w.name,
    excerpt: message === "" ? null : message,
  })
}

/**
 * Pods whose network sandbox cannot be created (FailedCreatePodSandBox): the CNI could not give
 * them an IP — the subnet has no free addresses (`InsufficientFreeAddressesInSubnet`), the node
 * is at its ENI/IP limit — or the runtime failed. They read `ContainerCreating`, which says
 * nothing by itself; the kubelet's message says why.
 */
export const sandboxFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const events = about(
    w,
    ctx,
    (e) => e.reason === "FailedCreatePodSandBox" && e.involvedObject.kind === "Pod",
  )
  const [latest] = events
  if (latest === undefined) return null
  const pods = [...new Set(events.map((e) => shortPod(e.involvedObject.name ?? "")))]
  const message = latest.message ?? ""
  // The CNI's reason is at the end of a long runtime error; say it first when it is known.
  const why =
    /insufficientfreeaddresses\w*|failed to assign an ip address[^";]*|no available ip[^";]*|exceeded max eni[^";]*/i.exec(
      message,
    )?.[0]
  return eksFinding({
    kind: "sandbox_failed",
    title: `${w.name}: FailedCreatePodSandBox on ${plural(pods.length, "pod")}${why === undefined ? "" : ` — ${why}`} — ${message}`,
    detail: `FailedCreatePodSandBox ×${total(events)} (pods ${pods.join(", ")}): ${message}. ${w.ready}/${w.desired ?? "?"} replicas ready.`,
    severity: failureSeverity(w),
    observedAt: eventTime(latest),
    resource: podResource(w, latest),
    service: w.name,
    excerpt: message === "" ? null : message,
  })
}

const autoscalerSource = (e: KubeEvent): boolean =>
  e.source?.component === "cluster-autoscaler" || e.reportingComponent === "cluster-autoscaler"

export const autoscalerFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const events = about(w, ctx, autoscalerSource)
  const [latest] = events
  if (latest === undefined) return null
  const helped = latest.reason === "TriggeredScaleUp"
  // "max node group size reached" names no group; the scale-up that filled it does
  // (node-group-at-max.ts), however long before the window it was.
  const full = saysMaxSizeReached(latest.message ?? "")
    ? nodeGroupsAtMax(w.events.filter(autoscalerSource).map((e) => e.message ?? ""))
    : []
  const atMax =
    full.length === 0 ? "" : ` (node group ${full.map((g) => `${g.group} at max size ${g.max}`).join(", ")})`
  return eksFinding({
    kind: "autoscaler",
    title: `${w.name}: cluster-autoscaler ${latest.reason ?? "event"}${atMax} — ${latest.message ?? ""}`,
    detail: events
      .slice(0, 3)
      .map((e) => `${e.reason ?? "?"} ×${eventCount(e)}: ${e.message ?? ""}`)
      .join("; "),
    severity: helped ? "info" : scopedSeverity(w, "medium"),
    observedAt: eventTime(latest),
    resource: podResource(w, latest),
    service: w.name,
    excerpt: latest.message ?? null,
  })
}

/** How long a restarted container may fail its probes while it starts, as part of that restart. */
const warmUpMs = 120_000

/**
 * A probe failing in the first minutes after its container restarted (the restart the
 * container analysis reports: an OOM kill, a crash) is that container starting up again, not a
 * failure of its own.
 */
const whileRestarting = (w: ScopedWorkload, e: KubeEvent): boolean => {
  const t = eventTime(e)
  if (t === null || e.involvedObject.kind !== "Pod") return false
  const pod = w.pods.find((p) => p.metadata.name === e.involvedObject.name)
  return (pod?.status.containerStatuses ?? []).some((c) => {
    if (c.restartCount === 0 || c.lastState?.terminated === undefined) return false
    const started = instantOf(c.state?.running?.startedAt)
    return (
      started !== null &&
      t.epochMillis >= started.epochMillis &&
      t.epochMillis - started.epochMillis <= warmUpMs
    )
  })
}

const probeOf = (message: string): string | null =>
  /^\s*(Readiness|Liveness|Startup) probe (?:failed|errored)/i.exec(message)?.[1]?.toLowerCase() ?? null

/**
 * Probes failing without (yet) killing a container. `skip`: probes whose kills the container
 * analysis already reports (`probesThatKilled`), so the same events are not a second finding.
 */
export const probeFindings = (
  w: ScopedWorkload,
  ctx: AnalysisContext,
  skip: ReadonlySet<string> = new Set(),
): ReadonlyArray<Finding> => {
  const events = about(w, ctx, (e) => e.reason === "Unhealthy" && !whileRestarting(w, e))
  const byProbe = new Map<string, Array<KubeEvent>>()
  for (const e of events) {
    const probe = probeOf(e.message ?? "") ?? "unknown"
    byProbe.set(probe, [...(byProbe.get(probe) ?? []), e])
  }
  return [...byProbe.entries()].flatMap(([probe, list]) => {
    const [latest] = list
    if (latest === undefined || skip.has(probe)) return []
    const pods = [...new Set(list.map((e) => shortPod(e.involvedObject.name ?? "")))]
    return [
      eksFinding({
        kind: "probe_failure",
        title: `${w.name}: ${probe} probe failing (${plural(total(list), "time")} on ${plural(pods.length, "pod")})`,
        detail: `${latest.message ?? ""} Pods: ${pods.join(", ")}.`,
        severity: scopedSeverity(w, "medium"),
        observedAt: eventTime(latest),
        resource: podResource(w, latest),
        service: w.name,
        excerpt: latest.message ?? null,
      }),
    ]
  })
}

const jobFailureReasons = new Set([
  "DeadlineExceeded",
  "BackoffLimitExceeded",
  "PodFailurePolicy",
  "MaxFailedIndexesExceeded",
])

/**
 * Jobs that failed (a CronJob's runs, whose pods are gone by the time anyone looks): the Job
 * controller's DeadlineExceeded / BackoffLimitExceeded events, and the CronJob controller's
 * "Saw completed job: …, status: Failed". One finding, naming the runs that failed and why.
 */
export const jobFailureFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const failed = about(
    w,
    ctx,
    (e) =>
      (e.involvedObject.kind === "Job" && jobFailureReasons.has(e.reason ?? "")) ||
      (e.involvedObject.kind === "CronJob" && /status: Failed/.test(e.message ?? "")),
  )
  const byJob = failed.filter((e) => e.involvedObject.kind === "Job")
  const [latest] = byJob.length > 0 ? byJob : failed
  if (latest === undefined) return null
  const runs = [
    ...new Set(
      failed.map((e) =>
        e.involvedObject.kind === "Job"
          ? (e.involvedObject.name ?? "")
          : (/completed job: ([\w.-]+)/.exec(e.message ?? "")?.[1] ?? ""),
      ),
    ),
  ].filter((n) => n !== "")
  const reason = byJob[0]?.reason ?? "Failed"
  const why = byJob[0]?.message ?? latest.message ?? ""
  const owner = cronJobOf(w.name) ?? w.name
  return eksFinding({
    kind: "job_failed",
    title: `${owner}: ${plural(runs.length, "Job run")} failed — ${reason}: ${why}`,
    detail: `Failed runs: ${runs.join(", ") || latest.involvedObject.name || "?"}. ${failed
      .slice(0, 4)
      .map(
        (e) =>
          `${e.involvedObject.kind ?? "?"} ${e.involvedObject.name ?? ""} ${e.reason ?? "?"}: ${e.message ?? ""}`,
      )
      .join("; ")}.`,
    severity: scopedSeverity(w, "high"),
    observedAt: eventTime(latest),
    resource: `job/${w.namespace}/${latest.involvedObject.kind === "Job" ? (latest.involvedObject.name ?? w.name) : w.name}`,
    service: owner,
    excerpt: why === "" ? null : why,
  })
}

/** " ResourceQuota payroll-quota now: requests.cpu 16/16, pods 16/40." when the quota was listed. */
const quotaStatus = (w: ScopedWorkload, refusal: QuotaRefusal, ctx: AnalysisContext): string => {
  const q = (ctx.quotas ?? []).find(
    (x) => x.metadata.name === refusal.quota && (x.metadata.namespace ?? w.namespace) === w.namespace,
  )
  if (q === undefined) return ""
  return ` ResourceQuota ${refusal.quota} (used/hard): ${quotaUsePhrase(
    q,
    refusal.resources.map((r) => r.name),
  )}.`
}

/**
 * A refusal the controller keeps retrying spans firstTimestamp…lastTimestamp: when that span
 * overlaps the evidence window it is observed at the window's end at the latest. A retry a minute
 * after the window closes (a quota still full when the cluster was read) must not move the whole
 * refusal out of the window and out of the causes.
 */
const retriedUntil = (e: KubeEvent, ctx: AnalysisContext) => {
  const last = eventTime(e)
  const first = instantOf(e.firstTimestamp) ?? last
  const end = ctx.window.end
  if (last === null || first === null) return last
  return first.epochMillis <= end.epochMillis && last.epochMillis > end.epochMillis ? end : last
}

export const failedCreateFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  // A Pod's own FailedCreate is usually the kubelet's (a container it could not create), but one
  // that states an admission refusal (a Job's pod refused by the quota) is the same refusal.
  const events = about(
    w,
    ctx,
    (e) =>
      e.reason === "FailedCreate" && (e.involvedObject.kind !== "Pod" || admissionRefusalIn(e.message ?? "")),
  )
  const [latest] = events
  if (latest === undefined) return null
  const on = `${(latest.involvedObject.kind ?? "controller").toLowerCase()} ${latest.involvedObject.name ?? ""}`
  // A namespace ResourceQuota at its hard limit is why the replicas an HPA or a rollout asks for
  // never exist: said by the quota's name and resource, not as the raw refusal (quota-refusal.ts).
  const quota = quotaRefusalOf(latest.message ?? "")
  const ready = `${w.ready}/${w.desired ?? "?"} replicas ready`
  return eksFinding({
    kind: "failed_create",
    title:
      quota === null
        ? limitRangeRefusal.test(latest.message ?? "")
          ? `${w.name}: a namespace LimitRange refuses the pods — ${on} cannot create pods (FailedCreate ×${total(events)}), ${ready} — ${latest.message ?? ""}`
          : `${w.name}: FailedCreate on ${on} — ${latest.message ?? ""}`
        : `${w.name}: namespace ResourceQuota ${quota.quota} ${quota.unspecified ? "refuses pods without" : "exceeded on"} ${quotaResourcesPhrase(quota)} — ${on} cannot create pods (FailedCreate ×${total(events)}), ${ready}`,
    detail: `The controller cannot create pods (×${total(events)}): ${latest.message ?? ""}. ${ready}.${quota === null ? "" : `${quotaStatus(w, quota, ctx)} The pods are refused at admission, before any scheduling: raise the quota's hard ${quota.resources.map((r) => r.name).join(", ")} or lower the pods' requests.`}`,
    severity: failureSeverity(w),
    observedAt: retriedUntil(latest, ctx),
    resource: `${(latest.involvedObject.kind ?? w.kind).toLowerCase()}/${w.namespace}/${latest.involvedObject.name ?? w.name}`,
    service: w.name,
    excerpt: latest.message ?? null,
  })
}
