/**
 * MetricSource over the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`) with
 * global fetch: queries are POSTed as a form (long PromQL never hits URL limits), every attempt
 * has its own timeout and the call a deadline (`httpCall`, AbortSignal underneath), 5xx and
 * network errors are retried, and answers are decoded with Schema. Failures map at the
 * boundary: 400 `bad_data` → `bad_query`, other 4xx and 422 `execution` → `rejected`, the rest
 * → `unavailable`. Prometheus' own error text is kept (redacted, clipped): it names the problem
 * ("parse error at char 12: unexpected …"). Works against a real server or the replay.
 */
import { Effect, Layer } from "effect"
import { redact } from "../../domain/redact.js"
import { MetricSource, MetricSourceError, type MetricSourceService } from "../../ports/metric-source.js"
import { defaultRetryPolicy, httpCall } from "../fetch/http-call.js"
import type { HttpCallError } from "../fetch/http-call-error.js"
import { decodeFailure, decodeSuccess } from "./prometheus-response.js"

export interface PrometheusOptions {
  /** Base URL, e.g. http://prometheus.monitoring:9090 (a path prefix is kept). */
  readonly url: string
  /** Per-attempt timeout (default 5 s). */
  readonly timeoutMs?: number
  /** Attempts in all on 5xx / network errors (default 2). */
  readonly maxAttempts?: number
  /** Whether `graphUrl` links to this server (false for a loopback replay nobody can open). */
  readonly linkable?: boolean
}

const clip = (s: string, max = 300): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

const errorTypeIn = (snippet: string): string | null =>
  /"errorType"\s*:\s*"([a-z_]+)"/.exec(snippet)?.[1] ?? null

/** An HTTP failure as a MetricSourceError, using Prometheus' error envelope when the body has one. */
export const metricErrorFrom = (label: string, error: HttpCallError): MetricSourceError => {
  const envelope = error.bodySnippet === undefined ? null : decodeFailure(error.bodySnippet)
  const errorType =
    envelope?.errorType ?? (error.bodySnippet === undefined ? null : errorTypeIn(error.bodySnippet))
  const said = envelope === null ? "" : `: ${envelope.error}`
  const message = clip(redact(`${error.message}${said}`))
  if (error.reason === "status" && error.status !== undefined && error.status < 500) {
    return new MetricSourceError({
      reason: error.status === 400 || errorType === "bad_data" ? "bad_query" : "rejected",
      message,
    })
  }
  return new MetricSourceError({ reason: "unavailable", message: message === "" ? label : message })
}

const trimSlash = (url: string): string => url.replace(/\/+$/, "")

/**
 * fetch refuses URLs carrying credentials (`https://user:pass@host`), and links must never show
 * them: userinfo becomes a Basic Authorization header and is dropped from the base URL.
 */
export const splitCredentials = (
  url: string,
): { readonly base: string; readonly authorization: string | null } => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { base: trimSlash(url), authorization: null }
  }
  if (parsed.username === "" && parsed.password === "") return { base: trimSlash(url), authorization: null }
  const user = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  parsed.username = ""
  parsed.password = ""
  const token = Buffer.from(`${user}:${password}`).toString("base64")
  return { base: trimSlash(parsed.toString()), authorization: `Basic ${token}` }
}
const seconds = (ms: number): string => String(ms / 1000)

export const makePrometheusMetricSource = (options: PrometheusOptions): MetricSourceService => {
  const { base, authorization } = splitCredentials(options.url)
  const policy = { ...defaultRetryPolicy(options.timeoutMs ?? 5000), maxAttempts: options.maxAttempts ?? 2 }

  const call = (path: "query" | "query_range", params: Record<string, string>) => {
    const label = `prometheus ${path}`
    return httpCall(
      {
        method: "POST",
        url: `${base}/api/v1/${path}`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
          ...(authorization === null ? {} : { authorization }),
        },
        body: new URLSearchParams(params).toString(),
        label,
      },
      policy,
    ).pipe(
      Effect.mapError((e) => metricErrorFrom(label, e)),
      Effect.flatMap((response) => {
        const decoded = decodeSuccess(response.body)
        return decoded === null
          ? Effect.fail(
              new MetricSourceError({
                reason: "unavailable",
                message: `${label}: the answer is not a Prometheus result`,
              }),
            )
          : Effect.succeed(decoded)
      }),
      Effect.withSpan("MetricSource.call", { attributes: { call: label } }),
    )
  }

  return {
    query: (expr, atMs) => call("query", { query: expr, time: seconds(atMs) }),
    queryRange: (expr, startMs, endMs, stepS) =>
      call("query_range", {
        query: expr,
        start: seconds(startMs),
        end: seconds(endMs),
        step: String(stepS),
      }).pipe(
        Effect.flatMap((result) =>
          result.type === "matrix"
            ? Effect.succeed(result.series)
            : Effect.fail(
                new MetricSourceError({
                  reason: "unavailable",
                  message: `prometheus query_range: expected a matrix, got a ${result.type}`,
                }),
              ),
        ),
      ),
    graphUrl: (expr, startMs, endMs) => {
      if (options.linkable === false) return null
      const rangeS = Math.max(60, Math.round((endMs - startMs) / 1000))
      const params = new URLSearchParams({
        "g0.expr": expr,
        "g0.tab": "0",
        "g0.end_input": new Date(endMs).toISOString(),
        "g0.range_input": `${rangeS}s`,
      })
      return `${base}/graph?${params.toString()}`
    },
  }
}

export const prometheusMetricSourceLayer = (options: PrometheusOptions): Layer.Layer<MetricSource> =>
  Layer.succeed(MetricSource, makePrometheusMetricSource(options))
