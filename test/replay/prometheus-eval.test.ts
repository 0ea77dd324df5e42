/**
 * The replay's PromQL evaluator against hand-computed values, one supported construct at a
 * time (selectors and the 5-minute lookback, matchers, offset, rate/increase with resets and
 * extrapolation, aggregations, vector/scalar arithmetic and matching, comparisons,
 * histogram_quantile, range queries), and every construct outside the subset refused as
 * `UnsupportedQuery` (Prometheus `bad_data`) — never a silently wrong number.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import type { MetricLabels } from "../../src/domain/metric-series.js"
import { makeEvaluator, storeOf, type Value } from "../../src/replay/prometheus-eval.js"

const T = Date.parse("2026-11-27T12:00:00Z")
const s = (seconds: number) => T + seconds * 1000

const series = (labels: MetricLabels, points: ReadonlyArray<readonly [number, number]>) => ({
  labels,
  samples: points.map(([sec, v]) => ({ t: s(sec), v })),
})

/** A counter growing `perSecond` from 0, sampled every `every` seconds for `count` samples. */
const counter = (labels: MetricLabels, perSecond: number, every = 15, count = 41) =>
  series(
    labels,
    Array.from({ length: count }, (_, k) => [k * every, k * every * perSecond] as const),
  )

const store = storeOf([
  counter({ __name__: "http_requests_total", service: "api", code: "200" }, 9),
  counter({ __name__: "http_requests_total", service: "api", code: "500" }, 1),
  counter({ __name__: "http_requests_total", service: "web", code: "200" }, 4),
  series({ __name__: "queue_depth", queue: "a", team: "x" }, [
    [0, 2],
    [60, 3],
  ]),
  series({ __name__: "queue_depth", queue: "b", team: "x" }, [[60, 6]]),
  series({ __name__: "queue_depth", queue: "c", team: "y" }, [[60, 10]]),
  series({ __name__: "gappy_total" }, [
    [100, 50],
    [160, 110],
    [220, 170],
  ]),
  series({ __name__: "resets_total", job: "r" }, [
    [60, 100],
    [120, 110],
    [180, 120],
    [240, 5],
    [300, 15],
  ]),
  ...[
    ["0.1", 10],
    ["0.5", 30],
    ["1", 40],
    ["+Inf", 40],
  ].map(([le, count]) =>
    series({ __name__: "latency_bucket", service: "api", le: String(le) }, [[60, Number(count)]]),
  ),
  ...[
    ["0.1", 10],
    ["+Inf", 20],
  ].map(([le, count]) => series({ __name__: "tail_bucket", le: String(le) }, [[60, Number(count)]])),
])

const evaluator = makeEvaluator(store)

const value = (query: string, atSeconds: number): Value =>
  Either.getOrThrowWith(evaluator.query(query, s(atSeconds)), (e) => new Error(`${e._tag}: ${e.message}`))

/** An instant vector as `labels → value`, sorted, for exact comparison. */
const vector = (query: string, atSeconds: number): Record<string, number> => {
  const v = value(query, atSeconds)
  if (v.kind !== "vector") throw new Error(`expected a vector, got ${v.kind}`)
  return Object.fromEntries(
    v.elements
      .map((e) => [JSON.stringify(Object.entries(e.labels).sort()), e.v] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  )
}
const only = (query: string, atSeconds: number): number => {
  const values = Object.values(vector(query, atSeconds))
  expect(values).toHaveLength(1)
  return values[0] ?? Number.NaN
}
const key = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort())
const leftOf = <A, E>(either: Either.Either<A, E>): E =>
  Either.match(either, {
    onLeft: (e) => e,
    onRight: (a) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(a)}`)
    },
  })
const refused = (query: string) => leftOf(evaluator.query(query, s(60)))

describe("instant selectors", () => {
  it("take each series' latest sample within the 5-minute lookback, (t − 5m, t]", () => {
    expect(vector('queue_depth{queue="a"}', 90)).toEqual({
      [key({ __name__: "queue_depth", queue: "a", team: "x" })]: 3,
    })
    expect(vector('queue_depth{queue="a"}', 30)).toEqual({
      [key({ __name__: "queue_depth", queue: "a", team: "x" })]: 2,
    })
    // 60 s + 5 min: the sample at 60 s is exactly at the open end of the lookback → gone.
    expect(vector('queue_depth{queue="a"}', 360)).toEqual({})
    expect(vector('queue_depth{queue="a"}', 359.999)).toEqual({
      [key({ __name__: "queue_depth", queue: "a", team: "x" })]: 3,
    })
    // Before the first sample: nothing.
    expect(vector('queue_depth{queue="b"}', 59)).toEqual({})
  })

  it("apply =, !=, =~ (anchored) and !~, an absent label being the empty string", () => {
    const queues = (q: string) =>
      Object.keys(vector(q, 60))
        .map((k) => (JSON.parse(k) as Array<[string, string]>).find(([n]) => n === "queue")?.[1])
        .sort()
    expect(queues('queue_depth{team="x"}')).toEqual(["a", "b"])
    expect(queues('queue_depth{team!="x"}')).toEqual(["c"])
    expect(queues('queue_depth{queue=~"a|c"}')).toEqual(["a", "c"])
    expect(queues('queue_depth{queue=~"a"}')).toEqual(["a"])
    expect(queues('queue_depth{queue=~"."}')).toEqual(["a", "b", "c"])
    expect(queues('queue_depth{queue=~"b.*"}')).toEqual(["b"])
    expect(queues('queue_depth{queue!~"a|b"}')).toEqual(["c"])
    expect(queues('queue_depth{missing=""}')).toEqual(["a", "b", "c"])
    expect(queues('{__name__="queue_depth", team="y"}')).toEqual(["c"])
    // A recording rule picked by a pattern on the name (the latency template's last fallback).
    expect(queues('{__name__=~"queue_d[a-z]+", team="y"}')).toEqual(["c"])
    expect(queues('{__name__=~"queue", team="y"}')).toEqual([])
    expect(queues("queue_depth{team=`x`, queue='a'}")).toEqual(["a"])
  })

  it("abs() gives each element's absolute value and drops the name", () => {
    expect(vector('abs(-queue_depth{queue="a"})', 90)).toEqual({ [key({ queue: "a", team: "x" })]: 3 })
    expect(refused("abs(queue_depth, queue_depth)")._tag).toBe("UnsupportedQuery")
  })

  it("shift by offset", () => {
    expect(only('queue_depth{queue="a"} offset 1m', 90)).toBe(2)
    expect(only('queue_depth{queue="a"} offset -1m', 30)).toBe(3)
  })
})

describe("rate and increase", () => {
  it("extrapolate to the range edges like Prometheus (a 1/s counter sampled every 15 s → exactly 1/s)", () => {
    // Samples in (0, 300]: 15 … 300 s, increase 285 over 285 s; extrapolated 15 s back (to where
    // the counter was zero, within 1.1 sample intervals) and 0 s forward → 300 over 300 s.
    expect(only('rate(http_requests_total{service="api",code="500"}[5m])', 300)).toBeCloseTo(1, 12)
    expect(only('increase(http_requests_total{service="api",code="500"}[5m])', 300)).toBeCloseTo(300, 9)
    // 50, 110, 170 at 100/160/220 s (1/s every 60 s), range (−50, 250]: increase 120 over 120 s;
    // the start gap (150 s) is capped where the counter was zero (50 s), which is within 1.1 × 60,
    // and the end gap is 30 s → 120 × (120 + 50 + 30) / 120.
    expect(only("increase(gappy_total[5m])", 250)).toBeCloseTo(200, 9)
    // Range (100, 400]: the sample at 100 s is out (left-open); 110, 170 → increase 60 over 60 s;
    // start gap 60 s (< 66) kept, end gap 180 s (≥ 66) replaced by half an interval (30 s).
    expect(only("increase(gappy_total[5m])", 400)).toBeCloseTo(60 * ((60 + 60 + 30) / 60), 9)
    expect(only("rate(gappy_total[5m])", 400)).toBeCloseTo(150 / 300, 12)
  })

  it("add the value before a counter reset and drop the metric name", () => {
    // 100,110,120,5,15 at 60 s steps, range (0, 300]: increase 15 − 100 + 120 = 35 over 240 s,
    // extrapolated by 60 s (< 1.1 × 60) at the start and 0 at the end → 35 × 300/240.
    const v = vector("increase(resets_total[5m])", 300)
    expect(v).toEqual({ [key({ job: "r" })]: 35 * (300 / 240) })
    expect(only("rate(resets_total[5m])", 300)).toBeCloseTo((35 * (300 / 240)) / 300, 12)
  })

  it("give nothing for a series with fewer than two samples in the range", () => {
    expect(vector('rate(queue_depth{queue="b"}[5m])', 120)).toEqual({})
  })
})

describe("aggregation and arithmetic", () => {
  it("sum/avg/max/min/count with by and without", () => {
    expect(vector("sum by (team) (queue_depth)", 60)).toEqual({
      [key({ team: "x" })]: 9,
      [key({ team: "y" })]: 10,
    })
    expect(vector("avg(queue_depth) by (team)", 60)).toEqual({
      [key({ team: "x" })]: 4.5,
      [key({ team: "y" })]: 10,
    })
    expect(only("max(queue_depth)", 60)).toBe(10)
    expect(only("min(queue_depth)", 60)).toBe(3)
    expect(only("count(queue_depth)", 60)).toBe(3)
    expect(vector("sum without (queue) (queue_depth)", 60)).toEqual({
      [key({ team: "x" })]: 9,
      [key({ team: "y" })]: 10,
    })
  })

  it("divide one aggregate by another (the error-rate query) and combine with scalars", () => {
    const errorRate =
      'sum(rate(http_requests_total{service="api",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="api"}[5m]))'
    expect(only(errorRate, 300)).toBeCloseTo(0.1, 12)
    expect(only(`100 * ${errorRate}`, 300)).toBeCloseTo(10, 10)
    expect(only('sum(queue_depth{team="x"}) * 2 - -1', 60)).toBe(19)
    expect(only("max(queue_depth) ^ 2 % 7", 60)).toBe(2)
    expect(value("(1 + 2) * 3", 60)).toEqual({ kind: "scalar", v: 9 })
    expect(only('-queue_depth{queue="c"}', 60)).toBe(-10)
  })

  it("match vectors one-to-one on all labels but the name, or on()/ignoring()", () => {
    expect(vector('queue_depth / on(queue) queue_depth{team="x"}', 60)).toEqual({
      [key({ queue: "a" })]: 1,
      [key({ queue: "b" })]: 1,
    })
    expect(
      vector(
        'sum by (code) (http_requests_total{service="api"}) / ignoring(service) sum by (code, service) (http_requests_total{service="api"})',
        60,
      ),
    ).toEqual({ [key({ code: "200" })]: 1, [key({ code: "500" })]: 1 })
    // No label overlap without on(): nothing matches.
    expect(vector('queue_depth{queue="a"} + queue_depth{queue="b"}', 60)).toEqual({})
  })

  it("combine vectors with and / or / unless, matched on all labels but the name or on()/ignoring()", () => {
    // or: the left side, then the right side's series whose labels the left lacks (the fallback idiom).
    expect(vector('queue_depth{team="y"} or queue_depth', 60)).toEqual({
      [key({ __name__: "queue_depth", queue: "c", team: "y" })]: 10,
      [key({ __name__: "queue_depth", queue: "a", team: "x" })]: 3,
      [key({ __name__: "queue_depth", queue: "b", team: "x" })]: 6,
    })
    expect(vector('nothing_here{service="api"} or queue_depth{queue="b"}', 60)).toEqual({
      [key({ __name__: "queue_depth", queue: "b", team: "x" })]: 6,
    })
    // and / unless keep the left elements that do / do not have a match on the right.
    expect(vector("queue_depth and queue_depth > 5", 60)).toEqual({
      [key({ __name__: "queue_depth", queue: "b", team: "x" })]: 6,
      [key({ __name__: "queue_depth", queue: "c", team: "y" })]: 10,
    })
    expect(vector("queue_depth unless queue_depth > 5", 60)).toEqual({
      [key({ __name__: "queue_depth", queue: "a", team: "x" })]: 3,
    })
    expect(Object.values(vector('queue_depth and on(team) queue_depth{queue="c"}', 60))).toEqual([10])
    expect(Object.values(vector('queue_depth unless ignoring(queue) queue_depth{queue="a"}', 60))).toEqual([
      10,
    ])
  })

  it("filter with comparisons and answer 0/1 with bool", () => {
    expect(Object.values(vector("queue_depth > 5", 60)).sort()).toEqual([10, 6])
    expect(Object.keys(vector("queue_depth > 5", 60)).every((k) => k.includes("__name__"))).toBe(true)
    expect(Object.values(vector("5 < queue_depth", 60)).sort()).toEqual([10, 6])
    expect(Object.values(vector("queue_depth > bool 5", 60)).sort()).toEqual([0, 1, 1])
    expect(value("2 > bool 1", 60)).toEqual({ kind: "scalar", v: 1 })
  })
})

describe("histogram_quantile", () => {
  it("interpolates inside the bucket holding the rank", () => {
    // rank 20 of 40 lies in (0.1, 0.5] holding 20 → 0.1 + 0.4 × 10/20.
    expect(only("histogram_quantile(0.5, latency_bucket)", 60)).toBeCloseTo(0.3, 12)
    // rank 39.6 lies in (0.5, 1] holding 10 → 0.5 + 0.5 × 9.6/10.
    expect(only('histogram_quantile(0.99, sum by (le) (latency_bucket{service="api"}))', 60)).toBeCloseTo(
      0.98,
      12,
    )
    expect(vector("histogram_quantile(0.5, latency_bucket)", 60)).toEqual({
      [key({ service: "api" })]: expect.any(Number),
    })
  })

  it("answers the highest finite bound when the rank falls in +Inf, NaN without observations", () => {
    expect(only("histogram_quantile(0.9, tail_bucket)", 60)).toBe(0.1)
    expect(only("histogram_quantile(1.5, tail_bucket)", 60)).toBe(Number.POSITIVE_INFINITY)
    expect(vector("histogram_quantile(0.5, tail_bucket)", 1000)).toEqual({})
  })
})

describe("range queries", () => {
  it("evaluate at every step from start to end, one series per label set", () => {
    const result = Either.getOrThrow(
      evaluator.queryRange("sum by (team) (queue_depth)", s(0), s(120), 60_000),
    )
    expect(result.map((r) => [r.labels, r.samples.map((p) => [(p.t - T) / 1000, p.v])])).toEqual([
      [
        { team: "x" },
        [
          [0, 2],
          [60, 9],
          [120, 9],
        ],
      ],
      [
        { team: "y" },
        [
          [60, 10],
          [120, 10],
        ],
      ],
    ])
    const scalar = Either.getOrThrow(evaluator.queryRange("1 + 1", s(0), s(60), 30_000))
    expect(scalar).toEqual([{ labels: {}, samples: [0, 30, 60].map((sec) => ({ t: s(sec), v: 2 })) }])
  })

  it("refuse a range vector result, a backwards range and too many points", () => {
    const bad = (q: string, start: number, end: number, step: number) =>
      leftOf(evaluator.queryRange(q, s(start), s(end), step))
    expect(bad("queue_depth[5m]", 0, 60, 60_000)).toMatchObject({
      _tag: "UnsupportedQuery",
      message: expect.stringContaining('"range vector"'),
    })
    expect(bad("queue_depth", 60, 0, 60_000)).toMatchObject({ _tag: "UnsupportedQuery" })
    expect(bad("queue_depth", 0, 86_400, 1_000)).toMatchObject({
      message: expect.stringContaining("11,000 points"),
    })
  })
})

describe("outside the subset", () => {
  it.each([
    ["topk(3, queue_depth)", "topk"],
    ["queue_depth[5m:1m]", "subquery"],
    ["rate(queue_depth[5m:1m])", "subquery"],
    ["queue_depth / on(queue) group_left(team) queue_depth", "group_left"],
    ['label_replace(queue_depth, "a", "b", "c", "d")', "label_replace"],
    ["queue_depth @ 100", "@"],
    ['"a string"', "string"],
    ["irate(queue_depth[5m])", "irate"],
    ["queue_depth and bool queue_depth", "bool"],
    ["queue_depth or on(queue) group_left(team) queue_depth", "group_left"],
    ["quantile(0.5, queue_depth)", "quantile"],
    ["rate(queue_depth[5m]", "parse error"],
    ['queue_depth{queue=~"("}', "regular expression"],
    ['{queue=~".*"}', "non-empty matcher"],
    ["rate(queue_depth)", "range vector"],
    ["1 > 2", "BOOL"],
    ["", "empty"],
  ])("%s → bad_data naming %s", (query, named) => {
    const e = refused(query)
    expect(e._tag).toBe("UnsupportedQuery")
    expect(e.message).toContain(named)
  })

  it("refuses many-to-many matching as an execution error", () => {
    const e = refused("queue_depth / on(team) queue_depth")
    expect(e._tag).toBe("ExecutionError")
    expect(e.message).toMatch(/many-to-many|duplicate series/)
  })
})
