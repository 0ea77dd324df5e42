/**
 * The policy objects the eks agent reads beside workloads, as minimal Schemas (see
 * kubernetes.ts for the conventions): NetworkPolicies — a default-deny egress rolled out to a
 * namespace cuts its services off from their cache or database while every pod looks fine — and
 * PodDisruptionBudgets — one allowing no disruption blocks every eviction, so a node drain or a
 * nodegroup upgrade stalls with a workload below its replicas. Also `selectorMatches`, a label
 * selector with `matchExpressions` as the API evaluates it.
 */
import { DateTime, Schema } from "effect"
import { instantOf, list, ObjectMeta, opt, StringMap, Text } from "./kubernetes.js"
import { type LabelRequirement, matchesLabels } from "./label-requirements.js"

export const LabelSelector = Schema.Struct({
  matchLabels: StringMap,
  matchExpressions: list(
    Schema.Struct({
      key: Schema.String,
      operator: Schema.String,
      values: list(Text),
    }),
  ),
})
export type LabelSelector = typeof LabelSelector.Type

/** An object's metadata with the times its managers last wrote it (when it last changed). */
const ChangedMeta = Schema.extend(
  ObjectMeta,
  Schema.Struct({ managedFields: list(Schema.Struct({ time: opt(Schema.String) })) }),
)

const PolicyPort = Schema.Struct({
  port: opt(Text),
  endPort: opt(Schema.Number),
  protocol: opt(Schema.String),
})
export type PolicyPort = typeof PolicyPort.Type

const PolicyPeer = Schema.Struct({
  podSelector: opt(LabelSelector),
  namespaceSelector: opt(LabelSelector),
  ipBlock: opt(Schema.Struct({ cidr: Schema.String, except: list(Schema.String) })),
})
export type PolicyPeer = typeof PolicyPeer.Type

export const NetworkPolicyRule = Schema.Struct({
  ports: list(PolicyPort),
  to: list(PolicyPeer),
  from: list(PolicyPeer),
})
export type NetworkPolicyRule = typeof NetworkPolicyRule.Type

/** networking.k8s.io/v1 NetworkPolicy. */
export const NetworkPolicy = Schema.Struct({
  metadata: ChangedMeta,
  spec: Schema.optionalWith(
    Schema.Struct({
      podSelector: Schema.optionalWith(LabelSelector, {
        nullable: true,
        default: () => ({ matchLabels: {}, matchExpressions: [] }),
      }),
      policyTypes: list(Schema.String),
      ingress: list(NetworkPolicyRule),
      egress: list(NetworkPolicyRule),
    }),
    {
      nullable: true,
      default: () => ({
        podSelector: { matchLabels: {}, matchExpressions: [] },
        policyTypes: [],
        ingress: [],
        egress: [],
      }),
    },
  ),
})
export type NetworkPolicy = typeof NetworkPolicy.Type

/** policy/v1 PodDisruptionBudget. */
export const PodDisruptionBudget = Schema.Struct({
  metadata: ChangedMeta,
  spec: Schema.optionalWith(
    Schema.Struct({
      selector: opt(LabelSelector),
      minAvailable: opt(Text),
      maxUnavailable: opt(Text),
    }),
    { nullable: true, default: () => ({}) },
  ),
  status: Schema.optionalWith(
    Schema.Struct({
      disruptionsAllowed: opt(Schema.Number),
      currentHealthy: opt(Schema.Number),
      desiredHealthy: opt(Schema.Number),
      expectedPods: opt(Schema.Number),
    }),
    { nullable: true, default: () => ({}) },
  ),
})
export type PodDisruptionBudget = typeof PodDisruptionBudget.Type

/**
 * A structured selector as requirements; an operator this reader does not know is none: the
 * selector then picks nothing rather than everything.
 */
const requirementsOf = (selector: LabelSelector): ReadonlyArray<LabelRequirement> | null => {
  const out: Array<LabelRequirement> = Object.entries(selector.matchLabels).map(([key, value]) => ({
    op: "eq",
    key,
    value,
  }))
  for (const e of selector.matchExpressions) {
    const op = expressionOps[e.operator]
    if (op === undefined) return null
    out.push(op === "in" || op === "notin" ? { op, key: e.key, values: e.values } : { op, key: e.key })
  }
  return out
}

const expressionOps: Readonly<Record<string, "in" | "notin" | "exists" | "absent">> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "absent",
}

/**
 * Does the selector pick an object with these labels? The API's semantics: every matchLabels
 * pair and every expression must hold; an empty selector picks everything.
 */
export const selectorMatches = (
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean => {
  const requirements = requirementsOf(selector)
  return requirements !== null && matchesLabels(requirements, labels)
}

/** When the object last changed: its creation or the latest write a manager recorded. */
export const lastChangedAt = (meta: typeof ChangedMeta.Type): DateTime.Utc | null =>
  [meta.creationTimestamp, ...meta.managedFields.map((f) => f.time)]
    .map(instantOf)
    .reduce<DateTime.Utc | null>(
      (latest, t) => (t !== null && (latest === null || DateTime.greaterThan(t, latest)) ? t : latest),
      null,
    )
