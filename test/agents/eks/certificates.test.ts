/**
 * When a cert-manager Certificate in trouble is a cause candidate (certificates.ts): the alert
 * speaks of TLS — including the warning page a browser shows, as a person quotes it — or names
 * the certificate; otherwise it stays low-severity evidence.
 */
import { describe, expect, it } from "vitest"
import { certificateConcernsAlert, certificateFinding } from "../../../src/agents/eks/certificates.js"
import type { CertificateProblem } from "../../../src/domain/cert-manager.js"

const expired: CertificateProblem = {
  namespace: "shop",
  name: "web-tls",
  dnsNames: ["order.example.org"],
  secretName: "web-tls-secret",
  issuer: "acme-dns01",
  state: "expired",
  ready: { reason: "Expired", message: "Certificate expired" },
  notAfterMs: Date.parse("2031-07-01T08:00:00Z"),
  renewalMs: Date.parse("2031-06-01T08:00:00Z"),
  failedAttempts: 4,
  why: "AccessDenied on route53:ChangeResourceRecordSets",
  whyFrom: "Challenge shop/web-tls-1",
}

describe("certificateConcernsAlert", () => {
  it.each([
    'guests scan the QR code and their phones show a big red "your connection is not private" warning',
    "Safari says This Connection Is Not Private when I open the menu",
    "firefox: Warning: Potential Security Risk Ahead on the ordering site",
    "customers get a security warning instead of the checkout page",
    "the app shows NET::ERR_CERT_DATE_INVALID",
    "partner API calls fail with x509: certificate has expired",
  ])("a report quoting a browser's or client's TLS warning: %s", (text) => {
    expect(certificateConcernsAlert(expired, text)).toBe(true)
    expect(certificateFinding(expired, text).severity).toBe("high")
  })

  it("a report naming the certificate's host", () => {
    expect(certificateConcernsAlert(expired, "order.example.org is down for everyone")).toBe(true)
  })

  it.each([
    "checkout is slow since the deploy",
    "the kiosk says unable to reach ordering service",
    "private channel for the postmortem, please join",
  ])("decoy: a report about something else keeps the certificate as low evidence: %s", (text) => {
    expect(certificateConcernsAlert(expired, text)).toBe(false)
    expect(certificateFinding(expired, text).severity).toBe("low")
  })
})

describe("certificateFinding's subject", () => {
  it("the host a probe alert is about, when the certificate serves it", () => {
    const f = certificateFinding(
      expired,
      "SSLCertExpired instance=https://order.example.org/ping",
      "order.example.org",
    )
    expect(f.service).toBe("order.example.org")
    expect(f.severity).toBe("high")
  })
  it.each([
    ["no alert service", null],
    ["another service", "checkout-web"],
    ["another host", "pay.example.org"],
  ])("decoy: %s keeps the Secret's name", (_, service) => {
    expect(certificateFinding(expired, "TLS certificate expired", service).service).toBe("web-tls-secret")
  })
})
