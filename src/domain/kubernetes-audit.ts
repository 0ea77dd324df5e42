/**
 * The Kubernetes API server's audit log, as EKS ships it to CloudWatch Logs
 * (`/aws/eks/<cluster>/cluster`, streams `kube-apiserver-audit-*`): one JSON `Event` of
 * `audit.k8s.io/v1` per line — who asked (user, user agent), for what (verb, objectRef with its
 * subresource) and what the server answered (responseStatus code, message, reason, causes).
 * Read as text, such a line is a JSON prefix that says nothing; read as an event, each answer
 * can become its own finding (eviction-refusals.ts reads the refused evictions). Only the fields
 * the readers need are decoded; anything else in the event is ignored. Pure.
 */
import { Option, Schema } from "effect"
import type { LogLine } from "./log-clusters.js"

const Text = Schema.optional(Schema.String)

const ObjectRef = Schema.Struct({
  resource: Text,
  namespace: Text,
  name: Text,
  subresource: Text,
  apiGroup: Text,
})

const StatusCause = Schema.Struct({ reason: Text, message: Text, field: Text })

const ResponseStatus = Schema.Struct({
  code: Schema.optional(Schema.Number),
  status: Text,
  message: Text,
  reason: Text,
  details: Schema.optional(Schema.Struct({ causes: Schema.optional(Schema.Array(StatusCause)) })),
})

export const AuditEvent = Schema.Struct({
  kind: Schema.Literal("Event"),
  apiVersion: Schema.String.pipe(Schema.startsWith("audit.k8s.io/")),
  auditID: Text,
  stage: Text,
  verb: Text,
  requestURI: Text,
  user: Schema.optional(
    Schema.Struct({ username: Text, groups: Schema.optional(Schema.Array(Schema.String)) }),
  ),
  userAgent: Text,
  objectRef: Schema.optional(ObjectRef),
  responseStatus: Schema.optional(ResponseStatus),
})
export type AuditEvent = typeof AuditEvent.Type

const decode = Schema.decodeUnknownOption(Schema.parseJson(AuditEvent))

/** One audit event, or null when the line is not one (any other JSON, any plain text). */
export const parseAuditEvent = (message: string): AuditEvent | null => {
  const text = message.trim()
  // Cheap refusal first: most log lines are not audit events.
  if (!text.startsWith("{") || !text.includes("audit.k8s.io/")) return null
  return Option.getOrNull(decode(text))
}

export interface AuditRecord {
  readonly event: AuditEvent
  readonly line: LogLine
}

/**
 * The audit events among `lines`, each request once: an event is logged at several stages
 * (RequestReceived, ResponseComplete) under one auditID; only the stage that carries the answer
 * is kept.
 */
export const auditRecords = (lines: ReadonlyArray<LogLine>): ReadonlyArray<AuditRecord> => {
  const seen = new Set<string>()
  return lines.flatMap((line) => {
    const event = parseAuditEvent(line.message)
    if (event === null || event.responseStatus === undefined) return []
    const key = event.auditID ?? `${line.stream}\u0000${line.timestampMs}\u0000${line.message}`
    if (seen.has(key)) return []
    seen.add(key)
    return [{ event, line }]
  })
}

/**
 * Who made a request, in an SRE's words: the tool that drains nodes says who was draining
 * (a managed nodegroup update, Karpenter, the cluster autoscaler, kubectl), else the user name.
 */
export const auditRequester = (event: AuditEvent): string => {
  const user = event.user?.username ?? ""
  const agent = event.userAgent ?? ""
  const both = `${user} ${agent}`.toLowerCase()
  if (user === "eks:node-manager" || /nodegroup/.test(both))
    return `the EKS managed nodegroup update (${user})`
  if (/karpenter/.test(both)) return `Karpenter (${user})`
  if (/cluster-autoscaler/.test(both)) return `the cluster autoscaler (${user})`
  if (/^kubectl\//.test(agent.toLowerCase())) return `kubectl (${user})`
  return user === "" ? "an unnamed client" : user
}
