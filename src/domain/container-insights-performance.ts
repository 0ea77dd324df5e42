/**
 * Container Insights' performance records: the agent writes one JSON (EMF) line per container,
 * pod and node per minute to `/aws/containerinsights/<cluster>/performance`, with the share of a
 * limit in use (`container_memory_utilization_over_container_limit`, `pod_cpu_utilization_over_pod_limit`,
 * `node_memory_utilization`). A container at ≥ 90 % of its memory limit is the OOM kill about to
 * happen (or the one that just did) in the metrics' own words, when no Prometheus scrapes the pods.
 * Pure: one line in, one reading out (null for anything else: another record type, a value under
 * the threshold, a line that is not JSON).
 */
import { Either, Schema } from "effect"
import { workloadFromPod } from "./alert-facts-names.js"

/** At or above this share of a limit a record is worth reporting. */
export const nearLimitPercent = 90

export interface LimitReading {
  /** "Container", "Pod" or "Node" (Container Insights' `Type`). */
  readonly type: "Container" | "Pod" | "Node"
  /** The pod's workload (`locker-api` for `locker-api-7b9d6f5c8-x7k2p`); the node's name for a node record. */
  readonly subject: string
  readonly namespace: string | null
  readonly pod: string | null
  readonly node: string | null
  readonly resource: "memory" | "cpu"
  /** Percent of the limit (or of the node's capacity) in use. */
  readonly percent: number
  /** The field it was read from, as the record names it. */
  readonly field: string
}

const Record_ = Schema.parseJson(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
const decodeRecord = Schema.decodeUnknownEither(Record_)

const Kube = Schema.Struct({
  pod_name: Schema.optional(Schema.String),
  host: Schema.optional(Schema.String),
})
const decodeKube = Schema.decodeUnknownEither(Kube)

// `container_memory_utilization_over_container_limit`, `pod_cpu_utilization_over_pod_limit`,
// and a node's `node_memory_utilization` (of its capacity: a node has no limit).
const limitField = /^(?:container|pod)_(memory|cpu)_utilization_over_(?:container|pod)_limit$/
const nodeField = /^node_(memory|cpu)_utilization$/

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null)

/** The highest limit share a performance record states at or above `nearLimitPercent`, else null. */
export const limitReadingOf = (message: string): LimitReading | null => {
  const start = message.indexOf("{")
  if (start === -1) return null
  const decoded = decodeRecord(message.slice(start))
  if (Either.isLeft(decoded)) return null
  const r = decoded.right
  const type = r.Type
  if (type !== "Container" && type !== "Pod" && type !== "Node") return null
  const field = type === "Node" ? nodeField : limitField
  const best = Object.entries(r)
    .flatMap(([k, v]) => {
      const m = field.exec(k)
      return m !== null && typeof v === "number" && Number.isFinite(v) ? [{ k, v, res: m[1] ?? "" }] : []
    })
    .sort((a, b) => b.v - a.v)[0]
  if (best === undefined || best.v < nearLimitPercent) return null
  const kube = decodeKube(r.kubernetes ?? {})
  const k = Either.isRight(kube) ? kube.right : {}
  const node = text(r.NodeName) ?? text(k.host) ?? null
  const pod = type === "Node" ? null : (text(k.pod_name) ?? null)
  // Container Insights' PodName is already the workload's name (the pod's hash cut off).
  const subject =
    type === "Node" ? node : ((pod === null ? null : workloadFromPod(pod)) ?? text(r.PodName) ?? pod)
  if (subject === null) return null
  return {
    type,
    subject,
    namespace: text(r.Namespace),
    pod,
    node,
    resource: best.res === "cpu" ? "cpu" : "memory",
    percent: best.v,
    field: best.k,
  }
}
