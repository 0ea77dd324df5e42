/**
 * The report's severity (DESIGN §3): the alert's own label and the top cause's findings, the
 * most severe finding in the window when nothing is established, and an uptime monitor's DOWN as
 * an endpoint fully down.
 */
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { reportSeverity } from "../../src/domain/report-severity.js"
import { finding, oomContext, oomFacts } from "./build-report-support.js"

const window = oomContext.window
const none = { ...oomFacts, severity: null, severityLabel: null }
const inWindow = DateTime.unsafeMake("2026-11-27T13:00:00Z")

describe("reportSeverity", () => {
  it("an uptime monitor reporting DOWN is critical, whatever the findings", () => {
    const facts = { ...none, source: "uptime" as const, state: "firing" as const }
    expect(reportSeverity({ facts, top: undefined, findings: [], window })).toBe("critical")
    const resolved = { ...facts, state: "resolved" as const }
    expect(reportSeverity({ facts: resolved, top: undefined, findings: [], window })).toBe("info")
  })

  it("with no label and no cause, the most severe finding in the window decides", () => {
    const f = finding("eks", { id: "eks#1", title: "x", severity: "medium", observedAt: inWindow })
    expect(reportSeverity({ facts: none, top: undefined, findings: [f], window })).toBe("medium")
  })

  it("the top cause's findings raise the alert's own label", () => {
    const f = finding("eks", { id: "eks#1", title: "x", severity: "critical", observedAt: inWindow })
    const facts = { ...oomFacts, severity: "high" as const }
    expect(reportSeverity({ facts, top: { text: "t", findings: ["eks#1"] }, findings: [f], window })).toBe(
      "critical",
    )
  })
})
