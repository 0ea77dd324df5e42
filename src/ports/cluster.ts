/**
 * The Kubernetes API as the eks agent needs it: read-only lists and gets returning decoded
 * domain objects, and container logs. Every operation fails with one `ClusterError` whose
 * `reason` tells the agent what to say: `not_configured` (no kubeconfig: the agent is
 * `unhealthy`), `forbidden` (an RBAC gap, with the API's own Status message), `not_found`,
 * `throttled` (429 after the adapter's bounded retries) and `unavailable` (network, timeout,
 * 5xx, an undecodable answer). A deployment without a cluster gets `notConfiguredClusterLayer`,
 * whose every call fails `not_configured`, instead of an error storm.
 */
import { Context, type DateTime, Effect, Layer, Schema } from "effect"
import type { KubeEvent, Namespace, Node, Pod, Service } from "../domain/kubernetes.js"
import type { CronJob, Job } from "../domain/kubernetes-batch.js"
import type { CustomObject, CustomResource } from "../domain/kubernetes-custom.js"
import type { ConfigMap } from "../domain/kubernetes-ingress.js"
import type { NetworkPolicy, PodDisruptionBudget } from "../domain/kubernetes-policies.js"
import type { ResourceQuota } from "../domain/kubernetes-quotas.js"
import type {
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  ReplicaSet,
  StatefulSet,
} from "../domain/kubernetes-workloads.js"

export const ClusterErrorReason = Schema.Literal(
  "not_configured",
  "forbidden",
  "not_found",
  "unavailable",
  "throttled",
)
export type ClusterErrorReason = typeof ClusterErrorReason.Type

export class ClusterError extends Schema.TaggedError<ClusterError>()("ClusterError", {
  reason: ClusterErrorReason,
  message: Schema.String,
}) {}

export interface Selectors {
  /** `app=payments-api,tier!=canary`, `env in (prod,staging)`, `!legacy` */
  readonly labelSelector?: string
  /** `involvedObject.kind=Pod,involvedObject.name=x`, `spec.nodeName=ip-…`, `type=Warning` */
  readonly fieldSelector?: string
}

export interface PodLogOptions {
  /** Always explicit: multi-container pods have no default container. */
  readonly container: string
  /** The previous (terminated) instance of the container: why it crashed. */
  readonly previous?: boolean
  readonly sinceTime?: DateTime.Utc
  readonly tailLines?: number
  readonly timestamps?: boolean
}

type Read<A> = Effect.Effect<A, ClusterError>

export interface ClusterService {
  /** The cluster's name as alerts name it (config `cluster_name`, else the kubeconfig's); null when unknown. */
  readonly clusterName: string | null
  /** `namespace` null: every namespace. */
  readonly listPods: (namespace: string | null, selectors?: Selectors) => Read<ReadonlyArray<Pod>>
  readonly getPod: (namespace: string, name: string) => Read<Pod>
  /** core/v1 Events; `namespace` null: every namespace. */
  readonly listEvents: (
    namespace: string | null,
    selectors?: Pick<Selectors, "fieldSelector">,
  ) => Read<ReadonlyArray<KubeEvent>>
  readonly listDeployments: (namespace: string) => Read<ReadonlyArray<Deployment>>
  readonly getDeployment: (namespace: string, name: string) => Read<Deployment>
  readonly listReplicaSets: (
    namespace: string,
    selectors?: Pick<Selectors, "labelSelector">,
  ) => Read<ReadonlyArray<ReplicaSet>>
  readonly listStatefulSets: (namespace: string) => Read<ReadonlyArray<StatefulSet>>
  readonly listDaemonSets: (namespace: string) => Read<ReadonlyArray<DaemonSet>>
  readonly listNodes: () => Read<ReadonlyArray<Node>>
  readonly getNode: (name: string) => Read<Node>
  /** autoscaling/v2 HorizontalPodAutoscalers. */
  readonly listHpas: (namespace: string) => Read<ReadonlyArray<HorizontalPodAutoscaler>>
  readonly listNamespaces: () => Read<ReadonlyArray<Namespace>>
  /** core/v1 ConfigMaps (an ingress controller's defaults: `proxy-body-size`). */
  readonly listConfigMaps: (namespace: string) => Read<ReadonlyArray<ConfigMap>>
  /** core/v1 Services (their selectors). */
  readonly listServices: (namespace: string) => Read<ReadonlyArray<Service>>
  /** networking.k8s.io/v1 NetworkPolicies (what traffic a namespace's pods may send and receive). */
  readonly listNetworkPolicies: (namespace: string) => Read<ReadonlyArray<NetworkPolicy>>
  /** policy/v1 PodDisruptionBudgets (how many pods an eviction may take). */
  readonly listPodDisruptionBudgets: (namespace: string) => Read<ReadonlyArray<PodDisruptionBudget>>
  /** core/v1 ResourceQuotas (a namespace's hard limits and what its pods use of them). */
  readonly listResourceQuotas: (namespace: string) => Read<ReadonlyArray<ResourceQuota>>
  /** batch/v1 CronJobs (schedule, suspend, concurrencyPolicy, active runs). */
  readonly listCronJobs: (namespace: string) => Read<ReadonlyArray<CronJob>>
  /** batch/v1 Jobs (a CronJob's runs, also those whose pods are gone). */
  /** batch/v1 Jobs; `namespace` null: every namespace (a migration run elsewhere, migration-jobs.ts). */
  readonly listJobs: (namespace: string | null) => Read<ReadonlyArray<Job>>
  /**
   * A custom resource's objects (cert-manager's Certificates, Challenges, …); `namespace` null:
   * every namespace. A resource the cluster does not have answers `not_found`.
   */
  readonly listCustomObjects: (
    resource: CustomResource,
    namespace: string | null,
  ) => Read<ReadonlyArray<CustomObject>>
  /** The container's log text as the API returns it (lines separated by `\n`). */
  readonly podLogs: (namespace: string, pod: string, options: PodLogOptions) => Read<string>
}

export class Cluster extends Context.Tag("sre-on-call/Cluster")<Cluster, ClusterService>() {}

export const noKubeconfigMessage = "no kubeconfig found; set KUBECONFIG or run in a cluster"

/** A Cluster whose every call fails `not_configured` with `message`. */
export const notConfiguredCluster = (message: string = noKubeconfigMessage): ClusterService => {
  const fail = () => Effect.fail(new ClusterError({ reason: "not_configured", message }))
  return {
    clusterName: null,
    listPods: fail,
    getPod: fail,
    listEvents: fail,
    listDeployments: fail,
    getDeployment: fail,
    listReplicaSets: fail,
    listStatefulSets: fail,
    listDaemonSets: fail,
    listNodes: fail,
    getNode: fail,
    listHpas: fail,
    listConfigMaps: fail,
    listServices: fail,
    listNetworkPolicies: fail,
    listPodDisruptionBudgets: fail,
    listResourceQuotas: fail,
    listCronJobs: fail,
    listJobs: fail,
    listNamespaces: fail,
    listCustomObjects: fail,
    podLogs: fail,
  }
}

export const notConfiguredClusterLayer = (message: string = noKubeconfigMessage): Layer.Layer<Cluster> =>
  Layer.succeed(Cluster, notConfiguredCluster(message))
