/**
 * Evidence blocks: one per agent in catalogue order (never completion order), every text
 * redacted again, findings numbered in the agent's own order and only then sorted most severe
 * first — so `eks#3` names the same finding whatever the sort, and a cause can cite it.
 */
import { agentOrder } from "./agent-id.js"
import type { AgentResult, AgentStatus } from "./agent-result.js"
import { type Finding, numberFindings } from "./finding.js"
import type { EvidenceBlock } from "./incident-report.js"
import { redact as redactText } from "./redact.js"
import { compareSeverity } from "./severity.js"

const redactOrNull = (s: string | null): string | null => (s === null ? null : redactText(s))

export const redactFinding = (f: Finding): Finding => ({
  ...f,
  title: redactText(f.title),
  detail: redactText(f.detail),
  excerpt: redactOrNull(f.excerpt),
  link: redactOrNull(f.link),
  resource: redactOrNull(f.resource),
  service: redactOrNull(f.service),
})

/** Which result speaks for an agent reported twice: the most informative status, then the most findings. */
const statusPreference: Readonly<Record<AgentStatus, number>> = {
  ok: 0,
  error: 1,
  unhealthy: 2,
  timeout: 3,
  skipped: 4,
  disabled: 5,
}

const preferred = (a: AgentResult, b: AgentResult): AgentResult => {
  const byStatus = statusPreference[a.status] - statusPreference[b.status]
  if (byStatus !== 0) return byStatus < 0 ? a : b
  return b.findings.length > a.findings.length ? b : a
}

/** One result per agent, in catalogue order; the input order never matters. */
export const oneResultPerAgent = (results: ReadonlyArray<AgentResult>): ReadonlyArray<AgentResult> => {
  const byAgent = new Map<string, AgentResult>()
  for (const r of results) {
    const seen = byAgent.get(r.agent)
    byAgent.set(r.agent, seen === undefined ? r : preferred(seen, r))
  }
  return [...byAgent.values()].sort(
    (a, b) => agentOrder(a.agent) - agentOrder(b.agent) || a.agent.localeCompare(b.agent),
  )
}

const evidenceBlock = (r: AgentResult): EvidenceBlock => {
  // The result's agent owns its findings, whatever each finding claims.
  const numbered = numberFindings(r.findings.map((f) => redactFinding({ ...f, agent: r.agent })))
  return {
    agent: r.agent,
    status: r.status,
    summary: redactText(r.summary),
    reason: redactOrNull(r.reason),
    // Array.prototype.sort is stable: equal severities keep the agent's own order.
    findings: [...numbered].sort((a, b) => compareSeverity(b.severity, a.severity)),
    durationMs: r.durationMs,
  }
}

export const evidenceBlocks = (results: ReadonlyArray<AgentResult>): ReadonlyArray<EvidenceBlock> =>
  oneResultPerAgent(results).map(evidenceBlock)

/** Every finding of the report, in evidence order. */
export const allFindings = (blocks: ReadonlyArray<EvidenceBlock>): ReadonlyArray<Finding> =>
  blocks.flatMap((b) => b.findings)
