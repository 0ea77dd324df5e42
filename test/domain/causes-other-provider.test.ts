/**
 * An alert that names its provider (`provider:twilio`): the cause about that provider's refusals
 * leads and names only it as the dependency (not a neighbouring line's SendGrid), and a later cause
 * about another provider's rate limits is left out (its finding stays evidence). Decoys: without a
 * provider label both causes stay; a later cause of another kind (an OOM) stays; a later cause
 * about calls to the alert's own provider stays. And a label value ending a sentence
 * ("provider:twilio.") still names the provider.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const refused: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  title: "notify-svc: ERROR sms send failed (upstream twilio, status 401) (×40)",
  resource: "loggroup/notify-svc",
  service: "notify-svc",
  at: "13:00",
  excerpt:
    "ERROR sms send failed (upstream twilio, status 401)\nWARN email send throttled (upstream sendgrid, status 429)",
}
const otherLimited: Spec = {
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  title: "sendgrid rate limiting notify-svc's calls — 429 Too Many Requests (429 ×39) from 12:58 UTC",
  resource: "metric/notify_provider_requests_total",
  service: "notify-svc",
  at: "12:58",
}
const ownLimited: Spec = {
  ...otherLimited,
  title: "twilio rate limiting notify-svc's calls — 429 Too Many Requests (429 ×39) from 12:58 UTC",
}
const oom: Spec = {
  agent: "eks",
  kind: "oom_killed",
  severity: "high",
  title: "notify-svc: container notify OOMKilled in 2/2 pods (limit 256Mi), 6 restarts",
  resource: "deployment/messaging/notify-svc",
  service: "notify-svc",
  at: "12:59",
}

const texts = (deps: ReadonlyArray<string>, specs: ReadonlyArray<Spec>) =>
  causesFor(facts({ service: "notify-svc", dependencies: deps }), numbered(specs)).map((c) => c.text)

describe("causes about a provider the alert does not name", () => {
  it("the alert's provider leads, named alone; another provider's 429s are no cause", () => {
    const causes = texts(["twilio"], [refused, otherLimited])
    expect(causes[0]).toContain("dependency: twilio)")
    for (const c of causes) expect(c.toLowerCase()).not.toContain("sendgrid")
  })

  it("keeps both when the alert names no provider", () => {
    const causes = texts([], [refused, otherLimited])
    expect(causes.some((c) => c.toLowerCase().includes("sendgrid"))).toBe(true)
  })

  it("keeps a later cause of another kind, and one about the alert's own provider", () => {
    expect(texts(["twilio"], [refused, oom]).some((c) => c.includes("OOMKilled"))).toBe(true)
    expect(texts(["twilio"], [refused, ownLimited]).join("\n")).toContain("429")
  })
})

describe("a label value ending a sentence", () => {
  const labels = { critical: [], high: [], medium: [], low: [], info: [] }
  it("drops the full stop: provider:twilio. names twilio", () => {
    const f = extractFacts(
      "SMS failure rate above 25% for service:notify-svc env:prod provider:twilio.",
      labels,
    )
    expect(f.dependencies).toEqual(["twilio"])
    expect(f.service).toBe("notify-svc")
  })

  it("keeps a dotted value whole and a quoted one as written", () => {
    const f = extractFacts('upstream=ledger-db.internal host="api.example.com." provider:twilio', labels)
    expect(f.dependencies).toContain("twilio")
    expect(f.dependencies.join(" ")).not.toMatch(/\.$/)
  })
})
