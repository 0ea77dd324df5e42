/**
 * The provider sweep's judgement of client counters: a 429 or 5xx/timeout count that surged and
 * still surges in the window, per service and provider — not a count that crept for weeks, an
 * internal upstream, a success series, or a surge that ended before the window.
 */
import { describe, expect, it } from "vitest"
import { providerFindings, surgeOf } from "../../../src/agents/prometheus/provider-error-sweep.js"

const minute = 60_000
const counter = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 5 * minute, v }))
const windowStart = 3 * 5 * minute

describe("surgeOf", () => {
  it("increments that jump to many times the first one", () => {
    expect(surgeOf(counter(10, 11, 13, 500, 1200, 1900), windowStart)).toEqual({
      total: 1887,
      fromMs: 3 * 5 * minute,
      before: 1,
      peak: 700,
    })
  })
  it("not a steady crawl, a few events, or a surge over before the window", () => {
    expect(surgeOf(counter(100, 200, 300, 400, 500), windowStart)).toBeNull()
    expect(surgeOf(counter(0, 0, 3, 6, 9), windowStart)).toBeNull()
    expect(surgeOf(counter(0, 900, 1800, 1800, 1800, 1800), windowStart)).toBeNull()
  })
})

describe("providerFindings", () => {
  it("a provider's 429s for a service, with their share of its calls", () => {
    const findings = providerFindings(
      [
        {
          labels: { __name__: "mailer_requests_total", service: "mailer", vendor: "postmark", status: "429" },
          samples: counter(5, 5, 5, 3000, 6000, 9000),
        },
        {
          labels: { __name__: "mailer_requests_total", service: "mailer", vendor: "postmark", status: "200" },
          samples: counter(1000, 4000, 7000, 10000, 13000, 16000),
        },
      ],
      null,
      windowStart,
    )
    expect(findings.map((f) => [f.service, f.severity, f.kind])).toEqual([
      ["mailer", "high", "metric_anomaly"],
    ])
    expect(findings[0]?.title).toContain("postmark rate limiting mailer's calls — 429 Too Many Requests")
    expect(findings[0]?.title).toContain("50% of calls")
  })
  it("5xx and timeouts to an external host as one failure; an internal upstream and successes are nothing", () => {
    const findings = providerFindings(
      [
        {
          labels: {
            __name__: "http_client_requests_total",
            app: "checkout",
            upstream: "api.braintreegateway.com",
            code: "503",
          },
          samples: counter(2, 2, 3, 400, 900, 1400),
        },
        {
          labels: {
            __name__: "http_client_requests_total",
            app: "checkout",
            upstream: "api.braintreegateway.com",
            code: "timeout",
          },
          samples: counter(0, 0, 1, 90, 200, 310),
        },
        {
          labels: {
            __name__: "http_client_requests_total",
            app: "checkout",
            upstream: "inventory.shop.svc",
            code: "503",
          },
          samples: counter(2, 2, 3, 400, 900, 1400),
        },
        {
          labels: {
            __name__: "http_client_requests_total",
            app: "checkout",
            upstream: "api.braintreegateway.com",
            code: "200",
          },
          samples: counter(0, 10, 20, 5000, 10000, 15000),
        },
      ],
      null,
      windowStart,
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]?.title).toMatch(
      /^api\.braintreegateway\.com failing checkout's calls — 503 ×1397, timeout ×309/,
    )
  })

  // Micrometer's http.client.requests: the callee in `client_name`, the answer in `status` and
  // its class in `outcome`; other clients say `host` or `peer`, trusted only on a client counter.
  const series = (name: string, labels: Record<string, string>, ...vs: ReadonlyArray<number>) => ({
    labels: { __name__: name, ...labels },
    samples: counter(...vs),
  })
  const rising = [2, 2, 3, 400, 900, 1400] as const
  it.each([
    [
      "http_client_requests_seconds_count",
      { service: "quote-api", client_name: "api.freightly.io", status: "503" },
      "503",
    ],
    [
      "http_client_requests_total",
      { app: "quote-api", client_name: "rates.shipwell.com", outcome: "SERVER_ERROR" },
      "server_error",
    ],
    ["http_client_requests_seconds_count", { job: "quote-api", host: "api.tarifa.es", status: "502" }, "502"],
    ["outbound_requests_total", { service: "quote-api", peer: "gw.paylane.eu", code: "504" }, "504"],
  ] as const)("a Micrometer-style client counter %s names its failing callee", (name, labels, code) => {
    const findings = providerFindings([series(name, labels, ...rising)], null, windowStart)
    expect(findings).toHaveLength(1)
    expect(findings[0]?.service).toBe("quote-api")
    expect(findings[0]?.title).toContain(`failing quote-api's calls — ${code} ×`)
  })
  it("decoys: errors as frequent before, a client error class, an internal callee, a server's own host label", () => {
    const findings = providerFindings(
      [
        // The same 503 rate before the incident as in it: the callee's usual noise.
        series(
          "http_client_requests_seconds_count",
          { service: "quote-api", client_name: "api.freightly.io", status: "503" },
          100,
          400,
          700,
          1000,
          1300,
          1600,
        ),
        series(
          "http_client_requests_seconds_count",
          { service: "quote-api", client_name: "api.freightly.io", outcome: "CLIENT_ERROR" },
          ...rising,
        ),
        series(
          "http_client_requests_seconds_count",
          { service: "quote-api", client_name: "pricing.shop.svc.cluster.local", status: "503" },
          ...rising,
        ),
        // `host` on a server's own counter is the machine that answered, not a callee.
        series(
          "http_server_requests_seconds_count",
          { service: "quote-api", host: "web-01.quotes.example.com", status: "500" },
          ...rising,
        ),
      ],
      null,
      windowStart,
    )
    expect(findings).toEqual([])
  })
})
