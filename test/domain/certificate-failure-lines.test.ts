/**
 * The lines of a refused or expired certificate (certificate-failure-lines.ts), in each TLS
 * stack's words; a handshake that merely failed is not one.
 */
import { describe, expect, it } from "vitest"
import {
  certificateFailureCondition,
  isCertificateFailureLine,
} from "../../src/domain/certificate-failure-lines.js"

describe("isCertificateFailureLine", () => {
  it.each([
    'Post "https://edi.partner.example/v2": remote error: tls: expired certificate',
    "javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_expired",
    "SSL_do_handshake() failed (SSL: error:0A000415:SSL routines::sslv3 alert certificate expired)",
    "Error: certificate has expired (CERT_HAS_EXPIRED)",
    "x509: certificate signed by unknown authority",
  ])("%s", (line) => expect(isCertificateFailureLine(line)).toBe(true))
  it.each([
    "http: TLS handshake error from 10.0.3.4:51234: EOF",
    "tls: handshake timeout after 10s",
    "certificate loaded, valid until 2032-01-01",
  ])("decoy: %s", (line) => expect(isCertificateFailureLine(line)).toBe(false))
})

describe("certificateFailureCondition", () => {
  it("is one case-insensitive Logs Insights regex", () => {
    expect(certificateFailureCondition).toMatch(/^@message like \/\(\?i\)\(.*\)\/$/)
    expect(certificateFailureCondition).toContain("expired\\s+certificate")
  })
})
