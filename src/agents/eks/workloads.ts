/**
 * Workloads from raw objects, by ownership only: Pod → ReplicaSet → Deployment (and Pod →
 * StatefulSet / DaemonSet / Job) through `ownerReferences` with `controller: true`, matched by
 * uid (by the reference's own kind and name only when a hand-written object has no uid) — never
 * by name prefixes, which is how the original agent mixed up `api` and `api-gateway`. A pod with
 * no controller is its own workload. Each workload carries its pods, ReplicaSets, HPA and the
 * events about any of them, so analyzers look at one workload at a time. Pure.
 */
import { cronJobOf } from "../../domain/alert-facts-names.js"
import {
  controllerOf,
  type KubeEvent,
  type ObjectMeta,
  type OwnerReference,
  type Pod,
} from "../../domain/kubernetes.js"
import type {
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  ReplicaSet,
  StatefulSet,
} from "../../domain/kubernetes-workloads.js"

export interface ClusterSnapshot {
  readonly pods: ReadonlyArray<Pod>
  readonly events: ReadonlyArray<KubeEvent>
  readonly deployments: ReadonlyArray<Deployment>
  readonly replicaSets: ReadonlyArray<ReplicaSet>
  readonly statefulSets: ReadonlyArray<StatefulSet>
  readonly daemonSets: ReadonlyArray<DaemonSet>
  readonly hpas: ReadonlyArray<HorizontalPodAutoscaler>
}

export const emptySnapshot: ClusterSnapshot = {
  pods: [],
  events: [],
  deployments: [],
  replicaSets: [],
  statefulSets: [],
  daemonSets: [],
  hpas: [],
}

export interface Workload {
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, … or Pod for a pod without a controller. */
  readonly kind: string
  readonly namespace: string
  readonly name: string
  /** Desired replicas; null when the controller object was not read. */
  readonly desired: number | null
  readonly ready: number
  readonly pods: ReadonlyArray<Pod>
  readonly deployment: Deployment | null
  /** The Deployment's own ReplicaSets (by controller uid), every revision. */
  readonly replicaSets: ReadonlyArray<ReplicaSet>
  readonly hpa: HorizontalPodAutoscaler | null
  /** Events about the workload, its ReplicaSets, its pods or its HPA. */
  readonly events: ReadonlyArray<KubeEvent>
  /** Label values of the workload and its pods (for relevance), hashes left out. */
  readonly labelValues: ReadonlyArray<string>
}

const nsOf = (meta: ObjectMeta): string => meta.namespace ?? ""

/** Does `ref` point at the object with this metadata (and kind)? uid when both have one. */
export const refersTo = (ref: OwnerReference, kind: string, meta: ObjectMeta): boolean =>
  ref.kind === kind &&
  (ref.uid !== undefined && meta.uid !== undefined ? ref.uid === meta.uid : ref.name === meta.name)

/** Whether `labels` carry every pair of `selector` (a label selector's `matchLabels`). */
export const selects = (
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean => Object.entries(selector).every(([k, v]) => labels[k] === v)

export const isPodReady = (pod: Pod): boolean => {
  const ready = pod.status.conditions.find((c) => c.type === "Ready")
  if (ready !== undefined) return ready.status === "True"
  const statuses = pod.status.containerStatuses
  return statuses.length > 0 && statuses.every((s) => s.ready)
}

const hashLabels = new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
])

const labelValuesOf = (metas: ReadonlyArray<Readonly<Record<string, string>>>): ReadonlyArray<string> => [
  ...new Set(
    metas.flatMap((labels) =>
      Object.entries(labels).flatMap(([k, v]) => (hashLabels.has(k) || v === "" ? [] : [v.toLowerCase()])),
    ),
  ),
]

const involves = (e: KubeEvent, namespace: string, kind: string, names: ReadonlySet<string>): boolean =>
  e.involvedObject.kind === kind &&
  names.has(e.involvedObject.name ?? "") &&
  (e.involvedObject.namespace ?? nsOf(e.metadata)) === namespace

interface Draft {
  readonly kind: string
  readonly namespace: string
  readonly name: string
  readonly desired: number | null
  readonly readyFromStatus: number | null
  readonly deployment: Deployment | null
  readonly replicaSets: ReadonlyArray<ReplicaSet>
  readonly labels: ReadonlyArray<Readonly<Record<string, string>>>
  readonly pods: Array<Pod>
}

export const buildWorkloads = (s: ClusterSnapshot): ReadonlyArray<Workload> => {
  const drafts = new Map<string, Draft>()
  const add = (d: Omit<Draft, "pods">): Draft => {
    const key = `${d.kind}/${d.namespace}/${d.name}`
    const existing = drafts.get(key)
    if (existing !== undefined) return existing
    const draft = { ...d, pods: [] }
    drafts.set(key, draft)
    return draft
  }
  const byController = new Map<ReplicaSet, Draft>()
  for (const d of s.deployments) {
    const owned = s.replicaSets.filter((rs) => {
      const owner = controllerOf(rs.metadata)
      return (
        owner !== null && nsOf(rs.metadata) === nsOf(d.metadata) && refersTo(owner, "Deployment", d.metadata)
      )
    })
    const draft = add({
      kind: "Deployment",
      namespace: nsOf(d.metadata),
      name: d.metadata.name,
      desired: d.spec.replicas ?? 1,
      readyFromStatus: d.status.readyReplicas ?? 0,
      deployment: d,
      replicaSets: owned,
      labels: [d.metadata.labels, d.spec.template.metadata?.labels ?? {}],
    })
    for (const rs of owned) byController.set(rs, draft)
  }
  const controllers = [
    ...s.statefulSets.map((o) => ({
      kind: "StatefulSet",
      meta: o.metadata,
      desired: o.spec?.replicas ?? 1,
      ready: o.status?.readyReplicas ?? 0,
    })),
    ...s.daemonSets.map((o) => ({
      kind: "DaemonSet",
      meta: o.metadata,
      desired: o.status?.desiredNumberScheduled ?? 0,
      ready: o.status?.numberReady ?? 0,
    })),
  ]
  for (const c of controllers) {
    add({
      kind: c.kind,
      namespace: nsOf(c.meta),
      name: c.meta.name,
      desired: c.desired,
      readyFromStatus: c.ready,
      deployment: null,
      replicaSets: [],
      labels: [c.meta.labels],
    })
  }
  /**
   * A pod recorded without its ownerReferences (an export, a hand-written manifest) still belongs
   * to the controller whose pods it is named and labelled as: `<deployment>-<hash>-<suffix>`,
   * `<statefulset>-<ordinal>`, `<daemonset>-<suffix>` (a Deployment's also with its template's labels).
   */
  const adoptedBy = (pod: (typeof s.pods)[number]): Draft | undefined => {
    const ns = nsOf(pod.metadata)
    const labels = pod.metadata.labels
    const named = (name: string, rest: RegExp) =>
      pod.metadata.name.startsWith(`${name}-`) && rest.test(pod.metadata.name.slice(name.length + 1))
    const labelled = (template: Readonly<Record<string, string>>) => selects(template, labels)
    const deployment = s.deployments.find(
      (d) =>
        nsOf(d.metadata) === ns &&
        named(d.metadata.name, /^[a-z0-9]{5,10}-[a-z0-9]{5}$/) &&
        labelled(d.spec.template.metadata?.labels ?? {}),
    )
    if (deployment !== undefined) return drafts.get(`Deployment/${ns}/${deployment.metadata.name}`)
    const controller = controllers.find(
      (c) => nsOf(c.meta) === ns && named(c.meta.name, c.kind === "StatefulSet" ? /^\d+$/ : /^[a-z0-9]{5}$/),
    )
    return controller === undefined
      ? undefined
      : drafts.get(`${controller.kind}/${ns}/${controller.meta.name}`)
  }
  for (const pod of s.pods) {
    const ns = nsOf(pod.metadata)
    const owner = controllerOf(pod.metadata)
    const rs =
      owner === null
        ? undefined
        : s.replicaSets.find((r) => nsOf(r.metadata) === ns && refersTo(owner, "ReplicaSet", r.metadata))
    const viaRs = rs === undefined ? undefined : byController.get(rs)
    const known =
      owner === null
        ? undefined
        : controllers.find((c) => nsOf(c.meta) === ns && refersTo(owner, c.kind, c.meta))
    // A ReplicaSet we were not given still names its Deployment: `<deployment>-<pod-template-hash>`.
    const deploymentName =
      rs === undefined && owner?.kind === "ReplicaSet" ? deploymentOf(owner.name, pod) : null
    const draft =
      viaRs ??
      (known !== undefined ? drafts.get(`${known.kind}/${ns}/${known.meta.name}`) : undefined) ??
      (deploymentName === null ? undefined : drafts.get(`Deployment/${ns}/${deploymentName}`)) ??
      (owner === null ? adoptedBy(pod) : undefined) ??
      add({
        kind: deploymentName === null ? (owner?.kind ?? "Pod") : "Deployment",
        namespace: ns,
        name: deploymentName ?? owner?.name ?? pod.metadata.name,
        desired: rs?.spec.replicas ?? null,
        // The ReplicaSet's own count, when it states one: the pods listed may be only some of
        // its pods (one named in an event), and a partial list must not read as unready replicas.
        readyFromStatus: rs?.status?.readyReplicas ?? null,
        deployment: null,
        replicaSets: rs === undefined ? [] : [rs],
        labels: [],
      })
    draft.pods.push(pod)
  }
  return [...drafts.values()].map((d) => finish(d, s))
}

/** The Deployment a ReplicaSet's name belongs to: its name without the pods' template hash. */
const deploymentOf = (
  replicaSet: string,
  pod: { readonly metadata: { readonly labels?: Readonly<Record<string, string>> | undefined } },
): string | null => {
  const hash = pod.metadata.labels?.["pod-template-hash"]
  if (hash !== undefined && hash !== "" && replicaSet.endsWith(`-${hash}`))
    return replicaSet.slice(0, -(hash.length + 1)) || null
  return /^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/.exec(replicaSet)?.[1] ?? null
}

const finish = (d: Draft, s: ClusterSnapshot): Workload => {
  const readyPods = d.pods.filter(isPodReady).length
  const names = (kind: string) =>
    new Set(
      kind === "Pod"
        ? d.pods.map((p) => p.metadata.name)
        : kind === "ReplicaSet"
          ? d.replicaSets.map((r) => r.metadata.name)
          : [d.name],
    )
  const hpa =
    s.hpas.find(
      (h) =>
        nsOf(h.metadata) === d.namespace &&
        h.spec.scaleTargetRef.kind === d.kind &&
        h.spec.scaleTargetRef.name === d.name,
    ) ?? null
  const rsNames = names("ReplicaSet")
  if (d.kind === "ReplicaSet") rsNames.add(d.name)
  // A CronJob's run (`<cronjob>-<8+ digits>`) is read with its siblings and its CronJob: the
  // failed runs before it (deleted pods, their Jobs' DeadlineExceeded) are why it is alerting.
  const cronBase = d.kind === "Job" ? cronJobOf(d.name) : null
  const isRunOf = (e: KubeEvent): boolean =>
    cronBase !== null &&
    (e.involvedObject.namespace ?? nsOf(e.metadata)) === d.namespace &&
    ((e.involvedObject.kind === "CronJob" && e.involvedObject.name === cronBase) ||
      (e.involvedObject.kind === "Job" && cronJobOf(e.involvedObject.name ?? "") === cronBase))
  const events = s.events.filter(
    (e) =>
      involves(e, d.namespace, d.kind, new Set([d.name])) ||
      isRunOf(e) ||
      involves(e, d.namespace, "ReplicaSet", rsNames) ||
      involves(e, d.namespace, "Pod", names("Pod")) ||
      (hpa !== null && involves(e, d.namespace, "HorizontalPodAutoscaler", new Set([hpa.metadata.name]))),
  )
  return {
    kind: d.kind,
    namespace: d.namespace,
    name: d.name,
    desired:
      d.desired ?? (d.kind === "Pod" || d.kind === "Job" || d.kind === "ReplicaSet" ? d.pods.length : null),
    ready: d.readyFromStatus ?? readyPods,
    pods: d.pods,
    deployment: d.deployment,
    replicaSets: d.replicaSets,
    hpa,
    events,
    labelValues: labelValuesOf([...d.labels, ...d.pods.map((p) => p.metadata.labels)]),
  }
}

/** `deployment/<ns>/<name>`, `statefulset/<ns>/<name>`, `pod/<ns>/<name>`, … (finding-kinds.ts conventions). */
export const resourceOf = (w: Pick<Workload, "kind" | "namespace" | "name">): string =>
  `${w.kind.toLowerCase()}/${w.namespace}/${w.name}`
