/**
 * A pod template change that lowered a container's CPU limit. Such a change is latent: the
 * pods roll out healthy at a quiet hour and are CFS-throttled only at the next peak, hours
 * later (a "rightsizing" from average usage). So the rollout history keeps it in view for
 * longer than other changes (rollout-changes.ts, domain/cpu-limit-cut.ts). Pure.
 */
import { cpuCores } from "../../domain/cpu-limit-cut.js"
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"

/**
 * The containers whose CPU limit the change lowered, as `cpu limit 2 → 500m` (with the
 * container's name when the pod has several). A limit added where there was none is a cut too:
 * the container could use the whole node before.
 */
export const cpuLimitCuts = (before: PodTemplate, after: PodTemplate): ReadonlyArray<string> => {
  const several = after.spec.containers.length > 1
  return after.spec.containers.flatMap((next) => {
    const prev = before.spec.containers.find((c) => c.name === next.name)
    const [was, now] = [prev?.resources.limits.cpu, next.resources.limits.cpu]
    if (prev === undefined || now === undefined || was === now) return []
    const [a, b] = [cpuCores(was), cpuCores(now)]
    if (b === null || (a !== null && !(b < a)) || (a === null && was !== undefined)) return []
    const text = `cpu limit ${was ?? "none"} → ${now}`
    return [several ? `${text} (${next.name})` : text]
  })
}
