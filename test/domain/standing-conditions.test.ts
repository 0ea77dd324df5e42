/**
 * A condition read from live status, dated by when it began (report-scope.ts `standingKinds`): an
 * HPA at maxReplicas since an hour before a person's "the dashboard feels slow today" is still the
 * state the report is about — in window, a cause, and the report's severity. Decoys: one begun
 * before the change lookback, and an event (not a standing state) as old.
 */
import { describe, expect, it } from "vitest"
import { inWindow } from "../../src/domain/report-scope.js"
import { reportSeverity } from "../../src/domain/report-severity.js"
import { causesFor, facts, numbered, type Spec, spec, window } from "./causes-support.js"

const maxed = (workload: string, at: string | null, namespace = "analytics"): Spec => ({
  agent: "eks",
  kind: "hpa_maxed",
  severity: "high",
  at,
  service: workload,
  resource: `hpa/${namespace}/${workload}`,
  title: `${workload}: HPA ${workload} at max 6/6 replicas; cpu 188% vs 70% target — cpu saturated (2.7× target)`,
})

const person = (...keywords: ReadonlyArray<string>) => facts({ source: "human", keywords: [...keywords] })

describe("a standing condition begun before the evidence window", () => {
  it("an HPA at max since an hour before is in window; a crash an hour before is not", () => {
    expect(inWindow(window, spec(maxed("dashboard-api", "11:58")))).toBe(true)
    expect(inWindow(window, spec({ ...maxed("dashboard-api", "11:58"), kind: "crash_loop" }))).toBe(false)
  })

  it("a person's product word: the workload's HPA at max is the cause, and the severity follows", () => {
    const f = person("dashboard", "slow", "boards", "load")
    const findings = numbered([maxed("dashboard-api", "11:58")])
    const [top] = causesFor(f, findings)
    expect(top?.text).toMatch(/HPA at maxReplicas.*dashboard-api/)
    expect(reportSeverity({ facts: f, top, findings, window })).toBe("high")
  })

  it("other workloads and namespaces: a worker pinned since the morning", () => {
    const findings = numbered([maxed("invoice-renderer", "08:10", "billing")])
    const [top] = causesFor(person("invoices", "renderer", "slow"), findings)
    expect(top?.findings).toEqual(["eks#1"])
  })

  it("decoy: begun before the change lookback, it is history, not this report's state", () => {
    const findings = numbered([maxed("dashboard-api", "05:00")])
    expect(inWindow(window, findings[0] ?? spec(maxed("x", null)))).toBe(false)
    expect(causesFor(person("dashboard", "slow"), findings)).toEqual([])
  })
})

describe("a batch run that published an empty result stands until the next run", () => {
  const hollow = (job: string, at: string, service: string): Spec => ({
    agent: "eks",
    kind: "hollow_batch_run",
    severity: "high",
    at,
    service,
    resource: `job/search/${job}`,
    title: `${job} run completed but wrote nothing (INFO bulk load finished: written=0 failed=48211) and still published: alias swapped`,
  })

  it("finished hours before a person's report, it is in window and the cause, named for what it is", () => {
    expect(inWindow(window, spec(hollow("listings-reindex", "08:10", "search-api")))).toBe(true)
    const findings = numbered([hollow("listings-reindex", "08:10", "search-api")])
    const [top] = causesFor(person("search", "0 jobs found"), findings)
    expect(top?.text).toMatch(/batch run reported success while every write failed.*search-api/)
    expect(top?.text).not.toMatch(/5xx/)
  })

  it("decoy: a run before the change lookback is history; a failed Job as old is not standing", () => {
    expect(inWindow(window, spec(hollow("listings-reindex", "05:00", "search-api")))).toBe(false)
    expect(
      inWindow(window, spec({ ...hollow("listings-reindex", "08:10", "search-api"), kind: "job_failed" })),
    ).toBe(false)
  })
})
