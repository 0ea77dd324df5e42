/**
 * A caller's 401 that cites a token claim (issuer, audience, signature/keys) in any library's
 * words, and the refusals that cite none (a third party's API key, a missing session).
 */
import { describe, expect, it } from "@effect/vitest"
import { tokenRejection } from "../../src/domain/token-rejection.js"

describe("tokenRejection", () => {
  it("jsonwebtoken's issuer error, with the expected issuer's host", () => {
    const r = tokenRejection(
      'WARN POST /v1/carts 401 reason="JsonWebTokenError: jwt issuer invalid. expected: https://login.acme.io/"',
    )
    expect(r).toEqual({ claim: "issuer", reason: "jwt issuer invalid", expectedHost: "login.acme.io" })
  })

  it("an OAuth resource server's invalid_token naming iss and its allowed issuers", () => {
    const r = tokenRejection(
      'GET /v2/x 401 invalid_token: iss "https://a.b.io" not in allowed issuers ["https://a.b.io/"]',
    )
    expect(r?.claim).toBe("issuer")
    expect(r?.expectedHost).toBe("a.b.io")
  })

  it("an audience mismatch and a key the JWKS does not hold", () => {
    expect(tokenRejection("401 Unauthorized: jwt audience invalid. expected: billing-api")?.claim).toBe(
      "audience",
    )
    expect(tokenRejection('level=warn status=401 msg="no matching key (kid 2027-01) in jwks"')?.claim).toBe(
      "signature",
    )
  })

  it("decoys: a third party refusing an API key, a missing session, a 401 counted in a metric line", () => {
    expect(tokenRejection("ERROR geocoder returned 401 Unauthorized: invalid API key")).toBeNull()
    expect(tokenRejection("WARN GET /v1/me 401 no session cookie")).toBeNull()
    expect(tokenRejection("INFO token issued grant=password iss=https://id.x.com")).toBeNull()
  })
})
