/**
 * The lines of a refused credential (credential-failure-lines.ts), in each server's and identity
 * provider's words; a plain 401, a user's expired session or a successful login is not one.
 */
import { describe, expect, it } from "vitest"
import {
  credentialFailureCondition,
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
