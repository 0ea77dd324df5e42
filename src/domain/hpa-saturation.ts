/**
 * An HPA at its maxReplicas with its metric far past the target: it wants more replicas than
 * it may have, so the pods it has carry the rest of the load and saturate (CPU throttled, event
 * loop lag, probes timing out). The eks agent words its `hpa_maxed` finding with
 * `hpaSaturatedWord`; cause inference reads that word to lay the probe failures and liveness
 * kills of the same workload at the ceiling's door (causes-chain.ts). Pure.
 */

/** Past this many times its target, a metric at the ceiling means saturation, not a busy hour. */
export const saturationRatio = 1.5

export const isSaturatedRatio = (ratio: number | null): boolean => ratio !== null && ratio >= saturationRatio

export const hpaSaturatedWord = "saturated"

/** An `hpa_maxed` finding whose metric is far past its target. */
export const saturatedAtMax = (f: { readonly kind: string; readonly title: string }): boolean =>
  f.kind === "hpa_maxed" && new RegExp(`\\b${hpaSaturatedWord}\\b`).test(f.title)
