/**
 * Where a log line came from, read from its log group and stream names by the conventions AWS
 * and the common shippers use: Container Insights streams are `<pod>_<namespace>_<container>`
 * (fluent-bit/fluentd may add `-<container id>`, the node's host name and the tag before it, and
 * `.log` after it), Lambda groups `/aws/lambda/<function>`, ECS
 * groups `/ecs/<service>`, RDS `/aws/rds/instance|cluster/<id>/<log>`. The logs agent names the
 * service a signature concerns from this — a service, never a pod or a log group. Pure.
 */
import { workloadFromPod } from "./alert-facts-names.js"

export interface LogOrigin {
  /** The service (workload) the line concerns, when the names say so. */
  readonly service: string | null
  readonly pod: string | null
  readonly namespace: string | null
  readonly container: string | null
}

const none: LogOrigin = { service: null, pod: null, namespace: null, container: null }

// `<workload>-<hash>-<suffix>` with any alphanumerics (shippers and tests do not all use the
// Kubernetes alphabet); the strict form is tried first through workloadFromPod.
const loosePod = /^([a-z0-9][a-z0-9-]{0,200}?)-(?=[a-z0-9]{0,9}\d)[a-z0-9]{6,10}-[a-z0-9]{5}$/

/** The workload that owns a pod, from its name (null when the name has no such shape). */
export const workloadOfPod = (pod: string): string | null => {
  const strict = /^(.{1,253})-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/.exec(pod)
  if (strict?.[1] !== undefined) return strict[1]
  return loosePod.exec(pod)?.[1] ?? workloadFromPod(pod)
}

const dnsLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const podName = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/

/**
 * What Fluent Bit and Fluentd put before and after the container log's file name:
 * `ip-10-16-8-33.ec2.internal-application.var.log.containers.<file>` (Container Insights with
 * Fluent Bit: the node's host name, then the tag), `kube.var.log.containers.<file>`,
 * `/var/log/containers/<file>`; the file ends in `.log`.
 */
const containerLogPath = /^.{0,200}?(?:^|[./-])var[./]log[./]containers[./]/

/**
 * `<pod>_<namespace>_<container>[-<64 hex>]`, as Container Insights names application streams,
 * alone or inside a shipper's path (above).
 */
export const parseContainerStream = (stream: string): LogOrigin | null => {
  const file = stream.replace(containerLogPath, "").replace(/\.log$/, "")
  const parts = file.split("_")
  if (parts.length < 3) return null
  const [pod, namespace, ...rest] = parts
  const container = rest.join("_").replace(/-[0-9a-f]{64}$/, "")
  if (pod === undefined || namespace === undefined) return null
  if (!podName.test(pod) || !dnsLabel.test(namespace) || container === "") return null
  return { service: workloadOfPod(pod) ?? pod, pod, namespace, container }
}

const groupConventions: ReadonlyArray<RegExp> = [
  // A CloudWatch Synthetics canary runs as `cwsyn-<canary>-<uuid>`: its lines are the canary's.
  /^\/aws\/lambda\/cwsyn-([^/]{1,100})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /^\/aws\/lambda\/([^/]{1,140})$/,
  /^\/aws\/ecs\/([^/]{1,255})$/,
  /^\/ecs\/([^/]{1,255})$/,
  // `/ecs/<cluster>/<service>`: the second name is the service, the first only where it runs.
  /^\/ecs\/[^/]{1,255}\/([^/]{1,255})$/,
  /^\/aws\/rds\/(?:instance|cluster)\/([^/]{1,63})\//,
  /^\/aws\/apigateway\/([^/]{1,255})$/,
  /^\/aws\/elasticbeanstalk\/([^/]{1,100})\//,
]

/** The service a log group is dedicated to, by AWS naming conventions. */
export const serviceOfGroup = (group: string): string | null => {
  for (const convention of groupConventions) {
    const name = convention.exec(group)?.[1]
    if (name !== undefined) return name
  }
  return null
}

/** Where a line came from: its stream when the stream names a pod, else its group's convention. */
export const logOrigin = (group: string, stream: string): LogOrigin => {
  if (/^\/aws\/containerinsights\/[^/]+\/application$/.test(group) || stream.split("_").length >= 3) {
    const parsed = parseContainerStream(stream)
    if (parsed !== null) return parsed
  }
  // AWS Batch's shared group: the stream's first segment is the job definition's name.
  if (group === "/aws/batch/job") {
    const job = /^([A-Za-z0-9][A-Za-z0-9_-]{0,127})\//.exec(stream)?.[1]
    if (job !== undefined) return { ...none, service: job }
  }
  const service = serviceOfGroup(group)
  return service === null ? none : { ...none, service }
}

// The node's own logs (kubelet, containerd) in a cluster's shared groups: a line about a pod
// names it (`pod="ledger/ledger-reconcile-29954970-x7k2q"`) or the image it pulls.
const nodeLogGroup = /^\/aws\/containerinsights\/[^/]+\/(?:dataplane|host)$/
const podKey = /\bpod="?([a-z0-9](?:[a-z0-9-]{0,62}))\/([a-z0-9](?:[a-z0-9.-]{0,252}))"?/
const imageKey = /\bimage="?(?:[\w.-]+(?::\d+)?\/)?(?:[\w.-]+\/)*([a-z0-9][a-z0-9._-]{0,127}):[\w.-]{1,128}"?/

/**
 * The workload a node log line is about, when the group is a node's shared one and the line
 * names a pod or an image; null otherwise (the line's group says whose it is).
 */
export const subjectOfNodeLine = (group: string, message: string): string | null => {
  if (!nodeLogGroup.test(group)) return null
  const pod = podKey.exec(message)?.[2]
  if (pod !== undefined) return workloadOfPod(pod) ?? pod
  return imageKey.exec(message)?.[1] ?? null
}
