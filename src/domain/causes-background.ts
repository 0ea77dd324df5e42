/**
 * Background failures behind a person's report. People report what just broke; a failure that
 * began well before the report (a crash loop failing since the day before, already known to its
 * team) is not what they saw when another workload's failure appeared in the report's hour — the
 * Pending scale-out, the fresh errors. Such old chains are dropped from the causes, and stay
 * evidence. Tools are left alone: an alert names its subject, and an old failure it names is its
 * own. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import type { Chain } from "./causes-chain.js"
import { onsetOf } from "./failure-onset.js"
import { severityRank } from "./severity.js"

/** How long before the report a failure must have begun to be background. */
export const backgroundLeadMs = 60 * 60_000

/** The earliest onset the chain's own failure findings state, else null. */
const onsetMs = (chain: Chain): number | null => {
  const onsets = chain.roots.flatMap((f) => onsetOf(f)?.epochMillis ?? [])
  return onsets.length === 0 ? null : Math.min(...onsets)
}

const isOld = (chain: Chain, reportMs: number): boolean => {
  const onset = onsetMs(chain)
  return onset !== null && onset < reportMs - backgroundLeadMs
}

/** A failure (medium or worse) not known to be old, seen within the lead before the report. */
const isFresh = (chain: Chain, reportMs: number): boolean =>
  !isOld(chain, reportMs) &&
  chain.roots.some(
    (f) =>
      severityRank(f.severity) >= severityRank("medium") &&
      f.observedAt !== null &&
      f.observedAt.epochMillis >= reportMs - backgroundLeadMs,
  )

/** The ranked chains without the background ones, for a person's report (see the module header). */
export const withoutBackground = <C extends { readonly chain: Chain }>(
  facts: AlertFacts,
  ranked: ReadonlyArray<C>,
  reportMs: number,
): ReadonlyArray<C> => {
  if (facts.source !== "human" || !ranked.some((r) => isFresh(r.chain, reportMs))) return ranked
  return ranked.filter((r) => !isOld(r.chain, reportMs))
}
