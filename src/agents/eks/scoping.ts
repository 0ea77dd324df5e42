/**
 * Applying relevance to what was read. Before the workloads are known (an alert with no
 * namespace: every pod and event of the cluster), pods are grouped by their controller reference
 * and events by the controller they name, to choose the few namespaces worth reading workloads
 * from — the alert's matches first, then namespaces with failing pods. Once the workloads are
 * built, each is scored and marked in or out of scope, best match first. Pure.
 */
import { controllerOf, type KubeEvent, type Pod } from "../../domain/kubernetes.js"
import type { ScopedWorkload } from "./eks-finding.js"
import { type AlertTerms, type Candidate, inScopeOf, relevance, strongMatch } from "./relevance.js"
import { envValuesOf } from "./resource-users.js"
import { isPodReady, type Workload } from "./workloads.js"

export const maxNamespaces = 4

const hashLabels = new Set(["pod-template-hash", "controller-revision-hash"])

const labelValues = (pods: ReadonlyArray<Pod>): ReadonlyArray<string> => [
  ...new Set(
    pods.flatMap((p) =>
      Object.entries(p.metadata.labels).flatMap(([k, v]) => (hashLabels.has(k) ? [] : [v.toLowerCase()])),
    ),
  ),
]

const nodesOf = (pods: ReadonlyArray<Pod>): ReadonlyArray<string> => [
  ...new Set(pods.flatMap((p) => (p.spec.nodeName === undefined ? [] : [p.spec.nodeName.toLowerCase()]))),
]

export const isFailingPod = (p: Pod): boolean =>
  p.status.phase !== "Succeeded" &&
  (p.status.phase === "Pending" || p.status.phase === "Failed" || !isPodReady(p))

interface PodGroup extends Candidate {
  readonly failing: boolean
}

/** Pods grouped by controller reference (or alone), plus controllers that only events name. */
const candidatesOf = (
  pods: ReadonlyArray<Pod>,
  events: ReadonlyArray<KubeEvent>,
): ReadonlyArray<PodGroup> => {
  const groups = new Map<string, { namespace: string; name: string; pods: Array<Pod> }>()
  for (const pod of pods) {
    const namespace = pod.metadata.namespace ?? ""
    const name = controllerOf(pod.metadata)?.name ?? pod.metadata.name
    const key = `${namespace}/${name}`
    const group = groups.get(key) ?? { namespace, name, pods: [] }
    group.pods.push(pod)
    groups.set(key, group)
  }
  const fromPods = [...groups.values()].map((g) => ({
    namespace: g.namespace,
    name: g.name,
    labelValues: labelValues(g.pods),
    podNames: g.pods.map((p) => p.metadata.name.toLowerCase()),
    nodeNames: nodesOf(g.pods),
    envValues: envValuesOf(g.pods),
    failing: g.pods.some(isFailingPod),
  }))
  const fromEvents = events.flatMap((e) => {
    const kind = e.involvedObject.kind ?? ""
    const namespace = e.involvedObject.namespace ?? e.metadata.namespace
    const name = e.involvedObject.name
    if (kind === "Pod" || kind === "Node" || namespace === undefined || name === undefined) return []
    return [{ namespace, name, labelValues: [], podNames: [], nodeNames: [], failing: e.type === "Warning" }]
  })
  return [...fromPods, ...fromEvents]
}

/** The namespaces to read workloads from when the alert names none (see the module header). */
export const namespacesToRead = (
  terms: AlertTerms,
  pods: ReadonlyArray<Pod>,
  events: ReadonlyArray<KubeEvent>,
): ReadonlyArray<string> => {
  const scored = candidatesOf(pods, events).map((candidate) => ({
    candidate,
    score: relevance(terms, candidate),
  }))
  const scope = inScopeOf(terms, scored)
  const ordered = [
    ...scored.filter((s) => scope.has(s.candidate)).sort((a, b) => b.score - a.score),
    ...scored.filter((s) => !scope.has(s.candidate) && s.candidate.failing),
  ]
  return [...new Set(ordered.map((s) => s.candidate.namespace))].slice(0, maxNamespaces)
}

const candidateOf = (w: Workload): Candidate => ({
  namespace: w.namespace,
  name: w.name,
  labelValues: w.labelValues,
  podNames: w.pods.map((p) => p.metadata.name.toLowerCase()),
  nodeNames: nodesOf(w.pods),
  envValues: [
    ...envValuesOf(w.pods),
    ...(w.deployment?.spec.template.spec?.containers ?? []).flatMap((c) =>
      c.env.flatMap((e) => (typeof e.value === "string" ? [e.value] : [])),
    ),
  ],
})

/** A pod the scheduler has not placed: Pending on no node. */
export const isUnscheduled = (p: Pod): boolean =>
  p.status.phase === "Pending" && (p.spec.nodeName === undefined || p.spec.nodeName === "")

/**
 * Whether the alert is the autoscaler's (or the scheduler's) about pods it cannot place: it names
 * the cluster-autoscaler or Karpenter, or its rule speaks of unschedulable / pending pods.
 */
export const aboutUnschedulablePods = (terms: AlertTerms): boolean =>
  [...terms.names].some((n) => /^(?:cluster-autoscaler|karpenter)$/.test(n)) ||
  terms.keywords.some((k) => /unschedulable|pending-?pods|pods-?pending|pod-?pending/.test(k))

/** Workloads scored and marked in/out of scope: in scope first, best match first, then by name. */
export const scopeWorkloads = (
  terms: AlertTerms,
  workloads: ReadonlyArray<Workload>,
): ReadonlyArray<ScopedWorkload> => {
  const scored = workloads.map((workload) => {
    const candidate = candidateOf(workload)
    return { workload, candidate, score: relevance(terms, candidate) }
  })
  const named = inScopeOf(terms, scored)
  // An alert from the cluster-autoscaler about pods it cannot place names the autoscaler, not
  // them: the workloads whose pods wait unscheduled are what it is about.
  const waiting =
    aboutUnschedulablePods(terms) && !scored.some((s) => s.score >= strongMatch)
      ? scored.filter((s) => s.workload.pods.some(isUnscheduled)).map((s) => s.candidate)
      : []
  const scope = new Set([...named, ...waiting])
  return scored
    .map((s): ScopedWorkload => ({ ...s.workload, inScope: scope.has(s.candidate), relevance: s.score }))
    .sort(
      (a, b) =>
        Number(b.inScope) - Number(a.inScope) ||
        b.relevance - a.relevance ||
        `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
    )
}
