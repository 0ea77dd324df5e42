/**
 * Which REST paths the Kubernetes replay serves and what they name: the resource table
 * (core/v1, apps/v1, batch/v1, autoscaling/v2, networking.k8s.io/v1, policy/v1, cert-manager's
 * cert-manager.io/v1 and acme.cert-manager.io/v1 — read-only, Secrets deliberately absent) and the
 * parse of `/api/v1/namespaces/{ns}/pods/{name}/log`-style paths into kind, namespace, name and
 * subresource. A path the table does not know is not served (the API's 404).
 */

export interface ResourceType {
  readonly group: string
  readonly version: string
  readonly plural: string
  readonly kind: string
  readonly namespaced: boolean
}

const core = (plural: string, kind: string, namespaced = true): ResourceType => ({
  group: "",
  version: "v1",
  plural,
  kind,
  namespaced,
})
const grouped = (group: string, version: string, plural: string, kind: string): ResourceType => ({
  group,
  version,
  plural,
  kind,
  namespaced: true,
})

/** What the replay serves (read-only). Secrets are deliberately absent. */
export const resourceTypes: ReadonlyArray<ResourceType> = [
  core("pods", "Pod"),
  core("events", "Event"),
  core("services", "Service"),
  core("configmaps", "ConfigMap"),
  core("endpoints", "Endpoints"),
  core("persistentvolumeclaims", "PersistentVolumeClaim"),
  core("resourcequotas", "ResourceQuota"),
  core("nodes", "Node", false),
  core("namespaces", "Namespace", false),
  grouped("apps", "v1", "deployments", "Deployment"),
  grouped("apps", "v1", "replicasets", "ReplicaSet"),
  grouped("apps", "v1", "statefulsets", "StatefulSet"),
  grouped("apps", "v1", "daemonsets", "DaemonSet"),
  grouped("batch", "v1", "jobs", "Job"),
  grouped("batch", "v1", "cronjobs", "CronJob"),
  grouped("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler"),
  grouped("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
  grouped("networking.k8s.io", "v1", "ingresses", "Ingress"),
  grouped("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget"),
  // cert-manager's custom resources: a Certificate, the request and ACME order of each attempt,
  // and the challenge whose solver failed.
  grouped("cert-manager.io", "v1", "certificates", "Certificate"),
  grouped("cert-manager.io", "v1", "certificaterequests", "CertificateRequest"),
  grouped("cert-manager.io", "v1", "issuers", "Issuer"),
  grouped("acme.cert-manager.io", "v1", "orders", "Order"),
  grouped("acme.cert-manager.io", "v1", "challenges", "Challenge"),
]

export interface Route {
  readonly type: ResourceType
  /** null: cluster-scoped, or a namespaced list across all namespaces. */
  readonly namespace: string | null
  readonly name: string | null
  readonly subresource: string | null
}

/** `/api/v1/namespaces/payments/pods/x/log` → pods in payments, name x, subresource log; null when not served. */
export const routeOf = (path: string): Route | null => {
  const seg = path
    .split("/")
    .filter((s) => s !== "")
    .map(decodeURIComponent)
  const [group, version, rest] =
    seg[0] === "api"
      ? ["", seg[1], seg.slice(2)]
      : seg[0] === "apis"
        ? [seg[1], seg[2], seg.slice(3)]
        : [null]
  if (group === null || group === undefined || version === undefined || rest === undefined) return null
  const scoped = rest[0] === "namespaces" && rest.length >= 3
  const [plural, name, subresource, extra] = scoped ? rest.slice(2) : rest
  const type = resourceTypes.find((t) => t.group === group && t.version === version && t.plural === plural)
  if (type === undefined || extra !== undefined) return null
  if (scoped && !type.namespaced) return null
  if (!scoped && type.namespaced && name !== undefined) return null
  return {
    type,
    namespace: scoped ? (rest[1] ?? null) : null,
    name: name ?? null,
    subresource: subresource ?? null,
  }
}
