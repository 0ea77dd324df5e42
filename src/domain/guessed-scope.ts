/**
 * A service guessed from a person's words that the evidence never confirms. A person's report
 * names no service as a tool does: the facts extraction reads one from its words ("Lifties are
 * waving people through" → `lifties`), and when that word is no workload, no finding's service,
 * log stream or series, scoping by it drops every finding — a report with high findings on the
 * failing service and no cause at all, the worst outcome. Such a guess is dropped, and the report
 * (and the follow-up wave) read the evidence unscoped, as for a report that names nothing. A
 * guess any finding confirms keeps its scope: "checkout is down" stays scoped to checkout-web.
 * Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import { namesOf } from "./causes-names.js"
import { matchesHint } from "./causes-scope.js"
import type { Finding } from "./finding.js"
import { mentions, textOf } from "./report-scope.js"
import { withResolvedService } from "./resolved-service.js"

const named = (s: string | null): string | null => {
  const t = s?.trim().toLowerCase() ?? ""
  return t === "" ? null : t
}

/** The service or workload a person's report was read as naming, when it names nothing more exact. */
const guessedNames = (facts: AlertFacts): ReadonlyArray<string> => {
  if (facts.source !== "human") return []
  // A namespace, pod, node or log group is an exact pointer a person copied, not a guess from prose.
  if (facts.namespace !== null || facts.pod !== null || facts.node !== null || facts.logGroups.length > 0)
    return []
  return [named(facts.service), named(facts.workload)].filter((n): n is string => n !== null)
}

/** Agents that read people's words: their findings echo the report itself, they confirm nothing. */
const echoes = new Set(["slack_scanner", "discord_scanner"])

/** Whether a finding names `guess`: as its service or workload, as a stem of one, or in its words. */
const confirms = (f: Finding, guess: string): boolean =>
  !echoes.has(f.agent) && (namesOf(f).some((n) => matchesHint(n, guess)) || mentions(textOf(f), guess))

/** Whether the facts' service is a guess from a person's words that no finding confirms. */
export const isUnconfirmedGuess = (facts: AlertFacts, findings: ReadonlyArray<Finding>): boolean => {
  const guesses = guessedNames(facts)
  // With no finding at all there is nothing to read unscoped: the guess is all there is.
  if (guesses.length === 0 || findings.length === 0) return false
  return !guesses.some((g) => findings.some((f) => confirms(f, g)))
}

/** The facts with an unconfirmed guess dropped (see the module header); otherwise the facts as they are. */
export const groundedFacts = (facts: AlertFacts, findings: ReadonlyArray<Finding>): AlertFacts =>
  isUnconfirmedGuess(facts, findings)
    ? { ...facts, service: null, workload: null }
    : // An alarm's name no finding names but one workload's name is kin to (resolved-service.ts).
      withResolvedService(facts, findings)
