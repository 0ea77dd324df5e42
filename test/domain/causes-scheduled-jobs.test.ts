/**
 * Scheduled-job findings in the causes (scheduled-jobs.ts → causes-chain.ts): a batch run on the
 * service's database leads the service's own exhausted connections and timeouts (one cause, the
 * CronJob named first); a suspended or blocked CronJob is a cause in its own words. Red herring:
 * a failing run of another CronJob the alert does not name is never cited.
 */
import { describe, expect, it } from "@effect/vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const overlap: Spec = {
  agent: "eks",
  kind: "batch_overlap",
  severity: "high",
  title:
    "wallet-api: CronJob settle-batch with 6 runs active at once (overlapping, concurrencyPolicy Allow) running against wallet-db (Secret), which wallet-api uses — run settle-batch-29400170 started 12:40 UTC, still active",
  resource: "deployment/pay/wallet-api",
  service: "wallet-api",
  at: "12:40",
}
const slots: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  title: "wallet-api: ERROR acquire: FATAL: sorry, too many clients already (×40)",
  resource: "loggroup/wallet-api",
  service: "wallet-api",
  at: "13:00",
}
const timeouts: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  title: 'wallet-api: current api container logged "ERROR query timed out after 5000 ms"',
  resource: "deployment/pay/wallet-api",
  service: "wallet-api",
  at: "13:01",
}
const otherJob: Spec = {
  agent: "eks",
  kind: "job_failed",
  severity: "high",
  title: "fx-sync: Job fx-sync-29400100 BackoffLimitExceeded — Job has reached the specified backoff limit",
  resource: "job/pay/fx-sync-29400100",
  service: "fx-sync",
  at: "12:58",
}

describe("scheduled-job causes", () => {
  it("a batch run on the service's database leads its exhausted connections and timeouts", () => {
    const [top, ...rest] = causesFor(
      facts({ service: "wallet-api", namespace: "pay" }),
      numbered([slots, timeouts, overlap, otherJob]),
    )
    expect(top?.text).toMatch(/^batch run \(CronJob\) overlapping the service on a shared host/)
    expect(top?.text).toContain("CronJob settle-batch with 6 runs active at once")
    expect(top?.text).toContain("too many clients")
    for (const c of [top, ...rest]) expect(c?.text).not.toContain("fx-sync")
  })

  it("the connections alone are still a cause when no batch run shares the database", () => {
    const [top] = causesFor(facts({ service: "wallet-api", namespace: "pay" }), numbered([slots, timeouts]))
    expect(top?.text).not.toContain("CronJob")
    expect(top?.text).toContain("too many clients")
  })

  it("a suspended CronJob is the cause in its own words", () => {
    const suspended: Spec = {
      agent: "eks",
      kind: "cronjob_suspended",
      severity: "high",
      title:
        "payslip-mailer: CronJob suspended (spec.suspend: true) — no scheduled run is created; last run scheduled 2026-11-25 05:30 UTC",
      resource: "cronjob/payroll/payslip-mailer",
      service: "payslip-mailer",
      at: null,
    }
    const [top] = causesFor(
      facts({ workload: "payslip-mailer", namespace: "payroll" }),
      numbered([suspended]),
    )
    expect(top?.text).toMatch(/^CronJob suspended \(spec\.suspend: true\) in payslip-mailer/)
  })
})
