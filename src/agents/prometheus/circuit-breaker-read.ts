/**
 * A circuit breaker that opened: the caller stopped calling a dependency because that
 * dependency failed or slowed past the breaker's threshold. The caller's alert (and its
 * "not permitted" calls, its fallback errors) is the symptom; where to look is the dependency the
 * breaker guards, named by the breaker's own label (resilience4j's `name`, a `backend`, a
 * `circuit_breaker`). So the scan reads the scope's breaker series, finds the breaker that is
 * open at the window's end (open gauge at 1, or calls refused at a rate that rose from nothing —
 * one that opened and closed again is a blip, not this incident), and reads that dependency's own
 * latency when it exports one. Recording rules (`level:metric:operation`) are read by their metric
 * part, so `…:resilience4j_circuitbreaker_calls:rate5m` is a breaker's calls like the raw counter.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { PlaceholderName } from "../../domain/metric-queries.js"
import type { MetricSample, MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { trim } from "./anomaly-findings.js"
import type { TimeWindow } from "./metric-windows.js"

/** A recording rule's metric part (`level:metric:operations` → `metric`); any other name as it is. */
export const metricPartOf = (name: string): string => {
  const parts = name.split(":")
  return parts.length === 3 ? (parts[1] ?? name) : name
}

// resilience4j, Hystrix, Polly/Steeltoe, gobreaker, Envoy's outlier breakers: the words they use.
const breakerWords = /circuit_?breaker|circuitbreaker|hystrix_circuit|(?:^|_)breaker(?:_|$)/

/** Whether a metric (or a recording rule over one) is about circuit breakers. */
export const isBreakerMetric = (name: string): boolean => breakerWords.test(metricPartOf(name))

/** Labels a breaker names the dependency it guards by. */
const dependencyLabels = [
  "name",
  "backend",
  "command_name",
  "circuit_breaker",
  "circuitbreaker",
  "breaker",
  "circuit",
  "dependency",
  "upstream",
  "target",
]

export const dependencyOf = (labels: Readonly<Record<string, string>>): string | null =>
  dependencyLabels.map((l) => labels[l]).find((v): v is string => v !== undefined && v !== "") ?? null

const openValue = /^(?:open|forced_open)$/i
const refusedValue = /not_?permitted|short_?circuit(?:ed)?|rejected/i

/** How a breaker series speaks: an open gauge (1 while open), refused calls (a rate), or neither. */
export const seriesRole = (labels: Readonly<Record<string, string>>): "open" | "refused" | null => {
  const name = metricPartOf(labels.__name__ ?? "")
  const values = Object.entries(labels).filter(([k]) => k !== "__name__")
  if (values.some(([k, v]) => k === "state" && openValue.test(v)) || /(?:^|_)(?:is_)?open(?:_|$)/.test(name))
    return "open"
  if (refusedValue.test(name) || values.some(([k, v]) => k !== "state" && refusedValue.test(v)))
    return "refused"
  return null
}

export interface OpenBreaker {
  readonly dependency: string
  /** When its last open run began (the open gauge's first 1, or the first refused call). */
  readonly sinceMs: number
  /** Calls refused per second at the end, when a refused-calls series was read. */
  readonly refusedPerS: number | null
}

const sorted = (s: ReadonlyArray<MetricSample>) =>
  [...s].filter((x) => Number.isFinite(x.v)).sort((a, b) => a.t - b.t)

/** Where the final run of samples above `min` began; null when the last sample is not above it or none was below before. */
const lastRunStart = (samples: ReadonlyArray<MetricSample>, min: number): number | null => {
  const points = sorted(samples)
  const last = points[points.length - 1]
  if (last === undefined || last.v <= min) return null
  let i = points.length - 1
  while (i > 0 && (points[i - 1]?.v ?? 0) > min) i--
  // Open all window long: it opened before it, still the incident's breaker, since the window's start.
  return points[i]?.t ?? null
}

/** The breakers open at the window's end, by dependency (pure). */
export const openBreakers = (series: ReadonlyArray<MetricSeries>): ReadonlyArray<OpenBreaker> => {
  const byDep = new Map<string, { since: number | null; refused: number | null }>()
  for (const s of series) {
    const dep = dependencyOf(s.labels)
    const role = seriesRole(s.labels)
    if (dep === null || role === null) continue
    const since = role === "open" ? lastRunStart(s.samples, 0.5) : lastRunStart(s.samples, 0)
    const seen = byDep.get(dep) ?? { since: null, refused: null }
    const points = sorted(s.samples)
    byDep.set(dep, {
      since: since === null ? seen.since : Math.min(seen.since ?? since, since),
      refused: role === "refused" && since !== null ? (points[points.length - 1]?.v ?? null) : seen.refused,
    })
  }
  return [...byDep.entries()].flatMap(([dependency, { since, refused }]) =>
    since === null ? [] : [{ dependency, sinceMs: since, refusedPerS: refused }],
  )
}

/** A latency series' name: a p99 or quantile of a duration (a recording rule's included). */
export const isLatencyName = (name: string): boolean =>
  /duration|latency|_seconds/.test(name) && /p99|99quantile|quantile_?99|(?:^|[:_])p9\d|quantile/.test(name)

const seconds = (v: number) => (v >= 1 ? `${trim(v, 2)} s` : `${trim(v * 1000, 0)} ms`)

/** The breaker finding: the dependency named, its latency when read. */
export const breakerFinding = (
  subject: string,
  open: OpenBreaker,
  latency: { readonly metric: string; readonly before: number; readonly peak: number } | null,
  excerpt: string,
  link: string | null,
): Finding => {
  const refused = open.refusedPerS === null ? "" : ` (${trim(open.refusedPerS, 2)} calls/s not permitted)`
  const slow =
    latency === null
      ? ""
      : `; ${open.dependency} p99 latency ${seconds(latency.peak)} vs ${seconds(latency.before)} before`
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${subject}'s circuit breaker for ${open.dependency} open since ${utcHhmm(open.sinceMs)} UTC: calls to ${open.dependency} cut off${refused}${slow}`,
    ),
    detail: redact(
      `The circuit breaker ${subject} keeps around its calls to ${open.dependency} opened at ${utcHhmm(open.sinceMs)} UTC and was still open at the window's end${refused}. ` +
        `A breaker opens when the calls it guards fail or are slower than its threshold, so ${subject}'s errors here are its fallbacks: ` +
        `look at ${open.dependency} (its latency, its errors, what changed in it), not at ${subject}` +
        (latency === null
          ? "."
          : `. ${open.dependency}'s ${latency.metric} rose to ${seconds(latency.peak)} from ${seconds(latency.before)} at the window's start.`),
    ),
    severity: "high",
    kind: "metric_anomaly",
    observedAt: null,
    resource: `metric/${open.dependency}/circuit_breaker`,
    service: subject,
    link,
    excerpt: redact(excerpt),
  }
}

const none: Readonly<Record<PlaceholderName, string | null>> = {
  service: null,
  namespace: null,
  workload: null,
  pod: null,
  container: null,
  cluster: null,
}

/**
 * Read the scope's breaker metrics over the incident window and, for each breaker open at its
 * end, the dependency's latency (one discovery and one read); empty when none is open.
 */
export const readOpenBreakers = (
  source: MetricSourceService,
  subject: string,
  names: ReadonlyArray<string>,
  selectors: ReadonlyArray<string>,
  selectorsFor: (values: Readonly<Record<PlaceholderName, string | null>>) => ReadonlyArray<string>,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<ReadonlyArray<Finding>> => {
  const breakerNames = names.filter(isBreakerMetric).sort().slice(0, 4)
  if (breakerNames.length === 0) return Effect.succeed([])
  const range = (q: string) =>
    source
      .queryRange(q, incident.startMs, incident.endMs, stepS)
      .pipe(Effect.orElseSucceed((): ReadonlyArray<MetricSeries> => []))
  const or = (metric: string, sels: ReadonlyArray<string>) => sels.map((s) => `${metric}${s}`).join(" or ")
  return Effect.forEach(breakerNames, (n) => range(or(n, selectors)), { concurrency: 4 }).pipe(
    Effect.flatMap((read) => {
      const open = openBreakers(read.flat())
        .filter((b) => b.dependency !== subject)
        .slice(0, 2)
      return Effect.forEach(open, (b) => {
        const depSelectors = selectorsFor({ ...none, service: b.dependency, workload: b.dependency })
        const excerpt = or(breakerNames[0] ?? "", selectors)
        const link = source.graphUrl(excerpt, incident.startMs, incident.endMs)
        return range(`count by (__name__) (${depSelectors.join(" or ")})`).pipe(
          Effect.map(
            (listed) =>
              listed
                .flatMap((s) => s.labels.__name__ ?? [])
                .filter(isLatencyName)
                .sort()[0],
          ),
          Effect.flatMap((metric) =>
            metric === undefined
              ? Effect.succeed(null)
              : Effect.map(range(`max(${or(metric, depSelectors)})`), (s) => {
                  const points = sorted(s[0]?.samples ?? [])
                  const first = points[0]
                  return first === undefined
                    ? null
                    : { metric, before: first.v, peak: Math.max(...points.map((p) => p.v)) }
                }),
          ),
          Effect.map((latency) => breakerFinding(subject, b, latency, excerpt, link)),
        )
      })
    }),
  )
}
