/**
 * Where in Kubernetes the alert points: namespace, workload, pod, container, node, cluster.
 * Evidence is ranked by how explicit it is — a label beats a `Kind ns/name` reference, which
 * beats a name derived from a pod, which beats prose — because the Kubernetes agent goes
 * exactly where these say and a wrong namespace sends it to the wrong place.
 */
import {
  clusterFromLogGroups,
  clusterInText,
  containerInText,
  isPodKind,
  isWorkloadKind,
  kindRefs,
  namespaceInText,
  nodeInText,
  podInText,
  workloadInText,
  workloadOfPods,
} from "./alert-facts-k8s-text.js"
import { firstToken, type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"
import {
  asDnsLabel,
  asDnsSubdomain,
  asLooseName,
  dataSystemCluster,
  inProse,
  isMonitoringTarget,
  isSystemNamespace,
  looksLikeCluster,
  looksLikeNode,
  namesDataCluster,
  workloadFromPod,
} from "./alert-facts-names.js"
import type { AlertDoc } from "./alert-facts-text.js"

const clusterKeys: ReadonlySet<string> = new Set(labelKeys.cluster)

export interface KubeFacts {
  readonly namespace: string | null
  readonly workload: string | null
  readonly pod: string | null
  readonly container: string | null
  readonly node: string | null
  readonly cluster: string | null
}

const labelled = (
  pairs: ReadonlyArray<LabelPair>,
  keys: ReadonlyArray<string>,
  accept: (v: string) => string | null,
) => lookup(pairs, keys, (v) => accept(firstToken(v)))

const workloadLabel = (pairs: ReadonlyArray<LabelPair>): string | null =>
  lookup(pairs, labelKeys.workload, (v, pair) => {
    const name = asDnsSubdomain(firstToken(v))
    // `job` is usually Prometheus' scrape job; it names a Job only when it is not the exporter.
    return name !== null && pair.key === "job" && isMonitoringTarget(name) ? null : name
  })

const nodeLabel = (pairs: ReadonlyArray<LabelPair>): string | null =>
  labelled(pairs, labelKeys.node, asDnsSubdomain) ??
  labelled(pairs, ["host", "hostname", "instance"], (v) => {
    const host = v.replace(/:\d{1,5}$/, "").toLowerCase()
    return looksLikeNode(host) ? asDnsSubdomain(host) : null
  })

/**
 * Alertmanager titles end with the values of the labels the group shares, sorted by label name
 * — `(eks-prod payments)` is `cluster namespace`. The value right before a known namespace is
 * taken as the cluster only when nothing else claims it and the group is exactly that pair or
 * the value says it is a cluster; with no namespace known, only a cluster-looking pair counts.
 */
const fromTitleGroup = (
  values: ReadonlyArray<string>,
  namespace: string | null,
  taken: ReadonlyArray<string | null>,
): { readonly cluster: string | null; readonly namespace: string | null } => {
  const claimed = (v: string) => taken.some((t) => t !== null && (t === v || t.startsWith(`${v}-`)))
  const asCluster = (v: string | undefined): string | null => {
    const c = v === undefined ? null : inProse(asLooseName)(v)
    return c === null || claimed(c) || isMonitoringTarget(c) || isSystemNamespace(c) ? null : c
  }
  const at = namespace === null ? -1 : values.indexOf(namespace)
  if (at > 0) {
    const c = asCluster(values[at - 1])
    return { cluster: c !== null && (values.length === 2 || looksLikeCluster(c)) ? c : null, namespace: null }
  }
  const [first, second] = values
  if (namespace !== null || values.length !== 2 || second === undefined)
    return { cluster: null, namespace: null }
  const c = asCluster(first)
  const ns = inProse(asDnsLabel)(second)
  const free = ns !== null && !taken.includes(ns)
  return c !== null && free && looksLikeCluster(c)
    ? { cluster: c, namespace: ns }
    : { cluster: null, namespace: null }
}

export interface KubeContext {
  readonly groupValues: ReadonlyArray<string>
  readonly logGroups: ReadonlyArray<string>
  /** Other names read from the alert (alert name, severity label): never a cluster. */
  readonly otherNames: ReadonlyArray<string | null>
  readonly alertName: string | null
}

export const kubernetesFacts = (
  doc: AlertDoc,
  pairs: ReadonlyArray<LabelPair>,
  ctx: KubeContext,
): KubeFacts => {
  const text = doc.plain
  const refs = kindRefs(text)
  const podRef = refs.find((r) => isPodKind(r.kind))
  const workloadRef = refs.find((r) => isWorkloadKind(r.kind))
  const stated =
    labelled(pairs, labelKeys.namespace, asDnsLabel) ??
    refs.find((r) => r.namespace !== null)?.namespace ??
    namespaceInText(text)
  const pod = labelled(pairs, labelKeys.pod, asDnsSubdomain) ?? podRef?.name ?? podInText(text)
  const container =
    labelled(pairs, labelKeys.container, asDnsLabel) ?? podRef?.container ?? containerInText(text)
  const workload =
    workloadLabel(pairs) ??
    workloadRef?.name ??
    workloadInText(text) ??
    (pod === null ? null : workloadFromPod(pod)) ??
    workloadOfPods(text)
  const node = nodeLabel(pairs) ?? nodeInText(text)
  // A grouped value that another label states (`service = listing-search`) is that label's, not
  // the cluster's: Grafana groups by any label, not only `cluster namespace`.
  const labelValues = pairs.filter((p) => !clusterKeys.has(p.key)).map((p) => firstToken(p.value))
  const group = fromTitleGroup(ctx.groupValues, stated, [
    pod,
    workload,
    container,
    node,
    ...ctx.otherNames,
    ...labelValues,
  ])
  const named =
    labelled(pairs, labelKeys.cluster, asLooseName) ??
    group.cluster ??
    clusterFromLogGroups(ctx.logGroups) ??
    clusterInText(text)
  // `cluster=msk-orders` on a consumer-lag alert is the Kafka cluster; the consumers run in
  // whichever Kubernetes cluster the agents read.
  // `OpenSearchClusterRed` with `cluster = listings-os` is the OpenSearch cluster, likewise.
  const cluster =
    named !== null && (namesDataCluster(named) || dataSystemCluster(ctx.alertName, named)) ? null : named
  return { namespace: stated ?? group.namespace, workload, pod, container, node, cluster }
}
