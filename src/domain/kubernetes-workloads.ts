/**
 * Workload objects (apps/v1 Deployment, ReplicaSet, StatefulSet, DaemonSet) and autoscaling/v2
 * HorizontalPodAutoscalers, minimal and lenient like `kubernetes.ts`. A ReplicaSet keeps its
 * pod template because rollout history is the diff between two ReplicaSets' templates; the
 * revision lives in the `deployment.kubernetes.io/revision` annotation.
 */
import { Schema } from "effect"
import { Condition, emptyPodSpec, list, ObjectMeta, opt, PodSpec, StringMap, Text } from "./kubernetes.js"

export const revisionAnnotation = "deployment.kubernetes.io/revision"
/** Set on a ReplicaSet reused by a rollback: the revisions it carried before ("2,4"). */
export const revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"

export const PodTemplate = Schema.Struct({
  metadata: opt(Schema.Struct({ labels: StringMap, annotations: StringMap })),
  spec: Schema.optionalWith(PodSpec, { nullable: true, default: () => emptyPodSpec }),
})
export type PodTemplate = typeof PodTemplate.Type

const emptyTemplate: PodTemplate = { spec: emptyPodSpec }

const Selector = Schema.Struct({ matchLabels: StringMap })

export const Deployment = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(
    Schema.Struct({
      replicas: opt(Schema.Number),
      selector: opt(Selector),
      template: Schema.optionalWith(PodTemplate, { nullable: true, default: () => emptyTemplate }),
    }),
    { nullable: true, default: () => ({ template: emptyTemplate }) },
  ),
  status: Schema.optionalWith(
    Schema.Struct({
      observedGeneration: opt(Schema.Number),
      replicas: opt(Schema.Number),
      updatedReplicas: opt(Schema.Number),
      readyReplicas: opt(Schema.Number),
      availableReplicas: opt(Schema.Number),
      unavailableReplicas: opt(Schema.Number),
      conditions: list(Condition),
    }),
    { nullable: true, default: () => ({ conditions: [] }) },
  ),
})
export type Deployment = typeof Deployment.Type

export const ReplicaSet = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(
    Schema.Struct({
      replicas: opt(Schema.Number),
      template: Schema.optionalWith(PodTemplate, { nullable: true, default: () => emptyTemplate }),
    }),
    { nullable: true, default: () => ({ template: emptyTemplate }) },
  ),
  status: opt(Schema.Struct({ replicas: opt(Schema.Number), readyReplicas: opt(Schema.Number) })),
})
export type ReplicaSet = typeof ReplicaSet.Type

export const StatefulSet = Schema.Struct({
  metadata: ObjectMeta,
  spec: opt(Schema.Struct({ replicas: opt(Schema.Number) })),
  status: opt(Schema.Struct({ replicas: opt(Schema.Number), readyReplicas: opt(Schema.Number) })),
})
export type StatefulSet = typeof StatefulSet.Type

export const DaemonSet = Schema.Struct({
  metadata: ObjectMeta,
  status: opt(
    Schema.Struct({
      desiredNumberScheduled: opt(Schema.Number),
      numberReady: opt(Schema.Number),
    }),
  ),
})
export type DaemonSet = typeof DaemonSet.Type

const MetricTarget = Schema.Struct({
  type: opt(Schema.String),
  averageUtilization: opt(Schema.Number),
  averageValue: opt(Text),
  value: opt(Text),
})
export type MetricTarget = typeof MetricTarget.Type

const MetricValue = Schema.Struct({
  averageUtilization: opt(Schema.Number),
  averageValue: opt(Text),
  value: opt(Text),
})
export type MetricValue = typeof MetricValue.Type

const MetricId = Schema.Struct({ name: Schema.String })

/** A metric source in spec (target) or status (current): Resource, Pods, Object, External, ContainerResource. */
const metricSource = <T extends Schema.Schema.Any>(field: "target" | "current", value: T) => {
  const withValue = Schema.Struct({ [field]: opt(value) })
  return Schema.Struct({
    type: Schema.String,
    resource: opt(Schema.extend(Schema.Struct({ name: Schema.String }), withValue)),
    containerResource: opt(Schema.extend(Schema.Struct({ name: Schema.String }), withValue)),
    pods: opt(Schema.extend(Schema.Struct({ metric: MetricId }), withValue)),
    object: opt(Schema.extend(Schema.Struct({ metric: MetricId }), withValue)),
    external: opt(Schema.extend(Schema.Struct({ metric: MetricId }), withValue)),
  })
}

export const MetricSpec = metricSource("target", MetricTarget)
export type MetricSpec = typeof MetricSpec.Type
export const MetricStatus = metricSource("current", MetricValue)
export type MetricStatus = typeof MetricStatus.Type

export const HorizontalPodAutoscaler = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.Struct({
    scaleTargetRef: Schema.Struct({ kind: Schema.String, name: Schema.String }),
    minReplicas: opt(Schema.Number),
    maxReplicas: Schema.Number,
    metrics: list(MetricSpec),
  }),
  status: Schema.optionalWith(
    Schema.Struct({
      currentReplicas: opt(Schema.Number),
      desiredReplicas: opt(Schema.Number),
      currentMetrics: list(MetricStatus),
      conditions: list(Condition),
    }),
    { nullable: true, default: () => ({ currentMetrics: [], conditions: [] }) },
  ),
})
export type HorizontalPodAutoscaler = typeof HorizontalPodAutoscaler.Type

/** The revision annotation as a number; null when absent or not a number. */
export const revisionOf = (meta: ObjectMeta): number | null => {
  const raw = meta.annotations[revisionAnnotation]
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) return null
  return Number(raw)
}
