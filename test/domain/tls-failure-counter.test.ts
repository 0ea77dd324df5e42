/**
 * A service's own counter of TLS handshake failures (tls-failure-counter.ts): whatever label
 * carries the result, a count that started in (or the hour before) the incident window is one;
 * one that has crept for hours, or never moved, is not.
 */
import { describe, expect, it } from "vitest"
import { judgeTlsFailures, tlsLabelOf } from "../../src/domain/tls-failure-counter.js"

const min = 60_000
const end = Date.parse("2031-02-02T03:00:00Z")
const window = { startMs: end - 35 * min, endMs: end }
/** A counter sampled every 5 min over the 7 h before `end`, valued by `f(minutesBeforeEnd)`. */
const counter = (f: (m: number) => number) =>
  Array.from({ length: 85 }, (_, i) => {
    const m = (84 - i) * 5
    return { t: end - m * min, v: f(m) }
  })

describe("tlsLabelOf", () => {
  it("finds the TLS word under result, reason, error or outcome labels", () => {
    expect(tlsLabelOf({ __name__: "claims_batches_total", result: "tls_error" })).toEqual({
      name: "result",
      value: "tls_error",
    })
    expect(tlsLabelOf({ __name__: "partner_calls_total", reason: "certificate_expired" })?.name).toBe(
      "reason",
    )
    expect(tlsLabelOf({ __name__: "bank_requests_total", outcome: "HandshakeFailure" })?.name).toBe("outcome")
    expect(tlsLabelOf({ __name__: "bank_requests_total", error: "x509_unknown_authority" })?.name).toBe(
      "error",
    )
  })
  it("decoy: a result that says nothing of TLS", () => {
    expect(tlsLabelOf({ __name__: "bank_requests_total", result: "timeout" })).toBeNull()
  })
})

describe("judgeTlsFailures", () => {
  it("a counter at zero for hours, rising from 20 min before the window", () => {
    const v = judgeTlsFailures(
      counter((m) => (m > 55 ? 0 : (55 - m) * 3)),
      window,
    )
    expect(v.failing).toBe(true)
    expect(v.firstMs).toBe(end - 50 * min)
  })
  it("a counter rising only inside the window", () => {
    expect(
      judgeTlsFailures(
        counter((m) => (m > 20 ? 4 : 4 + (20 - m))),
        window,
      ).failing,
    ).toBe(true)
  })
  it("decoy: a handshake-failure count that has crept at the same pace for hours (scanners, a valid certificate)", () => {
    expect(
      judgeTlsFailures(
        counter((m) => (420 - m) * 0.4),
        window,
      ).failing,
    ).toBe(false)
  })
  it("decoy: a counter that never moved", () => {
    expect(
      judgeTlsFailures(
        counter(() => 12),
        window,
      ).failing,
    ).toBe(false)
  })
})
