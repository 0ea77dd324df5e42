/** The alert/chatter gate's vocabulary: Verdict → Decision, with the reasons behind it. */
import { Schema } from "effect"

export const Verdict = Schema.Literal("alert", "chatter", "ambiguous")
export type Verdict = typeof Verdict.Type

export const Decision = Schema.Literal("investigate", "gate")
export type Decision = typeof Decision.Type

/** Which rule decided: an explicit trigger, the tier-1 heuristics, the tier-2 model, or the fail-open default. */
export const Tier = Schema.Literal("explicit", "heuristic", "llm", "default")
export type Tier = typeof Tier.Type

export const Classification = Schema.Struct({
  verdict: Verdict,
  decision: Decision,
  tier: Tier,
  reasons: Schema.Array(Schema.String),
})
export type Classification = typeof Classification.Type
