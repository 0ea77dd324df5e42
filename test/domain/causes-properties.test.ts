/**
 * inferCauses over generated investigations around a payments-api alert: findings about it, a
 * dependency it may name, and red herrings (another namespace, another service, another node, a
 * caller complaining about it, another service's deploy), each at a time inside or outside its
 * window. Whatever the mix and its order: at most three causes, every cited id exists, red
 * herrings and out-of-window findings are never cited, context never stands alone, and in-scope
 * symptoms always yield a cause.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { inferCauses } from "../../src/domain/causes.js"
import { type Finding, numberFindings } from "../../src/domain/finding.js"
import { changeKinds } from "../../src/domain/report-scope.js"
import type { Severity } from "../../src/domain/severity.js"
import { at } from "./build-report-support.js"
import { alertFacts, templates } from "./causes-pool.js"
import { alertTime, spec, window } from "./causes-support.js"

interface Drawn {
  readonly template: number
  readonly minutes: number | null
  readonly severity: Severity | null
}

const drawn = fc.record({
  template: fc.nat({ max: templates.length - 1 }),
  // −8 h … +15 min around the alert: inside and outside both windows
  minutes: fc.option(fc.integer({ min: -480, max: 15 }), { nil: null, freq: 8 }),
  severity: fc.option(fc.constantFrom<Severity>("critical", "high", "medium", "low"), { nil: null }),
})

const build = (draws: ReadonlyArray<Drawn>) => {
  const made = draws.flatMap((d) => {
    const t = templates[d.template]
    if (t === undefined) return []
    const severity =
      d.severity !== null && t.role !== "context" && t.role !== "herring" ? d.severity : t.severity
    const f = spec({ ...t, severity, at: null })
    const observedAt =
      d.minutes === null ? null : at(new Date(alertTime.epochMillis + d.minutes * 60_000).toISOString())
    return [{ finding: { ...f, observedAt }, role: t.role }]
  })
  const findings = numberFindings(made.map((m) => m.finding))
  return findings.map((finding, i) => ({ finding, role: made[i]?.role ?? "herring" }))
}

// A failure begun up to half a window before the window opened is still under way (causes.ts).
const outOfWindow = (f: Finding): boolean => {
  if (f.observedAt === null) return false
  const t = f.observedAt.epochMillis
  const lead = (window.end.epochMillis - window.start.epochMillis) / 2
  const from = changeKinds.has(f.kind) ? window.changesSince.epochMillis : window.start.epochMillis - lead
  return t < from || t > window.end.epochMillis
}

const causesOf = (findings: ReadonlyArray<Finding>) =>
  inferCauses({ facts: alertFacts, findings, window, alertTime })

const contextOnly = (f: Finding): boolean =>
  f.severity === "info" ||
  ["similar_incident", "restarts", "query_incomplete", "related_alert"].includes(f.kind)

describe("inferCauses properties", () => {
  it("property (seed 4242): ≤ 3 causes citing existing ids; red herrings and out-of-window findings never cited", () => {
    fc.assert(
      fc.property(fc.array(drawn, { maxLength: 30 }), (draws) => {
        const built = build(draws)
        const findings = built.map((b) => b.finding)
        const byId = new Map(findings.map((f) => [f.id, f]))
        const never = new Set(
          built.filter((b) => b.role === "herring" || outOfWindow(b.finding)).map((b) => b.finding.id),
        )
        const causes = causesOf(findings)
        expect(causes.length).toBeLessThanOrEqual(3)
        for (const c of causes) {
          expect(c.findings.length).toBeGreaterThan(0)
          expect(new Set(c.findings).size).toBe(c.findings.length)
          for (const id of c.findings) {
            expect(byId.has(id), id).toBe(true)
            expect(never.has(id), `${id} cited`).toBe(false)
          }
          const standing = c.findings.some((id) => {
            const x = byId.get(id)
            return x !== undefined && !contextOnly(x)
          })
          expect(standing).toBe(true)
          for (const word of ["reports-cron", "search-api", "ip-10-0-9-99", "checkout-web"])
            expect(c.text).not.toContain(word)
        }
        const symptom = built.some((b) => b.role === "symptom" && !outOfWindow(b.finding))
        expect(causes.length > 0).toBe(symptom)
      }),
      { seed: 4242, numRuns: 400 },
    )
  })

  it("property (seed 4243): the same findings in any order give the same causes", () => {
    fc.assert(
      fc.property(
        fc
          .array(drawn, { maxLength: 24 })
          .map((draws) => build(draws).map((b) => b.finding))
          .chain((findings) =>
            fc.tuple(
              fc.constant(findings),
              fc.shuffledSubarray(findings, { minLength: findings.length, maxLength: findings.length }),
            ),
          ),
        ([findings, shuffled]) => {
          expect(causesOf(shuffled)).toEqual(causesOf(findings))
        },
      ),
      { seed: 4243, numRuns: 300 },
    )
  })
})
