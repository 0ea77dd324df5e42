/**
 * What a Kubernetes (or cloud) name may look like, and what a pod name says about its owner.
 * The Kubernetes agent scopes its whole investigation from these names, so a value that is not
 * a valid name, or that names the monitoring stack rather than the alerting workload, is
 * rejected here instead of being passed on as a guess.
 */

import { isProberName } from "./alert-facts-probe.js"

/** The alphabet Kubernetes uses for pod-template hashes and generated name suffixes. */
export const generatedNameAlphabet = "bcdfghjklmnpqrstvwxz2456789"

const dnsLabel = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/
const dnsSubdomain = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/
const looseName = /^[A-Za-z0-9](?:[\w.-]{0,126}[A-Za-z0-9])?$/

// <workload>-<pod-template-hash>-<suffix>; an 8-digit middle is a CronJob's Job name instead.
const replicaSetPod = /^(.{1,253})-([bcdfghjklmnpqrstvwxz2456789]{6,10})-([a-z0-9]{5})$/
const cronJobStamp = /^\d{8}$/
const statefulSetPod = /^(.{1,253})-(\d{1,5})$/
const generatedSuffixPod = /^(.{1,253})-([a-z0-9]{5})$/

/** Words that sit where a name would in prose ("pod is", "namespace has") and are never names. */
const notNames = new Set(
  (
    "a an the this that these those our my your its their all any some is are was were be been has have " +
    "had not no of in on at to for from with by and or it we i you they there here what which who name " +
    "names pod pods node nodes namespace namespaces cluster clusters container containers deployment " +
    "deployments service services workload job jobs app apps kubernetes k8s eks gke aks whole entire same " +
    "other new old value none null unknown true false something everything nothing everyone things " +
    "restarting restarts crashing failing failed down up ready notready unready running pending waiting " +
    "terminated again still now please help so just get describe delete logs exec list restart rollout scale edit " +
    "apply top many several multiple few most both two three more other"
  ).split(" "),
)

export const isNameWord = (s: string): boolean => !notNames.has(s.toLowerCase())

// What templates print for a missing label.
const placeholder = /^(?:none|null|nil|unknown|undefined|n\/a|-)$/i

/** Namespace, container: DNS-1123 labels (lower-cased). */
export const asDnsLabel = (value: string): string | null => {
  const v = value.toLowerCase()
  return dnsLabel.test(v) && !placeholder.test(v) ? v : null
}

/** Pod, workload, node: DNS-1123 subdomains (lower-cased). */
export const asDnsSubdomain = (value: string): string | null => {
  const v = value.toLowerCase()
  return dnsSubdomain.test(v) && !placeholder.test(v) ? v : null
}

/** Cluster, service, alarm dimensions: cloud names keep their case and may hold `_`. */
export const asLooseName = (value: string): string | null =>
  looseName.test(value) && !placeholder.test(value) ? value : null

/** The same checks for a name read from prose, which must also not be an ordinary word. */
export const inProse =
  (accept: (value: string) => string | null) =>
  (value: string): string | null => {
    const v = accept(value)
    return v !== null && isNameWord(v) ? v : null
  }

/**
 * The workload that owns a pod, from the pod's name: strip the ReplicaSet hash and pod suffix
 * (`payments-api-6c9f7d8b4-q7x2m` → `payments-api`), a StatefulSet ordinal
 * (`search-indexer-0` → `search-indexer`), or a Job/DaemonSet pod suffix
 * (`reports-nightly-28871-abcde` → `reports-nightly-28871`). Null for a name with no such shape.
 */
/** The CronJob a Job is a run of (`<cronjob>-<scheduled minute>`, eight or more digits), else null. */
export const cronJobOf = (jobName: string): string | null => /^(.+)-\d{8,}$/.exec(jobName)?.[1] ?? null

export const workloadFromPod = (pod: string): string | null => {
  const rs = replicaSetPod.exec(pod)
  if (rs?.[1] !== undefined && !cronJobStamp.test(rs[2] ?? "")) return rs[1]
  const sts = statefulSetPod.exec(pod)
  if (sts?.[1] !== undefined) return sts[1]
  const gen = generatedSuffixPod.exec(pod)
  return gen?.[1] ?? null
}

// Scrape targets and exporters: their names fill `job`/`service` labels of alerts about others.
const monitoringStack =
  /(?:^|-)(?:kube-state-metrics|node-exporter|kubelet|cadvisor|apiserver|kube-apiserver|coredns|kube-dns|kube-proxy|kube-scheduler|kube-controller-manager|pushgateway|prometheus-operated|alertmanager-operated|prometheus-operator|blackbox-exporter)$|-exporter$/

// Scrape job names of a stock Prometheus configuration.
const scrapeJob =
  /^(?:kubernetes-(?:pods|nodes|nodes-cadvisor|service-endpoints|services|apiservers|ingresses)|prometheus|node)$/
const systemNamespace = /^kube-(?:system|public|node-lease)$/

/**
 * True for names of the monitoring stack itself (`kube-state-metrics`, `node-exporter`, …),
 * probers included (`blackbox-external`: its alerts are about the target, alert-facts-probe.ts).
 */
export const isMonitoringTarget = (name: string): boolean => {
  const n = name.toLowerCase()
  return monitoringStack.test(n) || scrapeJob.test(n) || isProberName(n)
}

/** Kubernetes' own namespaces (`kube-system`, …): never a cluster, whatever their prefix says. */
export const isSystemNamespace = (name: string): boolean => systemNamespace.test(name.toLowerCase())

const clusterWord = /(?:^|[-_.])(?:eks|gke|aks|k8s|kube|kubernetes|cluster|openshift|ocp)(?:$|[-_.\d])/i

/** Names that say they are a cluster (`eks-prod`, `prod-k8s-2`, `gke-main`). */
export const looksLikeCluster = (name: string): boolean => clusterWord.test(name)

// A data system's own cluster (an MSK, ElastiCache, Aurora or OpenSearch cluster), which an
// alert about it labels `cluster` too — unless the name also says it is Kubernetes'.
const dataClusterWord =
  /(?:^|[-_.])(?:msk|kafka|redis|valkey|elasticache|memcached?|rds|aurora|postgres(?:ql)?|pg|mysql|mariadb|mongo(?:db)?|docdb|opensearch|elasticsearch|es|cassandra|keyspaces|rabbit(?:mq)?|nats|zookeeper|redshift|emr|neptune|dax)(?:$|[-_.\d])/i

/** A `cluster` label that names a data system's cluster, not a Kubernetes one (`msk-orders`). */
export const namesDataCluster = (name: string): boolean =>
  dataClusterWord.test(name) && !clusterWord.test(name)

// The same systems written inside an alert's (CamelCase) name: `OpenSearchClusterRed`,
// `KafkaClusterUnderReplicated`, `RedisClusterDown`.
const dataSystemInName =
  /(?:opensearch|elasticsearch|kafka|msk|redis|valkey|elasticache|memcache|aurora|postgres|mysql|mariadb|mongo|docdb|cassandra|rabbitmq|zookeeper|redshift)/i

/**
 * An alert about a data system (its name says OpenSearch, Kafka, Redis…) labels that system's
 * cluster `cluster`, whatever it is called (`listings-os`); the name must not also say it is a
 * Kubernetes cluster.
 */
export const dataSystemCluster = (alertName: string | null, name: string): boolean =>
  alertName !== null && dataSystemInName.test(alertName) && !clusterWord.test(name)

const awsNode = /^ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?:\.[a-z0-9-]{1,63}){0,6}$/
// gke-<cluster>-<pool>-<8 hex>-<4>, aks-<pool>-<8 digits>-vmss<6>
const managedNode =
  /^(?:gke-[a-z0-9-]{1,100}-[a-f0-9]{8}-[a-z0-9]{4}|aks-[a-z0-9]{1,12}-\d{8}-vmss[a-z0-9]{6})$/

/** Names shaped like cluster nodes: EC2 private DNS names, GKE/AKS node names, FQDNs. */
export const looksLikeNode = (name: string): boolean =>
  awsNode.test(name) ||
  managedNode.test(name) ||
  (name.includes(".") && /[a-z]/.test(name) && /\d/.test(name))

/** A multi-word name ("Core API") as the slug services are deployed under ("core-api"). */
export const slugName = (value: string): string =>
  /\s/.test(value.trim())
    ? value
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
    : value.trim()
