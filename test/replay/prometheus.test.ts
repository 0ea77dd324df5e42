/**
 * The Prometheus replay on the wire, as any client sees it: GET and POST form for both
 * endpoints, RFC 3339 or float-second times and duration or float steps, the success envelope,
 * and Prometheus' error envelope — 400 `bad_data` for missing or unreadable parameters and
 * unsupported constructs, 422 `execution` for a many-to-many match, 404 elsewhere.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makePrometheusReplay, parseTime, replaySeriesFromScenario } from "../../src/replay/prometheus.js"

const T = Date.parse("2026-11-27T12:00:00Z")
const series = [
  {
    labels: { __name__: "temp", room: "a", site: "x" },
    samples: [
      { t: T, v: 20 },
      { t: T + 60_000, v: 21.5 },
    ],
  },
  { labels: { __name__: "temp", room: "b", site: "x" }, samples: [{ t: T, v: 18 }] },
]

const replay = makePrometheusReplay({ series, now: () => T + 30_000 })

const get = (url: string) =>
  Effect.promise(() => fetch(url).then(async (r) => ({ status: r.status, body: await r.text() })))
const post = (url: string, form: Record<string, string>) =>
  Effect.promise(() =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    }).then(async (r) => ({ status: r.status, body: await r.text() })),
  )
const json = (r: { body: string }) => JSON.parse(r.body) as unknown

describe("Prometheus replay", () => {
  it.scoped("answers an instant query over GET at an RFC 3339 time", () =>
    Effect.gen(function* () {
      const { url } = yield* replay
      const r = yield* get(
        `${url}/api/v1/query?query=${encodeURIComponent('temp{room="a"}')}&time=2026-11-27T12:01:00Z`,
      )
      expect(r.status).toBe(200)
      expect(json(r)).toEqual({
        status: "success",
        data: {
          resultType: "vector",
          result: [
            { metric: { __name__: "temp", room: "a", site: "x" }, value: [(T + 60_000) / 1000, "21.5"] },
          ],
        },
      })
    }),
  )

  it.scoped("answers a range query over POST with float-second times and a duration step", () =>
    Effect.gen(function* () {
      const { url } = yield* replay
      const r = yield* post(`${url}/api/v1/query_range`, {
        query: "sum by (site) (temp)",
        start: String(T / 1000),
        end: String((T + 60_000) / 1000),
        step: "30s",
      })
      expect(json(r)).toEqual({
        status: "success",
        data: {
          resultType: "matrix",
          result: [
            {
              metric: { site: "x" },
              values: [
                [T / 1000, "38"],
                [(T + 30_000) / 1000, "38"],
                [(T + 60_000) / 1000, "39.5"],
              ],
            },
          ],
        },
      })
    }),
  )

  it.scoped("answers bad_data (400) for missing or unreadable parameters and unsupported constructs", () =>
    Effect.gen(function* () {
      const { url } = yield* replay
      const cases = [
        [`${url}/api/v1/query`, /invalid parameter "query"/],
        [`${url}/api/v1/query?query=temp&time=yesterday`, /invalid parameter "time"/],
        [`${url}/api/v1/query_range?query=temp&start=0&end=60`, /invalid parameter "step"/],
        [`${url}/api/v1/query_range?query=temp&start=0&end=60&step=often`, /invalid parameter "step"/],
        [`${url}/api/v1/query?query=${encodeURIComponent("stddev(temp)")}`, /stddev/],
        [`${url}/api/v1/query?query=${encodeURIComponent("temp{")}`, /parse error/],
      ] as const
      for (const [u, message] of cases) {
        const r = yield* get(u)
        expect(r.status).toBe(400)
        expect(json(r)).toMatchObject({
          status: "error",
          errorType: "bad_data",
          error: expect.stringMatching(message),
        })
      }
    }),
  )

  it.scoped("answers execution (422) for a many-to-many match and 404 off the API", () =>
    Effect.gen(function* () {
      const { url } = yield* replay
      const r = yield* get(`${url}/api/v1/query?query=${encodeURIComponent("temp / on(site) temp")}`)
      expect(r.status).toBe(422)
      expect(json(r)).toMatchObject({ status: "error", errorType: "execution" })
      expect((yield* get(`${url}/api/v1/series`)).status).toBe(404)
    }),
  )

  it("reads times and scenario series", () => {
    expect(parseTime("1795780800.5")).toBe(1795780800500)
    expect(parseTime("2026-11-27T12:00:00.250Z")).toBe(T + 250)
    expect(parseTime("noon")).toBeNull()
    expect(
      replaySeriesFromScenario({
        series: [{ labels: { __name__: "x" }, samples: [[{ epochMillis: T }, 3]] }],
      }),
    ).toEqual([{ labels: { __name__: "x" }, samples: [{ t: T, v: 3 }] }])
  })
})
