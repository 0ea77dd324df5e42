/**
 * The next steps a report recommends for its top cause's change and symptom: a deploy is rolled
 * back, an announced change that is not a deploy (a flag, a setting) is reverted, and the
 * symptom's usual check follows (credentials for a 401, DNS for failed lookups).
 */
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { buildActions } from "../../src/domain/report-actions.js"
import { finding, oomFacts } from "./build-report-support.js"

const at = DateTime.unsafeMake("2026-11-27T12:40:00Z")
const announcement = (id: string, text: string) =>
  finding("slack_scanner", {
    id,
    kind: "deploy_announcement",
    title: `Change to payments-api announced in #changes: ${text}`,
    observedAt: at,
    service: "payments-api",
  })
const symptom = (id: string, title: string) =>
  finding("cloudwatch_logs", { id, kind: "log_signature", title, severity: "high", service: "payments-api" })

const actionsFor = (change: ReturnType<typeof announcement>, lead: ReturnType<typeof symptom>) =>
  buildActions({
    facts: oomFacts,
    causes: [{ text: "…", findings: [lead.id, change.id] }],
    findings: [lead, change],
    evidence: [],
  })

describe("buildActions", () => {
  it("rolls back an announced deploy, reverts an announced change that is not one", () => {
    const lead = symptom("cloudwatch_logs#1", "payments-api: ERROR POST /pay 500 (×12)")
    expect(actionsFor(announcement("slack_scanner#1", "deployed payments-api v2.14.0"), lead)[0]).toBe(
      "Check the deploy announced at 12:40 UTC (slack_scanner#1) and roll it back if it is payments-api's",
    )
    expect(
      actionsFor(announcement("slack_scanner#1", "changed *Risk model v2* default rule 10% → 100%"), lead)[0],
    ).toBe(
      "Check the change announced at 12:40 UTC (slack_scanner#1) and revert it if it is payments-api's (a flag, a setting, a migration)",
    )
  })

  it("names the symptom's check: credentials for a 401, DNS for lookups that fail", () => {
    const change = announcement("slack_scanner#1", "deployed payments-api v2.14.0")
    const auth = symptom(
      "cloudwatch_logs#1",
      "payments-api: ERROR charge failed (status 401, error: invalid api key)",
    )
    expect(actionsFor(change, auth)).toContain(
      "Check the credentials payments-api uses (a rotated, revoked or expired key, token or password) and the secret it reads them from",
    )
    const dns = symptom(
      "cloudwatch_logs#1",
      "payments-api: dial tcp: lookup ledger.internal on 172.20.0.10:53: no such host",
    )
    expect(actionsFor(change, dns).some((a) => a.startsWith("Check DNS for payments-api"))).toBe(true)
  })
})
