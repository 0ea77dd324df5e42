/**
 * The `Cluster` port over @kubernetes/client-node 1.4.0. The kubeconfig comes as YAML (a replay's
 * generated one, a mounted file's contents) or "default" (KUBECONFIG, ~/.kube/config, in-cluster
 * service account). Building never fails: when no kubeconfig can be found — including client-
 * node's silent fallback to http://localhost:8080 — or it cannot be read, the layer is the
 * not-configured Cluster, so the eks agent answers `unhealthy` with the reason. Every call goes
 * through `kube-call` (timeout, concurrency bound, 429 retry) and comes back decoded.
 */
import {
  AppsV1Api,
  AutoscalingV2Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  NetworkingV1Api,
  PolicyV1Api,
} from "@kubernetes/client-node"
import { DateTime, Effect, Either, Layer, Schema } from "effect"
import { KubeEvent, Namespace, Node, Pod, Service } from "../../domain/kubernetes.js"
import { CronJob, Job } from "../../domain/kubernetes-batch.js"
import { CustomObject } from "../../domain/kubernetes-custom.js"
import { ConfigMap } from "../../domain/kubernetes-ingress.js"
import { NetworkPolicy, PodDisruptionBudget } from "../../domain/kubernetes-policies.js"
import { ResourceQuota } from "../../domain/kubernetes-quotas.js"
import {
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  ReplicaSet,
  StatefulSet,
} from "../../domain/kubernetes-workloads.js"
import {
  Cluster,
  ClusterError,
  type ClusterService,
  noKubeconfigMessage,
  notConfiguredCluster,
  type Selectors,
} from "../../ports/cluster.js"
import { type CallPolicy, defaultCallPolicy, makeKubeCall } from "./kube-call.js"
import { decodeList, decodeOne } from "./kube-decode.js"

export interface KubernetesClusterOptions {
  /** kubeconfig YAML, or "default": KUBECONFIG, ~/.kube/config, then in-cluster. */
  readonly kubeconfig: string
  /** A kubeconfig context; null/absent: the current one. */
  readonly context?: string | null
  /** How alerts name this cluster; null/absent: the kubeconfig's current cluster name. */
  readonly clusterName?: string | null
  /** Concurrent API calls (default 8). */
  readonly concurrency?: number
  /** Per-attempt timeout (default 5000 ms). */
  readonly timeoutMs?: number
  /** Retry tuning (tests). */
  readonly policy?: Partial<CallPolicy>
}

// What client-node 1.4.0 loads when it finds nothing: a context it names itself, on localhost:8080.
const isSilentFallback = (kc: KubeConfig): boolean =>
  kc.getCurrentContext() === "loaded-context" && kc.getCurrentCluster()?.server === "http://localhost:8080"

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The loaded kubeconfig, or why there is none. Pure apart from reading the files it names. */
export const loadKubeConfig = (options: KubernetesClusterOptions): Either.Either<KubeConfig, string> =>
  Either.flatMap(
    Either.try({
      try: () => {
        const kc = new KubeConfig()
        if (options.kubeconfig === "default") kc.loadFromDefault()
        else kc.loadFromString(options.kubeconfig)
        return kc
      },
      catch: (e) => `the kubeconfig could not be read: ${errorText(e)}`,
    }),
    (kc): Either.Either<KubeConfig, string> => {
      const context = options.context ?? null
      if (context !== null) {
        if (!kc.getContexts().some((c) => c.name === context)) {
          return Either.left(`the kubeconfig has no context "${context}"`)
        }
        kc.setCurrentContext(context)
      }
      if (options.kubeconfig === "default" && isSilentFallback(kc)) return Either.left(noKubeconfigMessage)
      return kc.getCurrentCluster() === null
        ? Either.left("the kubeconfig has no current cluster")
        : Either.right(kc)
    },
  )

const selectorParams = (s: Selectors = {}) => ({
  ...(s.labelSelector === undefined ? {} : { labelSelector: s.labelSelector }),
  ...(s.fieldSelector === undefined ? {} : { fieldSelector: s.fieldSelector }),
})

const inNs = (namespace: string | null) => (namespace === null ? " (all namespaces)" : ` in ${namespace}`)

export const makeKubernetesCluster = (options: KubernetesClusterOptions): Effect.Effect<ClusterService> =>
  Effect.gen(function* () {
    const loaded = loadKubeConfig(options)
    if (Either.isLeft(loaded)) {
      yield* Effect.logWarning("kubernetes not configured").pipe(Effect.annotateLogs({ reason: loaded.left }))
      return notConfiguredCluster(loaded.left)
    }
    const kc = loaded.right
    const call = yield* makeKubeCall(
      { ...defaultCallPolicy(options.timeoutMs ?? 5000), ...options.policy },
      options.concurrency ?? 8,
    )
    const core = kc.makeApiClient(CoreV1Api)
    const apps = kc.makeApiClient(AppsV1Api)
    const autoscaling = kc.makeApiClient(AutoscalingV2Api)
    const networking = kc.makeApiClient(NetworkingV1Api)
    const policy = kc.makeApiClient(PolicyV1Api)
    const batch = kc.makeApiClient(BatchV1Api)
    const custom = kc.makeApiClient(CustomObjectsApi)
    const list = <A, I>(
      schema: Schema.Schema<A, I>,
      type: string,
      label: string,
      run: Parameters<typeof call>[1],
    ) => Effect.flatMap(call(label, run), decodeList(schema, type, label))
    const one = <A, I>(
      schema: Schema.Schema<A, I>,
      type: string,
      label: string,
      run: Parameters<typeof call>[1],
    ) => Effect.flatMap(call(label, run), decodeOne(schema, type, label))
    return {
      clusterName: options.clusterName ?? kc.getCurrentCluster()?.name ?? null,
      listPods: (namespace, selectors) =>
        list(Pod, "V1PodList", `list pods${inNs(namespace)}`, (o) =>
          namespace === null
            ? core.listPodForAllNamespaces(selectorParams(selectors), o)
            : core.listNamespacedPod({ namespace, ...selectorParams(selectors) }, o),
        ),
      getPod: (namespace, name) =>
        one(Pod, "V1Pod", `get pod ${namespace}/${name}`, (o) =>
          core.readNamespacedPod({ namespace, name }, o),
        ),
      listEvents: (namespace, selectors) =>
        list(KubeEvent, "CoreV1EventList", `list events${inNs(namespace)}`, (o) =>
          namespace === null
            ? core.listEventForAllNamespaces(selectorParams(selectors), o)
            : core.listNamespacedEvent({ namespace, ...selectorParams(selectors) }, o),
        ),
      listDeployments: (namespace) =>
        list(Deployment, "V1DeploymentList", `list deployments in ${namespace}`, (o) =>
          apps.listNamespacedDeployment({ namespace }, o),
        ),
      getDeployment: (namespace, name) =>
        one(Deployment, "V1Deployment", `get deployment ${namespace}/${name}`, (o) =>
          apps.readNamespacedDeployment({ namespace, name }, o),
        ),
      listReplicaSets: (namespace, selectors) =>
        list(ReplicaSet, "V1ReplicaSetList", `list replicasets in ${namespace}`, (o) =>
          apps.listNamespacedReplicaSet({ namespace, ...selectorParams(selectors) }, o),
        ),
      listStatefulSets: (namespace) =>
        list(StatefulSet, "V1StatefulSetList", `list statefulsets in ${namespace}`, (o) =>
          apps.listNamespacedStatefulSet({ namespace }, o),
        ),
      listDaemonSets: (namespace) =>
        list(DaemonSet, "V1DaemonSetList", `list daemonsets in ${namespace}`, (o) =>
          apps.listNamespacedDaemonSet({ namespace }, o),
        ),
      listNodes: () => list(Node, "V1NodeList", "list nodes", (o) => core.listNode({}, o)),
      getNode: (name) => one(Node, "V1Node", `get node ${name}`, (o) => core.readNode({ name }, o)),
      listHpas: (namespace) =>
        list(HorizontalPodAutoscaler, "V2HorizontalPodAutoscalerList", `list hpas in ${namespace}`, (o) =>
          autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace }, o),
        ),
      listNamespaces: () =>
        list(Namespace, "V1NamespaceList", "list namespaces", (o) => core.listNamespace({}, o)),
      listConfigMaps: (namespace) =>
        list(ConfigMap, "V1ConfigMapList", `list configmaps in ${namespace}`, (o) =>
          core.listNamespacedConfigMap({ namespace }, o),
        ),
      listServices: (namespace) =>
        list(Service, "V1ServiceList", `list services in ${namespace}`, (o) =>
          core.listNamespacedService({ namespace }, o),
        ),
      listNetworkPolicies: (namespace) =>
        list(NetworkPolicy, "V1NetworkPolicyList", `list networkpolicies in ${namespace}`, (o) =>
          networking.listNamespacedNetworkPolicy({ namespace }, o),
        ),
      listPodDisruptionBudgets: (namespace) =>
        list(
          PodDisruptionBudget,
          "V1PodDisruptionBudgetList",
          `list poddisruptionbudgets in ${namespace}`,
          (o) => policy.listNamespacedPodDisruptionBudget({ namespace }, o),
        ),
      listResourceQuotas: (namespace) =>
        list(ResourceQuota, "V1ResourceQuotaList", `list resourcequotas in ${namespace}`, (o) =>
          core.listNamespacedResourceQuota({ namespace }, o),
        ),
      listCronJobs: (namespace) =>
        list(CronJob, "V1CronJobList", `list cronjobs in ${namespace}`, (o) =>
          batch.listNamespacedCronJob({ namespace }, o),
        ),
      listJobs: (namespace) =>
        list(Job, "V1JobList", `list jobs${inNs(namespace)}`, (o) =>
          namespace === null
            ? batch.listJobForAllNamespaces({}, o)
            : batch.listNamespacedJob({ namespace }, o),
        ),
      // A custom resource's list is plain JSON (no model to serialise back): "object" keeps it as is.
      listCustomObjects: ({ group, version, plural }, namespace) =>
        list(CustomObject, "object", `list ${plural}.${group}${inNs(namespace)}`, (o) =>
          namespace === null
            ? custom.listClusterCustomObject({ group, version, plural }, o)
            : custom.listNamespacedCustomObject({ group, version, namespace, plural }, o),
        ),
      podLogs: (namespace, pod, logOptions) => {
        const label = `logs ${namespace}/${pod}/${logOptions.container}${logOptions.previous === true ? " (previous)" : ""}`
        const since = logOptions.sinceTime
        return call(
          label,
          (o) =>
            core.readNamespacedPodLog(
              {
                namespace,
                name: pod,
                container: logOptions.container,
                ...(logOptions.previous === undefined ? {} : { previous: logOptions.previous }),
                ...(logOptions.tailLines === undefined ? {} : { tailLines: logOptions.tailLines }),
                ...(logOptions.timestamps === undefined ? {} : { timestamps: logOptions.timestamps }),
              },
              o,
            ),
          // client-node 1.4.0 has no sinceTime parameter; the API server has, so it goes on the query.
          since === undefined
            ? undefined
            : (ctx) => ctx.setQueryParam("sinceTime", DateTime.formatIso(since)),
        ).pipe(
          Effect.flatMap((text) => Schema.decodeUnknown(Schema.String)(text)),
          Effect.mapError((e) =>
            e instanceof ClusterError
              ? e
              : new ClusterError({ reason: "unavailable", message: `${label}: not text` }),
          ),
        )
      },
    }
  })

/** The Cluster layer; never fails (see the module header). */
export const kubernetesClusterLayer = (options: KubernetesClusterOptions): Layer.Layer<Cluster> =>
  Layer.effect(Cluster, makeKubernetesCluster(options))
