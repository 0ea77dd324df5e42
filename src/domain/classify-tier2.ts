/**
 * The optional model tier, pure parts only: its prompt, a strict reading of its one-word reply
 * (the original counted "NOT AN ALERT" as ALERT), and how a reply changes a tier-1 result. It
 * may only settle an ambiguous message; no reply, or an unreadable one, leaves it investigated.
 */
import type { Classification } from "./classification.js"

export const classifierDisabledReason = "classifier disabled"

export const tier2SystemPrompt =
  "You are the intake filter for an on-call incident-investigation bot. You receive one chat message " +
  "that mentioned the bot. Decide whether it reports an operational problem worth investigating — a " +
  "monitoring alert or alarm, an on-call page, an error or outage report, or a short human report such " +
  'as "payments are broken", "db is slow" or "checkout returning 502s" — or whether it is ordinary ' +
  "CHATTER: greetings, thanks, acknowledgements, jokes, questions about the bot, or news that a problem " +
  "is already resolved. When in doubt, answer ALERT.\n" +
  "Respond with exactly one word: ALERT or CHATTER. No punctuation, no explanation."

export type Tier2Reply = "alert" | "chatter"

/** Strict: the whole reply, trimmed and without one trailing period, must be one of the two words. */
export const parseTier2Reply = (text: string): Tier2Reply | null => {
  const trimmed = text.trim()
  const word = (trimmed.endsWith(".") ? trimmed.slice(0, -1) : trimmed).toLowerCase()
  return word === "alert" || word === "chatter" ? word : null
}

/** Only an ambiguous, fail-open default of an enabled classifier is worth a model call. */
export const wantsTier2 = (tier1: Classification): boolean =>
  tier1.verdict === "ambiguous" && tier1.tier === "default" && tier1.reasons[0] !== classifierDisabledReason

export const applyTier2 = (tier1: Classification, reply: Tier2Reply | null): Classification => {
  if (reply === null || !wantsTier2(tier1)) return tier1
  return reply === "alert"
    ? { verdict: "alert", decision: "investigate", tier: "llm", reasons: [...tier1.reasons, "llm: alert"] }
    : { verdict: "chatter", decision: "gate", tier: "llm", reasons: [...tier1.reasons, "llm: chatter"] }
}
