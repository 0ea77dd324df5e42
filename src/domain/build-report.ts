/**
 * The Incident Report, built by one pure, deterministic function from the alert, its facts and
 * every agent's result (DESIGN §3). The same inputs give the same report whatever order the
 * results arrived in; every text is redacted; every cause cites findings present in the
 * evidence; severity, services, actions and links follow the evidence, never completion order.
 */
import type { DateTime } from "effect"
import { agentOrder } from "./agent-id.js"
import type { AgentResult, AgentUsage } from "./agent-result.js"
import type { AlertContext } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import { suspectedCauses } from "./causes.js"
import type { IncidentReport, ReportAnalysis, ReportFooter } from "./incident-report.js"
import { costOf, type Price } from "./pricing.js"
import { redact as redactText } from "./redact.js"
import { buildActions } from "./report-actions.js"
import { allFindings, evidenceBlocks } from "./report-evidence.js"
import { affectedServices, impactStatement } from "./report-impact.js"
import { reportLinks } from "./report-links.js"
import { scopeOf } from "./report-scope.js"
import { reportSeverity } from "./report-severity.js"
import { alertTitle, headline } from "./report-text.js"
import { buildTimeline } from "./report-timeline.js"

export interface ReportInput {
  readonly investigationId: string
  /** 1 for the report released at the deadline; +1 for every in-place update. */
  readonly revision: number
  /** The alert; its `window` is the evidence window and change lookback. */
  readonly context: AlertContext
  readonly facts: AlertFacts
  /** One per dispatched, disabled or skipped agent; agents still running come as status "timeout". */
  readonly results: ReadonlyArray<AgentResult>
  readonly analysis: ReportAnalysis | null
  readonly startedAt: DateTime.Utc
  readonly builtAt: DateTime.Utc
  readonly prices: Readonly<Record<string, Price>>
  /** The master's own model calls (synthesis), counted in the footer with the agents'. */
  readonly masterUsage: ReadonlyArray<AgentUsage>
}

/** Cites narrowed to findings that exist; citing none of them makes it an alternative reading. */
const checkedAnalysis = (
  analysis: ReportAnalysis | null,
  ids: ReadonlySet<string>,
): ReportAnalysis | null => {
  if (analysis === null) return null
  const cites = analysis.cites.filter((id) => ids.has(id))
  return {
    text: redactText(analysis.text),
    cites,
    role: cites.length === 0 ? "alternative" : analysis.role,
    model: redactText(analysis.model),
  }
}

const footerOf = (input: ReportInput): ReportFooter => {
  // Catalogue order: floating-point sums must not depend on the order results arrived in.
  const ordered = [...input.results].sort((a, b) => agentOrder(a.agent) - agentOrder(b.agent))
  const usage = [...ordered.flatMap((r) => r.usage), ...input.masterUsage]
  const cost = costOf(usage, input.prices)
  return {
    durationMs: Math.max(0, input.builtAt.epochMillis - input.startedAt.epochMillis),
    inputTokens: cost.inputTokens,
    outputTokens: cost.outputTokens,
    costUsd: cost.usd,
    unknownModels: [...cost.unknownModels].sort(),
  }
}

export const buildReport = (input: ReportInput): IncidentReport => {
  const { context, facts } = input
  const window = context.window
  const evidence = evidenceBlocks(input.results)
  const findings = allFindings(evidence)
  const scope = scopeOf(facts)
  const title = alertTitle(context.text)
  const suspected = suspectedCauses({ facts, findings, window, alertTime: context.alertTime })
  const causes = suspected.map((s) => s.cause)
  const top = causes[0]
  const services = affectedServices({ facts, scope, window, causes, findings }).map(redactText)
  return {
    investigationId: input.investigationId,
    revision: Math.max(1, Math.trunc(input.revision)),
    headline: redactText(headline(suspected[0]?.headline, facts, title)),
    severity: reportSeverity({ facts, top, findings, window }),
    alert: {
      platform: context.platform,
      channel: context.channel,
      messageId: context.messageId,
      alertTime: context.alertTime,
      title,
      source: facts.source,
      alertName: facts.alertName === null ? null : redactText(facts.alertName),
    },
    causes: causes.map((c) => ({ text: redactText(c.text), findings: c.findings })),
    services,
    evidence,
    timeline: buildTimeline({ context, facts, title, findings }),
    impact: redactText(impactStatement({ facts, scope, window, findings, services })),
    actions: buildActions({ facts, causes, findings, evidence }).map(redactText),
    links: reportLinks(facts, findings),
    analysis: checkedAnalysis(input.analysis, new Set(findings.map((f) => f.id))),
    footer: footerOf(input),
  }
}
