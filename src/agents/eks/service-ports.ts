/**
 * A Service that sends traffic to a port its pods do not listen on: a release moved the app from
 * 8080 to 9000 (or renamed the named port) and the Service's `targetPort` stayed. The pods pass
 * their own probes on the new port and read Ready — unless a load balancer's readiness gate
 * waits for its target-group health checks, which fail on the old port (`target-health.elbv2…`
 * False, `Target.FailedHealthChecks`), so the rollout stalls; either way callers through the
 * Service get connection refused. Found by comparing each in-scope workload's Services with the
 * ports its pods declare. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import type { Pod, Service } from "../../domain/kubernetes.js"
import { eksFinding, plural, type ScopedWorkload } from "./eks-finding.js"
import { selects } from "./workloads.js"

type ServicePort = Service["spec"]["ports"][number]

const declared = (p: Pod) => p.spec.containers.flatMap((c) => c.ports)

/** Does the pod listen where the Service port sends traffic? Unknown (no ports declared) counts as yes. */
const reaches = (sp: ServicePort, p: Pod): boolean => {
  const ports = declared(p)
  if (ports.length === 0) return true
  const target = sp.targetPort ?? String(sp.port)
  return /^\d+$/.test(target)
    ? ports.some((cp) => cp.containerPort === Number(target))
    : ports.some((cp) => cp.name === target)
}

/** A readiness gate of the pod's that is False: the load balancer's own view of the target. */
const failingGate = (p: Pod) => {
  const gates = new Set(
    p.status.conditions
      .filter((c) => c.type.includes("target-health") || c.type.includes("/"))
      .map((c) => c.type),
  )
  return p.status.conditions.find((c) => gates.has(c.type) && c.status === "False") ?? null
}

const portsText = (pods: ReadonlyArray<Pod>): string =>
  [
    ...new Set(
      pods.flatMap((p) =>
        declared(p).map((cp) =>
          cp.name === undefined ? `${cp.containerPort}` : `${cp.containerPort} (${cp.name})`,
        ),
      ),
    ),
  ].join(", ")

/** The port findings of the in-scope workloads' Services (see the module header). */
export const servicePortFindings = (
  workloads: ReadonlyArray<ScopedWorkload>,
  services: ReadonlyArray<Service>,
): ReadonlyArray<Finding> =>
  workloads.flatMap((w) => {
    if (!w.inScope) return []
    const live = w.pods.filter((p) => p.status.phase !== "Succeeded" && p.status.phase !== "Failed")
    return services.flatMap((svc) => {
      const selector = svc.spec.selector
      if ((svc.metadata.namespace ?? "") !== w.namespace || Object.keys(selector).length === 0) return []
      const selected = live.filter((p) => selects(selector, p.metadata.labels))
      return svc.spec.ports.flatMap((sp) => {
        const missed = selected.filter((p) => !reaches(sp, p))
        if (missed.length === 0) return []
        const target = sp.targetPort ?? String(sp.port)
        const gate = missed.map(failingGate).find((g) => g !== null) ?? null
        const gateText =
          gate === null
            ? ""
            : ` — the load balancer's health checks on port ${target} fail (readiness gate ${gate.type}: ${gate.reason ?? "False"}${gate.message === undefined || gate.message === "" ? "" : ` — ${gate.message}`})`
        return [
          eksFinding({
            kind: "service_port",
            title: `${w.name}: Service ${svc.metadata.name} sends port ${sp.port} to targetPort ${target}, but ${plural(missed.length, "pod")} of ${selected.length} listen on ${portsText(missed)}${gateText}`,
            detail:
              `Service ${w.namespace}/${svc.metadata.name} port ${sp.port} targets ${target}; ${missed.map((p) => p.metadata.name).join(", ")} ` +
              `declare no such container port (they declare ${portsText(missed)}). Traffic through the Service, and a load balancer's ` +
              `target-group health checks on that port, reach nothing on those pods. Align the Service's targetPort with the pods' ` +
              "port (or use the port's name on both) in the same change that moved it.",
            severity: missed.length === selected.length ? "critical" : "high",
            observedAt: null,
            resource: `service/${w.namespace}/${svc.metadata.name}`,
            service: w.name,
          }),
        ]
      })
    })
  })
