/**
 * The dependency a service's own errors blame, when the cluster agent saw that workload failing.
 * A person's report ("the replacement sheet spins") names no service; the logs agent finds the
 * service behind it erroring against a dependency (`upstream=substitution-ranker.catalog:8080 …
 * timeout`), and the cluster agent, reading the whole cluster, finds that very workload OOMKilled —
 * but rates it low, since nothing in the alert names it. Asking the agents again about the service
 * itself finds it healthy (it only waits); asking about the dependency its errors name is what
 * explains it (follow-up-scope.ts). A failing workload the errors do not name stays out, and a
 * named dependency the cluster agent saw nothing wrong with is no redirection: the service is
 * asked about as before. Pure.
 */
import { dependencyNamesIn } from "./causes-names.js"
import type { Finding } from "./finding.js"
import { parseResource } from "./report-scope.js"

export interface DependencyScope {
  readonly service: string
  readonly namespace: string | null
  readonly workload: string | null
}

/** Workload kinds a cluster finding can be about ("deployment/catalog/substitution-ranker"). */
const workloadKinds = new Set(["deployment", "statefulset", "daemonset", "replicaset", "job", "cronjob"])

/** The workload a cluster finding is about: its service, else its resource's workload. */
const workloadOf = (f: Finding): string | null => {
  const s = f.service?.trim().toLowerCase() ?? ""
  if (s !== "") return s
  const r = parseResource(f.resource)
  return r !== null && workloadKinds.has(r.kind) ? r.name.toLowerCase() : null
}

/**
 * The scope of the first dependency `blaming`'s headline names (not its own service) that one of
 * `cluster`'s findings is about, with that workload's namespace and name; null when none is.
 */
export const failingDependencyScope = (
  blaming: Finding,
  cluster: ReadonlyArray<Finding>,
): DependencyScope | null => {
  const own = blaming.service?.trim().toLowerCase() ?? ""
  const named = dependencyNamesIn(blaming.title).filter((n) => n !== own)
  for (const dependency of named) {
    const about = cluster.filter((f) => workloadOf(f) === dependency)
    if (about.length === 0) continue
    const places = about.flatMap((f) => {
      const r = parseResource(f.resource)
      return r === null || r.namespace === null ? [] : [r]
    })
    const namespace = places[0]?.namespace ?? null
    const workload = places.find((r) => workloadKinds.has(r.kind))?.name ?? null
    return { service: dependency, namespace, workload }
  }
  return null
}
