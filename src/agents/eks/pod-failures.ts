/**
 * Failing containers of one workload, read from container statuses rather than the pod phase
 * (a CrashLoopBackOff pod is `Running`). The last termination says what ended the container:
 * `oom_killed` only when the kubelet reports the reason OOMKilled — exit 137 alone is any
 * SIGKILL (a liveness kill, an eviction, a grace-period timeout, a node shutdown); the kubelet
 * killing it after failed liveness/startup probes (its `Killing` "failed liveness probe" events,
 * or `Unhealthy` probe events with a SIGKILL/SIGTERM exit) is `probe_failure`; any other exit is
 * `crash_loop` with its code and reason. Waiting reasons give `image_pull` (with the image and
 * the kubelet's pull error) and `config_error` (naming the missing Secret/ConfigMap/key); a
 * container that restarted inside the evidence window and is ready again joins the failing
 * group of the same container and cause when there is one, else it is `restarts` (low). Pods the
 * node evicted are left to evictions.ts. One finding per container and cause across the
 * workload's pods ("container pdf-renderer OOMKilled in 2/2 pods"), naming the container first
 * — in a multi-container pod the workload's name is not the failing container's. Pure.
 */

import { onsetPhrase } from "../../domain/failure-onset.js"
import type { Finding } from "../../domain/finding.js"
import type { ContainerStatus, KubeEvent, Pod } from "../../domain/kubernetes.js"
import { eventCount, eventTime, instantOf } from "../../domain/kubernetes.js"
import type { Severity } from "../../domain/severity.js"
import {
  type AnalysisContext,
  eksFinding,
  emptyNodeView,
  failureSeverity,
  hhmmss,
  latestBy,
  type NodeView,
  nodeEvents,
  plural,
  type ScopedWorkload,
  scopedSeverity,
  shortPod,
} from "./eks-finding.js"
import { isEvicted, livePods } from "./evictions.js"

/**
 * An OOM kill in every replica, again and again, is the workload's memory failing everywhere (a
 * leak each pod climbs to its limit, a limit below what it needs) — high even while the replicas
 * restart in turn and stay ready; one pod killed once stays at the capacity rule's rating.
 */
const oomSeverity = (w: ScopedWorkload, killed: number, live: number, restarts: number): Severity => {
  const rated = failureSeverity(w)
  const everywhere = w.inScope && killed >= 2 && killed >= live && restarts >= 2 * killed
  return rated === "medium" && everywhere ? "high" : rated
}

export type FailureCategory = "oom" | "probe_kill" | "crash" | "image" | "config" | "recovered"
/** What ended a container's last instance. */
export type TerminationCause = "oom" | "probe_kill" | "crash"

const imageReasons = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"])
const configReasons = new Set(["CreateContainerConfigError", "CreateContainerError"])

/** The kubelet killed the container because a probe kept failing. */
export interface ProbeKill {
  readonly probe: "liveness" | "startup"
  /** `Killing` events: "Container api failed liveness probe, will be restarted". */
  readonly killing: ReadonlyArray<KubeEvent>
  /** `Unhealthy` events of that probe: "Liveness probe failed: HTTP probe failed with statuscode: 503". */
  readonly unhealthy: ReadonlyArray<KubeEvent>
}

export interface ContainerFailure {
  readonly pod: Pod
  readonly status: ContainerStatus
  readonly category: FailureCategory
  /** What ended its last instance (recovered containers too); null when nothing terminated. */
  readonly cause: TerminationCause | null
  readonly probeKill: ProbeKill | null
}

type Terminated = NonNullable<NonNullable<ContainerStatus["state"]>["terminated"]>

/** The termination that explains the container: the last one, or the current one if it exited non-zero. */

export const lastTermination = (s: ContainerStatus): Terminated | null => {
  const current = s.state?.terminated
  if (current !== undefined && (current.exitCode ?? 0) !== 0) return current
  return s.lastState?.terminated ?? null
}

/** The OOM killer, as the kubelet reports it. Exit 137 alone is a SIGKILL from anyone. */
export const isOom = (t: Terminated): boolean => t.reason === "OOMKilled"

const probeWord = /^\s*(liveness|startup) probe (?:failed|errored)/i
const killedFor = /container (\S+) failed (liveness|startup) probe/i

/** Whether an event about the pod is about this container (kubelet events carry its fieldPath). */
const aboutContainer = (e: KubeEvent, container: string): boolean => {
  const path = e.involvedObject.fieldPath
  return (
    path === undefined ||
    path === `spec.containers{${container}}` ||
    path === `spec.initContainers{${container}}`
  )
}

const podEventsOf = (
  events: ReadonlyArray<KubeEvent>,
  pod: Pod,
  container: string,
  ctx: AnalysisContext,
): ReadonlyArray<KubeEvent> =>
  events.filter((e) => {
    const t = eventTime(e)
    return (
      e.involvedObject.kind === "Pod" &&
      e.involvedObject.name === pod.metadata.name &&
      aboutContainer(e, container) &&
      (t === null || t.epochMillis <= ctx.window.end.epochMillis)
    )
  })

/**
 * The kubelet killed `container` after failed liveness/startup probes: a `Killing` event saying so
 * (whatever the exit code), or that probe's `Unhealthy` events with a SIGKILL/SIGTERM exit.
 */
export const probeKillOf = (
  pod: Pod,
  container: string,
  term: Terminated,
  events: ReadonlyArray<KubeEvent>,
  ctx: AnalysisContext,
): ProbeKill | null => {
  if (isOom(term)) return null
  const mine = podEventsOf(events, pod, container, ctx)
  const killing = mine.filter((e) => {
    const m = e.reason === "Killing" ? killedFor.exec(e.message ?? "") : null
    return m !== null && m[1] === container
  })
  const probeOf = (e: KubeEvent): string | undefined =>
    (killedFor.exec(e.message ?? "")?.[2] ?? probeWord.exec(e.message ?? "")?.[1])?.toLowerCase()
  const unhealthyAll = mine.filter((e) => e.reason === "Unhealthy" && probeWord.test(e.message ?? ""))
  const signalled = term.exitCode === 137 || term.exitCode === 143
  if (killing.length === 0 && (!signalled || unhealthyAll.length === 0)) return null
  // A Killing event names the probe; else liveness wins over startup when both failed.
  const decisive = killing[0] ?? unhealthyAll.find((e) => probeOf(e) === "liveness") ?? unhealthyAll[0]
  const probe = decisive !== undefined && probeOf(decisive) === "startup" ? "startup" : "liveness"
  return {
    probe,
    killing: killing.filter((e) => probeOf(e) === probe),
    unhealthy: unhealthyAll.filter((e) => probeOf(e) === probe),
  }
}

const diagnose = (pod: Pod, s: ContainerStatus, events: ReadonlyArray<KubeEvent>, ctx: AnalysisContext) => {
  const waiting = s.state?.waiting?.reason ?? ""
  if (imageReasons.has(waiting)) return { category: "image" as const, cause: null, probeKill: null }
  if (configReasons.has(waiting)) return { category: "config" as const, cause: null, probeKill: null }
  const term = lastTermination(s)
  const finished = instantOf(term?.finishedAt)
  const recent = finished === null || finished.epochMillis >= ctx.window.start.epochMillis
  const probeKill = term === null ? null : probeKillOf(pod, s.name, term, events, ctx)
  const cause: TerminationCause | null =
    term === null ? null : isOom(term) ? "oom" : probeKill !== null ? "probe_kill" : "crash"
  if (s.state?.running !== undefined && s.ready) {
    // Running again after an OOM kill is not "recovered": a container killed for memory comes
    // back and climbs to its limit again (a leak shows as OOM kills hours apart, each pod in
    // turn). Any OOM kill since the change lookback began counts, so the pattern is seen whole.
    const sinceLookback = finished !== null && finished.epochMillis >= ctx.window.changesSince.epochMillis
    if (term !== null && cause === "oom" && s.restartCount > 0 && sinceLookback)
      return { category: "oom" as const, cause, probeKill }
    return term !== null && s.restartCount > 0 && finished !== null && recent
      ? { category: "recovered" as const, cause, probeKill }
      : null
  }
  if (waiting === "CrashLoopBackOff" || (term !== null && recent && !s.ready)) {
    return { category: cause ?? "crash", cause, probeKill }
  }
  return null
}

export const containerFailures = (w: ScopedWorkload, ctx: AnalysisContext): ReadonlyArray<ContainerFailure> =>
  w.pods
    .filter((pod) => !isEvicted(pod))
    .flatMap((pod) =>
      [...pod.status.initContainerStatuses, ...pod.status.containerStatuses].flatMap((status) => {
        const d = diagnose(pod, status, w.events, ctx)
        return d === null ? [] : [{ pod, status, ...d }]
      }),
    )

const exitMeaning: Readonly<Record<number, string>> = {
  1: "application error",
  126: "command not executable",
  127: "command not found",
  134: "SIGABRT",
  137: "SIGKILL",
  139: "SIGSEGV",
  143: "SIGTERM",
}

export const describeExit = (t: Terminated | null): string => {
  if (t === null) return "no recorded termination"
  const code = t.exitCode ?? "?"
  const meaning = typeof t.exitCode === "number" ? exitMeaning[t.exitCode] : undefined
  return `${t.reason ?? "exited"} (exit ${code}${meaning === undefined ? "" : `, ${meaning}`})`
}

/** Why a signal exit that is not an OOM kill happened, for the crash detail. */
const signalNote = (t: Terminated | null): string => {
  if (t === null || isOom(t)) return ""
  if (t.exitCode === 137)
    return " Exit 137 is a SIGKILL from outside the process, and the kubelet did not report OOMKilled: look for a liveness probe, an eviction, a termination grace-period timeout or a node shutdown."
  if (t.exitCode === 143)
    return " Exit 143 is a SIGTERM: something asked the container to stop (a probe, a rollout, a scale-down, a drain)."
  return ""
}

/** "secret \"db\" not found" → "Secret db not found"; "couldn't find key K in Secret ns/n" → "key K missing from Secret ns/n". */
export const missingReference = (message: string): string | null => {
  const key = /couldn't find key (\S+) in (Secret|ConfigMap) ([\w.-]+(?:\/[\w.-]+)?)/i.exec(message)
  if (key !== null) return `key ${key[1]} missing from ${key[2]} ${key[3]}`
  const object = /\b(secret|configmap)s? "([^"]+)" not found/i.exec(message)
  if (object?.[1] !== undefined)
    return `${object[1].toLowerCase() === "secret" ? "Secret" : "ConfigMap"} ${object[2]} not found`
  return null
}

const podEvents = (
  w: ScopedWorkload,
  pods: ReadonlyArray<Pod>,
  reasons: ReadonlyArray<string>,
): ReadonlyArray<KubeEvent> => {
  const names = new Set(pods.map((p) => p.metadata.name))
  return w.events
    .filter(
      (e) =>
        e.involvedObject.kind === "Pod" &&
        names.has(e.involvedObject.name ?? "") &&
        reasons.includes(e.reason ?? ""),
    )
    .sort((a, b) => (eventTime(b)?.epochMillis ?? 0) - (eventTime(a)?.epochMillis ?? 0))
}

/**
 * " Failing since <first BackOff>." — when the loop began, so a loop that predates a person's
 * report by hours reads as background there (causes-background.ts). The kubelet keeps updating
 * one BackOff event per container, so its firstTimestamp outlives the event TTL.
 */
const crashLoopOnset = (w: ScopedWorkload, pods: ReadonlyArray<Pod>, container: string): string => {
  const firsts = podEvents(w, pods, ["BackOff"])
    .filter((e) => aboutContainer(e, container))
    .flatMap((e) => instantOf(e.firstTimestamp) ?? [])
    .sort((a, b) => a.epochMillis - b.epochMillis)
  return firsts[0] === undefined ? "" : ` ${onsetPhrase(firsts[0]).replace(/^f/, "F")} (first BackOff).`
}

const newestFirst = (events: ReadonlyArray<KubeEvent>): ReadonlyArray<KubeEvent> =>
  [...events].sort((a, b) => (eventTime(b)?.epochMillis ?? 0) - (eventTime(a)?.epochMillis ?? 0))

const total = (events: ReadonlyArray<KubeEvent>): number => events.reduce((n, e) => n + eventCount(e), 0)

/** "; the other container invoice-engine is running and ready" for a multi-container pod. */
const siblingsNote = (pod: Pod | undefined, container: string): string => {
  if (pod === undefined) return ""
  const names = [
    ...pod.spec.containers.map((c) => c.name),
    ...pod.status.containerStatuses.map((s) => s.name),
  ]
  const others = [...new Set(names)].filter((n) => n !== container)
  if (others.length === 0) return ""
  const ready = others.filter((n) => pod.status.containerStatuses.find((s) => s.name === n)?.ready === true)
  const of = `one of ${others.length + 1} containers in the pod`
  if (ready.length === 0) return ` (${of})`
  const verb = ready.length === 1 ? "is" : "are"
  return ` (${of}; ${ready.length === 1 ? "the other container" : "the other containers"} ${ready.join(", ")} ${verb} running and ready)`
}

/** The node kernel's OOM kills on the nodes of `pods` (node-problem-detector `OOMKilling`). */
const kernelOomNote = (pods: ReadonlyArray<Pod>, view: NodeView, ctx: AnalysisContext): string => {
  const nodes = [...new Set(pods.flatMap((p) => p.spec.nodeName ?? []))].sort()
  const notes = nodes.flatMap((n) => {
    const [latest, ...rest] = newestFirst(
      nodeEvents(view, n).filter((e) => {
        const t = eventTime(e)
        return (
          (e.reason === "OOMKilling" || e.reason === "SystemOOM") &&
          (t === null || t.epochMillis >= ctx.window.start.epochMillis)
        )
      }),
    )
    if (latest === undefined) return []
    return [
      `node ${n} reports ${latest.reason} ×${total([latest, ...rest])}: ${(latest.message ?? "").slice(0, 200)}`,
    ]
  })
  return notes.length === 0 ? "" : ` The kernel confirms it: ${notes.join("; ")}.`
}

const groupFindings = (
  w: ScopedWorkload,
  container: string,
  category: FailureCategory,
  hits: ReadonlyArray<ContainerFailure>,
  ctx: AnalysisContext,
  view: NodeView,
): Finding => {
  const pods = [...new Set(hits.map((h) => h.pod))]
  const restarts = hits.reduce((n, h) => n + h.status.restartCount, 0)
  const byTime = [...hits].sort(
    (a, b) =>
      (instantOf(lastTermination(b.status)?.finishedAt)?.epochMillis ?? 0) -
      (instantOf(lastTermination(a.status)?.finishedAt)?.epochMillis ?? 0),
  )
  const failing = byTime.filter((h) => h.category !== "recovered")
  const latest = failing[0] ?? byTime[0] ?? hits[0]
  const term = latest === undefined ? null : lastTermination(latest.status)
  const finishedAt = latestBy(
    hits.map((h) => instantOf(lastTermination(h.status)?.finishedAt)),
    ctx.window.end,
  )
  const waiting = latest?.status.state?.waiting
  const share = `${pods.length}/${plural(Math.max(livePods(w).length, pods.length), "pod")}`
  const mixed = hits.some((h) => h.category === "recovered") && hits.some((h) => h.category !== "recovered")
  const podList = hits.map((h) => {
    const now = !mixed
      ? ""
      : h.category === "recovered"
        ? ", running again"
        : h.status.state?.waiting?.reason === undefined
          ? ", not ready"
          : `, now ${h.status.state.waiting.reason}`
    return `${shortPod(h.pod.metadata.name)} (${plural(h.status.restartCount, "restart")}${now})`
  })
  const spec = latest?.pod.spec
  const limit = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find(
    (c) => c.name === container,
  )?.resources.limits.memory
  // A native sidecar (an init container restarted Always) killed is not the app: say which it is.
  const sidecar =
    spec?.initContainers.some((c) => c.name === container && c.restartPolicy === "Always") === true
  const role = sidecar ? "sidecar container" : "container"
  const capacity = w.desired === null || w.kind === "Pod" ? "" : ` ${w.ready}/${w.desired} replicas ready.`
  const resource = latest === undefined ? null : `pod/${w.namespace}/${latest.pod.metadata.name}`
  const base = { resource, service: w.name, excerpt: waiting?.message ?? term?.message ?? null }
  const when = finishedAt === null ? "" : ` at ${hhmmss(finishedAt)}`
  const state = waiting?.reason === undefined ? "" : `; now ${waiting.reason}`
  const siblings = siblingsNote(latest?.pod, container)
  const subject = `Container ${container}${siblings}`
  switch (category) {
    case "oom":
      return eksFinding({
        ...base,
        kind: "oom_killed",
        title: `${w.name}: ${role} ${container} OOMKilled in ${share}${limit === undefined ? "" : ` (memory limit ${limit})`}, ${plural(restarts, "restart")}`,
        detail: `${subject} was OOMKilled in pods ${podList.join(", ")}. Last termination: ${describeExit(term)}${when}${state}.${capacity}${kernelOomNote(pods, view, ctx)}`,
        severity: oomSeverity(w, pods.length, Math.max(livePods(w).length, pods.length), restarts),
        observedAt: finishedAt,
      })
    case "probe_kill": {
      const kills = hits.flatMap((h) => (h.probeKill === null ? [] : [h.probeKill]))
      const probe = kills[0]?.probe ?? "liveness"
      const unhealthy = newestFirst(
        w.events.filter(
          (e) =>
            e.reason === "Unhealthy" &&
            e.involvedObject.kind === "Pod" &&
            aboutContainer(e, container) &&
            probeWord.exec(e.message ?? "")?.[1]?.toLowerCase() === probe,
        ),
      )
      const killing = newestFirst(kills.flatMap((k) => k.killing))
      const failedOn = new Set(unhealthy.map((e) => e.involvedObject.name)).size
      const said = unhealthy[0]?.message ?? null
      const probeText =
        said === null ? "" : ` "${said}" (Unhealthy ×${total(unhealthy)} on ${plural(failedOn, "pod")})`
      const killText =
        killing[0] === undefined ? "" : `; Killing ×${total(killing)}: "${killing[0].message ?? ""}"`
      return eksFinding({
        ...base,
        kind: "probe_failure",
        title: `${w.name}: container ${container} killed by the kubelet after failed ${probe} probes in ${share} (${term?.reason ?? "exit"}, exit ${term?.exitCode ?? "?"}), ${plural(restarts, "restart")}`,
        detail: `The kubelet killed and restarted ${subject.charAt(0).toLowerCase()}${subject.slice(1)} because its ${probe} probe kept failing:${probeText}${killText}. Last termination: ${describeExit(term)}${when}${state} — reason ${term?.reason ?? "unknown"}, not OOMKilled: the SIGKILL came from the kubelet acting on the probe. Pods: ${podList.join(", ")}.${capacity}`,
        severity: failureSeverity(w),
        observedAt: latestBy([finishedAt, ...killing.map(eventTime)], ctx.window.end),
        excerpt: said ?? base.excerpt,
      })
    }
    case "crash": {
      const what = waiting?.reason === "CrashLoopBackOff" ? "CrashLoopBackOff" : "crashing"
      const since = crashLoopOnset(w, pods, container)
      return eksFinding({
        ...base,
        kind: "crash_loop",
        title: `${w.name}: container ${container} ${what} in ${share} (${describeExit(term)}), ${plural(restarts, "restart")}`,
        detail: `${subject} in pods ${podList.join(", ")}. Last termination: ${describeExit(term)}${when}${state}.${signalNote(term)}${capacity}${since}`,
        severity: failureSeverity(w),
        observedAt: finishedAt,
      })
    }
    case "image": {
      const image =
        latest?.status.image ?? latest?.pod.spec.containers.find((c) => c.name === container)?.image ?? "?"
      // The kubelet's reason for the failed pull (401 from the registry, manifest unknown, …)
      // says why; "Back-off pulling image" only that it keeps trying.
      const pulls = podEvents(w, pods, ["Failed", "ErrImagePull", "BackOff"]).filter((e) =>
        /image/i.test(e.message ?? ""),
      )
      const event =
        pulls.find(
          (e) =>
            e.reason !== "BackOff" &&
            /failed to pull|denied|not found|unauthori|forbidden|manifest|toomanyrequests|\b40[1349]\b/i.test(
              e.message ?? "",
            ),
        ) ?? pulls[0]
      const message = event?.message ?? waiting?.message ?? ""
      return eksFinding({
        ...base,
        kind: "image_pull",
        title: `${w.name}: container ${container} ${waiting?.reason ?? "ImagePullBackOff"} in ${share} (image ${image})`,
        detail: `The kubelet cannot pull ${image} for container ${container}${message === "" ? "" : `: ${message}`}. Pods: ${podList.join(", ")}.${capacity}`,
        severity: failureSeverity(w),
        observedAt: event === undefined ? null : eventTime(event),
        excerpt: message === "" ? null : message,
      })
    }
    case "config": {
      const events = podEvents(w, pods, ["Failed"])
      const messages = [waiting?.message ?? "", ...events.map((e) => e.message ?? "")]
      const missing = messages.map(missingReference).find((m) => m !== null) ?? null
      const message = messages.find((m) => m !== "") ?? ""
      return eksFinding({
        ...base,
        kind: "config_error",
        title: `${w.name}: container ${container} ${waiting?.reason ?? "CreateContainerConfigError"} in ${share}${missing === null ? "" : ` — ${missing}`}`,
        detail: `Container ${container} cannot be created: ${message || "no message recorded"}. Pods: ${podList.join(", ")}.${capacity}`,
        severity: failureSeverity(w),
        observedAt: events[0] === undefined ? null : eventTime(events[0]),
        excerpt: message === "" ? null : message,
      })
    }
    case "recovered": {
      const probe = hits.find((h) => h.probeKill !== null)?.probeKill?.probe
      const after = probe === undefined ? "" : ` after failed ${probe} probes`
      return eksFinding({
        ...base,
        kind: "restarts",
        title: `${w.name}: container ${container} restarted and recovered (${plural(restarts, "restart")})`,
        detail: `Last termination: ${describeExit(term)}${after}${when}; running and ready again. Pods: ${podList.join(", ")}.`,
        severity: scopedSeverity(w, "low"),
        observedAt: finishedAt,
      })
    }
  }
}

const order: ReadonlyArray<FailureCategory> = ["oom", "probe_kill", "crash", "image", "config", "recovered"]

const keyOf = (category: FailureCategory, container: string): string =>
  `${order.indexOf(category)}/${container}`

/**
 * Findings for every failing container of the workload, worst category first; a container that
 * recovered joins the failing group of the same container and cause.
 */
export const podFailureFindings = (
  w: ScopedWorkload,
  ctx: AnalysisContext,
  view: NodeView = emptyNodeView,
): ReadonlyArray<Finding> => {
  const failures = containerFailures(w, ctx)
  const groups = new Map<string, Array<ContainerFailure>>()
  const add = (key: string, f: ContainerFailure) => groups.set(key, [...(groups.get(key) ?? []), f])
  for (const f of failures) if (f.category !== "recovered") add(keyOf(f.category, f.status.name), f)
  for (const f of failures) {
    if (f.category !== "recovered") continue
    const joined = f.cause === null ? null : keyOf(f.cause, f.status.name)
    add(joined !== null && groups.has(joined) ? joined : keyOf("recovered", f.status.name), f)
  }
  return [...groups.keys()].sort().flatMap((key) => {
    const hits = groups.get(key) ?? []
    const first = hits[0]
    return first === undefined ? [] : [groupFindings(w, first.status.name, first.category, hits, ctx, view)]
  })
}

/** The probes whose failures killed failing (not recovered) containers of the workload. */
export const probesThatKilled = (w: ScopedWorkload, ctx: AnalysisContext): ReadonlySet<string> =>
  new Set(
    containerFailures(w, ctx).flatMap((f) =>
      f.category === "probe_kill" && f.probeKill !== null ? [f.probeKill.probe] : [],
    ),
  )
