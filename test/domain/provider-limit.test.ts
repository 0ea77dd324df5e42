/**
 * A third party's refusal by rate or its failures, in status labels and log lines: which
 * provider a line names (its field, the readable "(upstream x, …)", an external URL) — never AWS's
 * own endpoints or a cluster-internal host — and the generic "rate exceeded" said by a provider
 * is not AWS throttling.
 */
import { describe, expect, it } from "vitest"
import { awsThrottleOf } from "../../src/domain/aws-throttling.js"
import { isExternalHost, providerFailureOf, providerOfLine } from "../../src/domain/provider-limit.js"

describe("providerFailureOf", () => {
  it("a refusal by rate in any of its spellings", () => {
    for (const v of ["429", "rate_limited", "RATE_LIMIT_EXCEEDED", "throttled", "too_many_requests"])
      expect(providerFailureOf(v)).toBe("rate_limited")
  })
  it("a failure: 5xx, a timeout, an error result", () => {
    for (const v of [
      "503",
      "500",
      "5xx",
      "timeout",
      "deadline_exceeded",
      "error",
      "failed",
      "connection_reset",
    ])
      expect(providerFailureOf(v)).toBe("errors")
  })
  it("not a success, a client error or a bounce", () => {
    for (const v of ["200", "202", "success", "ok", "404", "400", "bounce", "delivered"])
      expect(providerFailureOf(v)).toBeNull()
  })
})

describe("isExternalHost", () => {
  it("a provider's API host", () => {
    expect(isExternalHost("api.stripe.com")).toBe(true)
    expect(isExternalHost("api.twilio.com:443")).toBe(true)
  })
  it("not ours, not AWS's, not an IP or a bare name", () => {
    for (const h of [
      "orders.shop.svc.cluster.local",
      "redis.internal",
      "sqs.us-east-1.amazonaws.com",
      "10.0.3.4",
      "localhost",
      "orders-api",
    ])
      expect(isExternalHost(h)).toBe(false)
  })
})

describe("providerOfLine", () => {
  it("from a JSON field, a key=value, the readable form, a URL", () => {
    expect(providerOfLine('{"msg":"send failed","provider":"Postmark","status":429}')).toBe("postmark")
    expect(providerOfLine("WARN quote failed carrier=easypost status=429")).toBe("easypost")
    expect(providerOfLine("WARN provider rejected request (upstream mailgun, status 429)")).toBe("mailgun")
    expect(providerOfLine("POST https://api.adyen.com/v71/payments answered 503")).toBe("api.adyen.com")
  })
  it("none for AWS or an internal call", () => {
    expect(
      providerOfLine('{"provider":"ses","error":"Throttling: Maximum sending rate exceeded"}'),
    ).toBeNull()
    expect(providerOfLine("GET http://inventory.shop.svc.cluster.local:8080/items 503")).toBeNull()
    expect(providerOfLine("POST https://dynamodb.eu-west-1.amazonaws.com/ Rate exceeded")).toBeNull()
  })
})

describe("awsThrottleOf and a provider's words", () => {
  it("a provider's 'send rate exceeded' is its rate limit, not AWS throttling", () => {
    expect(
      awsThrottleOf(
        "WARN provider throttled, backing off (upstream postmark, status 429, error: 429 Too Many Requests: account send rate exceeded)",
      ),
    ).toBeNull()
  })
  it("AWS's own Rate exceeded is still AWS throttling", () => {
    expect(
      awsThrottleOf("ThrottlingException: Rate exceeded (Service: Kms, Status Code: 400)"),
    ).not.toBeNull()
    expect(awsThrottleOf("ERROR Rate exceeded calling GenerateDataKey")?.service).toBe("KMS")
  })
})
