/**
 * buildReport over generated investigations: the report is a valid IncidentReport whatever the
 * agents returned, the same whatever order their results arrived in, and its invariants hold —
 * catalogue order, ids as numbered, causes citing present findings, severity never below the
 * alert's label, services that are services, a timeline in time order.
 */
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type AgentId, agentOrder, specialists } from "../../src/domain/agent-id.js"
import type { AgentResult, AgentStatus } from "../../src/domain/agent-result.js"
import { buildReport } from "../../src/domain/build-report.js"
import { IncidentReport } from "../../src/domain/incident-report.js"
import { type Severity, severityRank } from "../../src/domain/severity.js"
import { at, finding, oomFacts, oomInput } from "./build-report-support.js"

const severities: ReadonlyArray<Severity> = ["critical", "high", "medium", "low", "info"]

const arbitraryFinding = (agent: AgentId) =>
  fc
    .record({
      severity: fc.constantFrom(...severities),
      kind: fc.constantFrom("rollout", "oom_killed", "log_signature", "deploy_announcement", "image_pull"),
      minutes: fc.option(fc.integer({ min: -500, max: 30 }), { nil: null }),
      service: fc.option(fc.constantFrom("payments-api", "checkout-web", "/aws/eks/app", "reports"), {
        nil: null,
      }),
      resource: fc.option(
        fc.constantFrom(
          "pod/payments/payments-api-6c9f7d8b4-q7x2m",
          "pod/batch/reports-1-abcde",
          "loggroup//aws/app",
        ),
        { nil: null },
      ),
      title: fc.string({ maxLength: 40 }),
    })
    .map(({ minutes, title, ...r }) =>
      finding(agent, {
        ...r,
        title: `${r.kind} ${title}`,
        observedAt:
          minutes === null
            ? null
            : at(new Date(Date.parse("2026-11-27T13:05:00Z") + minutes * 60_000).toISOString()),
      }),
    )

const arbitraryResult = (agent: AgentId): fc.Arbitrary<AgentResult> =>
  fc
    .record({
      status: fc.constantFrom<AgentStatus>(
        "ok",
        "ok",
        "error",
        "unhealthy",
        "timeout",
        "disabled",
        "skipped",
      ),
      findings: fc.array(arbitraryFinding(agent), { maxLength: 12 }),
      tokens: fc.nat({ max: 10_000 }),
    })
    .map((r) => ({
      agent,
      status: r.status,
      findings: r.status === "ok" ? r.findings : [],
      summary: "",
      reason: r.status === "ok" ? null : "because",
      scanned: [],
      usage: [
        { model: "us.anthropic.claude-haiku-4-5-20251001-v1:0", inputTokens: r.tokens, outputTokens: 1 },
      ],
      durationMs: 100,
    }))

const arbitraryResults = fc
  .subarray(
    specialists.map((s) => s.id),
    { minLength: 1 },
  )
  .chain((agents) => fc.tuple(...agents.map(arbitraryResult)))

const label = fc.option(fc.constantFrom(...severities), { nil: null })

describe("buildReport properties", () => {
  it("property (seed 61): results in any order give the same report", () => {
    fc.assert(
      fc.property(
        arbitraryResults.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        ([results, shuffled]) => {
          expect(buildReport(oomInput({ results: shuffled }))).toEqual(buildReport(oomInput({ results })))
        },
      ),
      { seed: 61, numRuns: 200 },
    )
  })

  it("property (seed 62): a valid IncidentReport whose invariants hold", () => {
    const encode = Schema.encodeSync(IncidentReport)
    const decode = Schema.decodeUnknownSync(IncidentReport)
    fc.assert(
      fc.property(arbitraryResults, label, (results, severity) => {
        const report = buildReport(
          oomInput({ results, facts: { ...oomFacts, severity, severityLabel: severity } }),
        )
        expect(decode(encode(report))).toEqual(report)

        const orders = report.evidence.map((b) => agentOrder(b.agent))
        expect([...orders].sort((a, b) => a - b)).toEqual(orders)
        for (const b of report.evidence) {
          const given = results.find((r) => r.agent === b.agent)?.findings.length
          expect(b.findings.length).toBe(given)
          expect(new Set(b.findings.map((f) => f.id)).size).toBe(b.findings.length)
          for (const f of b.findings) expect(f.id).toMatch(new RegExp(`^${b.agent}#\\d+$`))
          const ranks = b.findings.map((f) => severityRank(f.severity))
          expect([...ranks].sort((x, y) => y - x)).toEqual(ranks)
        }

        const ids = new Set(report.evidence.flatMap((b) => b.findings.map((f) => f.id)))
        expect(report.causes.length).toBeLessThanOrEqual(3)
        for (const c of report.causes) {
          expect(c.findings.length).toBeGreaterThan(0)
          for (const id of c.findings) expect(ids.has(id)).toBe(true)
        }
        if (severity !== null)
          expect(severityRank(report.severity)).toBeGreaterThanOrEqual(severityRank(severity))
        for (const s of report.services) expect(s).not.toMatch(/[/\s]/)
        const times = report.timeline.map((e) => e.at.epochMillis)
        expect([...times].sort((a, b) => a - b)).toEqual(times)
        expect(report.footer.inputTokens).toBe(
          results.reduce((n, r) => n + (r.usage[0]?.inputTokens ?? 0), 3000),
        )
      }),
      { seed: 62, numRuns: 300 },
    )
  })
})
