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
import { analysisVerdict } from "./analysis-verdict.js"
import { suspectedCauses } from "./causes.js"
import type { Finding } from "./finding.js"
import { inScopeVersion } from "./finding-relevance.js"
import { groundedFacts } from "./guessed-scope.js"
import type {
  AgentCost,
  AnalysisDraft,
  EvidenceBlock,
  IncidentReport,
  ReportAnalysis,
  ReportCause,
  ReportFooter,
} from "./incident-report.js"
import { costOf, type Price } from "./pricing.js"
import { redact as redactText } from "./redact.js"
import { buildActions } from "./report-actions.js"
import { allFindings, evidenceBlocks } from "./report-evidence.js"
import { affectedServices, impactStatement } from "./report-impact.js"
import { reportLinks } from "./report-links.js"
import { isChange, scopeOf } from "./report-scope.js"
import { reportSeverity } from "./report-severity.js"
import { alertTitle, headline } from "./report-text.js"
import { buildTimeline } from "./report-timeline.js"
import { compareSeverity, severityRank } from "./severity.js"
import { totalsByModel } from "./usage-meter.js"

export interface ReportInput {
  readonly investigationId: string
  /** 1 for the report released at the deadline; +1 for every in-place update. */
  readonly revision: number
  /** The alert; its `window` is the evidence window and change lookback. */
  readonly context: AlertContext
  readonly facts: AlertFacts
  /** One per dispatched, disabled or skipped agent; agents still running come as status "timeout". */
  readonly results: ReadonlyArray<AgentResult>
  /** The master's synthesis as the model wrote it; the report classifies it (analysis-verdict.ts). */
  readonly analysis: AnalysisDraft | null
  readonly startedAt: DateTime.Utc
  readonly builtAt: DateTime.Utc
  readonly prices: Readonly<Record<string, Price>>
  /** The master's own model calls (synthesis), counted in the footer with the agents'. */
  readonly masterUsage: ReadonlyArray<AgentUsage>
}

/** The analysis checked against this revision's evidence and top cause (analysis-verdict.ts). */
const checkedAnalysis = (
  analysis: AnalysisDraft | null,
  findings: ReadonlyArray<Finding>,
  topCause: ReportCause | undefined,
): ReportAnalysis | null => {
  if (analysis === null) return null
  const text = redactText(analysis.text)
  const checked = analysisVerdict({ text, cites: analysis.cites, findings, topCause })
  return {
    text,
    cites: checked.cites,
    unknownCites: checked.unknownCites.map(redactText),
    verdict: checked.verdict,
    reason: checked.reason,
    model: redactText(analysis.model),
  }
}

/** Tokens and cost per agent and model: the agents in catalogue order, then the master's own calls. */
const agentCosts = (
  ordered: ReadonlyArray<AgentResult>,
  masterUsage: ReadonlyArray<AgentUsage>,
  prices: Readonly<Record<string, Price>>,
): ReadonlyArray<AgentCost> =>
  [
    ...ordered.map((r) => ({ agent: r.agent, usage: r.usage })),
    { agent: "master" as const, usage: masterUsage },
  ].flatMap(({ agent, usage }) =>
    totalsByModel(usage).flatMap((u) => {
      if (u.model === null) return []
      const price = prices[u.model]
      return [
        {
          agent,
          model: redactText(u.model),
          inputTokens: u.inputTokens,
          outputTokens: u.outputTokens,
          costUsd:
            price === undefined
              ? null
              : (u.inputTokens * price.input + u.outputTokens * price.output) / 1_000_000,
        },
      ]
    }),
  )

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
    agents: agentCosts(ordered, input.masterUsage, input.prices),
  }
}

/** Kinds that are context on their own: a change, a deploy announcement, a similar past incident. */
const contextKinds: ReadonlySet<string> = new Set(["similar_incident"])

/**
 * DESIGN §3: context (a rollout, a deploy announcement, a similar past incident) is `info` unless
 * it is part of a cause — then it is evidence of that cause, and rated `medium` in the report.
 */
const promoteCited = (
  blocks: ReadonlyArray<EvidenceBlock>,
  cited: ReadonlySet<string>,
  top: ReadonlySet<string>,
): ReadonlyArray<EvidenceBlock> =>
  blocks.map((b) => ({
    ...b,
    // Still most severe first (a stable sort keeps the agent's order among equals).
    findings: b.findings
      .map((f): Finding => {
        // A workload the alert did not name that the top cause is about (a failing dependency)
        // is in scope after all: its finding gets the severity it has in scope.
        const restored = top.has(f.id) ? inScopeVersion(f.detail) : null
        if (restored !== null) return { ...f, ...restored }
        return cited.has(f.id) &&
          (isChange(f) || contextKinds.has(f.kind)) &&
          severityRank(f.severity) < severityRank("medium")
          ? { ...f, severity: "medium" }
          : f
      })
      .sort((x, y) => compareSeverity(y.severity, x.severity)),
  }))

export const buildReport = (input: ReportInput): IncidentReport => {
  const { context } = input
  const window = context.window
  const evidence = evidenceBlocks(input.results)
  const findings = allFindings(evidence)
  // A service guessed from a person's words that nothing confirms must not filter the causes.
  const facts = groundedFacts(input.facts, findings)
  const scope = scopeOf(facts)
  const title = alertTitle(context.text)
  const suspected = suspectedCauses({ facts, findings, window, alertTime: context.alertTime })
  const causes = suspected.map((s) => s.cause)
  const top = causes[0]
  const cited = new Set(causes.flatMap((c) => c.findings))
  const shown = promoteCited(evidence, cited, new Set(top?.findings ?? []))
  const services = affectedServices({ facts, scope, window, causes, findings }).map(redactText)
  return {
    investigationId: input.investigationId,
    revision: Math.max(1, Math.trunc(input.revision)),
    headline: redactText(headline(suspected[0]?.headline, facts, title)),
    severity: reportSeverity({ facts, top, findings: allFindings(shown), window }),
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
    evidence: shown,
    timeline: buildTimeline({ context, facts, title, findings }),
    impact: redactText(impactStatement({ facts, scope, window, findings, services })),
    actions: buildActions({ facts, causes, findings, evidence }).map(redactText),
    links: reportLinks(facts, findings),
    analysis: checkedAnalysis(input.analysis, findings, top),
    footer: footerOf(input),
  }
}
