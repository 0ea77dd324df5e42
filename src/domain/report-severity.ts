/**
 * The report's severity follows the evidence (DESIGN §3): the highest of the alert's own label
 * and the findings the top cause cites. With no label and no cause, the most severe finding
 * inside the investigation window decides; with nothing at all, "info". Never a constant. An
 * uptime monitor reporting DOWN is an endpoint fully down as its users see it: critical (§3).
 */
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import type { Finding } from "./finding.js"
import type { ReportCause } from "./incident-report.js"
import { inWindow } from "./report-scope.js"
import { maxSeverity, type Severity } from "./severity.js"
import { noImpactCap } from "./severity-no-impact.js"

const highest = (findings: ReadonlyArray<Finding>): Severity | null =>
  findings.reduce<Severity | null>(
    (acc, f) => (acc === null ? f.severity : maxSeverity(acc, f.severity)),
    null,
  )

export const reportSeverity = (o: {
  readonly facts: AlertFacts
  readonly top: ReportCause | undefined
  readonly findings: ReadonlyArray<Finding>
  readonly window: InvestigationWindow
}): Severity => {
  const endpointDown = o.facts.source === "uptime" && o.facts.state === "firing"
  const label = endpointDown ? "critical" : o.facts.severity
  const citedFindings = o.findings.filter((f) => o.top?.findings.includes(f.id))
  const top = o.top === undefined ? null : highest(citedFindings)
  // A stuck rollout the old pods still serve is medium at most (severity-no-impact.ts).
  const cited = top === null ? null : noImpactCap(top, citedFindings, o.findings)
  if (label !== null) return cited === null ? label : maxSeverity(label, cited)
  if (cited !== null) return cited
  if (o.top !== undefined) return "info"
  return highest(o.findings.filter((f) => inWindow(o.window, f))) ?? "info"
}
