/**
 * An alert's service read from an alarm's name ("haulwise-prod-rate-quote", from
 * `haulwise-prod-rate-quote-p99-latency`) that no finding names, while the findings name one
 * workload sharing its distinctive words (`rate-quote-engine`, name-kinship.ts). The report
 * scopes by that workload instead — otherwise every finding about it reads as out of scope and
 * the report has no cause — and the follow-up wave re-asks the agents that searched by the
 * alarm's name. Several kin, or none, resolve nothing. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import { namesOf } from "./causes-names.js"
import { matchesHint } from "./causes-scope.js"
import type { Finding } from "./finding.js"
import { kinOf } from "./name-kinship.js"

/** The workload the facts' service resolves to (see the module header); null when it needs none. */
export const resolvedService = (facts: AlertFacts, findings: ReadonlyArray<Finding>): string | null => {
  const service = facts.service?.trim().toLowerCase() ?? ""
  if (service === "" || facts.workload !== null || facts.pod !== null) return null
  if (findings.some((f) => namesOf(f).some((n) => matchesHint(n, service)))) return null
  // Services only: a pod's or a ReplicaSet's name would be a second kin of the same workload.
  const services = findings.flatMap((f) => {
    const s = f.service?.trim().toLowerCase() ?? ""
    return s === "" || s.includes("/") ? [] : [s]
  })
  return kinOf(service, services)
}

/** The facts with their service resolved to its kin workload, when it resolves. */
export const withResolvedService = (facts: AlertFacts, findings: ReadonlyArray<Finding>): AlertFacts => {
  const kin = resolvedService(facts, findings)
  return kin === null ? facts : { ...facts, service: kin }
}
