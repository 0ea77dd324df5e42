/**
 * Evaluates the replay's PromQL tree over recorded series, the way Prometheus does for the
 * subset it covers: an instant selector takes each series' latest sample within the 5-minute
 * lookback (`(t − 5m, t]`), a range selector the samples in `(t − range, t]`, `offset` shifts
 * both; functions, aggregations and arithmetic drop the metric name; vector/vector operators
 * match one-to-one on all labels but the name (or `on`/`ignoring`), and a duplicate match is
 * an execution error, as in Prometheus. Pure: the caller passes the series and the time.
 */
import { Either } from "effect"
import {
  labelsKey,
  type MetricLabels,
  type MetricSample,
  type MetricSeries,
} from "../domain/metric-series.js"
import {
  type AggregateOp,
  type BinaryOp,
  ExecutionError,
  type Expr,
  type MatrixSelector,
  UnsupportedQuery,
  type VectorSelector,
} from "./prometheus-ast.js"
import { bucketQuantile, extrapolatedRate } from "./prometheus-functions.js"
import { matches, parsePromQL } from "./prometheus-parse.js"

export const lookbackMs = 5 * 60_000
/** Prometheus' cap on points per series in a range query. */
export const maxPointsPerSeries = 11_000

export interface Element {
  readonly labels: MetricLabels
  readonly v: number
}

export type Value =
  | { readonly kind: "scalar"; readonly v: number }
  | { readonly kind: "vector"; readonly elements: ReadonlyArray<Element> }
  | { readonly kind: "matrix"; readonly series: ReadonlyArray<MetricSeries> }

export type QueryError = UnsupportedQuery | ExecutionError

const fail = (message: string): never => {
  throw new UnsupportedQuery({ message })
}
const execFail = (message: string): never => {
  throw new ExecutionError({ message })
}

const withoutName = (labels: MetricLabels): MetricLabels => {
  const { __name__: _, ...rest } = labels
  return rest
}

const pick = (labels: MetricLabels, names: ReadonlyArray<string>): MetricLabels =>
  Object.fromEntries(
    names.flatMap((n) => (labels[n] === undefined || labels[n] === "" ? [] : [[n, labels[n]]])),
  )

const omit = (labels: MetricLabels, names: ReadonlyArray<string>): MetricLabels =>
  Object.fromEntries(Object.entries(labels).filter(([k]) => !names.includes(k)))

const selects = (selector: VectorSelector, labels: MetricLabels): boolean =>
  selector.matchers.every((m) => matches(m, labels[m.name] ?? ""))

const isComparison = (op: BinaryOp): boolean => ["==", "!=", ">", "<", ">=", "<="].includes(op)

const arithmetic = (op: BinaryOp, l: number, r: number): number => {
  switch (op) {
    case "+":
      return l + r
    case "-":
      return l - r
    case "*":
      return l * r
    case "/":
      return l / r
    case "%":
      return l % r
    case "^":
      return l ** r
    default:
      return Number.NaN
  }
}

const compare = (op: BinaryOp, l: number, r: number): boolean => {
  switch (op) {
    case "==":
      return l === r
    case "!=":
      return l !== r
    case ">":
      return l > r
    case "<":
      return l < r
    case ">=":
      return l >= r
    case "<=":
      return l <= r
    default:
      return false
  }
}

const aggregateValues = (op: AggregateOp, values: ReadonlyArray<number>): number => {
  switch (op) {
    case "sum":
      return values.reduce((a, b) => a + b, 0)
    case "avg":
      return values.reduce((a, b) => a + b, 0) / values.length
    case "count":
      return values.length
    case "max":
    case "min": {
      // As Prometheus: NaN only when every value is NaN.
      const real = values.filter((v) => !Number.isNaN(v))
      if (real.length === 0) return Number.NaN
      return op === "max" ? Math.max(...real) : Math.min(...real)
    }
  }
}

export const makeEvaluator = (store: ReadonlyArray<MetricSeries>) => {
  const instant = (selector: VectorSelector, t: number): ReadonlyArray<Element> => {
    const at = t - selector.offsetMs
    const out: Array<Element> = []
    for (const series of store) {
      if (!selects(selector, series.labels)) continue
      let latest: MetricSample | undefined
      for (const s of series.samples) {
        if (s.t > at) break
        if (s.t > at - lookbackMs) latest = s
      }
      if (latest !== undefined) out.push({ labels: series.labels, v: latest.v })
    }
    return out
  }

  const range = (m: MatrixSelector, t: number): ReadonlyArray<MetricSeries> => {
    const end = t - m.selector.offsetMs
    const start = end - m.rangeMs
    return store.flatMap((series) => {
      if (!selects(m.selector, series.labels)) return []
      const samples = series.samples.filter((s) => s.t > start && s.t <= end)
      return samples.length === 0 ? [] : [{ labels: series.labels, samples }]
    })
  }

  const vectorOf = (value: Value, what: string): ReadonlyArray<Element> =>
    value.kind === "vector" ? value.elements : fail(`${what} expects an instant vector, got a ${value.kind}`)

  const scalarOf = (value: Value, what: string): number =>
    value.kind === "scalar" ? value.v : fail(`${what} expects a scalar, got a ${value.kind}`)

  const binary = (e: Extract<Expr, { type: "binary" }>, t: number): Value => {
    const left = evaluate(e.left, t)
    const right = evaluate(e.right, t)
    if (left.kind === "matrix" || right.kind === "matrix") {
      return fail(`binary expression must contain only scalar and instant vector types`)
    }
    const comparison = isComparison(e.op)
    if (left.kind === "scalar" && right.kind === "scalar") {
      if (comparison && !e.bool) return fail("comparisons between scalars must use BOOL modifier")
      return {
        kind: "scalar",
        v: comparison ? Number(compare(e.op, left.v, right.v)) : arithmetic(e.op, left.v, right.v),
      }
    }
    if (e.matching !== null && (left.kind === "scalar" || right.kind === "scalar")) {
      return fail("vector matching only allowed between instant vectors")
    }
    const dropName = !comparison || e.bool
    const result = (labels: MetricLabels, l: number, r: number, keepValue: number): Element | null => {
      if (!comparison) return { labels: withoutName(labels), v: arithmetic(e.op, l, r) }
      const holds = compare(e.op, l, r)
      if (e.bool) return { labels: withoutName(labels), v: holds ? 1 : 0 }
      return holds ? { labels, v: keepValue } : null
    }
    if (left.kind === "vector" && right.kind === "scalar") {
      return {
        kind: "vector",
        elements: left.elements.flatMap((el) => result(el.labels, el.v, right.v, el.v) ?? []),
      }
    }
    if (left.kind === "scalar" && right.kind === "vector") {
      // The vector element's value is kept for a comparison, even with the scalar on the left.
      return {
        kind: "vector",
        elements: right.elements.flatMap((el) => result(el.labels, left.v, el.v, el.v) ?? []),
      }
    }
    const lv = vectorOf(left, "binary expression")
    const rv = vectorOf(right, "binary expression")
    const signature = (labels: MetricLabels): string => {
      const m = e.matching
      if (m === null) return labelsKey(withoutName(labels))
      return labelsKey(m.mode === "on" ? pick(labels, m.labels) : withoutName(omit(labels, m.labels)))
    }
    const rightBySig = new Map<string, Element>()
    for (const el of rv) {
      const sig = signature(el.labels)
      if (rightBySig.has(sig)) {
        execFail(
          `found duplicate series for the match group ${sig === "" ? "{}" : `{${sig}}`} on the right hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`,
        )
      }
      rightBySig.set(sig, el)
    }
    const seen = new Set<string>()
    const elements: Array<Element> = []
    for (const el of lv) {
      const sig = signature(el.labels)
      const other = rightBySig.get(sig)
      if (other === undefined) continue
      if (seen.has(sig)) {
        execFail("many-to-many matching not allowed: matching labels must be unique on one side")
      }
      seen.add(sig)
      const out = result(el.labels, el.v, other.v, el.v)
      if (out === null) continue
      const m = e.matching
      let labels = dropName ? withoutName(out.labels) : out.labels
      if (m !== null) labels = m.mode === "on" ? pick(labels, m.labels) : omit(labels, m.labels)
      elements.push({ labels, v: out.v })
    }
    return { kind: "vector", elements }
  }

  // Prometheus matches set operators on every label but the metric name (or on()/ignoring()),
  // and keeps each side's elements as they are (name included).
  const setOperation = (e: Extract<Expr, { type: "set" }>, t: number): Value => {
    const lv = vectorOf(evaluate(e.left, t), `${e.op}`)
    const rv = vectorOf(evaluate(e.right, t), `${e.op}`)
    const signature = (labels: MetricLabels): string => {
      const m = e.matching
      if (m === null) return labelsKey(withoutName(labels))
      return labelsKey(m.mode === "on" ? pick(labels, m.labels) : withoutName(omit(labels, m.labels)))
    }
    const rightSigs = new Set(rv.map((el) => signature(el.labels)))
    if (e.op === "and")
      return { kind: "vector", elements: lv.filter((el) => rightSigs.has(signature(el.labels))) }
    if (e.op === "unless")
      return { kind: "vector", elements: lv.filter((el) => !rightSigs.has(signature(el.labels))) }
    const leftSigs = new Set(lv.map((el) => signature(el.labels)))
    return { kind: "vector", elements: [...lv, ...rv.filter((el) => !leftSigs.has(signature(el.labels)))] }
  }

  const aggregate = (e: Extract<Expr, { type: "aggregate" }>, t: number): Value => {
    const elements = vectorOf(evaluate(e.arg, t), `${e.op}()`)
    const groups = new Map<string, { labels: MetricLabels; values: Array<number> }>()
    for (const el of elements) {
      const g = e.grouping
      const labels =
        g === null ? {} : g.mode === "by" ? pick(el.labels, g.labels) : withoutName(omit(el.labels, g.labels))
      const key = labelsKey(labels)
      const group = groups.get(key) ?? { labels, values: [] }
      group.values.push(el.v)
      groups.set(key, group)
    }
    return {
      kind: "vector",
      elements: [...groups.values()].map((g) => ({ labels: g.labels, v: aggregateValues(e.op, g.values) })),
    }
  }

  const histogramQuantile = (e: Extract<Expr, { type: "histogram_quantile" }>, t: number): Value => {
    const phi = scalarOf(evaluate(e.phi, t), "histogram_quantile()'s first argument")
    const elements = vectorOf(evaluate(e.arg, t), "histogram_quantile()")
    const groups = new Map<
      string,
      { labels: MetricLabels; buckets: Array<{ upperBound: number; count: number }> }
    >()
    for (const el of elements) {
      const le = el.labels.le
      const upperBound = le === undefined ? Number.NaN : le === "+Inf" || le === "Inf" ? Infinity : Number(le)
      // A series without a valid `le` is not a bucket: Prometheus skips it too.
      if (le === undefined || le.trim() === "" || Number.isNaN(upperBound)) continue
      const labels = withoutName(omit(el.labels, ["le"]))
      const key = labelsKey(labels)
      const group = groups.get(key) ?? { labels, buckets: [] }
      group.buckets.push({ upperBound, count: el.v })
      groups.set(key, group)
    }
    return {
      kind: "vector",
      elements: [...groups.values()].map((g) => ({ labels: g.labels, v: bucketQuantile(phi, g.buckets) })),
    }
  }

  const evaluate = (e: Expr, t: number): Value => {
    switch (e.type) {
      case "number":
        return { kind: "scalar", v: e.value }
      case "selector":
        return { kind: "vector", elements: instant(e, t) }
      case "matrix":
        return { kind: "matrix", series: range(e, t) }
      case "rate":
      case "increase": {
        const end = t - e.arg.selector.offsetMs
        return {
          kind: "vector",
          elements: range(e.arg, t).flatMap((s) => {
            const v = extrapolatedRate(s.samples, end - e.arg.rangeMs, end, e.type === "rate")
            return v === null ? [] : [{ labels: withoutName(s.labels), v }]
          }),
        }
      }
      case "histogram_quantile":
        return histogramQuantile(e, t)
      case "abs":
        return {
          kind: "vector",
          elements: vectorOf(evaluate(e.arg, t), "abs()").map((el) => ({
            labels: withoutName(el.labels),
            v: Math.abs(el.v),
          })),
        }
      case "aggregate":
        return aggregate(e, t)
      case "binary":
        return binary(e, t)
      case "set":
        return setOperation(e, t)
      case "negate": {
        const inner = evaluate(e.arg, t)
        if (inner.kind === "scalar") return { kind: "scalar", v: -inner.v }
        return {
          kind: "vector",
          elements: vectorOf(inner, "unary minus").map((el) => ({
            labels: withoutName(el.labels),
            v: -el.v,
          })),
        }
      }
    }
  }

  const guarded = <A>(run: () => A): Either.Either<A, QueryError> =>
    Either.try({
      try: run,
      catch: (e) =>
        e instanceof UnsupportedQuery || e instanceof ExecutionError
          ? e
          : new ExecutionError({ message: e instanceof Error ? e.message : String(e) }),
    })

  /** `/api/v1/query`: the expression at `t` (a bare range selector answers its matrix). */
  const query = (text: string, t: number): Either.Either<Value, QueryError> =>
    Either.flatMap(parsePromQL(text), (expr) => guarded(() => evaluate(expr, t)))

  /** `/api/v1/query_range`: the expression at start, start + step, … ≤ end, one series per label set. */
  const queryRange = (
    text: string,
    start: number,
    end: number,
    stepMs: number,
  ): Either.Either<ReadonlyArray<MetricSeries>, QueryError> =>
    Either.flatMap(parsePromQL(text), (expr) =>
      guarded(() => {
        if (end < start) return fail("end timestamp must not be before start time")
        if (stepMs <= 0)
          return fail(
            "zero or negative query resolution step widths are not accepted. Try a positive integer",
          )
        if ((end - start) / stepMs > maxPointsPerSeries) {
          return fail(
            "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)",
          )
        }
        const bySeries = new Map<string, { labels: MetricLabels; samples: Array<MetricSample> }>()
        const add = (labels: MetricLabels, sample: MetricSample) => {
          const key = labelsKey(labels)
          const series = bySeries.get(key) ?? { labels, samples: [] }
          series.samples.push(sample)
          bySeries.set(key, series)
        }
        for (let t = start; t <= end; t += stepMs) {
          const value = evaluate(expr, t)
          if (value.kind === "matrix") {
            return fail(
              `invalid expression type "range vector" for range query, must be Scalar or instant Vector`,
            )
          }
          if (value.kind === "scalar") add({}, { t, v: value.v })
          else for (const el of value.elements) add(el.labels, { t, v: el.v })
        }
        return [...bySeries.values()]
      }),
    )

  return { query, queryRange }
}

/** Scenario series as the evaluator's store: samples sorted by time. */
export const storeOf = (
  series: ReadonlyArray<{ readonly labels: MetricLabels; readonly samples: ReadonlyArray<MetricSample> }>,
): ReadonlyArray<MetricSeries> =>
  series.map((s) => ({ labels: s.labels, samples: [...s.samples].sort((a, b) => a.t - b.t) }))
