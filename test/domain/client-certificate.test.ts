/**
 * A service's own client certificate refused by the peer it calls, in each TLS stack's words —
 * and not a server certificate the client distrusts, a warning that it expires soon, or a
 * handshake that merely timed out.
 */
import { describe, expect, it } from "vitest"
import { modeLabel } from "../../src/domain/causes-labels.js"
import { textMode } from "../../src/domain/causes-modes.js"
import { isClientCertificateRefused } from "../../src/domain/client-certificate.js"
import type { Finding } from "../../src/domain/finding.js"

const refused = [
  "javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_expired",
  'Post "https://api.bank.example/v1/pay": remote error: tls: expired certificate',
  "SSL routines:ssl3_read_bytes:sslv3 alert certificate expired:../ssl/record/rec_layer_s3.c:1605:SSL alert number 45",
  "[SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired (_ssl.c:2633)",
  "clearing gateway: remote error: tls: bad certificate",
  "Received fatal alert: bad_certificate",
  "TLSV1_ALERT_CERTIFICATE_REVOKED from upstream gds",
]

const notRefused = [
  // The client distrusting the server's certificate: another failure (its labels say so).
  "x509: certificate signed by unknown authority",
  "client certificate expires in 7 days (notAfter=2031-05-01T00:00:00Z)",
  "client certificate reloaded, notAfter=2031-05-01T00:00:00Z",
  "net/http: TLS handshake timeout",
  "cert-manager: Certificate ingress/wildcard renewed, valid until 2031-08-01",
]

describe("isClientCertificateRefused", () => {
  it.each(refused)("refused: %s", (line) => expect(isClientCertificateRefused(line)).toBe(true))
  it.each(notRefused)("not refused: %s", (line) => expect(isClientCertificateRefused(line)).toBe(false))
})

const finding = (title: string): Finding => ({
  id: "cloudwatch_logs#1",
  agent: "cloudwatch_logs",
  title,
  detail: "",
  severity: "high",
  kind: "log_signature",
  observedAt: null,
  resource: "loggroup/app",
  service: "rail-sync",
  link: null,
  excerpt: null,
})

describe("the certificate mode and its label", () => {
  it("a peer's certificate_expired alert is a certificate failure, labelled an expired client certificate", () => {
    const f = finding(
      "rail-sync: ERROR sync failed: SSLHandshakeException: Received fatal alert: certificate_expired",
    )
    expect(textMode(f)).toBe("certificate")
    expect(modeLabel("certificate", [f])).toContain("expired client certificate")
  })
  it("OpenSSL's upper-case reason code too", () => {
    expect(textMode(finding("ssl.SSLError: [SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] (_ssl.c:2633)"))).toBe(
      "certificate",
    )
  })
  it("a company named ACME is no failed ACME renewal", () => {
    const f = finding("TLS certificate pay/bank-mtls (CN=ACME-PAYOUTS-7) has expired")
    expect(modeLabel("certificate", [f])).not.toContain("renewal")
    expect(
      modeLabel("certificate", [finding("acme: error: 429 urn:ietf:params:acme:error:rateLimited")]),
    ).toContain("renewal failed")
  })
  it("a plain handshake timeout stays a timeout", () => {
    expect(textMode(finding("rail-sync: ERROR net/http: TLS handshake timeout"))).toBe("timeout")
  })
})
