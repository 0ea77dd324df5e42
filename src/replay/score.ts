/**
 * FORMAT.md's scoring, as a pure function: a scenario passes when the decision matches, the
 * severity is within range, every `cause_terms` group is matched in the top cause's text, every
 * cause cites existing finding ids, every agent in `evidence_from` is ok with a finding of
 * severity ≥ medium, and no `must_not_contain` term appears in any cause's text.
 */
import type { IncidentReport } from "../domain/incident-report.js"
import { severityRank } from "../domain/severity.js"
import type { ScenarioExpect } from "./scenario.js"

export interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
}

export interface Score {
  readonly pass: boolean
  readonly checks: ReadonlyArray<Check>
}

const lower = (s: string) => s.toLowerCase()

export const scoreRun = (
  expect: ScenarioExpect,
  run: { readonly decision: "investigate" | "gate"; readonly report: IncidentReport | null },
): Score => {
  const checks: Array<Check> = []
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail })
  add("decision", run.decision === expect.decision, `expected ${expect.decision}, got ${run.decision}`)
  const report = run.report
  if (expect.decision === "investigate" && report !== null) {
    const [lo, hi] = expect.severity
    const rank = severityRank(report.severity)
    add(
      "severity",
      rank >= severityRank(lo) && rank <= severityRank(hi),
      `${report.severity} within [${lo}, ${hi}]`,
    )
    const top = lower(report.causes[0]?.text ?? "")
    for (const group of expect.cause_terms) {
      add(
        `cause_terms ${JSON.stringify(group)}`,
        group.some((term) => top.includes(lower(term))),
        `top cause: ${report.causes[0]?.text ?? "(none)"}`,
      )
    }
    const ids = new Set(report.evidence.flatMap((b) => b.findings.map((f) => f.id)))
    const citing = report.causes.every((c) => c.findings.length > 0 && c.findings.every((id) => ids.has(id)))
    add("causes cite findings", citing, report.causes.map((c) => `[${c.findings.join(", ")}]`).join(" "))
    for (const agent of expect.evidence_from) {
      const block = report.evidence.find((b) => b.agent === agent)
      const ok =
        block !== undefined &&
        block.status === "ok" &&
        block.findings.some((f) => severityRank(f.severity) >= severityRank("medium"))
      add(
        `evidence_from ${agent}`,
        ok,
        block === undefined ? "no block" : `${block.status}, ${block.findings.length} findings`,
      )
    }
    const causeText = lower(report.causes.map((c) => c.text).join("\n"))
    for (const term of expect.must_not_contain) {
      add(`must_not_contain ${term}`, !causeText.includes(lower(term)), "")
    }
  } else if (expect.decision === "investigate") {
    add("report", false, "no report was released")
  }
  return { pass: checks.every((c) => c.ok), checks }
}
