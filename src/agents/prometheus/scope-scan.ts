/**
 * The scan of the alert's scope: besides the configured signals (error rate, p99, memory,
 * restarts), what else do the alert's service and workload export that moved? A failure often
 * shows first in a metric no template names — CPU throttling against a limit, open file
 * descriptors, replication or consumer lag, a clock offset, an executor queue. One instant query
 * (over the incident window) lists the metric names whose series carry the alert's names (as `service`, `job`, `app`,
 * `application` (Micrometer), `app_kubernetes_io_name`, `deployment`, `statefulset`, `consumergroup`, `container`, an AWS resource's identifier, or
 * as the pods' prefix); the first
 * few are read over the incident window and the same window 1 h and 1 d earlier, and judged by
 * the same rule as the signals, with no floor beyond "above zero". Every selector value is
 * escaped (metric-queries.ts), so alert text cannot change a query's structure.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { workloadOfPod } from "../../domain/log-origin.js"
import {
  type AnomalyRule,
  type AnomalyVerdict,
  type GrowthVerdict,
  judgeAnomaly,
  judgeGrowth,
  judgeTrend,
  minGrowthRatio,
  trendRule,
  withFallbackBaseline,
} from "../../domain/metric-anomaly.js"
import { glossOf, isCounter } from "../../domain/metric-gloss.js"
import { escapeLabelValue, type PlaceholderName, quoteRegex } from "../../domain/metric-queries.js"
import { labelsKey } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceError, MetricSourceService } from "../../ports/metric-source.js"
import { formatRatio, trim } from "./anomaly-findings.js"
import { isBreakerMetric, readOpenBreakers } from "./circuit-breaker-read.js"
import { memoryLeakOf } from "./memory-leak-scan.js"
import type { TimeWindow } from "./metric-windows.js"
import { widenRateRanges } from "./rate-ranges.js"
import { throttledShareOfCounters } from "./throttled-share.js"

/** Labels a service or workload is named by in the exporters we know. */
const nameLabels = [
  "service",
  "job",
  "app",
  "application",
  "app_kubernetes_io_name",
  "deployment",
  "statefulset",
  "consumergroup",
  "container",
  // AWS resources as CloudWatch exporters label them (cloudwatch_exporter's snake case, YACE's
  // `dimension_*`): an RDS instance's ReplicaLag, a queue's age, a function's errors.
  "dbinstance_identifier",
  "dimension_DBInstanceIdentifier",
  "dbcluster_identifier",
  "dimension_DBClusterIdentifier",
  "cache_cluster_id",
  "dimension_CacheClusterId",
  "queue_name",
  "dimension_QueueName",
  "function_name",
  "dimension_FunctionName",
]

// What the configured signals already judge, and series that describe rather than measure.
const covered = new Set([
  "http_requests_total",
  "http_request_duration_seconds",
  "http_request_duration_seconds_sum",
  "http_request_duration_seconds_count",
  "http_server_requests_seconds",
  "http_server_requests_seconds_count",
  "http_server_requests_seconds_sum",
  "container_memory_working_set_bytes",
  "kube_pod_container_resource_limits",
  "kube_pod_container_status_restarts_total",
])
// The latency template's recording-rule fallback (metric-queries.ts) already judges these.
const coveredRule = /:http_(?:server_)?requests?_duration_seconds:(?:p99|99quantile|quantile_?99)$/
const descriptive =
  /(?:_bucket|_created|_info|_labels|_annotations|_start_time_seconds|_generation|_owner|_status_phase|_timestamp_seconds)$|^(?:up|scrape_.*|kube_.*_created|go_info|process_start_time_seconds)$/

/** The PromQL selectors for the alert's names (empty when it names no service or workload). */
export const scopeSelectors = (
  values: Readonly<Record<PlaceholderName, string | null>>,
): ReadonlyArray<string> => {
  const names = [...new Set([values.service, values.workload].flatMap((n) => (n === null ? [] : [n])))]
  const ns = values.namespace === null ? "" : `namespace="${escapeLabelValue(values.namespace)}",`
  return names.flatMap((n) => [
    ...nameLabels.map((l) => `{${l}="${escapeLabelValue(n)}"}`),
    `{${ns}pod=~"${escapeLabelValue(quoteRegex(n))}-.*"}`,
  ])
}

/** One instant query: the names of the metrics whose series carry the alert's names. */
export const discoveryQuery = (selectors: ReadonlyArray<string>): string =>
  `count by (__name__) (${selectors.join(" or ")})`

/** A metric's level over the scope: a counter's per-second rate summed, a gauge's worst (|value|) series. */
export const scanExpr = (metric: string, selectors: ReadonlyArray<string>): string => {
  const each = selectors.map((s) => `${metric}${s}`)
  return isCounter(metric)
    ? `sum(${each.map((s) => `rate(${s}[5m])`).join(" or ")})`
    : `max(abs(${each.join(" or ")}))`
}

/** The metric names worth a look, described ones first (their words carry the finding), at most `max`. */
export const metricsToScan = (names: ReadonlyArray<string>, max: number): ReadonlyArray<string> => {
  const all = new Set(names)
  // A summary's or histogram's `_sum` and `_count` come as a pair: running totals, not levels.
  const paired = (n: string) => {
    const base = n.replace(/_(?:sum|count)$/, "")
    return base !== n && all.has(`${base}_sum`) && all.has(`${base}_count`)
  }
  return [...all]
    .filter(
      (n) =>
        /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(n) &&
        !covered.has(n) &&
        !coveredRule.test(n) &&
        !descriptive.test(n) &&
        !paired(n),
    )
    .sort((a, b) => Number(glossOf(b) !== null) - Number(glossOf(a) !== null) || a.localeCompare(b))
    .slice(0, max)
}

// Decimals by magnitude: a metric of unknown unit may be 0.0004 or 2,400,000.
const rounded = (n: number): string =>
  Number.isFinite(n) ? trim(n, Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 1 ? 2 : 4) : String(n)
/** A level in the unit the metric's name states (Prometheus base units: seconds, bytes, ratios). */
const valueText = (metric: string, v: number): string => {
  if (isCounter(metric)) return `${rounded(v)}/s`
  if (/_seconds(?:$|:)/.test(metric)) return Math.abs(v) >= 1 ? `${rounded(v)} s` : `${rounded(v * 1000)} ms`
  if (/_bytes(?:$|:)/.test(metric)) {
    const mib = v / 1_048_576
    return Math.abs(mib) >= 1024 ? `${rounded(mib / 1024)} GiB` : `${rounded(mib)} MiB`
  }
  if (/_ratio(?:$|:)|:ratio|_percent(?:age)?(?:$|:)/.test(metric) && Math.abs(v) <= 1.5)
    return `${rounded(v * 100)}%`
  return rounded(v)
}

export interface ScanContext {
  readonly subject: string
  readonly selectors: ReadonlyArray<string>
  readonly incident: TimeWindow
  readonly rule: AnomalyRule
}

/** A metric in words: what it measures (its gloss, else its name) and its levels in its unit. */
const spoken = (metric: string) => {
  const gloss = glossOf(metric)
  return {
    v: (x: number) => valueText(metric, x),
    what: gloss === null ? metric : `${gloss} (${metric})`,
  }
}

/** An anomalous scanned metric as a finding: what it measures, its level against the baselines, the rule. */
export const scanFinding = (
  metric: string,
  verdict: AnomalyVerdict,
  c: ScanContext,
  link: string | null,
): Finding => {
  const { v, what } = spoken(metric)
  const lowest = Math.min(...verdict.baselines.map((b) => b.ratio))
  const baselines = verdict.baselines
    .map((b) => `${b.label}: mean ${v(b.stats.mean)} (sd ${v(b.stats.sd)}) → ${formatRatio(b.ratio)}`)
    .join("; ")
  const onset = verdict.onsetMs === null ? "" : ` It began around ${utcHhmm(verdict.onsetMs)} UTC.`
  const expr = scanExpr(metric, c.selectors)
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${c.subject} ${what} ${v(verdict.level)} vs ${verdict.baselines.map((b) => v(b.stats.mean)).join(" / ")} baseline (${formatRatio(lowest)})`,
    ),
    detail: redact(
      `Found by scanning what ${c.subject} exports: incident window ${utcHhmm(c.incident.startMs)}–${utcHhmm(c.incident.endMs)} UTC peak ` +
        `${v(verdict.level)} (mean ${v(verdict.incident.mean)}, max ${v(verdict.incident.max)}). ` +
        `Baselines, same window length — ${baselines}.${onset} Rule: the highest ${c.rule.windowSamples}-sample mean ` +
        `≥ ${c.rule.minRatio}× every baseline's mean AND ≥ ${c.rule.minZ} of its standard deviations above it.`,
    ),
    severity: lowest >= 5 ? "high" : "medium",
    kind: "metric_anomaly",
    observedAt: verdict.onsetMs === null ? null : DateTime.unsafeMake(verdict.onsetMs),
    resource: `metric/${c.subject}/${metric}`,
    service: c.subject,
    link,
    excerpt: redact(expr),
  }
}

/** A scanned gauge that climbed window over window: the leak's shape, in the metric's words. */
export const growthFinding = (
  metric: string,
  growth: GrowthVerdict,
  c: ScanContext,
  link: string | null,
): Finding => {
  const { v, what } = spoken(metric)
  const path = [...growth.steps.map((s) => `${v(s.mean)} ${s.label}`), `${v(growth.incidentMean)} now`]
  const oldest = growth.steps[0]?.label ?? "earlier"
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${c.subject} ${what} climbing steadily: ${v(growth.incidentMean)} vs ${v(growth.steps[0]?.mean ?? 0)} ${oldest} (${formatRatio(growth.ratio)}), a leak's shape`,
    ),
    detail: redact(
      `Found by scanning what ${c.subject} exports: the mean level never fell window over window — ${path.join(" → ")} ` +
        `(incident window ${utcHhmm(c.incident.startMs)}–${utcHhmm(c.incident.endMs)} UTC). Nothing jumped against the hour ` +
        `before; against ${oldest} it is ${formatRatio(growth.ratio)}. Rule: every window at least the one before it ` +
        `and the incident window ≥ ${minGrowthRatio}× the oldest — what threads, memory, file descriptors or connections ` +
        "that are never given back look like; a daily pattern does not pass (the same hour a day earlier is as high).",
    ),
    severity: growth.ratio >= 3 ? "high" : "medium",
    kind: "metric_anomaly",
    observedAt: null,
    resource: `metric/${c.subject}/${metric}`,
    service: c.subject,
    link,
    excerpt: redact(scanExpr(metric, c.selectors)),
  }
}

/** How far back a leak's climb is read, and how coarsely (one query per candidate). */
export const trendLookbackMs = 12 * 3_600_000
// Five minutes: the replay and Prometheus look back 5 min for a sample, so even a 10-min scrape is seen.
const trendStepS = 300
const memoryWorkingSet = "container_memory_working_set_bytes"

/** A gauge that climbed in a straight line for hours (metric-anomaly.ts `judgeTrend`), per pod. */
const trendOf = (
  source: MetricSourceService,
  c: ScanContext,
  metric: string,
): Effect.Effect<Finding | null> => {
  const expr = `max by (pod) (${c.selectors.map((sel) => `${metric}${sel}`).join(" or ")})`
  const startMs = c.incident.endMs - trendLookbackMs
  return source.queryRange(expr, startMs, c.incident.endMs, trendStepS).pipe(
    Effect.map((series) => {
      const best = series
        .map((s) => ({ pod: s.labels.pod ?? null, trend: judgeTrend(s.samples) }))
        .filter((x) => x.trend.growing)
        .sort((a, b) => b.trend.to / b.trend.from - a.trend.to / a.trend.from)[0]
      if (best === undefined) return null
      const { v, what } = spoken(metric)
      const { trend } = best
      const hours = trend.hours >= 10 ? Math.round(trend.hours) : Math.round(trend.hours * 10) / 10
      const where = best.pod === null ? "" : ` (pod ${best.pod})`
      return {
        id: "",
        agent: "prometheus",
        title: redact(
          `${c.subject} ${what} climbing steadily: ${v(trend.from)} → ${v(trend.to)} over ${hours} h (+${v(trend.perHour)}/h), a leak's shape`,
        ),
        detail: redact(
          `Read over the ${trendLookbackMs / 3_600_000} h before ${utcHhmm(c.incident.endMs)} UTC${where}: since its last ` +
            `restart the level rose in a straight line (R² ${trend.fit.toFixed(2)}) from ${v(trend.from)} to ${v(trend.to)}. ` +
            `Rule: ≥ ${trendRule.minHours} h of climb, R² ≥ ${trendRule.minFit}, ≥ ${trendRule.minRatio}× — memory, ` +
            "threads or connections that are never given back, or a disk never cleaned up; a restart starts the climb " +
            "over (the sawtooth of a process killed and restarted).",
        ),
        severity: trend.to / trend.from >= 2 ? "high" : "medium",
        kind: "metric_anomaly",
        observedAt: null,
        resource: `metric/${c.subject}/${metric}`,
        service: c.subject,
        link: source.graphUrl(expr, startMs, c.incident.endMs),
        excerpt: redact(expr),
      } satisfies Finding
    }),
    Effect.orElseSucceed(() => null),
  )
}

const throttledPeriods = "container_cpu_cfs_throttled_periods_total"
const allPeriods = "container_cpu_cfs_periods_total"
/** The share of CFS periods throttled from which a container is CPU-starved, and badly so. */
export const throttledShare = { medium: 0.25, high: 0.5 }

/**
 * CPU throttling as a level, not a change: the share of the container's CFS periods in which
 * it hit its CPU limit. A service throttled in 60% of periods all along has nothing to compare
 * against (no jump, often no history), yet it is slow because of it; the share has a meaning of
 * its own, so it is judged against fixed levels.
 */
const throttling = (
  source: MetricSourceService,
  c: ScanContext,
  names: ReadonlyArray<string>,
  stepS: number,
): Effect.Effect<Finding | null> => {
  if (!names.includes(throttledPeriods) || !names.includes(allPeriods)) return Effect.succeed(null)
  const expr = `(${scanExpr(throttledPeriods, c.selectors)}) / (${scanExpr(allPeriods, c.selectors)})`
  // The workload the throttled pods belong to: a person's "checkout" is `checkout-api` here.
  const pods = `count by (pod) (${c.selectors.map((sel) => `${allPeriods}${sel}`).join(" or ")})`
  // The raw counters, for when the rate has too few points (throttled-share.ts).
  const raw = (metric: string) =>
    source
      .queryRange(
        c.selectors.map((sel) => `${metric}${sel}`).join(" or "),
        c.incident.startMs,
        c.incident.endMs,
        stepS,
      )
      .pipe(Effect.orElseSucceed(() => []))
  return Effect.all([
    source.queryRange(expr, c.incident.startMs, c.incident.endMs, stepS),
    source
      .queryRange(pods, c.incident.startMs, c.incident.endMs, Math.max(stepS, 60))
      .pipe(Effect.orElseSucceed(() => [])),
  ]).pipe(
    Effect.flatMap(([[series], podSeries]) => {
      const values = (series?.samples ?? []).map((x) => x.v).filter(Number.isFinite)
      return values.length >= 3
        ? Effect.succeed({ share: values.reduce((a, b) => a + b, 0) / values.length, podSeries })
        : Effect.all([raw(throttledPeriods), raw(allPeriods)]).pipe(
            Effect.map(([t, p]) => ({ share: throttledShareOfCounters(t, p), podSeries })),
          )
    }),
    Effect.map(({ share, podSeries }) => {
      const workloads = new Set(podSeries.flatMap((p) => workloadOfPod(p.labels.pod ?? "") ?? []))
      const subject = workloads.size === 1 ? ([...workloads][0] ?? c.subject) : c.subject
      if (share === null || !(share >= throttledShare.medium)) return null
      const pct = `${Math.round(share * 100)}%`
      return {
        id: "",
        agent: "prometheus",
        title: redact(`${subject} CPU throttled in ${pct} of CFS periods (at its CPU limit)`),
        detail: redact(
          `Found by scanning what ${c.subject} exports (${subject}): over ${utcHhmm(c.incident.startMs)}–${utcHhmm(c.incident.endMs)} UTC ` +
            `the container hit its CPU limit in ${pct} of its CFS scheduling periods on average ` +
            `(${throttledPeriods} ÷ ${allPeriods}). Rule: ≥ ${throttledShare.medium * 100}% is a container ` +
            `starved of CPU whatever it was before, ≥ ${throttledShare.high * 100}% badly so.`,
        ),
        severity: share >= throttledShare.high ? "high" : "medium",
        kind: "metric_anomaly",
        observedAt: null,
        resource: `metric/${subject}/${throttledPeriods}`,
        service: subject,
        link: source.graphUrl(expr, c.incident.startMs, c.incident.endMs),
        excerpt: redact(expr),
      } satisfies Finding
    }),
    Effect.orElseSucceed(() => null),
  )
}

export interface ScanOutcome {
  readonly findings: ReadonlyArray<Finding>
  readonly scanned: ReadonlyArray<string>
  readonly note: string
}

/** Discover, read and judge (see the module header); a failed read leaves that metric out. */
export const scanScope = (
  source: MetricSourceService,
  c: ScanContext,
  baselines: ReadonlyArray<TimeWindow>,
  stepS: number,
  max: number,
  nowMs: number,
): Effect.Effect<ScanOutcome, MetricSourceError> =>
  Effect.gen(function* () {
    // Over the incident window, not at one instant: a series scraped sparsely, or one that
    // stopped (a pod that died), still counts.
    const listed = yield* source.queryRange(
      discoveryQuery(c.selectors),
      c.incident.startMs,
      Math.max(c.incident.startMs, Math.min(nowMs, c.incident.endMs)),
      Math.max(stepS, 60),
    )
    const names = listed.flatMap((s) => s.labels.__name__ ?? [])
    const metrics = metricsToScan(names, max)
    const judged = yield* Effect.forEach(
      metrics,
      (metric) => {
        const asked = scanExpr(metric, c.selectors)
        const read = (q: string) =>
          Effect.forEach([c.incident, ...baselines], (w) => source.queryRange(q, w.startMs, w.endMs, stepS), {
            concurrency: "unbounded",
          })
        // A counter scraped too sparsely for its rate's range answers nothing (rate-ranges.ts).
        const wider = isCounter(metric) ? widenRateRanges(asked) : null
        return Effect.flatMap(read(asked), (first) =>
          (first[0] ?? []).length > 0 || wider === null
            ? Effect.succeed({ expr: asked, windows: first })
            : Effect.map(read(wider), (second) =>
                (second[0] ?? []).length > 0
                  ? { expr: wider, windows: second }
                  : { expr: asked, windows: first },
              ),
        ).pipe(
          Effect.map(({ expr, windows: [now, ...before] }) => {
            const [series] = now ?? []
            if (series === undefined) return null
            const key = labelsKey(series.labels)
            const verdict = judgeAnomaly(
              series.samples,
              withFallbackBaseline(
                series.samples,
                baselines.map((w, i) => ({
                  label: w.label,
                  samples: before[i]?.find((s) => labelsKey(s.labels) === key)?.samples ?? [],
                })),
              ),
              c.rule,
            )
            const link = source.graphUrl(expr, c.incident.startMs, c.incident.endMs)
            if (verdict.anomalous && verdict.level > 0) return scanFinding(metric, verdict, c, link)
            if (isCounter(metric)) return null
            // Not a jump, perhaps a climb: a leak rises window over window (metric-anomaly.ts).
            const oldestFirst = baselines
              .map((w, i) => ({
                startMs: w.startMs,
                label: w.label,
                samples: before[i]?.find((s) => labelsKey(s.labels) === key)?.samples ?? [],
              }))
              .sort((a, b) => a.startMs - b.startMs)
            const growth = judgeGrowth(series.samples, oldestFirst)
            return growth.growing ? growthFinding(metric, growth, c, link) : null
          }),
          Effect.orElseSucceed(() => null),
        )
      },
      { concurrency: 4 },
    )
    const throttled = yield* throttling(source, c, names, stepS)
    // A climb the windows cannot see (history shorter than a day, sparse scrapes): the memory
    // working set, and the scanned gauges nothing else was found in.
    // A leak over days, set against the load over the same days (memory-leak-scan.ts); when it
    // is one, the memory's shorter climb below would only say it again.
    const leak = yield* memoryLeakOf(source, c, names)
    const quiet = metrics.filter((m, i) => judged[i] === null && !isCounter(m))
    const trendCandidates = [
      ...(names.includes(memoryWorkingSet) && leak === null ? [memoryWorkingSet] : []),
      ...quiet,
    ].slice(0, 4)
    const trends = yield* Effect.forEach(trendCandidates, (m) => trendOf(source, c, m), { concurrency: 4 })
    // A breaker open at the window's end names the dependency behind the scope's errors
    // (circuit-breaker-read.ts); the breaker's own series, scanned as levels, would only say
    // "the caller" again.
    const breakers = yield* readOpenBreakers(
      source,
      c.subject,
      names,
      c.selectors,
      scopeSelectors,
      c.incident,
      stepS,
    )
    const scannedOf = judged.filter((_f, i) => breakers.length === 0 || !isBreakerMetric(metrics[i] ?? ""))
    const findings = [...breakers, ...scannedOf, leak, ...trends, throttled].filter(
      (f): f is Finding => f !== null,
    )
    const note =
      metrics.length === 0
        ? `scan: no other metric of ${c.subject} found`
        : `scan of ${metrics.length} other metric(s) of ${c.subject}: ${
            findings.length === 0 ? "none anomalous" : `${findings.length} anomalous`
          }`
    return { findings, scanned: metrics.map((m) => redact(`promql/scan: ${scanExpr(m, c.selectors)}`)), note }
  })
