/**
 * Requests a gateway or auth layer turned away, logged below ERROR: a WARN line rejecting a
 * request with a 401/403 for a token reason, and a stats line whose rejections dwarf its
 * acceptances, are failures (log-rejected-requests.ts); a user's wrong password, a handful
 * rejected among thousands, and a WARN about a lockout threshold are not.
 */
import { describe, expect, it } from "@effect/vitest"
import { logLevelOf } from "../../src/domain/log-level.js"
import {
  isRejectedRequestsLine,
  isRejectionStats,
  isTokenRejection,
} from "../../src/domain/log-rejected-requests.js"

describe("isTokenRejection", () => {
  it.each([
    // key=value gateway, issuer mismatch
    'WARN authn reject method=GET path=/v2/me status=401 client=ios reason="jwt: iss \\"https://id.staging.example.com\\" not in allowed issuers"',
    // JSON middleware, audience
    '{"level":"warn","msg":"request denied","status":403,"reason":"token audience \\"orders-internal\\" not accepted"}',
    // Envoy-style access line, expired JWT
    "warning: [jwt_authn] rejected GET /api/cart 401 Jwt is expired",
    // nginx auth_request, bad signature
    "[warn] 12#12: auth refused request to /billing status=401 reason=invalid token signature (kid unknown)",
  ])("a token refused with a 401/403: %s", (line) => {
    expect(isTokenRejection(line)).toBe(true)
    expect(logLevelOf(line)).toBe("error")
  })

  it.each([
    // one user's wrong password: their mistake, not a fault
    'WARN authn reject method=POST path=/login status=401 client=web reason="invalid credentials"',
    // a lockout threshold note
    "WARN login rate high for sub=pat_48f1c0 (6 in 2m), not locking (threshold 10)",
    // a 401 answered without any rejection wording
    "INFO GET /v2/me status=401 took 3ms",
    // rejected for a non-token reason with a 429
    'WARN rate limit rejected request status=429 reason="quota"',
  ])("not a token rejection: %s", (line) => {
    expect(isTokenRejection(line)).toBe(false)
    expect(logLevelOf(line)).not.toBe("error")
  })
})

describe("isRejectionStats", () => {
  it.each([
    "INFO authn stats window=60s accepted=412 rejected=6538 top_reason=issuer_mismatch(6519)",
    '{"level":"info","msg":"auth window","allowed":90,"denied":4100}',
    "INFO token check summary valid=12 refused=900 window=1m",
  ])("rejections dwarfing acceptances: %s", (line) => {
    expect(isRejectionStats(line)).toBe(true)
    expect(isRejectedRequestsLine(line)).toBe(true)
    expect(logLevelOf(line)).toBe("error")
  })

  it.each([
    "INFO authn stats window=60s accepted=8123 rejected=3 top_reason=expired(3)",
    "INFO authn stats window=60s accepted=10 rejected=12",
    "INFO batch done records=100 stored=100",
    // a worker's own cycle failing is not requests turned away (the credential pass rates it)
    "INFO cycle finished ok=0 failed=88 (invalid_client x88)",
  ])("not a failure: %s", (line) => {
    expect(isRejectionStats(line)).toBe(false)
    expect(logLevelOf(line)).toBe("info")
  })
})
