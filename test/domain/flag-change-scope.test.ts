/**
 * A feature flag turned, read from chat as its own subject (a person's report names no service):
 * the change of the failing service named like it or whose own lines name its key, leading the
 * cause; a flag linked to no failing service, a site code in the report, and an unrelated deploy
 * stay out of it.
 */
import { describe, expect, it } from "vitest"
import { flagKeyOf, flagSubjectOf } from "../../src/domain/flag-change-scope.js"
import { causesFor, expectScored, facts, numbered, type Spec, spec } from "./causes-support.js"

const report = facts({
  source: "human",
  cluster: null,
  keywords: ["failing", "rno-03", "slc-11", "reservation", "failed", "print", "lists"],
})

const deadlocks: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "12:59",
  resource: "pod/fulfilment/stock-reserver-7c9d8-x2k4p",
  service: "stock-reserver",
  title:
    'stock-reserver: current reserver container logged "ERROR pick list PL-88 reservation failed: deadlock detected (SQLSTATE 40P01)"',
}
const flag = (key: string, at = "12:57"): Spec => ({
  agent: "slack_scanner",
  kind: "deploy_announcement",
  severity: "medium",
  at,
  resource: "channel/C0FLAGS",
  service: key,
  title: `Feature flag \`${key}\` changed (LaunchDarkly) in #flags: Ana changed flag \`${key}\` in *Production*: turned targeting ON`,
  excerpt: `Ana changed flag \`${key}\` in *Production*: turned targeting ON (was: RNO-03 pilot only)`,
})
const uiDeploy: Spec = {
  agent: "slack_scanner",
  kind: "deploy_announcement",
  severity: "medium",
  at: "10:02",
  resource: "channel/C0DEPLOYS",
  service: "wms-ui",
  title: "Change to wms-ui announced in #deploys: Argo CD: wms-ui synced v8.2.0",
}

describe("a feature flag turned before a service failed", () => {
  it("is the change of the failing service named with its words", () => {
    const findings = numbered([deadlocks, flag("reserve-in-batches"), uiDeploy])
    expectScored(causesFor(report, findings), findings, {
      terms: [["reserve-in-batches", "flag"], ["stock-reserver"]],
      mustNot: ["wms-ui", "rno-03"],
      neverCited: ["slack_scanner#2"],
    })
  })

  it("is the change of the failing service whose own lines name its key", () => {
    const naming: Spec = {
      ...deadlocks,
      excerpt:
        "INFO [launchdarkly] flag update received: wave-merge-mode (version 3)\nERROR reservation failed: deadlock",
    }
    const findings = numbered([naming, flag("wave-merge-mode")])
    const [top] = causesFor(report, findings)
    expect(top?.text).toContain("wave-merge-mode")
    expect(top?.text).toContain("stock-reserver")
    expect(top?.findings).toContain("slack_scanner#1")
  })

  it("is never cited when no failing service is linked to it", () => {
    const findings = numbered([deadlocks, flag("checkout-banner-copy")])
    for (const c of causesFor(report, findings)) expect(c.findings).not.toContain("slack_scanner#1")
  })
})

describe("flagSubjectOf", () => {
  const subject = { key: "stock-reserver", display: "stock-reserver", node: false }
  it("links by words, and reads no key from a deploy", () => {
    expect(flagSubjectOf(spec(flag("reserve-in-batches")), [{ finding: spec(deadlocks), subject }])).toEqual(
      subject,
    )
    expect(
      flagSubjectOf(spec(flag("checkout-banner-copy")), [{ finding: spec(deadlocks), subject }]),
    ).toBeNull()
    expect(flagKeyOf(spec(uiDeploy))).toBeNull()
    expect(flagKeyOf(spec(flag("reserve-in-batches")))).toBe("reserve-in-batches")
  })
})
