/**
 * A CronJob named in an alert (kube-state-metrics' `cronjob` label, `CronJob ns/name`,
 * `cronjob/name`) is the alert's workload, in every spelling.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("CronJobs in alert facts", () => {
  it("reads an Alertmanager cronjob label", () => {
    const f = facts(
      [
        "[FIRING:1] KubeCronJobNotScheduled",
        " - alertname = KubeCronJobNotScheduled",
        " - namespace = payroll",
        " - cronjob = payslip-mailer",
      ].join("\n"),
    )
    expect([f.workload, f.namespace]).toEqual(["payslip-mailer", "payroll"])
  })

  it("reads an Opsgenie tag and a `CronJob ns/name` description", () => {
    const f = facts(
      [
        "Alert created — [Prometheus] CronJobLate: reports/nightly-export",
        "Description: CronJob reports/nightly-export has not been scheduled for 26h.",
        "Tags: cluster:eks-a, namespace:reports, cronjob:nightly-export, severity:warning",
      ].join("\n"),
    )
    expect([f.workload, f.namespace]).toEqual(["nightly-export", "reports"])
  })

  it("reads kubectl's cronjob/name", () => {
    const f = facts("cronjob/cache-warmer in namespace edge has not run since Tuesday")
    expect(f.workload).toBe("cache-warmer")
  })
})
