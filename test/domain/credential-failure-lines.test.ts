/**
 * The lines of a refused credential (credential-failure-lines.ts), in each server's and identity
 * provider's words; a plain 401, a user's expired session or a successful login is not one.
 */
import { describe, expect, it } from "vitest"
import {
  credentialFailureCondition,
  databaseRefusalCondition,
  isCredentialFailureLine,
  silentFailureCondition,
} from "../../src/domain/credential-failure-lines.js"

describe("isCredentialFailureLine", () => {
  it.each([
    'FATAL:  password authentication failed for user "ledger_rw"',
    "ERROR 1045 (28000): Access denied for user 'shop'@'10.2.3.4' (using password: YES)",
    "Login failed for user 'reports_svc'. Reason: Password did not match that for the login provided.",
    "token request failed status=401 error=invalid_client error_description=\"AADSTS7000222: The provided client secret keys for app 'x' are expired.\"",
    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value",
    "WARN sync finished ok=0 failed=88 (invalid_client x88)",
    "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation",
  ])("%s", (line) => expect(isCredentialFailureLine(line)).toBe(true))
  it.each([
    "GET /v1/profile 401 Unauthorized (session expired)",
    "INFO login ok for user ledger_rw",
    "WARN 429 Too Many Requests from graph.microsoft.com, retrying in 30s",
    "ssh: handshake failed: read: connection reset by peer",
  ])("decoy: %s", (line) => expect(isCredentialFailureLine(line)).toBe(false))
})

describe("the conditions", () => {
  it("are one case-insensitive Logs Insights regex each; the silent one holds both kinds", () => {
    expect(credentialFailureCondition).toMatch(/^@message like \/\(\?i\)\(.*\)\/$/)
    expect(credentialFailureCondition).toContain("password\\s+authentication\\s+failed")
    expect(silentFailureCondition).toContain("password\\s+authentication\\s+failed")
    expect(silentFailureCondition).toContain("expired\\s+certificate")
  })
})

describe("a third party refusing our API key", () => {
  it.each([
    '{"level":"error","msg":"risk lookup failed","vendor":"Tidewise","status":401,"vendor_code":"invalid_api_key","key_id":"tw_live_77a1"}',
    '{"level":"error","msg":"carrier request failed","carrier":"parcelhop","status":401,"error_code":"api_key_expired"}',
    "ERROR POST https://api.smsbird.example/v1/send -> 403 Forbidden: The API key provided has been revoked.",
    'WARN geocoder call failed: {"error":{"code":"key_revoked","message":"credential gk_12 is not active"}}',
    "ERROR payments vendor said: API key has expired (key id pk_live_3f9)",
  ])("%s", (line) => expect(isCredentialFailureLine(line)).toBe(true))
  it.each([
    // Our own users' sessions and a vendor's rate limit are not a refused key of ours.
    '{"status":401,"path":"/v3/quotes","msg":"unauthorized","user":"u_991"}',
    "GET /api/account 401 Unauthorized token expired for user 8812",
    '{"level":"warn","msg":"geocode rate limited, retrying","vendor":"MapNest","status":429}',
    "INFO rotated API key for vendor Tidewise, new key_id=tw_live_88b2",
  ])("decoy: %s", (line) => expect(isCredentialFailureLine(line)).toBe(false))
})

describe("databaseRefusalCondition", () => {
  it("holds a database's out-of-slots words and the refused logins", () => {
    const regex = new RegExp(
      databaseRefusalCondition.replace(/^@message like \/\(\?i\)/, "").replace(/\/$/, ""),
      "i",
    )
    expect(regex.test("FATAL:  sorry, too many clients already")).toBe(true)
    expect(
      regex.test("FATAL:  remaining connection slots are reserved for non-replication superuser connections"),
    ).toBe(true)
    expect(regex.test("ERROR 1040 (HY000): Too many connections")).toBe(true)
    expect(regex.test('FATAL:  password authentication failed for user "app"')).toBe(true)
    expect(regex.test("LOG:  checkpoint complete: wrote 4211 buffers")).toBe(false)
    expect(regex.test("LOG:  connection received: host=10.0.0.1")).toBe(false)
  })
})

describe("a datastore out of space, in the silent-failure and database conditions", () => {
  const asRegex = (condition: string) =>
    new RegExp(condition.replace(/^@message like \/\(\?i\)/, "").replace(/\/$/, ""), "i")

  it.each([
    'ERROR:  could not extend file "base/16402/1883412.7": No space left on device',
    'PANIC:  could not write to file "pg_wal/xlogtemp.28811": No space left on device',
    "ERROR 1114 (HY000): The table 'bookings' is full",
    "[ERROR] InnoDB: Write to file ./ibdata1 failed at offset 0, Got error 28 from storage engine",
    'err="pq: could not extend file \\"base/16402/1883412.7\\": No space left on device" code=53100',
  ])("reads %s", (line) => {
    expect(asRegex(silentFailureCondition).test(line)).toBe(true)
    expect(asRegex(databaseRefusalCondition).test(line)).toBe(true)
  })

  it.each([
    "LOG:  checkpoint complete: wrote 18213 buffers (2.8%); 0 WAL file(s) added",
    "[INFO] db=orders-pg free_storage_gb=120 allocated_gb=400 pct_free=30",
    "WARN disk usage at 71% on /data",
  ])("decoy: not %s", (line) => {
    expect(asRegex(silentFailureCondition).test(line)).toBe(false)
  })
})
