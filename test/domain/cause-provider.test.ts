/**
 * A third-party API timing out: the caller's lines name an external host ("….adyenpayments.com",
 * "api.stripe.com", "hooks.example.co.uk") timing out; the cause names the provider by its
 * registrable domain, first, with the HPA at max and the 504s as its effects. Decoys: a cluster
 * Service's host and an RDS endpoint keep their first label; a local failure names no provider.
 */
import { describe, expect, it } from "@effect/vitest"
import { providerDomain } from "../../src/domain/cause-provider.js"
import { dependencyNamesIn } from "../../src/domain/causes-names.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const timeoutLine = (svc: string, line: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  title: `${svc}: ${line} (×12)`,
  resource: `loggroup/${svc}`,
  service: svc,
  at: "12:58",
  excerpt: line,
})

const hpaAtMax = (svc: string): Spec => ({
  agent: "eks",
  kind: "hpa_at_max",
  severity: "high",
  title: `${svc}: HPA ${svc} at max 10/10 replicas; http_server_requests_in_flight 187 vs 40 target`,
  resource: `deployment/shop/${svc}`,
  service: svc,
  at: "12:59",
})

const top = (svc: string, specs: ReadonlyArray<Spec>): string =>
  causesFor(facts({ service: svc }), numbered(specs))[0]?.text ?? ""

describe("providerDomain", () => {
  it.each([
    ["a1b2c3-acme-checkout-live.adyenpayments.com", "adyenpayments.com"],
    ["api.stripe.com", "stripe.com"],
    ["hooks.partner.co.uk", "partner.co.uk"],
    ["api.sendgrid.net", "sendgrid.net"],
  ])("%s → %s", (host, domain) => expect(providerDomain(host)).toBe(domain))

  it.each([
    "identity-service.auth.svc.cluster.local",
    "orders-db.cluster-c9x.us-east-1.rds.amazonaws.com",
    "ledger.payments.svc",
    "billing-api",
    "10.0.3.17",
    "ip-10-0-3-17.ec2.internal",
  ])("%s is in-house", (host) => expect(providerDomain(host)).toBeNull())
})

describe("dependency names for a cause", () => {
  it("reads an external host as its provider, an in-house one by its first label", () => {
    const text =
      "POST https://x9-live.adyenpayments.com/checkout/v71/payments timed out; upstream ledger.payments.svc"
    expect(dependencyNamesIn(text, { providers: true })).toEqual(["adyenpayments.com", "ledger"])
    // Scope keeps the first label: it matches workloads by name.
    expect(dependencyNamesIn(text)).toEqual(["x9-live", "ledger"])
  })
})

describe("a third-party API timing out", () => {
  it.each([
    [
      "checkout-api",
      "WARN c.c.payment.AdyenClient : POST https://a1b2c3-acme-checkout-live.adyenpayments.com/checkout/v71/payments timed out after 8000 ms",
      "adyenpayments.com",
    ],
    [
      "billing-worker",
      'level=error msg="charge failed" err="Post \\"https://api.stripe.com/v1/charges\\": context deadline exceeded (Client.Timeout exceeded)" upstream=api.stripe.com',
      "stripe.com",
    ],
    [
      "notify-svc",
      "ERROR request to https://hooks.partner.co.uk/v2/notify timed out after 5000ms",
      "partner.co.uk",
    ],
  ])("%s: names the provider first", (svc, line, provider) => {
    const text = top(svc, [timeoutLine(svc, line), hpaAtMax(svc)])
    expect(text.startsWith(`calls to third-party ${provider} timing out`)).toBe(true)
  })

  it("decoy: a cluster Service timing out is named by its first label, no third party", () => {
    const svc = "checkout-api"
    const text = top(svc, [
      timeoutLine(svc, "ERROR upstream inventory-api.shop.svc.cluster.local timed out after 3000ms"),
    ])
    expect(text).toContain("dependency: inventory-api")
    expect(text).not.toContain("third-party")
  })

  it("decoy: an RDS endpoint is the instance, not amazonaws.com", () => {
    const svc = "orders-api"
    const text = top(svc, [
      timeoutLine(
        svc,
        "ERROR failed to connect to orders-db.cluster-c9x.us-east-1.rds.amazonaws.com: connection timed out",
      ),
    ])
    expect(text).toContain("(dependency: orders-db)")
    expect(text).not.toContain("third-party")
  })
})
