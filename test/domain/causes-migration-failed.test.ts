/**
 * Stop 25: a release's failed migration Job leads the crash loop of its new pods, even when it gave
 * up a minute after they began crashing, and leads before the rollout that brought the code.
 * Decoy: without it, the rollout stays the cause.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const enrolFacts = facts({ alertName: "KubePodCrashLooping", namespace: "learn", workload: "roster-api" })

const crash: Spec = {
  agent: "eks",
  kind: "crash_loop",
  severity: "high",
  at: "12:52",
  resource: "deployment/learn/roster-api",
  service: "roster-api",
  title: "roster-api: container web CrashLoopBackOff in 3/3 pods (Error (exit 1)), 9 restarts",
}
const missing: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "12:53",
  resource: "pod/learn/roster-api-5d8-x1",
  service: "roster-api",
  title:
    'roster-api: previous web container logged "ProgrammingError: relation "rosters_seat" does not exist"',
}
const rollout: Spec = {
  agent: "eks",
  kind: "rollout",
  severity: "medium",
  at: "12:50",
  resource: "deployment/learn/roster-api",
  service: "roster-api",
  title: "roster-api: rollout revision 11 → 12 at 12:50:00Z (image v2.3.0 → v2.4.0)",
}
const failed: Spec = {
  agent: "eks",
  kind: "migration_failed",
  severity: "high",
  at: "12:53",
  resource: "deployment/learn/roster-api",
  service: "roster-api",
  title:
    'migration Job learn/roster-api-migrate-2-4-0 started 12:50 UTC failed (BackoffLimitExceeded): UniqueViolation: duplicate key — roster-api\'s new pods fail on the schema it did not create (relation "rosters_seat" does not exist)',
}

describe("a release's failed migration", () => {
  it("leads its new pods' crash loop, before the rollout", () => {
    const [top] = causesFor(enrolFacts, numbered([crash, missing, rollout, failed]))
    expect(top?.text).toMatch(/^migration Job learn\/roster-api-migrate-2-4-0 started 12:50 UTC failed/)
    expect(top?.text).toContain("CrashLoopBackOff")
  })

  it("decoy: no migration Job — the rollout stays the cause", () => {
    const [top] = causesFor(enrolFacts, numbered([crash, missing, rollout]))
    expect(top?.text).toMatch(/^rollout of roster-api/)
  })
})
