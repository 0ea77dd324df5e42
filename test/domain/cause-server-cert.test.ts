/**
 * A client's TLS errors point at the server: the caller logs "x509: certificate has expired …"
 * while connecting to a Service; the cause names that server (where the certificate is) and the
 * caller only as the one that saw it. Decoys: the caller's own client certificate refused by its
 * peer ("received fatal alert: certificate_expired") stays the caller's; a line naming no server.
 */
import { describe, expect, it } from "@effect/vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const clientLine = (svc: string, line: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  title: `${svc}: ${line.slice(0, 120)} (×9)`,
  resource: `loggroup/${svc}`,
  service: svc,
  at: "12:58",
  excerpt: line,
})

const top = (svc: string, specs: ReadonlyArray<Spec>): string =>
  causesFor(facts({ service: svc }), numbered(specs))[0]?.text ?? ""

describe("a client's TLS errors point at the server", () => {
  it.each([
    [
      "auth-gateway",
      'level=ERROR msg="token refresh failed" err="identity.RefreshSession: rpc error: code = Unavailable desc = connection error: desc = \\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate has expired or is not yet valid\\"" addr=identity-service.auth.svc.cluster.local:8443',
      "identity-service",
    ],
    [
      "order-router",
      "ERROR x509: certificate has expired or is not yet valid while connecting to pricing-engine.pricing.svc:443",
      "pricing-engine",
    ],
    [
      "report-builder",
      "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertificateExpiredException: NotAfter: Mon Mar 09 02:00:00 UTC 2027 calling https://ledger-api.finance.svc:8443/v1/entries",
      "ledger-api",
    ],
    [
      "mobile-bff",
      'error="profiles.GetProfile: rpc error: code = Unavailable desc = authentication handshake failed: x509: certificate has expired"',
      "profiles",
    ],
  ])("%s: names the server %s, the caller as the one that saw it", (svc, line, server) => {
    const text = top(svc, [clientLine(svc, line)])
    expect(text).toContain(`at ${server} (seen by its caller ${svc})`)
  })

  it("decoy: the caller's own client certificate refused by its peer stays the caller's", () => {
    const svc = "claims-submitter"
    const text = top(svc, [
      clientLine(
        svc,
        "ERROR handshake with clearing-house failed: remote error: tls: received fatal alert: certificate_expired while connecting to clearing-gw.partner.svc",
      ),
    ])
    expect(text).not.toContain("seen by its caller")
    expect(text).toContain(`in ${svc}`)
  })

  it("decoy: a verification failure that names no server stays with the subject", () => {
    const svc = "batch-exporter"
    const text = top(svc, [clientLine(svc, "ERROR x509: certificate has expired or is not yet valid")])
    expect(text).not.toContain("seen by its caller")
  })
})
