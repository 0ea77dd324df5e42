/**
 * The workloads the alert does not name that an in-scope workload is configured to reach
 * (`PG_PRIMARY_HOST=leaderboard-pg-0.leaderboard-pg.ranked.svc.cluster.local`): a database, a
 * cache, a broker running in the cluster. When one of them crash-loops, its own last lines say
 * why ("FATAL: could not write to file "pg_wal/…": No space left on device") where its pod
 * status says only "Error (exit 1)"; so their crashed containers' logs are read too
 * (gather.ts), as the in-scope ones' are. Pure.
 */
import { configuredHosts, containersOf } from "./configured-dependencies.js"
import type { ScopedWorkload } from "./eks-finding.js"

/**
 * Whether `host` names `w`: its first label is the workload or one of its pods (a StatefulSet
 * pod's own DNS name), and, for a cluster DNS name (`….svc`), the namespace is `w`'s.
 */
const names = (host: string, w: ScopedWorkload, from: ScopedWorkload): boolean => {
  const labels = host.split(".")
  const first = labels[0] ?? ""
  const own = first === w.name || w.pods.some((p) => p.metadata.name === first)
  if (!own) return false
  const svc = labels.indexOf("svc")
  // `name.ns.svc…` or `pod.service.ns.svc…`: the label before "svc" is the namespace.
  const namespace = svc > 0 ? labels[svc - 1] : labels.length === 1 ? from.namespace : null
  return namespace === null
    ? labels.length <= 2 && (labels[1] ?? w.namespace) === w.namespace
    : namespace === w.namespace
}

/** The out-of-scope workloads the in-scope ones are configured to reach, each once. */
export const dependencyWorkloads = (
  workloads: ReadonlyArray<ScopedWorkload>,
): ReadonlyArray<ScopedWorkload> => {
  const scoped = workloads.filter((w) => w.inScope)
  const reached = scoped.flatMap((from) =>
    configuredHosts(containersOf(from)).map((h) => ({ host: h.host, from })),
  )
  return workloads.filter((w) => !w.inScope && reached.some((r) => names(r.host, w, r.from)))
}
