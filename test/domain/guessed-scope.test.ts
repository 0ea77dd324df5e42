/**
 * A service guessed from a person's words that no finding confirms is dropped (guessed-scope.ts),
 * so the report's causes read the evidence unscoped instead of filtering it all away.
 */
import { describe, expect, it } from "vitest"
import { type AlertFacts, extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import type { Finding } from "../../src/domain/finding.js"
import { groundedFacts, isUnconfirmedGuess } from "../../src/domain/guessed-scope.js"

const finding = (service: string | null, title: string, resource: string | null = null): Finding => ({
  id: "cloudwatch_logs#1",
  agent: "cloudwatch_logs",
  title,
  detail: "",
  severity: "high",
  kind: "log_signature",
  observedAt: null,
  resource,
  service,
  link: null,
  excerpt: null,
})

const person = (over: Partial<AlertFacts>): AlertFacts => ({
  ...extractFacts("every gate shows red since opening, can someone look?", defaultConfig.severity.labels),
  source: "human",
  ...over,
})

const gateErrors = finding("gate-sync", "gate-sync: ERROR remote error: tls: expired certificate")

describe("groundedFacts", () => {
  it.each([
    ["a plural noun read as a service", { service: "lifties" }],
    ["a workload guessed from a verb's subject", { workload: "attendants" }],
    ["both, neither confirmed", { service: "cashiers", workload: "cashiers-api" }],
  ])("drops %s that no finding names", (_what, over) => {
    const facts = person(over)
    expect(isUnconfirmedGuess(facts, [gateErrors])).toBe(true)
    expect(groundedFacts(facts, [gateErrors])).toMatchObject({ service: null, workload: null })
  })

  it.each([
    ["the finding's service", { service: "gate-sync" }, gateErrors],
    [
      "a stem of the finding's workload",
      { service: "gate" },
      finding(null, "x", "deployment/lift/gate-sync"),
    ],
    ["the finding's words", { service: "portalis" }, finding("gate-sync", "calls to portalis refused")],
  ])("decoy: keeps a guess confirmed by %s", (_what, over, f) => {
    const facts = person(over)
    expect(groundedFacts(facts, [f])).toBe(facts)
  })

  it("decoy: a tool's alert, a namespace the person copied, or no finding at all keeps the facts", () => {
    const tool = { ...person({ service: "lifties" }), source: "alertmanager" as const }
    expect(groundedFacts(tool, [gateErrors])).toBe(tool)
    const copied = person({ service: "lifties", namespace: "lift-access" })
    expect(groundedFacts(copied, [gateErrors])).toBe(copied)
    const alone = person({ service: "lifties" })
    expect(groundedFacts(alone, [])).toBe(alone)
  })
})
