/**
 * A person's report outranks an old failure: a crash loop failing since hours or days before the
 * report is background when another workload's failure appeared in the report's hour (Pending
 * pods, fresh errors, OOM kills), and is dropped from the causes. Decoys: a loop that began
 * minutes before the report stays the cause, a tool's alert naming the looping service keeps it,
 * and an old loop with nothing fresher beside it is still cited.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const report = facts({ source: "human", cluster: null, keywords: ["spinning", "wheel"] })

const loop = (since: string, name = "receipt-mailer"): Spec => ({
  agent: "eks",
  kind: "crash_loop",
  severity: "critical",
  at: "13:03",
  resource: `pod/shop/${name}-6b5f9d7c8-lw4tz`,
  service: name,
  title: `${name}: container mailer CrashLoopBackOff in 1/1 pod (Error (exit 1, application error)), 212 restarts`,
  detail: `Container mailer in pods lw4tz (212 restarts). Last termination: Error (exit 1) at 13:03:14Z; now CrashLoopBackOff. Failing since ${since} (first BackOff).`,
})

const fresh: Record<string, Spec> = {
  "Pending pods of a scale-out": {
    agent: "eks",
    kind: "unschedulable",
    severity: "high",
    at: "13:04",
    resource: "deployment/shop/checkout-api",
    service: "checkout-api",
    title: "checkout-api: 22 pods Pending, unschedulable — 0/14 nodes are available: 12 Insufficient cpu",
  },
  "fresh errors in a service's logs": {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "13:01",
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "cart-service",
    title: 'cart-service: ERROR "connection pool exhausted: 50/50 in use" (×412)',
  },
  "OOM kills of a worker": {
    agent: "eks",
    kind: "oom_killed",
    severity: "high",
    at: "12:58",
    resource: "pod/shop/pricing-worker-5d9c-abcde",
    service: "pricing-worker",
    title: "pricing-worker: container worker OOMKilled in 3/3 pods (memory limit 512Mi), 9 restarts",
  },
}

describe("an old failure behind a person's report", () => {
  for (const [name, current] of Object.entries(fresh))
    for (const since of ["2026-11-25T22:04:40Z", "2026-11-27T11:41:02Z"])
      it(`gives way to ${name} (loop failing since ${since})`, () => {
        const causes = causesFor(report, numbered([loop(since), current]))
        expect(causes[0]?.text).toContain(current.service ?? "?")
        for (const c of causes) expect(c.text).not.toContain("receipt-mailer")
      })
})

describe("decoys: the crash loop stays", () => {
  it("when it began minutes before the report", () => {
    const [top] = causesFor(
      report,
      numbered([loop("2026-11-27T12:55:00Z"), fresh["Pending pods of a scale-out"] ?? loop("x")]),
    )
    expect(top?.text).toContain("receipt-mailer")
  })

  it("when a tool's alert names the looping service", () => {
    const alert = facts({ alertName: "KubePodCrashLooping", namespace: "shop", workload: "receipt-mailer" })
    const [top] = causesFor(
      alert,
      numbered([loop("2026-11-25T22:04:40Z"), fresh["fresh errors in a service's logs"] ?? loop("x")]),
    )
    expect(top?.text).toContain("receipt-mailer")
  })

  it("when nothing fresher is there", () => {
    const [top] = causesFor(report, numbered([loop("2026-11-25T22:04:40Z")]))
    expect(top?.text).toContain("receipt-mailer")
  })
})
