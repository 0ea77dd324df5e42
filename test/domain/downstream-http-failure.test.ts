/**
 * An API's 5xx traced to the HTTP service its Lambda calls (downstream-http-failure.ts): the callee
 * named by a JSON key, by a URL's host, in Envoy's and a plain client's words; decoys: an AWS SDK's
 * throttling, the function's own "returning 502" line, a callee's 503 hours before the 5xx, a 200.
 */
import { describe, expect, it } from "vitest"
import { downstreamFailureOf, downstreamFailuresOf } from "../../src/domain/downstream-http-failure.js"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { readableLogMessage } from "../../src/domain/log-structured.js"

const t0 = Date.parse("2027-06-01T08:00:00Z")
const at = (group: string, seconds: number, message: string): LogLine => ({
  timestampMs: t0 + seconds * 1000,
  message: readableLogMessage(message),
  stream: "s",
  group,
})
const fn = "/aws/lambda/orchard-intake-fn"
const gw = (seconds: number): LogLine =>
  at("API-Gateway-Execution-Logs_abc123/prod", seconds, "(r1) Method completed with status: 502")
const json = (o: Record<string, unknown>) => `2027-06-01T08:00:00.000Z\tabc\tERROR\t${JSON.stringify(o)}`

describe("downstreamFailureOf", () => {
  it("names the callee and its status in several wordings", () => {
    expect(
      downstreamFailureOf(
        json({ msg: "lookup failed", dependency: "grove-pricing", status: 503, body: "no healthy upstream" }),
      ),
    ).toEqual({ callee: "grove-pricing", status: 503, reason: "no healthy upstream" })
    expect(
      downstreamFailureOf(
        "ERROR request failed: GET https://stock-ledger.internal.example.net/v1/items returned 502 Bad Gateway",
      ),
    ).toMatchObject({ callee: "stock-ledger", status: 502, reason: "Bad Gateway" })
    expect(
      downstreamFailureOf(
        'WARN upstream_service=route-planner "upstream connect error or disconnect/reset before headers. reset reason: connection failure"',
      ),
    ).toMatchObject({ callee: "route-planner", status: null })
    expect(
      downstreamFailureOf(
        "[ERROR] HTTPError: 504 Server Error for url: http://tariff-engine:8080/quote status_code=504",
      ),
    ).toMatchObject({ callee: "tariff-engine", status: 504 })
  })

  it("ignores an AWS SDK's refusal, the function's own answer and a success", () => {
    expect(
      downstreamFailureOf(
        "ERROR ThrottlingException: Rate exceeded (Service: Textract, Status Code: 400) while analyzing s3://b/k",
      ),
    ).toBeNull()
    expect(
      downstreamFailureOf(json({ msg: "returning 502 to caller", reason: "UPSTREAM_UNAVAILABLE" })),
    ).toBeNull()
    expect(downstreamFailureOf(json({ msg: "ok", dependency: "grove-pricing", status: 200 }))).toBeNull()
    expect(downstreamFailureOf("ERROR Service error 503 Service Unavailable")).toBeNull()
  })
})

describe("downstreamFailuresOf", () => {
  const fail = (s: number) =>
    at(fn, s, json({ dependency: "grove-pricing", status: 503, body: "no healthy upstream" }))

  it("ties a callee's failures to the gateway's 5xx", () => {
    const found = downstreamFailuresOf([fail(10), fail(70), fail(130)], [gw(11), gw(131)])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      fn: "orchard-intake-fn",
      callee: "grove-pricing",
      status: 503,
      failures: 3,
      gatewayErrors: 2,
    })
  })

  it("ignores a callee failing once or hours away from any 5xx", () => {
    expect(downstreamFailuresOf([fail(10)], [gw(11)])).toEqual([])
    expect(downstreamFailuresOf([fail(10), fail(20)], [gw(7200)])).toEqual([])
    // A non-Lambda group's lines are the gateway's or a caller's, not the integration's.
    const other = [at("/ecs/grove-web", 10, json({ dependency: "x-svc", status: 503 })), gw(10)]
    expect(downstreamFailuresOf(other, [gw(10)])).toEqual([])
  })
})

describe("a callee named by the field the message names, behind a gateway timeout", () => {
  const gw504 = (seconds: number): LogLine =>
    at(
      "/aws/apigateway/orchard-api/access",
      seconds,
      '{"status":"504","integrationLatency":"29001","errorMessage":"Endpoint request timed out"}',
    )

  it("takes the value of the field the message names, in JSON and logfmt", () => {
    expect(
      downstreamFailureOf(json({ msg: "EDI SubmitClaim failed, retrying", edi: "clearwave", status: 503 })),
    ).toMatchObject({ callee: "clearwave", status: 503 })
    expect(
      downstreamFailureOf('level=warn msg="carrier rate call failed" carrier=shipfast status=502'),
    ).toMatchObject({ callee: "shipfast", status: 502 })
    expect(
      downstreamFailureOf(json({ message: "KYC check failed", kyc: "verifyly", statusCode: 504 })),
    ).toMatchObject({ callee: "verifyly", status: 504 })
  })

  it("does not take the request's subject or an id for the callee", () => {
    // The order is what failed, not whom it was sent to; an id is never a system's name.
    expect(downstreamFailureOf(json({ msg: "order failed", order: "pending", status: 503 }))).toBeNull()
    expect(downstreamFailureOf(json({ msg: "GRN lookup failed", grn: "GRN-20931", status: 503 }))).toBeNull()
  })

  it("ties retries logged up to the gateway's 29 s limit before its 504", () => {
    const retry = (s: number) =>
      at(fn, s, json({ msg: "EDI SubmitClaim failed", edi: "clearwave", status: 503 }))
    const found = downstreamFailuresOf([retry(1), retry(11)], [gw504(30)])
    expect(found).toMatchObject([{ callee: "clearwave", failures: 2, gatewayErrors: 1 }])
    // A 502 (not a timeout) 19 s later, or a 504 a minute later, is not that request's end.
    expect(downstreamFailuresOf([retry(1), retry(11)], [gw(30)])).toEqual([])
    expect(downstreamFailuresOf([retry(1), retry(11)], [gw504(80)])).toEqual([])
  })
})
