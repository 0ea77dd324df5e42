/**
 * A report naming no service: the service whose own 5xx rose, on the route the report's words
 * name; decoys: a service whose 5xx stays flat, a client counter's 5xx, a 4xx series.
 */
import { describe, expect, it } from "vitest"
import { risingServices } from "../../../src/agents/prometheus/server-error-sweep.js"

const min = 60_000
const t0 = Date.UTC(2027, 0, 1, 10, 0)
const incident = { label: "incident", startMs: t0 + 30 * min, endMs: t0 + 60 * min }
const samples = (values: ReadonlyArray<number>) => values.map((v, i) => ({ t: t0 + i * 5 * min, v }))
const rising = samples([0, 0, 0, 0, 0, 0, 0, 300, 900, 1500, 2100, 2700, 3300])
const flat = samples([0, 40, 80, 120, 160, 200, 240, 280, 320, 360, 400, 440, 480])

describe("risingServices", () => {
  it("names the service and the route the report's words name (code label)", () => {
    const r = risingServices(
      [
        {
          labels: {
            __name__: "http_server_requests_total",
            service: "ticket-api",
            route: "/v1/refunds",
            code: "500",
          },
          samples: rising,
        },
        {
          labels: {
            __name__: "http_server_requests_total",
            service: "ticket-api",
            route: "/v1/seats",
            code: "503",
          },
          samples: samples([0, 0, 0, 0, 0, 0, 0, 600, 1800, 3000, 4200, 5400, 6600]),
        },
      ],
      incident,
      "customers say refunds fail with an error since this morning",
    )
    expect(r.map((x) => x.service)).toEqual(["ticket-api"])
    expect(r[0]?.route).toBe("/v1/refunds")
  })

  it("reads Micrometer's counter with a status label and an app label", () => {
    const r = risingServices(
      [
        {
          labels: {
            __name__: "http_server_requests_seconds_count",
            app: "rostering",
            uri: "/shifts",
            status: "502",
          },
          samples: rising,
        },
      ],
      incident,
      "nobody can open their shifts",
    )
    expect(r[0]).toMatchObject({ service: "rostering", route: "/shifts" })
  })

  it("decoys: a flat 5xx series, a client's counter, a 4xx series", () => {
    const r = risingServices(
      [
        { labels: { __name__: "http_requests_total", service: "lobby", code: "500" }, samples: flat },
        {
          labels: { __name__: "payments_client_requests_total", service: "checkout", code: "503" },
          samples: rising,
        },
        { labels: { __name__: "http_requests_total", service: "search", code: "404" }, samples: rising },
      ],
      incident,
      "checkout is broken",
    )
    expect(r).toEqual([])
  })
})
