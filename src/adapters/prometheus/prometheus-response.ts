/**
 * The Prometheus HTTP API envelope, decoded with Schema at the boundary: success
 * `{status: "success", data: {resultType, result}}` and failure `{status: "error", errorType,
 * error}`. Sample values travel as strings ("1.5", "NaN", "+Inf") and timestamps as float
 * seconds; both become numbers here, timestamps epoch milliseconds.
 */
import { Either, Schema } from "effect"
import type { InstantResult, MetricSample, MetricSeries } from "../../domain/metric-series.js"

const Labels = Schema.Record({ key: Schema.String, value: Schema.String })
const Pair = Schema.Tuple(Schema.Number, Schema.String)

const VectorData = Schema.Struct({
  resultType: Schema.Literal("vector"),
  result: Schema.Array(Schema.Struct({ metric: Labels, value: Pair })),
})
const MatrixData = Schema.Struct({
  resultType: Schema.Literal("matrix"),
  result: Schema.Array(Schema.Struct({ metric: Labels, values: Schema.Array(Pair) })),
})
const ScalarData = Schema.Struct({ resultType: Schema.Literal("scalar", "string"), result: Pair })

const Success = Schema.Struct({
  status: Schema.Literal("success"),
  data: Schema.Union(VectorData, MatrixData, ScalarData),
})
const Failure = Schema.Struct({
  status: Schema.Literal("error"),
  errorType: Schema.String,
  error: Schema.String,
})

const SuccessJson = Schema.parseJson(Success)
const FailureJson = Schema.parseJson(Failure)

export type PrometheusFailure = typeof Failure.Type

const value = (s: string): number => {
  if (s === "+Inf" || s === "Inf") return Number.POSITIVE_INFINITY
  if (s === "-Inf") return Number.NEGATIVE_INFINITY
  return Number(s)
}
const sample = ([t, v]: readonly [number, string]): MetricSample => ({ t: Math.round(t * 1000), v: value(v) })

/** The decoded result of a successful answer, or null when the body is not one. */
export const decodeSuccess = (body: string): InstantResult | null =>
  Either.match(Schema.decodeUnknownEither(SuccessJson)(body), {
    onLeft: () => null,
    onRight: ({ data }): InstantResult => {
      switch (data.resultType) {
        case "vector":
          return {
            type: "vector",
            series: data.result.map((r) => ({ labels: r.metric, sample: sample(r.value) })),
          }
        case "matrix":
          return {
            type: "matrix",
            series: data.result.map(
              (r): MetricSeries => ({ labels: r.metric, samples: r.values.map(sample) }),
            ),
          }
        default:
          return { type: "scalar", sample: sample(data.result) }
      }
    },
  })

/** The error envelope of a failed answer, or null when the body is not one (a proxy's HTML page). */
export const decodeFailure = (body: string): PrometheusFailure | null =>
  Either.getOrNull(Schema.decodeUnknownEither(FailureJson)(body))
