/**
 * Builders for cause-inference tests: findings as the agents fill them (kind, severity,
 * `pod/<ns>/<name>`-style resource, service, observedAt, title/detail), numbered per agent as
 * the master numbers them, alert facts stating only what a test is about, and the checks the
 * eval applies to a report's causes (scenarios/FORMAT.md "Scoring").
 */
import { expect } from "vitest"
import type { AgentId } from "../../src/domain/agent-id.js"
import { investigationWindow } from "../../src/domain/alert-context.js"
import type { AlertFacts } from "../../src/domain/alert-facts.js"
import { inferCauses } from "../../src/domain/causes.js"
import { type Finding, numberFindings } from "../../src/domain/finding.js"
import type { ReportCause } from "../../src/domain/incident-report.js"
import type { Severity } from "../../src/domain/severity.js"
import { at, finding } from "./build-report-support.js"

export const alertTime = at("2026-11-27T13:05:00Z")
export const window = investigationWindow(alertTime, {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})

/** "12:58" on the alert's day (UTC). */
export const hm = (clock: string) => at(`2026-11-27T${clock}:00Z`)

export interface Spec {
  readonly agent: AgentId
  readonly kind: string
  readonly severity: Severity
  readonly title: string
  readonly detail?: string
  readonly excerpt?: string
  readonly resource?: string
  readonly service?: string
  /** "HH:MM" on the alert's day, or null for an untimed finding. */
  readonly at: string | null
}

export const spec = (s: Spec): Finding =>
  finding(s.agent, {
    kind: s.kind,
    severity: s.severity,
    title: s.title,
    detail: s.detail ?? "",
    excerpt: s.excerpt ?? null,
    resource: s.resource ?? null,
    service: s.service ?? null,
    observedAt: s.at === null ? null : hm(s.at),
  })

/** Numbered as the master numbers them: `<agent>#<n>` in each agent's order. */
export const numbered = (specs: ReadonlyArray<Spec>): ReadonlyArray<Finding> =>
  numberFindings(specs.map(spec))

const nothing: AlertFacts = {
  source: "alertmanager",
  alertName: null,
  state: "firing",
  severityLabel: null,
  severity: null,
  namespace: null,
  workload: null,
  pod: null,
  container: null,
  node: null,
  cluster: "eks-prod",
  service: null,
  region: null,
  account: null,
  logGroups: [],
  links: [],
  startsAt: null,
  keywords: [],
  dependencies: [],
}

export const facts = (over: Partial<AlertFacts>): AlertFacts => ({ ...nothing, ...over })

export const causesFor = (f: AlertFacts, findings: ReadonlyArray<Finding>): ReadonlyArray<ReportCause> =>
  inferCauses({ facts: f, findings, window, alertTime })

/**
 * The eval's checks: every `terms` group matched (case-insensitive) in the top cause, every cited
 * id present, no `mustNot` term in any cause, `neverCited` ids never cited.
 */
export const expectScored = (
  causes: ReadonlyArray<ReportCause>,
  findings: ReadonlyArray<Finding>,
  o: {
    readonly terms: ReadonlyArray<ReadonlyArray<string>>
    readonly mustNot: ReadonlyArray<string>
    readonly neverCited: ReadonlyArray<string>
  },
): void => {
  const [top] = causes
  expect(top).toBeDefined()
  const text = (top?.text ?? "").toLowerCase()
  for (const group of o.terms)
    expect(
      group.some((t) => text.includes(t.toLowerCase())),
      group.join(" | "),
    ).toBe(true)
  const ids = new Set(findings.map((f) => f.id))
  expect(causes.length).toBeLessThanOrEqual(3)
  for (const c of causes) {
    expect(c.findings.length).toBeGreaterThan(0)
    for (const id of c.findings) expect(ids.has(id), id).toBe(true)
    for (const bad of o.mustNot) expect(c.text.toLowerCase()).not.toContain(bad.toLowerCase())
    for (const id of o.neverCited) expect(c.findings).not.toContain(id)
  }
}

/** One class of failure as the eval scores it (causes-classes.test.ts). */
export interface ClassRow {
  readonly name: string
  readonly facts: AlertFacts
  readonly findings: ReadonlyArray<Finding>
  /** The eval's `cause_terms`: each group needs one term in the top cause. */
  readonly terms: ReadonlyArray<ReadonlyArray<string>>
  /** The eval's `must_not_contain`. */
  readonly mustNot: ReadonlyArray<string>
  /** Red herrings (out of scope or out of window): never cited. */
  readonly neverCited: ReadonlyArray<string>
  /** What the top cause rests on. */
  readonly topCites: ReadonlyArray<string>
}
