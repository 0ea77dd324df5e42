/**
 * Who is affected and how badly: the affected services (services, never log groups, pods or
 * channels) and the impact statement, built from the critical/high findings about the alerting
 * workload or naming it (a caller's "upstream payments-api unavailable") and from the alert
 * itself. When nothing shows impact, the statement says so instead of guessing.
 */
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import type { Finding } from "./finding.js"
import type { ReportCause } from "./incident-report.js"
import { type AlertScope, inWindow, relatedTo } from "./report-scope.js"
import { clipText, oneLine } from "./report-text.js"
import { severityRank } from "./severity.js"

const shownInImpact = 5

/** A plausible service name: one token, no path (log groups), not the alert's pod. */
const looksLikeService = (name: string, facts: AlertFacts): boolean =>
  name !== "" &&
  !/[\s/]/.test(name) &&
  name.length <= 100 &&
  name !== facts.pod &&
  !name.startsWith("loggroup")

export const affectedServices = (o: {
  readonly facts: AlertFacts
  readonly scope: AlertScope
  readonly window: InvestigationWindow
  readonly causes: ReadonlyArray<ReportCause>
  readonly findings: ReadonlyArray<Finding>
}): ReadonlyArray<string> => {
  const cited = new Set(o.causes.flatMap((c) => c.findings))
  const relevant = o.findings.filter(
    (f) =>
      cited.has(f.id) ||
      (severityRank(f.severity) >= severityRank("medium") && inWindow(o.window, f) && relatedTo(o.scope, f)),
  )
  const names = [o.facts.service, o.facts.workload, ...relevant.map((f) => f.service)]
    .flatMap((s) => (s === null ? [] : [s.trim()]))
    .filter((s) => looksLikeService(s, o.facts))
  const seen = new Map<string, string>()
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n)
  return [...seen.values()]
}

export const impactStatement = (o: {
  readonly facts: AlertFacts
  readonly scope: AlertScope
  readonly window: InvestigationWindow
  readonly findings: ReadonlyArray<Finding>
  readonly services: ReadonlyArray<string>
}): string => {
  const label =
    o.facts.severityLabel === null ? "" : ` The alert itself is labelled "${oneLine(o.facts.severityLabel)}".`
  const severe = o.findings.filter(
    (f) => severityRank(f.severity) >= severityRank("high") && inWindow(o.window, f) && relatedTo(o.scope, f),
  )
  if (severe.length === 0) {
    const alert = o.facts.alertName ?? "the alert"
    return `Impact unknown: no critical or high finding shows it; only ${alert} reports a problem.${label}`
  }
  const items = severe.slice(0, shownInImpact).map((f) => `${clipText(oneLine(f.title), 140)} (${f.id})`)
  const more = severe.length > shownInImpact ? `; +${severe.length - shownInImpact} more` : ""
  const who = o.services.length === 0 ? "" : ` Affected: ${o.services.join(", ")}.`
  return `${severe.length} critical/high finding${severe.length === 1 ? "" : "s"}: ${items.join("; ")}${more}.${who}${label}`
}
