/**
 * Prometheus on loopback: `/api/v1/query` and `/api/v1/query_range` (GET query string or POST
 * form, as the real server accepts both) over a scenario's `prometheus: series:`, answering in
 * the real envelope — `{status: "success", data: {resultType, result}}`, values as strings,
 * timestamps as float seconds — and failing like Prometheus: `bad_data` (400) for a parse error,
 * a bad parameter or a construct the replay does not evaluate, `execution` (422) for a
 * many-to-many match. A missing `time` means the scenario clock's now. Tests can make the next
 * calls fail with any status and read every request back, so the real adapter runs against it.
 */
import { Data, Effect, Either, type Scope } from "effect"
import { type Context, Hono } from "hono"
import type { MetricLabels, MetricSample } from "../domain/metric-series.js"
import { makeFaultPlan } from "./fault-plan-state.js"
import { makeEvaluator, storeOf, type Value } from "./prometheus-eval.js"
import { parseDurationMs } from "./prometheus-parse.js"
import { makeRequestLog, type RecordedRequest } from "./request-log-state.js"
import { serveLoopback } from "./serve.js"

export interface PrometheusReplayOptions {
  readonly series: ReadonlyArray<{
    readonly labels: MetricLabels
    readonly samples: ReadonlyArray<MetricSample>
  }>
  /** The scenario clock (epoch ms), for queries without `time`. */
  readonly now: () => number
}

/** A scenario's decoded `prometheus:` section as replay series. */
export const replaySeriesFromScenario = (section: {
  readonly series: ReadonlyArray<{
    readonly labels: MetricLabels
    readonly samples: ReadonlyArray<readonly [{ readonly epochMillis: number }, number]>
  }>
}): PrometheusReplayOptions["series"] =>
  section.series.map((s) => ({
    labels: s.labels,
    samples: s.samples.map(([at, v]) => ({ t: at.epochMillis, v })),
  }))

export interface PrometheusFault {
  readonly status: number
  readonly errorType: string
  readonly error: string
}

export type PrometheusOperation = "query" | "query_range"

export interface PrometheusReplay {
  readonly url: string
  readonly requests: () => ReadonlyArray<RecordedRequest>
  /** The next `count` calls to `operation` answer this error. */
  readonly failNext: (operation: PrometheusOperation, fault: PrometheusFault, count?: number) => void
  /** The next `count` calls to `operation` get no answer until the replay closes (a hung server). */
  readonly holdNext: (operation: PrometheusOperation, count?: number) => void
}

const formatValue = (v: number): string => {
  if (Number.isNaN(v)) return "NaN"
  if (v === Number.POSITIVE_INFINITY) return "+Inf"
  if (v === Number.NEGATIVE_INFINITY) return "-Inf"
  return String(v)
}
const pair = (t: number, v: number) => [t / 1000, formatValue(v)] as const

const dataOf = (value: Value, t: number) => {
  switch (value.kind) {
    case "scalar":
      return { resultType: "scalar", result: pair(t, value.v) }
    case "vector":
      return {
        resultType: "vector",
        result: value.elements.map((e) => ({ metric: e.labels, value: pair(t, e.v) })),
      }
    case "matrix":
      return {
        resultType: "matrix",
        result: value.series.map((s) => ({ metric: s.labels, values: s.samples.map((p) => pair(p.t, p.v)) })),
      }
  }
}

/** RFC 3339 or float unix seconds, as Prometheus accepts; null when neither. */
export const parseTime = (raw: string): number | null => {
  if (/^[+-]?\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000)
  const at = Date.parse(raw)
  return /^\d{4}-\d{2}-\d{2}T/.test(raw) && Number.isFinite(at) ? at : null
}

/** Float seconds or a duration (`1m`), as Prometheus accepts for `step`. */
const parseStep = (raw: string): number | null => {
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000)
  return parseDurationMs(raw)
}

class BadParameter extends Data.TaggedError("BadParameter")<{ readonly message: string }> {}

export const makePrometheusReplay = (
  options: PrometheusReplayOptions,
): Effect.Effect<PrometheusReplay, never, Scope.Scope> =>
  Effect.gen(function* () {
    const evaluator = makeEvaluator(storeOf(options.series))
    const log = makeRequestLog()
    const faults = makeFaultPlan<PrometheusFault | "hold">()

    const respond = (c: Context, status: 200 | 400 | 422, body: object) =>
      c.body(JSON.stringify(body), status, { "content-type": "application/json" })
    const error = (c: Context, errorType: "bad_data" | "execution", message: string) =>
      respond(c, errorType === "bad_data" ? 400 : 422, { status: "error", errorType, error: message })

    const params = async (c: Context): Promise<Record<string, string>> => {
      const fromQuery = Object.fromEntries(new URL(c.req.url).searchParams)
      if (c.req.method !== "POST") return fromQuery
      const type = c.req.header("content-type") ?? ""
      if (!type.startsWith("application/x-www-form-urlencoded")) return fromQuery
      const form = Object.fromEntries(new URLSearchParams(await c.req.text()))
      return { ...fromQuery, ...form }
    }

    const required = (
      p: Record<string, string>,
      name: string,
      parse: (raw: string) => number | null,
    ): number => {
      const raw = p[name]
      if (raw === undefined || raw === "")
        throw new BadParameter({ message: `invalid parameter "${name}": missing` })
      const parsed = parse(raw)
      if (parsed === null) {
        const kind = name === "step" ? "duration" : "timestamp"
        throw new BadParameter({
          message: `invalid parameter "${name}": cannot parse "${raw}" to a valid ${kind}`,
        })
      }
      return parsed
    }

    const handler = (operation: PrometheusOperation) => async (c: Context) => {
      const p = await params(c)
      log.record({
        method: c.req.method,
        path: c.req.path,
        operation,
        query: Object.fromEntries(new URL(c.req.url).searchParams),
        body: p,
        authorization: c.req.header("authorization") === undefined ? "none" : "valid",
      })
      const planned = faults.take(operation)
      if (planned === "hold") {
        await faults.hold()
        return c.body("", 503)
      }
      if (planned !== undefined) {
        return c.body(
          JSON.stringify({ status: "error", errorType: planned.errorType, error: planned.error }),
          planned.status as 400,
          { "content-type": "application/json" },
        )
      }
      const query = p.query ?? ""
      if (query === "") return error(c, "bad_data", 'invalid parameter "query": missing')
      try {
        if (operation === "query") {
          const t = p.time === undefined || p.time === "" ? options.now() : required(p, "time", parseTime)
          return Either.match(evaluator.query(query, t), {
            onLeft: (e) => error(c, e._tag === "UnsupportedQuery" ? "bad_data" : "execution", e.message),
            onRight: (value) => respond(c, 200, { status: "success", data: dataOf(value, t) }),
          })
        }
        const start = required(p, "start", parseTime)
        const end = required(p, "end", parseTime)
        const step = required(p, "step", parseStep)
        return Either.match(evaluator.queryRange(query, start, end, step), {
          onLeft: (e) => error(c, e._tag === "UnsupportedQuery" ? "bad_data" : "execution", e.message),
          onRight: (series) =>
            respond(c, 200, { status: "success", data: dataOf({ kind: "matrix", series }, end) }),
        })
      } catch (e) {
        if (e instanceof BadParameter) return error(c, "bad_data", e.message)
        throw e
      }
    }

    const app = new Hono()
    for (const operation of ["query", "query_range"] as const) {
      app.get(`/api/v1/${operation}`, handler(operation))
      app.post(`/api/v1/${operation}`, handler(operation))
    }
    app.notFound((c) => c.body("404 page not found\n", 404))

    const server = yield* serveLoopback(app)
    yield* Effect.addFinalizer(() => Effect.sync(faults.releaseAll))
    return {
      url: server.url,
      requests: log.all,
      failNext: (operation, fault, count = 1) => faults.add(operation, fault, count),
      holdNext: (operation, count = 1) => faults.add(operation, "hold", count),
    }
  })
