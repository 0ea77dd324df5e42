/**
 * Certificate-expiry warnings (chat-cert-expiry.ts): the host and when it expires, from a stated
 * time or a days-left wording; a renewal, or talk with no host or no expiry, is not one.
 */
import { describe, expect, it } from "@effect/vitest"
import { certExpiryWarning, hostOfSubject, renewedLater } from "../../src/domain/chat-cert-expiry.js"

const posted = Date.parse("2026-12-13T09:00:00Z")
const day = 86_400_000

describe("certExpiryWarning", () => {
  it.each([
    [
      ":warning: TLS certificate for stats.int.example.net expires in 7 days: 2026-12-14T01:47:12Z",
      "stats.int.example.net",
      Date.parse("2026-12-14T01:47:12Z"),
    ],
    [
      "heads up, the cert on api.shop.example.com expires in 3 days",
      "api.shop.example.com",
      posted + 3 * day,
    ],
    [
      "SSL certificate for login.example.org expires tomorrow (no renewal detected)",
      "login.example.org",
      posted + day,
    ],
    [
      "x509 cert of mq.internal.example.io is valid until 2026-12-20",
      "mq.internal.example.io",
      Date.parse("2026-12-20T00:00:00Z"),
    ],
  ])("%s → %s", (text, host, at) => {
    expect(certExpiryWarning(text, posted)).toEqual({ host, expiresAt: at })
  })

  it.each([
    "cert-manager renewed the certificate for api.shop.example.com, expires 2027-03-01",
    "when does our certificate expire?",
    "api.shop.example.com is slow",
  ])("%s → no warning", (text) => {
    expect(certExpiryWarning(text, posted)).toBeNull()
  })

  it("a later renewal answers the warning; the host is a subject's by its first label", () => {
    expect(renewedLater("reissued the cert for login.example.org", "login.example.org")).toBe(true)
    expect(renewedLater("login.example.org is down", "login.example.org")).toBe(false)
    expect(hostOfSubject("stats-gateway.int.example.net", ["stats-gateway"])).toBe("stats-gateway")
    expect(hostOfSubject("stats.int.example.net", ["stats-gateway"])).toBeUndefined()
  })
})
