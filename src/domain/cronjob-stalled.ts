/**
 * A CronJob that stopped running, read from kube-state-metrics: `kube_cronjob_spec_suspend`
 * turned to 1 (someone suspended it — during a key rotation, a migration — and never resumed it),
 * or, not suspended, its `kube_cronjob_status_last_schedule_time` standing still for several of its
 * own periods (the period read from the earlier schedule times) or `kube_cronjob_next_schedule_time`
 * in the past. What the job keeps fresh says how much it matters: a product's freshness gauge
 * `*_last_(update|success|run|sync|refresh)_timestamp_seconds` that stopped moving, named with a
 * word of the CronJob's (`wayfarer_fx_rates_last_update_timestamp_seconds` for `fx-rates-sync`),
 * is said with its age. A CronJob suspended all along (a deliberate pause weeks ago) with nothing
 * of its going stale is not news; a CronJob that runs on time is nothing. Pure.
 */
import { DateTime } from "effect"
import type { Finding } from "./finding.js"
import type { MetricLabels, MetricSample, MetricSeries } from "./metric-series.js"
import type { Severity } from "./severity.js"

export const suspendMetric = /^kube_cronjob_spec_suspend$/
export const lastScheduleMetric = /^kube_cronjob_status_last_schedule_time$/
export const nextScheduleMetric = /^kube_cronjob_next_schedule_time$/
export const freshnessMetric =
  /_last_(?:update|updated|success|successful|run|sync|refresh|refreshed)\w*?_timestamp(?:_seconds)?$/

/** A freshness gauge older than this is stale: hourly jobs are the common slowest we judge. */
const staleMs = 3_600_000
/** Not scheduled for this many periods: a missed run or two is a slow controller, not a stall. */
const missedPeriods = 3
/** Words every job or gauge name has; a shared one says nothing about which job feeds which gauge. */
const generic = new Set([
  "sync",
  "job",
  "cron",
  "cronjob",
  "worker",
  "last",
  "update",
  "updated",
  "success",
  "successful",
  "run",
  "timestamp",
  "seconds",
  "refresh",
  "api",
  "service",
  "prod",
])

const finite = (s: ReadonlyArray<MetricSample>) =>
  [...s.filter((x) => Number.isFinite(x.v))].sort((a, b) => a.t - b.t)
const nameOf = (l: MetricLabels) => l.__name__ ?? ""
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace("T", " ")
/** Epoch seconds as kube-state-metrics writes them; some exporters write milliseconds. */
const epochMs = (v: number) => (v > 1e12 ? v : v * 1000)

export const ageText = (ms: number): string => {
  const m = Math.round(ms / 60_000)
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`
}

const cronJobOf = (l: MetricLabels): string | null => {
  const v = (l.cronjob ?? l.cron_job ?? "").trim()
  return v === "" ? null : v
}

const words = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !generic.has(w))

/** Whether a freshness gauge is named with a word of the CronJob's own (see the module header). */
export const gaugeOfJob = (gauge: MetricLabels, cronjob: string): boolean => {
  const mine = new Set(words(cronjob))
  const theirs = words([nameOf(gauge), gauge.job_name ?? "", gauge.cronjob ?? ""].join(" "))
  return theirs.some((w) => mine.has(w) && w.length >= 3)
}

interface Stall {
  readonly cronjob: string
  readonly namespace: string | undefined
  readonly how: string
  readonly sinceMs: number
}

/** Since when `suspend` stood at 1, and whether it was seen at 0 first; null when not suspended at the end. */
export const suspendedSince = (
  samples: ReadonlyArray<MetricSample>,
): { readonly sinceMs: number; readonly flipped: boolean } | null => {
  const xs = finite(samples)
  const last = xs.at(-1)
  if (last === undefined || last.v < 1) return null
  let i = xs.length - 1
  while (i > 0 && (xs[i - 1]?.v ?? 0) >= 1) i--
  return { sinceMs: xs[i]?.t ?? last.t, flipped: i > 0 }
}

/** A CronJob not suspended whose schedule stood still for `missedPeriods` of its own period. */
const notScheduling = (
  last: ReadonlyArray<MetricSample>,
  next: ReadonlyArray<MetricSample>,
  endMs: number,
): { readonly sinceMs: number; readonly how: string } | null => {
  const values = [...new Set(finite(last).map((x) => epochMs(x.v)))].sort((a, b) => a - b)
  const lastRun = values.at(-1)
  const steps = values.slice(1).map((v, i) => v - (values[i] ?? v))
  const period = steps.length === 0 ? null : Math.min(...steps)
  if (lastRun !== undefined && period !== null && period > 0 && endMs - lastRun >= missedPeriods * period)
    return {
      sinceMs: lastRun,
      how: `not scheduled since ${stamp(lastRun)} UTC (${ageText(endMs - lastRun)}; it ran every ${ageText(period)} before)`,
    }
  const due = finite(next).at(-1)
  if (due !== undefined && endMs - epochMs(due.v) >= staleMs)
    return {
      sinceMs: epochMs(due.v),
      how: `its next run was due ${stamp(epochMs(due.v))} UTC and never came`,
    }
  return null
}

/** One finding per CronJob suspended or not scheduling, with what it keeps fresh going stale. */
export const cronJobStallFindings = (
  series: ReadonlyArray<MetricSeries>,
  endMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const of = (re: RegExp, job: string, ns: string | undefined) =>
    series.filter(
      (s) =>
        re.test(nameOf(s.labels)) &&
        cronJobOf(s.labels) === job &&
        (ns === undefined || s.labels.namespace === undefined || s.labels.namespace === ns),
    )
  const jobs = new Map<string, { cronjob: string; namespace: string | undefined }>()
  for (const s of series) {
    const job = cronJobOf(s.labels)
    if (job !== null)
      jobs.set(`${s.labels.namespace ?? ""}/${job}`, { cronjob: job, namespace: s.labels.namespace })
  }
  const stale = series.flatMap((s) => {
    const xs = finite(s.samples)
    const last = xs.at(-1)
    if (!freshnessMetric.test(nameOf(s.labels)) || last === undefined || xs.length < 2) return []
    // A gauge that moved in the range is being updated, however old its last value looks.
    if (xs.some((x) => x.v !== last.v)) return []
    const age = endMs - epochMs(last.v)
    return age >= staleMs ? [{ labels: s.labels, age }] : []
  })
  return [...jobs.values()].flatMap(({ cronjob, namespace }) => {
    const suspended = suspendedSince(of(suspendMetric, cronjob, namespace).flatMap((s) => s.samples))
    const fed = stale.filter((g) => gaugeOfJob(g.labels, cronjob))
    const stall: Stall | null =
      suspended !== null
        ? suspended.flipped || fed.length > 0
          ? {
              cronjob,
              namespace,
              sinceMs: suspended.sinceMs,
              how: `suspended (kube_cronjob_spec_suspend 0 → 1) ${suspended.flipped ? "at" : "since before"} ${stamp(suspended.sinceMs)} UTC — no run is scheduled`,
            }
          : null
        : (() => {
            const n = notScheduling(
              of(lastScheduleMetric, cronjob, namespace).flatMap((s) => s.samples),
              of(nextScheduleMetric, cronjob, namespace).flatMap((s) => s.samples),
              endMs,
            )
            return n === null ? null : { cronjob, namespace, ...n }
          })()
    if (stall === null) return []
    const lastRun = finite(of(lastScheduleMetric, cronjob, namespace).flatMap((s) => s.samples)).at(-1)
    const parts = [
      stall.how,
      ...(lastRun === undefined || suspended === null
        ? []
        : [`last scheduled ${stamp(epochMs(lastRun.v))} UTC (${ageText(endMs - epochMs(lastRun.v))} ago)`]),
      ...fed.map((g) => `${nameOf(g.labels)} stale for ${ageText(g.age)}`),
    ]
    const where = namespace === undefined ? "" : ` (namespace ${namespace})`
    const severity: Severity = fed.length > 0 ? "high" : "medium"
    return [
      {
        id: "",
        agent: "prometheus",
        title: `CronJob ${cronjob}: ${parts.join("; ")}`,
        detail:
          `kube-state-metrics says the CronJob ${cronjob}${where} stopped running: ${parts.join("; ")}. ` +
          "Why it matters: a suspended or unscheduled CronJob fails nothing and logs nothing — whatever it keeps " +
          "fresh (rates, feeds, exports) just ages until a staleness alert fires. Resuming it (spec.suspend: false) " +
          "and running it once by hand is the fix.",
        severity,
        kind: "metric_anomaly",
        observedAt: DateTime.unsafeMake(stall.sinceMs),
        resource: `metric/${cronjob}/cronjob_stalled`,
        service: cronjob,
        link,
        excerpt: "kube_cronjob_spec_suspend, kube_cronjob_status_last_schedule_time",
      } satisfies Finding,
    ]
  })
}
