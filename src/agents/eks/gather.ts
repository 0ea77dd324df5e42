/**
 * The eks agent's reads, in parallel under a concurrency bound, each one allowed to fail on its
 * own: a failed read is remembered as a gap (which call, which ClusterError) and replaced by an
 * empty answer, so a missing HPA permission or one absent log costs that evidence only. Logs are
 * read for the failing containers of in-scope workloads and their configured dependencies only — the container that fails, its
 * previous instance when it restarted, a bounded tail, at most two pods per container.
 */
import { Effect, Ref } from "effect"
import type { Node } from "../../domain/kubernetes.js"
import { instantOf } from "../../domain/kubernetes.js"
import type { ClusterError, ClusterService } from "../../ports/cluster.js"
import type { ContainerLog } from "./container-logs.js"
import { dependencyWorkloads } from "./dependency-workloads.js"
import type { AnalysisContext, ScopedWorkload } from "./eks-finding.js"
import { containerFailures, lastTermination } from "./pod-failures.js"
import { type ClusterSnapshot, resourceOf } from "./workloads.js"

export const concurrency = 4
export const logTailLines = 100
export const maxLogReads = 6
const podsPerContainer = 2
const statefulMembersRead = 3
/** Above this many nodes one list is cheaper than one get per node. */
const maxNodeGets = 5

export interface Gap {
  readonly call: string
  readonly error: ClusterError
  /** The investigation cannot stand without this read (the pods). */
  readonly essential: boolean
}

export interface Reader {
  readonly read: <A>(
    call: string,
    effect: Effect.Effect<A, ClusterError>,
    fallback: A,
    essential?: boolean,
  ) => Effect.Effect<A>
  readonly gaps: Effect.Effect<ReadonlyArray<Gap>>
}

export const makeReader: Effect.Effect<Reader> = Effect.map(Ref.make<ReadonlyArray<Gap>>([]), (ref) => ({
  read: (call, effect, fallback, essential = false) =>
    effect.pipe(
      Effect.catchAll((error) =>
        Ref.update(ref, (gaps) => [...gaps, { call, error, essential }]).pipe(
          Effect.zipRight(Effect.logWarning("kubernetes read failed")),
          Effect.annotateLogs({ call, reason: error.reason }),
          Effect.as(fallback),
        ),
      ),
    ),
  gaps: Ref.get(ref),
}))

export type WorkloadObjects = Omit<ClusterSnapshot, "pods" | "events">

/** Deployments, ReplicaSets, StatefulSets, DaemonSets and HPAs of each namespace. */
export const readWorkloadObjects = (
  cluster: ClusterService,
  reader: Reader,
  namespaces: ReadonlyArray<string>,
): Effect.Effect<WorkloadObjects> =>
  Effect.map(
    Effect.all(
      namespaces.map((ns) =>
        Effect.all(
          {
            deployments: reader.read(`list deployments in ${ns}`, cluster.listDeployments(ns), []),
            replicaSets: reader.read(`list replicasets in ${ns}`, cluster.listReplicaSets(ns), []),
            statefulSets: reader.read(`list statefulsets in ${ns}`, cluster.listStatefulSets(ns), []),
            daemonSets: reader.read(`list daemonsets in ${ns}`, cluster.listDaemonSets(ns), []),
            hpas: reader.read(`list horizontalpodautoscalers in ${ns}`, cluster.listHpas(ns), []),
          },
          { concurrency },
        ),
      ),
      { concurrency: 2 },
    ),
    (perNs) => ({
      deployments: perNs.flatMap((x) => x.deployments),
      replicaSets: perNs.flatMap((x) => x.replicaSets),
      statefulSets: perNs.flatMap((x) => x.statefulSets),
      daemonSets: perNs.flatMap((x) => x.daemonSets),
      hpas: perNs.flatMap((x) => x.hpas),
    }),
  )

export const readNodes = (
  cluster: ClusterService,
  reader: Reader,
  names: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<Node>> => {
  if (names.length === 0) return Effect.succeed([])
  if (names.length > maxNodeGets) {
    return Effect.map(reader.read("list nodes", cluster.listNodes(), []), (nodes) =>
      nodes.filter((n) => names.includes(n.metadata.name)),
    )
  }
  return Effect.map(
    Effect.forEach(
      names,
      (name) =>
        reader.read(
          `get node ${name}`,
          Effect.map(cluster.getNode(name), (n) => [n]),
          [],
        ),
      {
        concurrency,
      },
    ),
    (lists) => lists.flat(),
  )
}

export interface LogTarget {
  readonly workload: string
  readonly namespace: string
  readonly pod: string
  readonly container: string
  readonly previous: boolean
}

/** One running pod's main container: what a healthy-looking workload says of its own calls. */
export const runningLogTarget = (w: ScopedWorkload): ReadonlyArray<LogTarget> => {
  const running = w.pods.find((p) => p.status.phase === "Running")
  const container = running?.spec.containers[0]?.name
  return running === undefined || container === undefined
    ? []
    : [
        {
          workload: resourceOf(w),
          namespace: w.namespace,
          pod: running.metadata.name,
          container,
          previous: false,
        },
      ]
}

/**
 * Which container logs to read: crashing containers of in-scope workloads and of the workloads
 * they are configured to reach (dependency-workloads.ts), latest terminations first; for an
 * in-scope workload with nothing crashing, the current log of one running pod.
 */
export const logTargets = (
  workloads: ReadonlyArray<ScopedWorkload>,
  ctx: AnalysisContext,
): ReadonlyArray<LogTarget> => {
  const dependencies = new Set(dependencyWorkloads(workloads))
  return workloads
    .filter((w) => w.inScope || dependencies.has(w))
    .flatMap((w) => {
      const crashing = containerFailures(w, ctx)
        // A container its liveness probe killed stopped answering first; its previous instance's
        // last lines say why ("EMFILE: too many open files", a deadlock, a GC spiral).
        .filter((f) => f.category === "oom" || f.category === "crash" || f.category === "probe_kill")
        .sort(
          (a, b) =>
            (instantOf(lastTermination(b.status)?.finishedAt)?.epochMillis ?? 0) -
            (instantOf(lastTermination(a.status)?.finishedAt)?.epochMillis ?? 0),
        )
      const perContainer = new Map<string, number>()
      // Nothing crashed: the pods may still be failing every request, and say why in their own
      // current logs ("getaddrinfo ENOTFOUND …"); one running pod's main container is enough.
      // A dependency is read only for what crashed: its healthy pods' lines say nothing of ours.
      if (crashing.length === 0 && !w.inScope) return []
      if (crashing.length === 0) {
        const runningPods = w.pods.filter((p) => p.status.phase === "Running")
        const running = runningPods[0]
        const container = running?.spec.containers[0]?.name
        // A StatefulSet's members are not interchangeable — each holds its own volume and shards,
        // so the one whose disk filled says so alone: read a few members, not the first one only.
        const members =
          w.kind === "StatefulSet" && container !== undefined
            ? runningPods.slice(1, statefulMembersRead).map((p) => ({
                workload: resourceOf(w),
                namespace: w.namespace,
                pod: p.metadata.name,
                container,
                previous: false,
              }))
            : []
        // A container that exited on its own and came back: its previous instance's last lines
        // say why it died (a JVM's "Terminating due to java.lang.OutOfMemoryError", exit 3).
        const died = containerFailures(w, ctx).find((f) => f.category === "recovered" && f.cause === "crash")
        return [
          ...runningLogTarget(w),
          ...members,
          ...(died === undefined
            ? []
            : [
                {
                  workload: resourceOf(w),
                  namespace: w.namespace,
                  pod: died.pod.metadata.name,
                  container: died.status.name,
                  previous: true,
                },
              ]),
        ]
      }
      return crashing.flatMap((f) => {
        const taken = perContainer.get(f.status.name) ?? 0
        if (taken >= podsPerContainer) return []
        perContainer.set(f.status.name, taken + 1)
        return [
          {
            workload: resourceOf(w),
            namespace: w.namespace,
            pod: f.pod.metadata.name,
            container: f.status.name,
            previous: f.status.lastState?.terminated !== undefined,
          },
        ]
      })
    })
    .slice(0, maxLogReads)
}

export const readLogs = (
  cluster: ClusterService,
  reader: Reader,
  targets: ReadonlyArray<LogTarget>,
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<ContainerLog>>> =>
  Effect.map(
    Effect.forEach(
      targets,
      (t) =>
        Effect.map(
          reader.read(
            `logs ${t.namespace}/${t.pod}/${t.container}${t.previous ? "#previous" : ""}`,
            Effect.map(
              cluster.podLogs(t.namespace, t.pod, {
                container: t.container,
                previous: t.previous,
                tailLines: logTailLines,
              }),
              (text): string | null => text,
            ),
            null,
          ),
          (text) => ({ target: t, text }),
        ),
      { concurrency },
    ),
    (read) => {
      const out = new Map<string, Array<ContainerLog>>()
      for (const { target, text } of read) {
        if (text === null) continue
        const log = { pod: target.pod, container: target.container, previous: target.previous, text }
        out.set(target.workload, [...(out.get(target.workload) ?? []), log])
      }
      return out
    },
  )
