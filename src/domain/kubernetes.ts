/**
 * The Kubernetes objects the eks agent reads, as minimal Schemas: only the fields an analyzer
 * uses, every one optional or defaulted, extra fields ignored — so a real API server's answer,
 * a `kubectl get -o yaml` dump in a scenario and client-node's re-serialised models all decode
 * the same way. Timestamps stay RFC 3339 strings (`instantOf` reads them) so one odd value
 * cannot make a whole list undecodable. Workload kinds live in `kubernetes-workloads.ts`.
 */
import { DateTime, Option, Schema } from "effect"

/** A label value, a quantity or an env value: a string on the wire, a number or boolean in YAML. */
export const Text = Schema.transform(
  Schema.Union(Schema.String, Schema.Number, Schema.Boolean),
  Schema.String,
  {
    strict: true,
    decode: (v) => String(v),
    encode: (s) => s,
  },
)

export const opt = <S extends Schema.Schema.Any>(schema: S) => Schema.optionalWith(schema, { nullable: true })

export const list = <S extends Schema.Schema.Any>(schema: S) =>
  Schema.optionalWith(Schema.Array(schema), { nullable: true, default: () => [] })

export const StringMap = Schema.optionalWith(Schema.Record({ key: Schema.String, value: Text }), {
  nullable: true,
  default: () => ({}),
})

export const OwnerReference = Schema.Struct({
  apiVersion: opt(Schema.String),
  kind: Schema.String,
  name: Schema.String,
  uid: opt(Schema.String),
  controller: opt(Schema.Boolean),
})
export type OwnerReference = typeof OwnerReference.Type

export const ObjectMeta = Schema.Struct({
  name: Schema.String,
  namespace: opt(Schema.String),
  uid: opt(Schema.String),
  labels: StringMap,
  annotations: StringMap,
  creationTimestamp: opt(Schema.String),
  ownerReferences: list(OwnerReference),
  generation: opt(Schema.Number),
})
export type ObjectMeta = typeof ObjectMeta.Type

const KeyRef = Schema.Struct({ name: opt(Schema.String), key: opt(Schema.String) })

export const EnvVar = Schema.Struct({
  name: Schema.String,
  value: opt(Text),
  valueFrom: opt(
    Schema.Struct({
      secretKeyRef: opt(KeyRef),
      configMapKeyRef: opt(KeyRef),
      fieldRef: opt(Schema.Struct({ fieldPath: opt(Schema.String) })),
      resourceFieldRef: opt(Schema.Struct({ resource: opt(Schema.String) })),
    }),
  ),
})
export type EnvVar = typeof EnvVar.Type

export const Resources = Schema.Struct({ limits: StringMap, requests: StringMap })

/** A port a container declares; the number a Service's numeric targetPort must hit, the name a named one. */
export const ContainerPort = Schema.Struct({
  containerPort: Schema.Number,
  name: opt(Schema.String),
  protocol: opt(Schema.String),
})
export type ContainerPort = typeof ContainerPort.Type

/**
 * What the kubelet asks a container to prove it is alive or ready: a rollout that moves its
 * path, port or scheme away from what the app serves fails every new pod (probe-changes.ts).
 */
export const Probe = Schema.Struct({
  httpGet: opt(
    Schema.Struct({
      path: opt(Schema.String),
      port: opt(Schema.Union(Schema.String, Schema.Number)),
      scheme: opt(Schema.String),
    }),
  ),
  tcpSocket: opt(Schema.Struct({ port: opt(Schema.Union(Schema.String, Schema.Number)) })),
  grpc: opt(Schema.Struct({ port: opt(Schema.Number), service: opt(Schema.String) })),
})
export type Probe = typeof Probe.Type

export const Container = Schema.Struct({
  name: Schema.String,
  readinessProbe: opt(Probe),
  livenessProbe: opt(Probe),
  startupProbe: opt(Probe),
  image: opt(Schema.String),
  /** "Always" on an init container makes it a native sidecar: it runs beside the app, restarted like one. */
  restartPolicy: opt(Schema.String),
  ports: list(ContainerPort),
  env: list(EnvVar),
  /** Its arguments: a rollout that changed a host passed on the command line (rollout-value-culprit.ts). */
  args: opt(Schema.Array(Schema.String)),
  /** Whole ConfigMaps as env: a rollout that swaps one for a broken one (rollout-config-swap.ts). */
  envFrom: opt(
    Schema.Array(Schema.Struct({ configMapRef: opt(Schema.Struct({ name: opt(Schema.String) })) })),
  ),
  /** Where volumes are mounted: which ConfigMap a failing file path (`/etc/app/flags.json`) comes from. */
  volumeMounts: opt(Schema.Array(Schema.Struct({ name: Schema.String, mountPath: opt(Schema.String) }))),
  resources: Schema.optionalWith(Resources, {
    nullable: true,
    default: () => ({ limits: {}, requests: {} }),
  }),
})
export type Container = typeof Container.Type

const ConfigMapRef = Schema.Struct({ name: opt(Schema.String) })

/** A volume, as far as the ConfigMaps it projects (rollout-config-swap.ts); other sources are ignored. */
export const Volume = Schema.Struct({
  name: Schema.String,
  configMap: opt(ConfigMapRef),
  projected: opt(Schema.Struct({ sources: list(Schema.Struct({ configMap: opt(ConfigMapRef) })) })),
})
export type Volume = typeof Volume.Type

export const PodSpec = Schema.Struct({
  nodeName: opt(Schema.String),
  containers: list(Container),
  initContainers: list(Container),
  volumes: opt(Schema.Array(Volume)),
})
export type PodSpec = typeof PodSpec.Type

export const emptyPodSpec: PodSpec = { containers: [], initContainers: [] }

export const ContainerState = Schema.Struct({
  waiting: opt(Schema.Struct({ reason: opt(Schema.String), message: opt(Schema.String) })),
  running: opt(Schema.Struct({ startedAt: opt(Schema.String) })),
  terminated: opt(
    Schema.Struct({
      reason: opt(Schema.String),
      message: opt(Schema.String),
      exitCode: opt(Schema.Number),
      signal: opt(Schema.Number),
      startedAt: opt(Schema.String),
      finishedAt: opt(Schema.String),
    }),
  ),
})
export type ContainerState = typeof ContainerState.Type

export const ContainerStatus = Schema.Struct({
  name: Schema.String,
  ready: Schema.optionalWith(Schema.Boolean, { nullable: true, default: () => false }),
  restartCount: Schema.optionalWith(Schema.Number, { nullable: true, default: () => 0 }),
  image: opt(Schema.String),
  state: opt(ContainerState),
  lastState: opt(ContainerState),
})
export type ContainerStatus = typeof ContainerStatus.Type

export const Condition = Schema.Struct({
  type: Schema.String,
  status: Schema.String,
  reason: opt(Schema.String),
  message: opt(Schema.String),
  lastTransitionTime: opt(Schema.String),
  lastUpdateTime: opt(Schema.String),
  /** Nodes: when the kubelet last confirmed the condition (a still-True pressure is current as of it). */
  lastHeartbeatTime: opt(Schema.String),
})
export type Condition = typeof Condition.Type

export const PodStatus = Schema.Struct({
  phase: opt(Schema.String),
  // A service's access log names its callers by address: which pods called it (policy-callers.ts).
  podIP: opt(Schema.String),
  reason: opt(Schema.String),
  message: opt(Schema.String),
  conditions: list(Condition),
  containerStatuses: list(ContainerStatus),
  initContainerStatuses: list(ContainerStatus),
})
export type PodStatus = typeof PodStatus.Type

const emptyPodStatus: PodStatus = { conditions: [], containerStatuses: [], initContainerStatuses: [] }

export const Pod = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(PodSpec, { nullable: true, default: () => emptyPodSpec }),
  status: Schema.optionalWith(PodStatus, { nullable: true, default: () => emptyPodStatus }),
})
export type Pod = typeof Pod.Type

export const ObjectReference = Schema.Struct({
  kind: opt(Schema.String),
  name: opt(Schema.String),
  namespace: opt(Schema.String),
  uid: opt(Schema.String),
  fieldPath: opt(Schema.String),
})

/** A core/v1 Event. */
export const KubeEvent = Schema.Struct({
  metadata: ObjectMeta,
  involvedObject: ObjectReference,
  reason: opt(Schema.String),
  message: opt(Schema.String),
  type: opt(Schema.String),
  count: opt(Schema.Number),
  firstTimestamp: opt(Schema.String),
  lastTimestamp: opt(Schema.String),
  eventTime: opt(Schema.String),
  source: opt(Schema.Struct({ component: opt(Schema.String), host: opt(Schema.String) })),
  reportingComponent: opt(Schema.String),
  series: opt(Schema.Struct({ count: opt(Schema.Number), lastObservedTime: opt(Schema.String) })),
})
export type KubeEvent = typeof KubeEvent.Type

export const Taint = Schema.Struct({
  key: Schema.String,
  value: opt(Schema.String),
  effect: opt(Schema.String),
})

export const Node = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(Schema.Struct({ unschedulable: opt(Schema.Boolean), taints: list(Taint) }), {
    nullable: true,
    default: () => ({ taints: [] }),
  }),
  status: Schema.optionalWith(Schema.Struct({ conditions: list(Condition) }), {
    nullable: true,
    default: () => ({ conditions: [] }),
  }),
})
export type Node = typeof Node.Type

/** A core/v1 Service: only what says which pods it sends traffic to. */
export const Service = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(
    Schema.Struct({
      selector: StringMap,
      type: opt(Schema.String),
      clusterIP: opt(Schema.String),
      /** `targetPort`: a number or a container port's name (int-or-string). */
      ports: list(
        Schema.Struct({
          port: Schema.Number,
          targetPort: opt(Text),
          name: opt(Schema.String),
          protocol: opt(Schema.String),
        }),
      ),
    }),
    { nullable: true, default: () => ({ selector: {}, ports: [] }) },
  ),
})
export type Service = typeof Service.Type

export const Namespace = Schema.Struct({
  metadata: ObjectMeta,
  status: opt(Schema.Struct({ phase: opt(Schema.String) })),
})
export type Namespace = typeof Namespace.Type

/** An RFC 3339 timestamp as an instant; null when absent or unreadable. */
export const instantOf = (value: string | undefined): DateTime.Utc | null =>
  value === undefined ? null : Option.getOrNull(DateTime.make(value).pipe(Option.map(DateTime.toUtc)))

/** When an event last happened: lastTimestamp, else the series' last observation, else eventTime. */
export const eventTime = (e: KubeEvent): DateTime.Utc | null =>
  instantOf(e.lastTimestamp) ?? instantOf(e.series?.lastObservedTime) ?? instantOf(e.eventTime)

/** How many times an event happened (count, series count, else once). */
export const eventCount = (e: KubeEvent): number => e.count ?? e.series?.count ?? 1

/** The controlling owner (`controller: true`), else null: ownership never comes from names. */
export const controllerOf = (meta: ObjectMeta): OwnerReference | null =>
  meta.ownerReferences.find((o) => o.controller === true) ?? null
