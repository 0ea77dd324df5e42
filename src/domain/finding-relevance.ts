/**
 * A finding about a workload the alert does not name is rated `low` by its agent, with a note
 * saying what it would rate in scope. When the causes make that workload the root (a dependency
 * the alerting service's own evidence names is in scope, DESIGN §4), the report restores it.
 */
import { Severity } from "./severity.js"

const marker = /\s?\(Low relevance: the alert does not name this workload; (\w+) if it is in scope\.\)/

export const lowRelevanceNote = (inScope: Severity): string =>
  `(Low relevance: the alert does not name this workload; ${inScope} if it is in scope.)`

/** The severity a low-relevance finding would have in scope, and its detail without the note; null if it has none. */
export const inScopeVersion = (detail: string): { severity: Severity; detail: string } | null => {
  const m = marker.exec(detail)
  const word = m?.[1]
  if (m === null || word === undefined || !Severity.literals.some((s) => s === word)) return null
  const severity = Severity.literals.find((s) => s === word)
  return severity === undefined ? null : { severity, detail: detail.replace(marker, "") }
}
