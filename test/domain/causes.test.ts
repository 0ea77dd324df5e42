/**
 * inferCauses, first version: only in-scope, in-window findings become causes; findings about
 * the same service or workload make one cause naming the symptom, the change it followed and
 * the ids; context alone is never a cause; ranking is severity, then corroborating agents, then
 * proximity to the alert. The property pins the contract a later correlation engine keeps.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { AgentId } from "../../src/domain/agent-id.js"
import { inferCauses } from "../../src/domain/causes.js"
import { type Finding, numberFindings } from "../../src/domain/finding.js"
import { inScope, inWindow, scopeOf } from "../../src/domain/report-scope.js"
import type { Severity } from "../../src/domain/severity.js"
import {
  alertTime,
  at,
  eksFindings,
  finding,
  logsFindings,
  oomContext,
  oomFacts,
  slackFindings,
} from "./build-report-support.js"

const window = oomContext.window
const numbered = numberFindings([...eksFindings, ...logsFindings, ...slackFindings])
const causesOf = (findings: ReadonlyArray<Finding>, facts = oomFacts) =>
  inferCauses({ facts, findings, window, alertTime })

const nothingNamed = {
  ...oomFacts,
  namespace: null,
  workload: null,
  service: null,
  pod: null,
  node: null,
}

describe("inferCauses on the OOM-after-deploy evidence", () => {
  const causes = causesOf(numbered)

  it("one cause about payments-api: the OOM and the heap, after the rollout, citing eks and logs", () => {
    expect(causes).toHaveLength(1)
    const [top] = causes
    expect(top?.text).toMatch(/OOMKilled/)
    expect(top?.text).toMatch(/heap out of memory/)
    expect(top?.text).toMatch(/after the rollout at 13:01 UTC/)
    expect(top?.findings).toEqual(["eks#3", "cloudwatch_logs#1", "eks#4", "eks#2", "slack_scanner#1"])
  })

  it("the red herring in another namespace and the caller's errors are never causes", () => {
    const cited = causes.flatMap((c) => c.findings)
    expect(cited).not.toContain("eks#1")
    expect(cited).not.toContain("cloudwatch_logs#2")
    for (const c of causes) expect(c.text).not.toMatch(/ImagePullBackOff|reports-cron|checkout-web/)
  })

  it("does not depend on the order the findings arrive in", () => {
    expect(causesOf([...numbered].reverse())).toEqual(causes)
  })
})

describe("inferCauses rules", () => {
  const f = (agent: AgentId, title: string, severity: Severity, over: Partial<Finding> = {}) =>
    finding(agent, {
      title,
      severity,
      observedAt: at("2026-11-27T13:00:00Z"),
      service: "payments-api",
      ...over,
    })

  it("context (info) alone is never a cause", () => {
    const only = numberFindings([
      f("slack_scanner", "deployed payments-api", "info", { kind: "deploy_announcement" }),
    ])
    expect(causesOf(only)).toEqual([])
  })

  it("out of the evidence window is not a cause; a rollout hours before is still its change", () => {
    const early = numberFindings([
      f("eks", "payments-api OOMKilled", "high", { observedAt: at("2026-11-27T12:00:00Z") }),
      f("eks", "payments-api rolled out", "info", {
        kind: "rollout",
        observedAt: at("2026-11-27T09:30:00Z"),
      }),
      f("cloudwatch_logs", "payments-api 5xx", "medium", { observedAt: at("2026-11-27T13:04:00Z") }),
    ])
    const [top, ...rest] = causesOf(early)
    expect(rest).toEqual([])
    expect(top?.findings).toEqual(["cloudwatch_logs#1", "eks#2"])
    expect(top?.text).toBe("payments-api 5xx — after the rollout at 09:30 UTC (cloudwatch_logs#1, eks#2)")
  })

  it("a finding with no time counts as in the window; one without an id is never cited", () => {
    const untimed = numberFindings([f("eks", "payments-api OOMKilled", "high", { observedAt: null })])
    expect(causesOf(untimed).map((c) => c.findings)).toEqual([["eks#1"]])
    expect(causesOf([f("eks", "payments-api OOMKilled", "high")])).toEqual([])
  })

  it("pods group under their workload, and a service-less log finding names its subject", () => {
    const pods = numberFindings([
      f("eks", "q7x2m OOMKilled", "high", {
        service: null,
        resource: "pod/payments/payments-api-6c9f7d8b4-q7x2m",
      }),
      f("eks", "w2v9k OOMKilled", "high", {
        service: null,
        resource: "pod/payments/payments-api-6c9f7d8b4-w2v9k",
      }),
    ])
    const causes = causesOf(pods)
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toBe("payments-api: q7x2m OOMKilled (eks#1, eks#2)")
  })

  it("ranks by severity, then corroborating agents, then proximity to the alert; at most three", () => {
    const svc = (service: string, agent: AgentId, severity: Severity, time: string) =>
      f(agent, `${service} failing`, severity, { service, observedAt: at(time) })
    const many = numberFindings([
      svc("far", "eks", "high", "2026-11-27T12:40:00Z"),
      svc("near", "eks", "high", "2026-11-27T13:04:00Z"),
      svc("two-agents", "eks", "high", "2026-11-27T12:36:00Z"),
      svc("two-agents", "cloudwatch_logs", "medium", "2026-11-27T12:36:00Z"),
      svc("critical", "prometheus", "critical", "2026-11-27T12:36:00Z"),
      svc("low", "eks", "low", "2026-11-27T13:05:00Z"),
    ])
    const subjects = causesOf(many, nothingNamed).map((c) => c.text.split(" ")[0])
    expect(subjects).toEqual(["critical", "two-agents", "near"])
  })

  it("the same workload name in another namespace is another workload: out of scope", () => {
    const elsewhere = numberFindings([
      f("eks", "payments-api OOMKilled", "high", { resource: "pod/staging/payments-api-6c9f7d8b4-abcde" }),
    ])
    expect(causesOf(elsewhere)).toEqual([])
  })

  it("when the alert names nothing, everything is in scope", () => {
    const other = numberFindings([
      f("eks", "reports-cron ImagePullBackOff", "high", {
        service: null,
        resource: "pod/batch/reports-cron-1-abcde",
      }),
    ])
    expect(causesOf(other)).toEqual([])
    expect(causesOf(other, nothingNamed).map((c) => c.findings)).toEqual([["eks#1"]])
  })

  it("a node alert keeps the node and findings naming it in scope", () => {
    const nodeFacts = { ...nothingNamed, node: "ip-10-0-3-17.ec2.internal" }
    const nodes = numberFindings([
      f("eks", "node NotReady", "high", { service: null, resource: "node/ip-10-0-3-17.ec2.internal" }),
      f("eks", "other node NotReady", "high", { service: null, resource: "node/ip-10-0-9-9.ec2.internal" }),
    ])
    expect(causesOf(nodes, nodeFacts).map((c) => c.findings)).toEqual([["eks#1"]])
  })
})

const agents: ReadonlyArray<AgentId> = ["eks", "cloudwatch_logs", "prometheus", "slack_scanner"]
const arbitraryFinding = fc
  .record({
    agent: fc.constantFrom(...agents),
    severity: fc.constantFrom<Severity>("critical", "high", "medium", "low", "info"),
    kind: fc.constantFrom("rollout", "oom_killed", "log_signature", "deploy_announcement", "availability"),
    minutes: fc.option(fc.integer({ min: -600, max: 60 }), { nil: null }),
    service: fc.option(fc.constantFrom("payments-api", "checkout-web", "search-api"), { nil: null }),
    resource: fc.option(
      fc.constantFrom(
        "pod/payments/payments-api-6c9f7d8b4-q7x2m",
        "deployment/payments/payments-api",
        "pod/batch/reports-cron-28871-zz4tq",
        "node/ip-10-0-3-17.ec2.internal",
        "loggroup//aws/app",
      ),
      { nil: null },
    ),
  })
  .map((r) =>
    finding(r.agent, {
      title: `${r.kind} on ${r.service ?? r.resource ?? "something"}`,
      severity: r.severity,
      kind: r.kind,
      observedAt:
        r.minutes === null ? null : at(new Date(alertTime.epochMillis + r.minutes * 60_000).toISOString()),
      service: r.service,
      resource: r.resource,
    }),
  )

describe("inferCauses contract", () => {
  it("property (seed 31): ≤ 3 causes, each citing ≥ 1 existing in-scope, in-window id and ≥ 1 non-context finding", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 40 }), fc.boolean(), (raw, named) => {
        const facts = named ? oomFacts : nothingNamed
        const findings = numberFindings(raw)
        const byId = new Map(findings.map((x) => [x.id, x]))
        const scope = scopeOf(facts)
        const causes = causesOf(findings, facts)
        expect(causes.length).toBeLessThanOrEqual(3)
        for (const c of causes) {
          expect(c.findings.length).toBeGreaterThan(0)
          const cited = c.findings.map((id) => byId.get(id))
          for (const x of cited) {
            expect(x).toBeDefined()
            if (x !== undefined) expect(inScope(scope, x) && inWindow(window, x)).toBe(true)
          }
          expect(cited.some((x) => x !== undefined && x.severity !== "info")).toBe(true)
        }
        // eligible non-context evidence always yields at least one cause
        const eligible = findings.some(
          (x) => x.severity !== "info" && inScope(scope, x) && inWindow(window, x),
        )
        expect(causes.length > 0).toBe(eligible)
      }),
      { seed: 31, numRuns: 300 },
    )
  })
})
