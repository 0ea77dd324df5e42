/**
 * A change that lowered a container's CPU limit, in the words the rollout history uses for it
 * (`cpu limit 2 → 500m`, template-diff.ts). Such a change is latent: pods roll out healthy at a
 * quiet hour and are CFS-throttled only at the next peak, hours later (a "rightsizing" from
 * average usage), so it is laid at the door of CPU throttling for a day, not an hour. Pure.
 */

/** How long a lowered CPU limit stays a suspect: until the next daily peak has passed. */
export const cpuLimitCutEffectMs = 24 * 3_600_000

/** A Kubernetes CPU quantity in cores: `2` → 2, `500m` → 0.5, `1.5` → 1.5; null when not one. */
export const cpuCores = (quantity: string | undefined): number | null => {
  const m = /^\s*(\d+(?:\.\d+)?)(m?)\s*$/.exec(quantity ?? "")
  if (m === null) return null
  const n = Number(m[1])
  return m[2] === "m" ? n / 1000 : n
}

const cpuLimitStep = /\bcpu limit ([\d.]+m?|none)\s*→\s*([\d.]+m?)(?![\w.])/gi

/** Whether the text records a CPU limit lowered (or set where there was none). */
export const lowersCpuLimit = (text: string): boolean =>
  [...text.matchAll(cpuLimitStep)].some(([, was, now]) => {
    const b = cpuCores(now)
    if (b === null) return false
    if (was === "none") return true
    const a = cpuCores(was)
    return a !== null && b < a
  })

/** CPU throttling in a finding's words (the scope scan's share, cAdvisor's counter, a gloss). */
export const cpuThrottlingWords = /cpu throttl|cfs.throttl|throttled periods|throttled in \d+% of cfs/i
