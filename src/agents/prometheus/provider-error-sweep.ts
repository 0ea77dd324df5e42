/**
 * Whether a third party the workloads call (an email, SMS or payment provider, a carrier API)
 * started refusing or failing their calls in the incident window, in the services' own client
 * counters: a request counter labelled with the provider (`provider`, `vendor`, `psp`,
 * `carrier`, or an external host in `upstream` / `server_address`) and with the answer's status
 * or result (`code="429"`, `status="503"`, `code="timeout"`, `result="error"`). An alert on a
 * queue's age or a send-failure ratio names neither the provider nor its answer; these counters
 * do. A series counts when its increments surged inside the window (at least `minSurge` times
 * its first increment, `minEvents` in all): a 429 count that has crept for weeks is history.
 * One finding per service, provider and failure (rate limit, or errors), its words the codes
 * (429 / 503 / timeout), so it joins the same failure the service's log lines state.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { labelsKey, type MetricLabels, type MetricSeries } from "../../domain/metric-series.js"
import { isExternalHost, type ProviderFailure, providerFailureOf } from "../../domain/provider-limit.js"
import { redact } from "../../domain/redact.js"
import { isClientCounter } from "../../domain/server-error-rise.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { trim } from "./anomaly-findings.js"
import { formatCount } from "./aws-quota-sweep.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

/** Labels that name the provider outright, and those that name a host (external ones count). */
const providerLabels = ["provider", "vendor", "psp", "carrier"] as const
// Micrometer's http.client.requests tags the callee `client_name` (the host the client calls);
// OTel's older semantic conventions say `net_peer_name`.
const hostLabels = [
  "upstream",
  "server_address",
  "peer_service",
  "external_service",
  "client_name",
  "net_peer_name",
] as const
/**
 * Labels too generic to name a callee on any counter (`host` is often the scraped machine, `peer`
 * a cluster member): only on a client's counter of its calls (`http_client_requests_…`).
 */
const clientHostLabels = ["host", "peer"] as const
const clientCounterName = ".*(client|outbound)_requests?(_seconds)?_(total|count)"
/** Labels that carry the answer's status or the call's result. */
const statusLabels = [
  "code",
  "status",
  "status_code",
  "http_status",
  "http_status_code",
  "http_response_status_code",
  "response_code",
  "result",
  "outcome",
] as const
/** Labels that name our side of the call. */
const serviceLabels = ["service", "app", "workload", "deployment", "container", "job"] as const

/** Counters only (`…_total`, `…_count`): a provider label on a gauge says nothing of failures. */
export const providerQueries: ReadonlyArray<string> = [
  ...[...providerLabels, ...hostLabels].map((l) => `{__name__=~".+_(total|count)", ${l}!=""}`),
  ...clientHostLabels.map((l) => `{__name__=~"${clientCounterName}", ${l}!=""}`),
]

const maxFindings = 3
/** A surge: the largest increment at least this many times the first one (or one). */
const minSurge = 5
/** Failures counted inside the window, at least. */
const minEvents = 20

type Sample = { readonly t: number; readonly v: number }

const labelOf = (
  labels: MetricLabels,
  names: ReadonlyArray<string>,
): { name: string; value: string } | null => {
  for (const name of names) {
    const value = (labels[name] ?? "").trim()
    if (value !== "") return { name, value }
  }
  return null
}

/** The third party a series' labels name, or null (an internal upstream, no provider label). */
export const providerOfLabels = (labels: MetricLabels): string | null => {
  const named = labelOf(labels, providerLabels)
  if (named !== null && !/^(?:aws|amazon|internal|local|none|unknown)$/i.test(named.value)) return named.value
  const client = isClientCounter(labels.__name__ ?? "")
  for (const name of client ? [...hostLabels, ...clientHostLabels] : hostLabels) {
    const host = (labels[name] ?? "").trim()
    if (host !== "" && isExternalHost(host)) return host
  }
  return null
}

/** Micrometer's `outcome` classes (SUCCESS, CLIENT_ERROR, SERVER_ERROR): the last is a 5xx. */
const failureOfValue = (value: string): ProviderFailure | null =>
  /^server[_ -]?error$/i.test(value) ? "errors" : providerFailureOf(value)

/** The status label's value and the failure it states, or null when the series counts no failure. */
export const failureOfLabels = (
  labels: MetricLabels,
): { readonly code: string; readonly failure: ProviderFailure } | null => {
  for (const name of statusLabels) {
    const code = (labels[name] ?? "").trim()
    if (code === "") continue
    const failure = failureOfValue(code)
    return failure === null ? null : { code, failure }
  }
  return null
}

/** Per-step increments of a counter (a reset counts from zero). */
const increments = (samples: ReadonlyArray<Sample>): ReadonlyArray<Sample> => {
  const finite = samples.filter((s) => Number.isFinite(s.v))
  return finite.slice(1).map((s, i) => {
    const before = finite[i]?.v ?? s.v
    return { t: s.t, v: s.v >= before ? s.v - before : s.v }
  })
}

/**
 * A counter whose increments surged and still surge at or after `stillMs` (the window's start):
 * the count since the surge began (the first increment above `minSurge`× the first one), when it
 * began, the first and largest increments; null otherwise (a surge over before the window is history).
 */
export const surgeOf = (
  samples: ReadonlyArray<Sample>,
  stillMs = Number.NEGATIVE_INFINITY,
): {
  readonly total: number
  readonly fromMs: number
  readonly before: number
  readonly peak: number
} | null => {
  const steps = increments(samples)
  const first = steps[0]
  if (first === undefined || steps.length < 2) return null
  const before = first.v
  const bar = minSurge * Math.max(before, 1)
  const onset = steps.find((s) => s.v >= bar)
  if (onset === undefined || !steps.some((s) => s.t >= stillMs && s.v >= bar)) return null
  const peak = Math.max(...steps.map((s) => s.v))
  const total = steps.filter((s) => s.t >= onset.t).reduce((a, s) => a + s.v, 0)
  return total < minEvents ? null : { total, fromMs: onset.t, before, peak }
}

const serviceOf = (labels: MetricLabels): string | null => {
  const own = labelOf(labels, serviceLabels)
  // An exporter's job (`yace`, `kubernetes-pods`) is not a service.
  return own === null || (own.name === "job" && /^(?:yace|kubernetes-|prometheus|node|kube-)/.test(own.value))
    ? null
    : own.value
}

interface Hit {
  readonly series: MetricSeries
  readonly provider: string
  readonly service: string | null
  readonly code: string
  readonly failure: ProviderFailure
  readonly surge: NonNullable<ReturnType<typeof surgeOf>>
}

/** The share of a series' calls that failed after the surge began, from its sibling series (same labels but the status). */
const shareOf = (hit: Hit, all: ReadonlyArray<MetricSeries>): number | null => {
  const statusName = statusLabels.find((n) => (hit.series.labels[n] ?? "") !== "")
  if (statusName === undefined) return null
  const rest = (l: MetricLabels) => labelsKey({ ...l, [statusName]: "" })
  const key = rest(hit.series.labels)
  const since = (s: MetricSeries) =>
    increments(s.samples)
      .filter((x) => x.t >= hit.surge.fromMs)
      .reduce((a, x) => a + x.v, 0)
  const siblings = all.filter((s) => rest(s.labels) === key)
  const total = siblings.reduce((a, s) => a + since(s), 0)
  return siblings.length < 2 || total <= 0 ? null : since(hit.series) / total
}

const describeCodes = (codes: ReadonlyArray<{ code: string; total: number }>): string =>
  codes
    .map((c) => `${/^\d+$/.test(c.code) ? c.code : c.code.toLowerCase()} ×${formatCount(c.total)}`)
    .join(", ")

const findingOf = (
  hits: ReadonlyArray<Hit>,
  all: ReadonlyArray<MetricSeries>,
  link: string | null,
  notBeforeMs: number,
): Finding | null => {
  const lead = [...hits].sort((a, b) => b.surge.total - a.surge.total)[0]
  if (lead === undefined) return null
  const from = Math.min(...hits.map((h) => h.surge.fromMs))
  const codes = hits.map((h) => ({ code: h.code, total: h.surge.total }))
  const shares = hits.map((h) => shareOf(h, all)).filter((s): s is number => s !== null)
  const share =
    shares.length === 0
      ? ""
      : ` (${trim(
          Math.min(
            1,
            shares.reduce((a, s) => a + s, 0),
          ) * 100,
          0,
        )}% of calls)`
  const who = lead.service === null ? "calls" : `${lead.service}'s calls`
  const metric = lead.series.labels.__name__ ?? "a request counter"
  const rateLimited = lead.failure === "rate_limited"
  const title = rateLimited
    ? `${lead.provider} rate limiting ${who} — 429 Too Many Requests (${describeCodes(codes)})${share} from ${utcHhmm(from)} UTC`
    : `${lead.provider} failing ${who} — ${describeCodes(codes)}${share} from ${utcHhmm(from)} UTC`
  const detail = rateLimited
    ? `${metric} counts the third party ${lead.provider} refusing ${who} for its rate (429) from ${utcHhmm(from)} UTC, ` +
      `${formatCount(lead.surge.peak)} per step at the peak against ${formatCount(lead.surge.before)} before. ` +
      "The limit is the provider's; what raised our call volume (a bulk send, a batch job, retries, more workers) is the cause."
    : `${metric} counts ${who} to the third party ${lead.provider} failing (${describeCodes(codes)}) from ${utcHhmm(from)} UTC, ` +
      `${formatCount(lead.surge.peak)} per step at the peak against ${formatCount(lead.surge.before)} before: ` +
      "the provider is erroring or slow (check its status page), not our own service."
  return {
    id: "",
    agent: "prometheus",
    title: redact(title),
    detail: redact(detail),
    severity: "high",
    kind: "metric_anomaly",
    // Begun before the window, it is still failing inside it: dated at the window's start.
    observedAt: DateTime.unsafeMake(Math.max(from, notBeforeMs)),
    resource: `metric/${lead.provider}/${metric}`,
    service: lead.service ?? lead.provider,
    link,
    excerpt: redact(`${metric}{${hits.map((h) => h.code).join("|")}}`),
  }
}

/**
 * Judge series (pure): one finding per service, provider and failure, the largest first; a surge
 * begun before `notBeforeMs` (the incident window's start) is dated there.
 */
export const providerFindings = (
  series: ReadonlyArray<MetricSeries>,
  link: string | null,
  notBeforeMs: number,
): ReadonlyArray<Finding> => {
  const unique = series.filter(
    (s, i, all) => all.findIndex((o) => labelsKey(o.labels) === labelsKey(s.labels)) === i,
  )
  const hits: ReadonlyArray<Hit> = unique.flatMap((s) => {
    const provider = providerOfLabels(s.labels)
    const failed = failureOfLabels(s.labels)
    const surge = surgeOf(s.samples, notBeforeMs)
    return provider === null || failed === null || surge === null
      ? []
      : [{ series: s, provider, service: serviceOf(s.labels), ...failed, surge }]
  })
  const groups = new Map<string, Array<Hit>>()
  for (const h of hits) {
    // A code counted by several metrics (a request counter and its histogram's _count) once.
    const key = `${h.service ?? ""}\u0000${h.provider}\u0000${h.failure}`
    const group = groups.get(key) ?? []
    if (!group.some((g) => g.code === h.code)) group.push(h)
    groups.set(key, group)
  }
  return [...groups.values()]
    .flatMap((g) => {
      const f = findingOf(g, unique, link, notBeforeMs)
      return f === null ? [] : [{ f, total: g.reduce((a, h) => a + h.surge.total, 0) }]
    })
    .sort((a, b) => b.total - a.total)
    .slice(0, maxFindings)
    .map((x) => x.f)
}

/** Before the window too: a surge begun before the alert's window shows only against the hour before it. */
const leadMs = 3_600_000

/** The provider queries over the incident window and the hour before; a failed query finds nothing. */
export const sweepProviderErrors = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  return Effect.forEach(
    providerQueries,
    sweepRange(source, incident.startMs - leadMs, incident.endMs, stepS),
    {
      concurrency: 3,
    },
  ).pipe(
    Effect.map((answers) => {
      const link =
        providerQueries[0] === undefined
          ? null
          : source.graphUrl(providerQueries[0], incident.startMs, incident.endMs)
      const findings = providerFindings(answers.flat(), link, incident.startMs)
      return {
        findings,
        note:
          findings.length === 0 ? "" : `third-party providers: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
}
