/**
 * Which service's own 5xx answers rose: a person reports "Purchase failed (E502)" and names no
 * service, every pod is Ready, and only a request counter's 5xx series shows who is failing
 * (`http_server_requests_total{service="store-api",route="/v1/purchase",code="502"}`). A series
 * counts when its 5xx rose sharply in the incident window — from about nothing to many, or at
 * least `serverErrorRule.minRatio` times its rate before — and by at least `minEvents`. A 5xx
 * series flat at its usual rate is the service's normal noise, not this incident. Pure.
 */
import { counterIncrease } from "./counter-increase.js"
import type { MetricLabels, MetricSample } from "./metric-series.js"

/** Labels that carry an HTTP status in the exporters we know (Prometheus clients, Micrometer, OTel). */
export const statusLabels = [
  "code",
  "status",
  "status_code",
  "http_status",
  "response_code",
  "http_status_code",
] as const

/**
 * Request counters by the names common clients give them: `http_requests_total`,
 * `http_server_requests_total`, Micrometer's `http_server_requests_seconds_count`, a histogram's
 * `…_request_duration_seconds_count`. Regexes here have no case flag (PromQL's RE2).
 */
const counterNames =
  ".*requests?(_total|_seconds_count|_count)|.*request_duration_(seconds|milliseconds)_count"

/** One selector per status label: request counters whose status is a 5xx. */
export const serverErrorSelectors: ReadonlyArray<string> = statusLabels.map(
  (l) => `{__name__=~"${counterNames}", ${l}=~"5.."}`,
)

export const serverErrorRule = { minEvents: 20, minRatio: 10 }

/** The label that says 5xx and its value; null when none does. */
export const serverStatusOf = (
  labels: MetricLabels,
): { readonly name: string; readonly value: string } | null => {
  for (const name of statusLabels) {
    const value = labels[name]
    if (value !== undefined && /^5\d\d$/.test(value)) return { name, value }
  }
  return null
}

/**
 * A client's counter of its calls (`entitlements_client_requests_total`, `http_client_requests_…`)
 * counts a dependency's answers, not the service's own: the dependency's failure, seen by a caller.
 */
export const isClientCounter = (metric: string): boolean =>
  /(?:^|_)(?:client|outbound|upstream)(?:_|$)/.test(metric)

export interface ServerErrorVerdict {
  readonly rising: boolean
  /** 5xx answers in the window. */
  readonly during: number
  /** The window's share of the rate before, per minute (0 when it was silent or unknown). */
  readonly beforePerMin: number
  readonly peakPerMin: number
  /** When the rise began (the first step that rose faster than before), if any. */
  readonly firstMs: number | null
}

/** The per-minute rate of each step (reset-aware), in time order. */
const stepRates = (points: ReadonlyArray<MetricSample>) =>
  points.slice(1).flatMap((cur, i) => {
    const prev = points[i]
    if (prev === undefined || cur.t <= prev.t) return []
    const rise = cur.v >= prev.v ? cur.v - prev.v : cur.v
    return [{ startMs: prev.t, endMs: cur.t, perMin: (rise * 60_000) / (cur.t - prev.t) }]
  })

/**
 * Whether `samples` (a 5xx counter read from before the window to its end) rose sharply in the
 * window. The rate before is read from the steps that end before the window, else from the first
 * quarter of what was read (a person reports late: the series may start inside the window); a
 * series always as fast as now is not rising, however many errors it counts.
 */
export const judgeServerErrors = (
  samples: ReadonlyArray<MetricSample>,
  window: { readonly startMs: number; readonly endMs: number },
): ServerErrorVerdict => {
  const points = samples.filter((s) => Number.isFinite(s.v)).sort((a, b) => a.t - b.t)
  const steps = stepRates(points)
  const inWindow = points.filter((p) => p.t >= window.startMs && p.t <= window.endMs)
  const from = points.findIndex((p) => p.t >= window.startMs)
  const during =
    from === -1 ? 0 : counterIncrease(points.slice(Math.max(0, from - 1)).filter((p) => p.t <= window.endMs))
  const first = points[0]
  const last = points[points.length - 1]
  const quarter = first === undefined || last === undefined ? 0 : first.t + (last.t - first.t) / 4
  const earlier = steps.filter((s) => s.endMs <= window.startMs)
  const baseSteps = earlier.length > 0 ? earlier : steps.filter((s, i) => i === 0 || s.endMs <= quarter)
  const beforePerMin =
    baseSteps.length === 0 ? 0 : baseSteps.reduce((sum, s) => sum + s.perMin, 0) / baseSteps.length
  const later = steps.filter((s) => s.endMs > window.startMs && !baseSteps.includes(s))
  const peakPerMin = later.reduce((max, s) => Math.max(max, s.perMin), 0)
  // About nothing before: under one error a minute, so a handful of stray 5xx never counts as a base.
  const floor = Math.max(beforePerMin, 1)
  const rising =
    inWindow.length > 0 &&
    during >= serverErrorRule.minEvents &&
    peakPerMin >= floor * serverErrorRule.minRatio
  const start = later.find((s) => s.perMin >= floor * serverErrorRule.minRatio)
  return { rising, during, beforePerMin, peakPerMin, firstMs: rising ? (start?.startMs ?? null) : null }
}
