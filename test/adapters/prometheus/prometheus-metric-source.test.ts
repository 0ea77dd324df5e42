/**
 * The Prometheus adapter over real HTTP against the replay: instant and range queries decoded
 * from the real envelope (values as strings, NaN/±Inf, float-second timestamps), the query sent
 * as a POST form (and the replay answering GET too), credentials in the URL moved to a header
 * and kept out of links, and failures mapped at the boundary: bad_data → bad_query, 422 →
 * rejected, 5xx retried on the TestClock then unavailable, an undecodable answer unavailable.
 */
import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, TestClock } from "effect"
import { Hono } from "hono"
import {
  makePrometheusMetricSource,
  splitCredentials,
} from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { serveLoopback } from "../../../src/replay/serve.js"
import { advanceToSleepWithin } from "../fetch/await-sleep.js"

const T = Date.parse("2026-11-27T12:00:00Z")
const at = (sec: number) => T + sec * 1000

const series = [
  {
    labels: { __name__: "up", job: "api", instance: "a:9090" },
    samples: [0, 60, 120, 180].map((sec) => ({ t: at(sec), v: 1 })),
  },
  {
    labels: { __name__: "odd_values", kind: "nan" },
    samples: [{ t: at(60), v: Number.NaN }],
  },
  {
    labels: { __name__: "odd_values", kind: "inf" },
    samples: [{ t: at(60), v: Number.POSITIVE_INFINITY }],
  },
]

const setup = Effect.gen(function* () {
  yield* TestClock.setTime(at(200))
  const replay = yield* makePrometheusReplay({ series, now: () => at(200) })
  const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 3 })
  return { replay, source }
})

describe("makePrometheusMetricSource", () => {
  it.scoped("runs an instant query as a POST form and decodes the vector", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      const result = yield* source.query('sum by (job) (up{job="api"})', at(120))
      expect(result).toEqual({
        type: "vector",
        series: [{ labels: { job: "api" }, sample: { t: at(120), v: 1 } }],
      })
      const [request] = replay.requests()
      expect(request?.method).toBe("POST")
      expect(request?.body).toEqual({ query: 'sum by (job) (up{job="api"})', time: String(at(120) / 1000) })
    }),
  )

  it.scoped("decodes scalars, NaN and +Inf", () =>
    Effect.gen(function* () {
      const { source } = yield* setup
      expect(yield* source.query("1 + 2 * 3", at(60))).toEqual({
        type: "scalar",
        sample: { t: at(60), v: 7 },
      })
      const odd = yield* source.query("odd_values", at(60))
      expect(odd.type === "vector" ? odd.series.map((s) => [s.labels.kind, s.sample.v]) : []).toEqual([
        ["nan", Number.NaN],
        ["inf", Number.POSITIVE_INFINITY],
      ])
    }),
  )

  it.scoped("runs a range query step by step", () =>
    Effect.gen(function* () {
      const { source } = yield* setup
      const result = yield* source.queryRange("up * 2", at(0), at(120), 60)
      expect(result).toEqual([
        {
          labels: { job: "api", instance: "a:9090" },
          samples: [0, 60, 120].map((sec) => ({ t: at(sec), v: 2 })),
        },
      ])
    }),
  )

  it.scoped("the replay answers GET with a query string too, defaulting `time` to its clock", () =>
    Effect.gen(function* () {
      const { replay } = yield* setup
      const body = yield* Effect.promise(() =>
        fetch(`${replay.url}/api/v1/query?query=${encodeURIComponent("up")}`).then((r) => r.json()),
      )
      expect(body).toEqual({
        status: "success",
        data: {
          resultType: "vector",
          result: [
            { metric: { __name__: "up", job: "api", instance: "a:9090" }, value: [at(200) / 1000, "1"] },
          ],
        },
      })
    }),
  )

  it.scoped("maps a parse error or unsupported construct to bad_query with Prometheus' own message", () =>
    Effect.gen(function* () {
      const { source } = yield* setup
      const parse = yield* Effect.flip(source.query("rate(up[5m]", at(60)))
      expect(parse.reason).toBe("bad_query")
      expect(parse.message).toMatch(/parse error/)
      const unsupported = yield* Effect.flip(source.queryRange("topk(1, up)", at(0), at(60), 60))
      expect(unsupported.reason).toBe("bad_query")
      expect(unsupported.message).toMatch(/topk/)
    }),
  )

  it.scoped("maps a 422 execution error to rejected", () =>
    Effect.gen(function* () {
      const { source } = yield* setup
      const e = yield* Effect.flip(source.query("odd_values / on() odd_values", at(60)))
      expect(e.reason).toBe("rejected")
      expect(e.message).toMatch(/HTTP 422.*many-to-many|HTTP 422.*duplicate/)
    }),
  )

  it.scoped("retries a 503 on the TestClock, then succeeds; gives up as unavailable", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* setup
      const unavailable = { status: 503, errorType: "unavailable", error: "too many queries" }
      replay.failNext("query", unavailable, 1)
      const fiber = yield* Effect.fork(source.query("up", at(60)))
      yield* advanceToSleepWithin(at(200) + 200, at(200) + 300)
      expect((yield* Fiber.join(fiber)).type).toBe("vector")

      replay.failNext("query_range", unavailable, 3)
      const now = yield* Clock.currentTimeMillis
      const failing = yield* Effect.fork(Effect.flip(source.queryRange("up", at(0), at(60), 60)))
      const first = yield* advanceToSleepWithin(now + 200, now + 300)
      yield* advanceToSleepWithin(first + 400, first + 600)
      const e = yield* Fiber.join(failing)
      expect(e.reason).toBe("unavailable")
      expect(e.message).toMatch(/HTTP 503.*too many queries/)
      expect(replay.requests().filter((r) => r.operation === "query_range")).toHaveLength(3)
    }),
  )

  it.scoped(
    "a 404 from a path that is not Prometheus is rejected; a 200 that is not a result is unavailable",
    () =>
      Effect.gen(function* () {
        const { replay } = yield* setup
        const wrongPath = makePrometheusMetricSource({ url: `${replay.url}/not-prometheus`, maxAttempts: 1 })
        const e = yield* Effect.flip(wrongPath.query("up", at(60)))
        expect(e.reason).toBe("rejected")
        expect(e.message).toMatch(/HTTP 404/)
        const login = new Hono().all("*", (c) => c.html("<html>Sign in</html>"))
        const portal = yield* serveLoopback(login)
        const notProm = makePrometheusMetricSource({ url: portal.url, maxAttempts: 1 })
        const e2 = yield* Effect.flip(notProm.queryRange("up", at(0), at(60), 60))
        expect(e2.reason).toBe("unavailable")
        expect(e2.message).toMatch(/not a Prometheus result/)
      }),
  )

  it.scoped("moves URL credentials into a Basic header and never shows them in links", () =>
    Effect.gen(function* () {
      const { replay } = yield* setup
      const url = replay.url.replace("http://", "http://reader:s3cr%40t@")
      const source = makePrometheusMetricSource({ url, maxAttempts: 1 })
      yield* source.query("up", at(60))
      expect(replay.requests()[0]?.authorization).toBe("valid")
      expect(splitCredentials(url).authorization).toBe(
        `Basic ${Buffer.from("reader:s3cr@t").toString("base64")}`,
      )
      const link = source.graphUrl('up{job="api"}', at(0), at(1800)) ?? ""
      expect(link).not.toMatch(/reader|s3cr/)
      expect(new URL(link).searchParams.get("g0.expr")).toBe('up{job="api"}')
      expect(new URL(link).searchParams.get("g0.range_input")).toBe("1800s")
      expect(makePrometheusMetricSource({ url, linkable: false }).graphUrl("up", at(0), at(60))).toBeNull()
    }),
  )
})
