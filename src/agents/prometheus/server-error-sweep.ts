/**
 * Which service's 5xx rose, for an alert that names none (server-error-rise.ts): a person's
 * "Purchase failed (E502)" names a screen, not `store-api`; the metric templates have no service
 * to fill and the pods are all Ready. One query over every common request counter's 5xx series,
 * from an hour before the window to its end; each service whose 5xx rose sharply is a high
 * finding naming it — and its route when the report's words name that route ("purchase" ↔
 * `/v1/purchase`) — so the master's follow-up (follow-up-scope.ts) re-asks the other agents
 * about that service. At most three services, the steepest first.
 */
import { DateTime, type Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { labelsText, type MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { namesRoute } from "../../domain/route-words.js"
import {
  isClientCounter,
  judgeServerErrors,
  type ServerErrorVerdict,
  serverErrorSelectors,
  serverStatusOf,
} from "../../domain/server-error-rise.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { trim } from "./anomaly-findings.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

export const serverErrorQuery = serverErrorSelectors.join(" or ")
const maxFindings = 3
const leadMs = 3_600_000
const serviceLabels = ["service", "app", "application", "job", "container", "deployment"] as const
const routeLabels = ["route", "handler", "path", "endpoint", "uri"] as const

/** The words of a report that could name a route ("purchase", "inventory"), lower-case. */
const reportWords = (text: string): ReadonlyArray<string> => [
  ...new Set(text.toLowerCase().match(/[a-z][a-z0-9_-]{3,30}/g) ?? []),
]

interface Rise {
  readonly service: string
  readonly series: MetricSeries
  readonly verdict: ServerErrorVerdict
  readonly route: string | null
}

/** The rising 5xx series of `series`, one per service (its steepest), steepest service first. */
export const risingServices = (
  series: ReadonlyArray<MetricSeries>,
  incident: TimeWindow,
  report: string,
): ReadonlyArray<Rise> => {
  const words = reportWords(report)
  const best = new Map<string, Rise>()
  for (const s of series) {
    const metric = s.labels.__name__ ?? ""
    if (serverStatusOf(s.labels) === null || isClientCounter(metric)) continue
    const service = serviceLabels.map((l) => s.labels[l]).find((x) => x !== undefined && x !== "")
    if (service === undefined) continue
    const verdict = judgeServerErrors(s.samples, incident)
    if (!verdict.rising) continue
    const path = routeLabels.map((l) => s.labels[l]).find((x) => x !== undefined && x !== "") ?? null
    const route = path !== null && words.some((w) => namesRoute(path, w)) ? path : null
    const seen = best.get(service)
    // The route the report names outweighs a steeper one it does not: that is what the person saw.
    const better =
      seen === undefined ||
      (route !== null && seen.route === null) ||
      ((route === null) === (seen.route === null) && verdict.during > seen.verdict.during)
    if (better) best.set(service, { service, series: s, verdict, route })
  }
  return [...best.values()].sort(
    (a, b) => Number(b.route !== null) - Number(a.route !== null) || b.verdict.during - a.verdict.during,
  )
}

const findingOf = (rise: Rise, incident: TimeWindow, link: string | null): Finding => {
  const { service, series, verdict, route } = rise
  const metric = series.labels.__name__ ?? "a request counter"
  const status = serverStatusOf(series.labels)
  const code = status === null ? "5xx" : `${status.name}="${status.value}"`
  const before =
    verdict.beforePerMin < 1 ? "about none before" : `${trim(verdict.beforePerMin, 1)}/min before`
  const since = verdict.firstMs === null ? "" : ` from ${utcHhmm(verdict.firstMs)} UTC`
  const where = route === null ? "" : ` on ${route}`
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${service}: 5xx answers${where} rose — ${metric}{${code}} +${trim(verdict.during, 0)} in ` +
        `${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC${since} (${before})`,
    ),
    detail: redact(
      `${labelsText(series.labels)} rose by ${trim(verdict.during, 0)} in the incident window, up to ` +
        `${trim(verdict.peakPerMin, 1)}/min against ${before}. The alert names no service; this is the ` +
        `service whose own 5xx answers rose with it${route === null ? "" : `, on the route the report names (${route})`}` +
        " — what changed in it (a rollout, a dependency it calls) is where the cause is.",
    ),
    severity: "high",
    kind: "metric_anomaly",
    observedAt: verdict.firstMs === null ? null : DateTime.unsafeMake(verdict.firstMs),
    resource: `metric/${service}/${metric}`,
    service,
    link,
    excerpt: redact(labelsText(series.labels)),
  }
}

/** The services whose 5xx rose in the window, as findings (see the module header). */
export const sweepServerErrors = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
  report: string,
  // Services whose own error rate the agent already found anomalous: the same 5xx, said once.
  judged: ReadonlySet<string> = new Set(),
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: serverErrorQuery,
    label: "5xx rises",
    leadMs,
    findingsOf: (series, link) =>
      risingServices(series, incident, report)
        .filter((r) => !judged.has(r.service))
        .slice(0, maxFindings)
        .map((r) => findingOf(r, incident, link)),
  })
