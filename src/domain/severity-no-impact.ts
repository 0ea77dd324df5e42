/**
 * A rollout stuck on its new ReplicaSet (ImagePullBackOff, ProgressDeadlineExceeded) while the
 * old pods keep serving every desired replica hurts no user: the Deployment is still at N/N
 * ready, only the surge pod is missing. A metric like `kube_deployment_status_replicas_unavailable
 * 1 vs 0 (∞×)` reads "high" by ratio alone, but it counts that surge pod. So the cited evidence's
 * severity is capped at medium — unless some finding shows users feel it (errors, latency,
 * failed requests), or the workload is short of its desired replicas. Pure.
 */
import type { Finding } from "./finding.js"
import { type Severity, severityRank } from "./severity.js"

const stuckKinds: ReadonlySet<string> = new Set(["rollout_stuck", "image_pull"])

/** "3/3 replicas ready" (all) vs "2/3 replicas ready" (short), as the eks findings say it. */
const readyCounts = (f: Finding): ReadonlyArray<readonly [number, number]> =>
  [...`${f.title}\n${f.detail}`.matchAll(/\b(\d+)\/(\d+) replicas ready\b/g)].map(
    (m) => [Number(m[1]), Number(m[2])] as const,
  )

/** What users would feel: error or latency evidence of any agent. */
const impact =
  /\b(?:latency|p9\d|duration|error(?:s| rate)?|5xx|5\d\d|timeouts?|timed out|failed requests?|unavailable to users|success rate|apdex|slo)\b/i

const showsImpact = (f: Finding): boolean =>
  (f.kind === "metric_anomaly" || f.kind === "log_signature" || f.kind === "error_rate") &&
  impact.test(f.title) &&
  // The replica count itself is what a stuck rollout moves, not an impact.
  !/replicas?_(?:unavailable|available|ready)|replicas (?:ready|unavailable)/i.test(f.title)

/** Whether `cited` is a stuck rollout whose old pods serve every replica, with nothing showing user impact. */
export const servingStuckRollout = (cited: ReadonlyArray<Finding>, all: ReadonlyArray<Finding>): boolean => {
  if (!cited.some((f) => stuckKinds.has(f.kind))) return false
  const counts = cited.filter((f) => f.agent === "eks").flatMap(readyCounts)
  if (counts.length === 0 || counts.some(([ready, want]) => want === 0 || ready < want)) return false
  // Impact on the same service only: another service's errors say nothing about this one's users.
  const services = new Set(cited.flatMap((f) => (f.service === null ? [] : [f.service])))
  return !all.some((f) => f.service !== null && services.has(f.service) && showsImpact(f))
}

/** The cited evidence's severity, at most medium for a stuck rollout the old pods still serve. */
export const noImpactCap = (
  severity: Severity,
  cited: ReadonlyArray<Finding>,
  all: ReadonlyArray<Finding>,
): Severity =>
  severityRank(severity) > severityRank("medium") && servingStuckRollout(cited, all) ? "medium" : severity
