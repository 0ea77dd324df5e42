/**
 * EKS control-plane lines (the `/aws/eks/<cluster>/cluster` group: kube-apiserver,
 * kube-controller-manager, kube-scheduler streams) read for an alert about one workload. Their
 * streams name the component, never a pod, so the generic scope test sees "a line that mentions
 * the service" — a caller's consequence. But the controller failing to scale
 * `Deployment/<ns>/<name>`, or the scheduler failing to place `<ns>/<name>-7c9d…`, is that
 * workload's own failure reported by the platform, and an aggregated APIService those lines
 * depend on (`v1beta1.metrics.k8s.io` behind the HPA's `pods.metrics.k8s.io`) failing is why.
 * Pure.
 */

/** The control-plane group of an EKS cluster. */
const controlPlaneGroup = /^\/aws\/eks\/[^/]+\/cluster$/i

/**
 * The components whose lines judge workloads. The authenticator's do not, nor the apiserver's
 * audit stream (`kube-apiserver-audit-…`): it records every request naming every object, failing or not.
 */
const controlPlaneStream =
  /^(?:kube-apiserver|kube-controller-manager|kube-scheduler|cloud-controller-manager)-(?!audit-)/i

export const isControlPlaneLine = (group: string, stream: string): boolean =>
  controlPlaneGroup.test(group) && controlPlaneStream.test(stream)

const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Whether a control-plane line names `name` (or one of its pods/ReplicaSets) in `namespace`,
 * the way controllers write objects: `Deployment/giving/donation-intake`, `giving/donation-intake`,
 * `pod="giving/donation-intake-7c9d8e6f5b-2lx8q"`, `namespace="giving" ... "donation-intake"`.
 * The namespace must be the alert's: the same name in another namespace is another workload.
 */
export const namesWorkload = (message: string, namespace: string, name: string): boolean => {
  const n = literal(name.toLowerCase())
  const ns = literal(namespace.toLowerCase())
  const text = message.toLowerCase()
  // `<ns>/<name>` or `<ns>/<name>-<pod or replicaset suffix>`, not `<ns>/<name>x` (another name).
  if (new RegExp(`(?:^|[\\s"'/=(\\[])${ns}/${n}(?:-[a-z0-9]{5,10}){0,2}(?=$|[\\s"',:)\\]])`).test(text))
    return true
  // klog's structured form: `namespace="giving" name="donation-intake"` (either order).
  const nsKey = new RegExp(`namespace="?${ns}"?(?=$|[\\s,])`).test(text)
  const nameKey = new RegExp(`(?:name|hpa|deployment|pod)="?${n}(?:-[a-z0-9]{5,10}){0,2}"?(?=$|[\\s,])`).test(
    text,
  )
  return nsKey && nameKey
}

/** The aggregated metrics APIs an HPA reads through the apiserver. */
const metricsApi = /\b((?:custom\.|external\.)?metrics\.k8s\.io)\b/i

/**
 * The aggregated metrics API a line is about, if any: `metrics.k8s.io` for the HPA's
 * `(get pods.metrics.k8s.io)` and for the apiserver's `v1beta1.metrics.k8s.io failed with`.
 * `custom.` and `external.` are their own APIs (prometheus-adapter, KEDA), kept apart.
 */
export const metricsApiOf = (message: string): string | null => {
  const m = metricsApi.exec(message)
  return m?.[1] === undefined ? null : m[1].toLowerCase()
}

/**
 * The apiserver reporting an aggregated APIService down: its availability controller's
 * `v1beta1.metrics.k8s.io failed with: failing or missing response`, a FailedDiscoveryCheck, or
 * the OpenAPI loader's `503 … error trying to reach service`. A line merely listing the API is not.
 */
const apiServiceDown =
  /failed with:|failing or missing response|FailedDiscoveryCheck|error trying to reach service|unable to handle the request|no endpoints available for service/i

/** The metrics APIService a control-plane line reports failing, or null. */
export const failingApiServiceOf = (message: string): string | null =>
  apiServiceDown.test(message) &&
  /\bv\d+(?:(?:alpha|beta)\d+)?\.(?:custom\.|external\.)?metrics\.k8s\.io\b/i.test(message)
    ? metricsApiOf(message)
    : null
