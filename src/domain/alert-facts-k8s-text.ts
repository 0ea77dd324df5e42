/**
 * Kubernetes names written in prose rather than labels: the kube-prometheus descriptions
 * (`Pod payments/payments-api-… (api) is in waiting state`, `Job batch/x failed`), kubectl
 * references (`pod/search-indexer-0`), and what people type (`billing-worker pods restarting`,
 * `from eks-prod`). Each scanner returns the first candidate that validates as a name. Prose
 * only counts where the sentence says what the name is (`namespace X`, `X pods`, `cluster X`),
 * and an ordinary word ("the pod is …") is never taken for a name.
 */
import {
  asDnsLabel,
  asDnsSubdomain,
  asLooseName,
  inProse,
  isMonitoringTarget,
  isSystemNamespace,
  looksLikeCluster,
  looksLikeNode,
} from "./alert-facts-names.js"

const proseLabel = inProse(asDnsLabel)
const proseSubdomain = inProse(asDnsSubdomain)
const proseLoose = inProse(asLooseName)

export interface KindRef {
  readonly kind: string
  readonly namespace: string | null
  readonly name: string
  readonly container: string | null
}

const kinds: Readonly<Record<string, string>> = {
  pod: "pod",
  pods: "pod",
  po: "pod",
  deployment: "deployment",
  deployments: "deployment",
  deploy: "deployment",
  statefulset: "statefulset",
  statefulsets: "statefulset",
  sts: "statefulset",
  daemonset: "daemonset",
  daemonsets: "daemonset",
  ds: "daemonset",
  job: "job",
  jobs: "job",
  cronjob: "cronjob",
  cronjobs: "cronjob",
  cj: "cronjob",
  hpa: "hpa",
  horizontalpodautoscaler: "hpa",
}
const workloadKinds = new Set(["deployment", "statefulset", "daemonset", "job", "cronjob", "hpa"])

// `Pod payments/payments-api-… (api)`, `Deployment ns/name`, `HPA ns/name`
const kindWithNamespace =
  /(?<![\w-])(pod|deployment|statefulset|daemonset|cronjob|job|hpa|horizontalpodautoscaler)[ \t]+([a-z0-9][-a-z0-9]{0,62})\/([a-z0-9][-a-z0-9.]{0,252})(?:[ \t]+\(([a-z0-9][-a-z0-9]{0,62})\))?/gi
// kubectl style: `pod/search-indexer-0`, `deploy/payments-api`
const kindSlashName =
  /(?<![\w/.-])(pods?|po|deployments?|deploy|statefulsets?|sts|daemonsets?|ds|cronjobs?|cj|jobs?|hpa)\/([a-z0-9][-a-z0-9.]{0,252})/gi

const trimDots = (s: string): string => s.replace(/\.+$/, "")
const generatedShape = (s: string): boolean => /[a-z]/i.test(s) && /[-\d]/.test(s)

const normalKind = (kind: string): string => kinds[kind.toLowerCase()] ?? kind.toLowerCase()

/** Every `Kind ns/name` and `kind/name` reference, in text order. */
export const kindRefs = (text: string): ReadonlyArray<KindRef> => {
  const withNs = [...text.matchAll(kindWithNamespace)].flatMap((m) => {
    const namespace = asDnsLabel(m[2] ?? "")
    const name = asDnsSubdomain(trimDots(m[3] ?? ""))
    if (namespace === null || name === null) return []
    const container = m[4] === undefined ? null : asDnsLabel(m[4])
    return [{ at: m.index, ref: { kind: normalKind(m[1] ?? ""), namespace, name, container } }]
  })
  const slashed = [...text.matchAll(kindSlashName)].flatMap((m) => {
    const name = asDnsSubdomain(trimDots(m[2] ?? ""))
    return name === null
      ? []
      : [{ at: m.index, ref: { kind: normalKind(m[1] ?? ""), namespace: null, name, container: null } }]
  })
  return [...withNs, ...slashed].sort((a, b) => a.at - b.at).map((x) => x.ref)
}

export const isWorkloadKind = (kind: string): boolean => workloadKinds.has(kind)
export const isPodKind = (kind: string): boolean => kind === "pod"

const firstMatch = (
  text: string,
  pattern: RegExp,
  accept: (m: RegExpExecArray) => string | null,
): string | null => {
  for (const m of text.matchAll(pattern)) {
    const v = accept(m)
    if (v !== null) return v
  }
  return null
}

const namespaceBefore = /\bnamespace[ \t]+"?([a-z0-9][-a-z0-9]{0,62})/gi
const namespaceAfter = /\b(?:in|from|of)[ \t]+(?:the[ \t]+)?"?([a-z0-9][-a-z0-9]{0,62})"?[ \t]+namespace\b/gi

// kubectl's `-n payments`, `--namespace=payments`, and `in ns payments`
const namespaceFlag = /(?<![\w-])(?:-n|--namespace|ns)[ \t=]+([a-z0-9][-a-z0-9]{0,62})(?![\w-])/g

/** `in namespace search`, `in the payments namespace`, `kubectl -n payments`. */
export const namespaceInText = (text: string): string | null =>
  firstMatch(text, namespaceBefore, (m) => proseLabel(m[1] ?? "")) ??
  firstMatch(text, namespaceAfter, (m) => proseLabel(m[1] ?? "")) ??
  firstMatch(text, namespaceFlag, (m) => proseLabel(m[1] ?? ""))

const podWord = /\bpod[ \t]+"?([a-z0-9][-a-z0-9.]{0,252})/gi
// <workload>-<hash>-<suffix> anywhere, e.g. a log stream `payments-api-6c9f7d8b4-q7x2m_payments_api`
const replicaSetPodToken =
  /(?<![\w.-])([a-z0-9][-a-z0-9]{0,200}-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5})(?![a-z0-9-]|\.[a-z0-9])/g

/** `pod payments-api-…`, or a bare name with a ReplicaSet hash. */
export const podInText = (text: string): string | null =>
  firstMatch(text, podWord, (m) => {
    const v = trimDots(m[1] ?? "")
    return generatedShape(v) ? proseSubdomain(v) : null
  }) ?? firstMatch(text, replicaSetPodToken, (m) => proseSubdomain(m[1] ?? ""))

const kindThenName = /\b(?:deployment|statefulset|daemonset|job)[ \t]+"?([a-z0-9][-a-z0-9.]{0,252})/gi
const nameThenKind = /(?<![\w.-])([a-z0-9][-a-z0-9]{0,252})[ \t]+(?:deployment|statefulset|daemonset)\b/gi
const nameThenPods = /(?<![\w.-])([a-z0-9][-a-z0-9]{0,62})[ \t]+pods\b/gi

/** `deployment payments-api`, `the payments-api deployment`. */
export const workloadInText = (text: string): string | null =>
  firstMatch(text, kindThenName, (m) => {
    const v = trimDots(m[1] ?? "")
    return generatedShape(v) ? proseSubdomain(v) : null
  }) ??
  firstMatch(text, nameThenKind, (m) => (generatedShape(m[1] ?? "") ? proseSubdomain(m[1] ?? "") : null))

/** What people write: `billing-worker pods restarting`, `the ingest pods`. */
export const workloadOfPods = (text: string): string | null =>
  firstMatch(text, nameThenPods, (m) => (/[a-z]/i.test(m[1] ?? "") ? proseSubdomain(m[1] ?? "") : null))

const containerInPod = /\bcontainer[ \t]+"?([a-z0-9][-a-z0-9]{0,62})"?[ \t]+(?:in|of)[ \t]+pod\b/gi
const quotedContainer = /\bcontainer[ \t]+"([a-z0-9][-a-z0-9]{0,62})"/gi
const onContainer = /\bon[ \t]+container[ \t]+([a-z0-9][-a-z0-9]{0,62})/gi

/** `container api in pod …`, `container "api"`, `on container indexer`. */
export const containerInText = (text: string): string | null =>
  firstMatch(text, containerInPod, (m) => proseLabel(m[1] ?? "")) ??
  firstMatch(text, quotedContainer, (m) => proseLabel(m[1] ?? "")) ??
  firstMatch(text, onContainer, (m) => proseLabel(m[1] ?? ""))

const nodeWord = /\bnode[ \t]+"?([a-z0-9][-a-z0-9.]{0,252})/gi
const bareNode =
  /(?<![\w.-])(ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?:\.[a-z0-9-]{1,63}){0,6}|gke-[a-z0-9-]{1,100}-[a-f0-9]{8}-[a-z0-9]{4}|aks-[a-z0-9]{1,12}-\d{8}-vmss[a-z0-9]{6})(?![\w-])/g

/** `node ip-10-0-1-23.ec2.internal`, or a bare EC2/GKE/AKS node name. */
export const nodeInText = (text: string): string | null =>
  firstMatch(text, nodeWord, (m) => {
    const v = trimDots(m[1] ?? "")
    return looksLikeNode(v) ? proseSubdomain(v) : null
  }) ?? firstMatch(text, bareNode, (m) => proseSubdomain(m[1] ?? ""))

const clusterThenName = /\bcluster[ \t]+"?([A-Za-z0-9][\w.-]{0,99})/gi
const nameThenCluster = /(?<![\w.-])([A-Za-z0-9][\w.-]{0,99})[ \t]+cluster\b/gi
const placeThenName =
  /\b(?:from|in|on|at)[ \t]+(?:the[ \t]+)?([A-Za-z0-9][\w.-]{0,99})(?![\w.-]|[ \t]+namespace)/gi
const clusterLogGroup = /^\/aws\/(?:containerinsights|eks)\/([A-Za-z0-9][\w-]{0,99})\//

/** `cluster eks-prod`, `the eks-prod cluster`, `from eks-prod`. */
export const clusterInText = (text: string): string | null =>
  firstMatch(text, clusterThenName, (m) => {
    const v = trimDots(m[1] ?? "")
    return generatedShape(v) ? proseLoose(v) : null
  }) ??
  firstMatch(text, nameThenCluster, (m) => (generatedShape(m[1] ?? "") ? proseLoose(m[1] ?? "") : null)) ??
  firstMatch(text, placeThenName, (m) => {
    const v = trimDots(m[1] ?? "")
    const plausible = looksLikeCluster(v) && !isMonitoringTarget(v) && !isSystemNamespace(v)
    return plausible ? proseLoose(v) : null
  })

/** Container Insights and EKS control-plane log groups name their cluster. */
export const clusterFromLogGroups = (logGroups: ReadonlyArray<string>): string | null => {
  for (const g of logGroups) {
    const m = clusterLogGroup.exec(g)
    if (m?.[1] !== undefined) return m[1]
  }
  return null
}
