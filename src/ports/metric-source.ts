/**
 * MetricSource: a Prometheus-compatible query API as the prometheus agent needs it — one
 * instant query and one range query, PromQL in, decoded series out. One tagged error with a
 * `reason`, so the agent can tell "this deployment has no metrics backend" (`not_configured`:
 * the agent is `unhealthy`) from "this query is wrong" (`bad_query`: Prometheus' `bad_data`,
 * e.g. a metric the template names with a syntax error) from "the server refused or failed to
 * run it" (`rejected`: 4xx/422 execution errors) from "try again later" (`unavailable`:
 * network, timeout, 5xx, an undecodable answer). Times are epoch milliseconds.
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { InstantResult, MetricSeries } from "../domain/metric-series.js"

export const MetricSourceFailure = Schema.Literal("not_configured", "unavailable", "rejected", "bad_query")
export type MetricSourceFailure = typeof MetricSourceFailure.Type

export class MetricSourceError extends Schema.TaggedError<MetricSourceError>()("MetricSourceError", {
  reason: MetricSourceFailure,
  message: Schema.String,
}) {}

export interface MetricSourceService {
  /** `/api/v1/query` at `atMs`. */
  readonly query: (expr: string, atMs: number) => Effect.Effect<InstantResult, MetricSourceError>
  /** `/api/v1/query_range` from `startMs` to `endMs` (inclusive) every `stepS` seconds. */
  readonly queryRange: (
    expr: string,
    startMs: number,
    endMs: number,
    stepS: number,
  ) => Effect.Effect<ReadonlyArray<MetricSeries>, MetricSourceError>
  /** A link a reader can open to see the same graph (null when the server is not reachable by people, e.g. a replay). */
  readonly graphUrl: (expr: string, startMs: number, endMs: number) => string | null
}

export class MetricSource extends Context.Tag("sre-on-call/MetricSource")<
  MetricSource,
  MetricSourceService
>() {}

export const noPrometheusMessage = "no Prometheus configured; set PROMETHEUS_URL or sources.prometheus.url"

/** A MetricSource whose every call fails `not_configured` (the agent then reports `unhealthy`). */
export const notConfiguredMetricSource = (message: string = noPrometheusMessage): MetricSourceService => {
  const refuse = () => Effect.fail(new MetricSourceError({ reason: "not_configured", message }))
  return { query: refuse, queryRange: refuse, graphUrl: () => null }
}

export const notConfiguredMetricSourceLayer = (
  message: string = noPrometheusMessage,
): Layer.Layer<MetricSource> => Layer.succeed(MetricSource, notConfiguredMetricSource(message))
