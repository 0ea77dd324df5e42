/**
 * How the EKS control plane's lines relate to an alert about one workload (log-control-plane.ts):
 * a controller/scheduler/apiserver line naming the alert's `<namespace>/<name>` is that
 * workload's own failure seen by the platform (in scope), and a metrics APIService those in-scope
 * lines read through (`pods.metrics.k8s.io` → `v1beta1.metrics.k8s.io`) failing is what they
 * depend on (a dependency, rated like the workload's own lines). An APIService failing with no
 * in-scope line reading it stays unrelated: nothing ties it to this alert. Pure.
 */
import type { AlertFacts } from "../../domain/alert-facts.js"
import type { LogCluster } from "../../domain/log-clusters.js"
import {
  failingApiServiceOf,
  isControlPlaneLine,
  metricsApiOf,
  namesWorkload,
} from "../../domain/log-control-plane.js"
import { scopeOf } from "../../domain/report-scope.js"

const fromControlPlane = (c: LogCluster): boolean => isControlPlaneLine(c.example.group, c.example.stream)

/** A control-plane line naming the alert's own workload in the alert's namespace. */
export const controlPlaneNamesAlert = (facts: AlertFacts, c: LogCluster): boolean => {
  const scope = scopeOf(facts)
  const ns = scope.namespace
  if (ns === null || !fromControlPlane(c)) return false
  return [...scope.names].some((n) => namesWorkload(c.example.message, ns, n))
}

/** The metrics APIs the in-scope control-plane clusters report failing to read. */
export const metricsApisRead = (
  facts: AlertFacts,
  clusters: ReadonlyArray<LogCluster>,
): ReadonlySet<string> =>
  new Set(
    clusters
      .filter((c) => (c.level === "error" || c.level === "fatal") && controlPlaneNamesAlert(facts, c))
      .flatMap((c) => metricsApiOf(c.example.message) ?? []),
  )

/** The failing APIService a cluster reports, when the alert's own control-plane lines read it. */
export const apiServiceDependedOn = (apis: ReadonlySet<string>, c: LogCluster): string | null => {
  if (!fromControlPlane(c)) return null
  const api = failingApiServiceOf(c.example.message)
  return api !== null && apis.has(api) ? api : null
}
