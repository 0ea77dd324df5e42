/**
 * A Service that sends traffic to none of its workload's pods: its selector asks for a label the
 * pods no longer carry (a chart renamed `tier` to `app.kubernetes.io/component`), so it has no
 * endpoints and every caller gets 503 or connection refused while the pods themselves are Ready
 * — a failure no pod status shows. A Service belongs to an in-scope workload when it has the
 * workload's name (or one extends the other at a `-`), or when part of its selector matches the
 * workload's labels. A Service selecting no pods at all in the namespace is the finding; one
 * that still selects some pods is not. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import type { Pod, Service } from "../../domain/kubernetes.js"
import { eksFinding, type ScopedWorkload } from "./eks-finding.js"
import { selects } from "./workloads.js"

type Labels = Readonly<Record<string, string>>

const labelsOf = (w: ScopedWorkload): ReadonlyArray<Labels> => [
  w.deployment?.spec.template.metadata?.labels ?? {},
  ...w.pods.map((p) => p.metadata.labels),
]

const sameName = (a: string, b: string): boolean => a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`)

const text = (l: Labels): string =>
  Object.entries(l)
    .filter(([k]) => k !== "pod-template-hash")
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")

/** The Service findings of the in-scope workloads (see the module header). */
export const serviceSelectorFindings = (
  workloads: ReadonlyArray<ScopedWorkload>,
  services: ReadonlyArray<Service>,
  pods: ReadonlyArray<Pod>,
): ReadonlyArray<Finding> =>
  services.flatMap((svc) => {
    const selector = svc.spec.selector
    const namespace = svc.metadata.namespace ?? ""
    if (Object.keys(selector).length === 0 || svc.spec.type === "ExternalName") return []
    const live = pods.filter(
      (p) =>
        (p.metadata.namespace ?? "") === namespace &&
        p.status.phase !== "Succeeded" &&
        p.status.phase !== "Failed",
    )
    if (live.some((p) => selects(selector, p.metadata.labels))) return []
    const owner = workloads.find(
      (w) =>
        w.inScope &&
        w.namespace === namespace &&
        w.pods.length > 0 &&
        (sameName(w.name, svc.metadata.name) ||
          labelsOf(w).some((l) => Object.entries(selector).some(([k, v]) => l[k] === v))),
    )
    if (owner === undefined) return []
    const podLabels = owner.pods[0]?.metadata.labels ?? {}
    const missing = Object.entries(selector).filter(([k, v]) => podLabels[k] !== v)
    return [
      eksFinding({
        kind: "service_selector",
        title: `${owner.name}: Service ${svc.metadata.name} selector matches no pods (${text(Object.fromEntries(missing))} not on any pod): no endpoints`,
        detail:
          `Service ${namespace}/${svc.metadata.name} selects ${text(selector)}; none of the ${live.length} running pod(s) in ${namespace} carries ` +
          `all of it, so it has no endpoints and its callers get 503 / connection refused while ${owner.name}'s ${owner.pods.length} pod(s) ` +
          `(labels ${text(podLabels)}) may be Ready. Compare the Service's selector with the pod template's labels after the last change.`,
        severity: owner.ready > 0 ? "high" : "critical",
        observedAt: null,
        resource: `service/${namespace}/${svc.metadata.name}`,
        service: owner.name,
      }),
    ]
  })
