/**
 * Failing containers of one workload, read from container statuses rather than the pod phase
 * (a CrashLoopBackOff pod is `Running`): the last termination decides between `oom_killed`
 * (OOMKilled / exit 137) and `crash_loop` (any other exit, with its code and reason); waiting
 * reasons give `image_pull` (with the image and the kubelet's pull error) and `config_error`
 * (naming the missing Secret/ConfigMap/key); a container that restarted inside the evidence
 * window and is ready again is `restarts` (low). One finding per container and failure, across
 * the workload's pods ("2/2 pods OOMKilled"), not one per pod. Pure.
 */

import type { Finding } from "../../domain/finding.js"
import type { ContainerStatus, KubeEvent, Pod } from "../../domain/kubernetes.js"
import { eventTime, instantOf } from "../../domain/kubernetes.js"
import {
  type AnalysisContext,
  eksFinding,
  failureSeverity,
  hhmmss,
  latestBy,
  plural,
  type ScopedWorkload,
  scopedSeverity,
  shortPod,
} from "./eks-finding.js"

export type FailureCategory = "oom" | "crash" | "image" | "config" | "recovered"

const imageReasons = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"])
const configReasons = new Set(["CreateContainerConfigError", "CreateContainerError"])

export interface ContainerFailure {
  readonly pod: Pod
  readonly status: ContainerStatus
  readonly category: FailureCategory
}

type Terminated = NonNullable<NonNullable<ContainerStatus["state"]>["terminated"]>

/** The termination that explains the container: the last one, or the current one if it exited non-zero. */
export const lastTermination = (s: ContainerStatus): Terminated | null => {
  const current = s.state?.terminated
  if (current !== undefined && (current.exitCode ?? 0) !== 0) return current
  return s.lastState?.terminated ?? null
}

export const isOom = (t: Terminated): boolean => t.reason === "OOMKilled" || t.exitCode === 137

/** What is wrong with one container, if anything (see the module header). */
export const classifyContainer = (s: ContainerStatus, ctx: AnalysisContext): FailureCategory | null => {
  const waiting = s.state?.waiting?.reason ?? ""
  if (imageReasons.has(waiting)) return "image"
  if (configReasons.has(waiting)) return "config"
  const term = lastTermination(s)
  const finished = instantOf(term?.finishedAt)
  const recent = finished === null || finished.epochMillis >= ctx.window.start.epochMillis
  if (s.state?.running !== undefined && s.ready) {
    return term !== null && s.restartCount > 0 && finished !== null && recent ? "recovered" : null
  }
  if (waiting === "CrashLoopBackOff" || (term !== null && recent && !s.ready)) {
    return term !== null && isOom(term) ? "oom" : "crash"
  }
  return null
}

export const containerFailures = (w: ScopedWorkload, ctx: AnalysisContext): ReadonlyArray<ContainerFailure> =>
  w.pods.flatMap((pod) =>
    [...pod.status.initContainerStatuses, ...pod.status.containerStatuses].flatMap((status) => {
      const category = classifyContainer(status, ctx)
      return category === null ? [] : [{ pod, status, category }]
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

const describeExit = (t: Terminated | null): string => {
  if (t === null) return "no recorded termination"
  const code = t.exitCode ?? "?"
  const meaning = typeof t.exitCode === "number" ? exitMeaning[t.exitCode] : undefined
  return `${t.reason ?? "exited"} (exit ${code}${meaning === undefined ? "" : `, ${meaning}`})`
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

const groupFindings = (
  w: ScopedWorkload,
  container: string,
  category: FailureCategory,
  hits: ReadonlyArray<ContainerFailure>,
  ctx: AnalysisContext,
): Finding => {
  const pods = [...new Set(hits.map((h) => h.pod))]
  const restarts = hits.reduce((n, h) => n + h.status.restartCount, 0)
  const byTime = [...hits].sort(
    (a, b) =>
      (instantOf(lastTermination(b.status)?.finishedAt)?.epochMillis ?? 0) -
      (instantOf(lastTermination(a.status)?.finishedAt)?.epochMillis ?? 0),
  )
  const latest = byTime[0] ?? hits[0]
  const term = latest === undefined ? null : lastTermination(latest.status)
  const finishedAt = latestBy(
    hits.map((h) => instantOf(lastTermination(h.status)?.finishedAt)),
    ctx.window.end,
  )
  const waiting = latest?.status.state?.waiting
  const share = `${pods.length}/${plural(w.pods.length, "pod")}`
  const podList = hits.map(
    (h) => `${shortPod(h.pod.metadata.name)} (${plural(h.status.restartCount, "restart")})`,
  )
  const limit = latest?.pod.spec.containers.find((c) => c.name === container)?.resources.limits.memory
  const capacity = w.desired === null || w.kind === "Pod" ? "" : ` ${w.ready}/${w.desired} replicas ready.`
  const resource = latest === undefined ? null : `pod/${w.namespace}/${latest.pod.metadata.name}`
  const base = { resource, service: w.name, excerpt: waiting?.message ?? term?.message ?? null }
  const when = finishedAt === null ? "" : ` at ${hhmmss(finishedAt)}`
  const state = waiting?.reason === undefined ? "" : `; now ${waiting.reason}`
  switch (category) {
    case "oom":
    case "crash": {
      const what =
        category === "oom"
          ? "OOMKilled"
          : waiting?.reason === "CrashLoopBackOff"
            ? "CrashLoopBackOff"
            : "crashing"
      const why =
        category === "oom"
          ? `${limit === undefined ? "" : `, memory limit ${limit}`}`
          : `, ${describeExit(term)}`
      return eksFinding({
        ...base,
        kind: category === "oom" ? "oom_killed" : "crash_loop",
        title: `${w.name}: ${share} ${what} (container ${container}${why}), ${plural(restarts, "restart")}`,
        detail: `Last termination: ${describeExit(term)}${when}${state}. Pods: ${podList.join(", ")}.${capacity}`,
        severity: failureSeverity(w),
        observedAt: finishedAt,
      })
    }
    case "image": {
      const image =
        latest?.status.image ?? latest?.pod.spec.containers.find((c) => c.name === container)?.image ?? "?"
      const event = podEvents(w, pods, ["Failed", "ErrImagePull", "BackOff"]).find((e) =>
        /image/i.test(e.message ?? ""),
      )
      const message = event?.message ?? waiting?.message ?? ""
      return eksFinding({
        ...base,
        kind: "image_pull",
        title: `${w.name}: ${share} ${waiting?.reason ?? "ImagePullBackOff"} (container ${container}, image ${image})`,
        detail: `The kubelet cannot pull ${image}${message === "" ? "" : `: ${message}`}. Pods: ${podList.join(", ")}.${capacity}`,
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
        title: `${w.name}: ${share} ${waiting?.reason ?? "CreateContainerConfigError"} (container ${container})${missing === null ? "" : ` — ${missing}`}`,
        detail: `The container cannot be created: ${message || "no message recorded"}. Pods: ${podList.join(", ")}.${capacity}`,
        severity: failureSeverity(w),
        observedAt: events[0] === undefined ? null : eventTime(events[0]),
        excerpt: message === "" ? null : message,
      })
    }
    case "recovered":
      return eksFinding({
        ...base,
        kind: "restarts",
        title: `${w.name}: container ${container} restarted and recovered (${plural(restarts, "restart")})`,
        detail: `Last termination: ${describeExit(term)}${when}; running and ready again. Pods: ${podList.join(", ")}.`,
        severity: scopedSeverity(w, "low"),
        observedAt: finishedAt,
      })
  }
}

const order: ReadonlyArray<FailureCategory> = ["oom", "crash", "image", "config", "recovered"]

/** Findings for every failing container of the workload, worst category first. */
export const podFailureFindings = (w: ScopedWorkload, ctx: AnalysisContext): ReadonlyArray<Finding> => {
  const groups = new Map<string, Array<ContainerFailure>>()
  for (const f of containerFailures(w, ctx)) {
    const key = `${order.indexOf(f.category)}/${f.status.name}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return [...groups.keys()].sort().flatMap((key) => {
    const hits = groups.get(key) ?? []
    const first = hits[0]
    return first === undefined ? [] : [groupFindings(w, first.status.name, first.category, hits, ctx)]
  })
}
