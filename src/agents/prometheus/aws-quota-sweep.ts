/**
 * Whether an AWS API the workloads call ran out of rate or capacity in the incident window, in
 * the CloudWatch metrics an exporter (YACE, the CloudWatch exporter) brings into Prometheus:
 * - throttle counts (`aws_dynamodb_write_throttle_events_sum`, `…_throttled_requests_…`,
 *   Kinesis' `…_provisioned_throughput_exceeded_…`, Lambda's `…_throttles_…`): per-period counts,
 *   so any count inside the window is throttling now;
 * - AWS/Usage call counts (`aws_usage_call_count_*`, by service and API: KMS Decrypt, STS
 *   AssumeRole) that jumped to several times their level at the window's start and then stay
 *   flat at their peak: a request quota's ceiling (the calls beyond it are refused).
 * The alerting service's own metrics never say it (its errors are 500s), and the resource is
 * named by AWS, not by the alert. One finding per AWS resource, its subject the resource (a
 * table) or the AWS service (KMS), so cause inference cites it when the alert's evidence names it.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { trim } from "./anomaly-findings.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

export const throttleQuery = '{__name__=~"aws_.*(throttl|throughput_exceeded).*"}'
export const usageQuery = '{__name__=~"aws_usage_call_count_.*"}'

const maxFindings = 3
/** A usage jump at least this many times its level at the window's start. */
const minJump = 5
/** Samples within 2% of the peak that make a flat top. */
const plateauSamples = 3

type Sample = { readonly t: number; readonly v: number }

/** 3000000 → "3M", 43120 → "43.1k": counts as a reader compares them. */
export const formatCount = (v: number): string =>
  v >= 1e6 ? `${trim(v / 1e6, 2)}M` : v >= 1e4 ? `${trim(v / 1e3, 1)}k` : trim(v, 1)

const label = (labels: Readonly<Record<string, string>>, ...names: ReadonlyArray<string>): string | null => {
  for (const n of names) {
    const v = (labels[n] ?? "").trim()
    if (v !== "") return v
  }
  return null
}

// yace: `aws_<namespace>_<metric>_<statistic>`; the CloudWatch exporter: the same, snake case.
const awsNamespaces: ReadonlyArray<readonly [RegExp, string]> = [
  [/^aws_dynamodb_/, "DynamoDB"],
  [/^aws_kinesis_/, "Kinesis"],
  [/^aws_lambda_/, "Lambda"],
  [/^aws_apigateway_/, "API Gateway"],
  [/^aws_kms_/, "KMS"],
  [/^aws_sqs_/, "SQS"],
  [/^aws_s3_/, "S3"],
]

/** What a throttle series is about: the AWS service and the resource its dimensions name. */
export const throttleSubject = (
  labels: Readonly<Record<string, string>>,
): { readonly service: string; readonly resource: string | null; readonly metric: string } => {
  const name = labels.__name__ ?? ""
  const service = awsNamespaces.find(([re]) => re.test(name))?.[1] ?? "AWS"
  const resource = label(
    labels,
    "dimension_TableName",
    "table_name",
    "TableName",
    "dimension_StreamName",
    "stream_name",
    "dimension_FunctionName",
    "function_name",
    "dimension_ApiName",
    "api_name",
    "name",
  )
  const metric = name
    .replace(/^aws_[a-z0-9]+_/, "")
    .replace(/_(?:sum|average|maximum|minimum|sample_count)$/, "")
  return { service, resource, metric }
}

/** The count inside the window and when it began; null when nothing was throttled. */
export const throttledIn = (samples: ReadonlyArray<Sample>): { total: number; firstMs: number } | null => {
  const positive = samples.filter((s) => Number.isFinite(s.v) && s.v > 0)
  const first = positive[0]
  if (first === undefined) return null
  return { total: positive.reduce((a, s) => a + s.v, 0), firstMs: first.t }
}

/**
 * A usage count that jumped to `minJump`× its starting level and held flat at its peak (a quota's
 * ceiling): the level, the peak, when it first reached it; null otherwise.
 */
export const cappedJump = (
  samples: ReadonlyArray<Sample>,
): { readonly from: number; readonly peak: number; readonly atMs: number } | null => {
  const finite = samples.filter((s) => Number.isFinite(s.v))
  if (finite.length < plateauSamples + 1) return null
  const from = Math.min(...finite.slice(0, 2).map((s) => s.v))
  const peak = Math.max(...finite.map((s) => s.v))
  if (!(from > 0) || peak < minJump * from) return null
  const top = finite.filter((s) => s.v >= peak * 0.98)
  const first = top[0]
  if (first === undefined || top.length < plateauSamples) return null
  return { from, peak, atMs: first.t }
}

const throttleFinding = (
  s: MetricSeries,
  found: { total: number; firstMs: number },
  link: string | null,
): Finding => {
  const { service, resource, metric } = throttleSubject(s.labels)
  const what = resource === null ? service : `${service} ${resource}`
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${what}: throttled — ${metric} ${formatCount(found.total)} in the window (from ${utcHhmm(found.firstMs)} UTC)`,
    ),
    detail: redact(
      `${s.labels.__name__ ?? metric} counted ${formatCount(found.total)} throttled request(s) from ${utcHhmm(found.firstMs)} UTC: ` +
        `${service} refused calls${resource === null ? "" : ` on ${resource}`} over its provisioned capacity or rate ` +
        "(ProvisionedThroughputExceeded / ThrottlingException). Callers retry and back off; what lowered the capacity " +
        "or raised the calls (a billing-mode or capacity change, a removed cache, more replicas) is the cause.",
    ),
    severity: "high",
    kind: "metric_anomaly",
    observedAt: DateTime.unsafeMake(found.firstMs),
    resource: `metric/${resource ?? service}/${metric}`,
    service: resource ?? service,
    link,
    excerpt: redact(s.labels.__name__ ?? metric),
  }
}

const usageFinding = (
  s: MetricSeries,
  jump: { from: number; peak: number; atMs: number },
  link: string | null,
): Finding => {
  const service = label(s.labels, "dimension_Service", "service") ?? "AWS"
  const api = label(s.labels, "dimension_Resource", "resource")
  const calls = api === null ? `${service} calls` : `${service} ${api} calls`
  const ratio = Math.round(jump.peak / jump.from)
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${service}: ${calls} ${formatCount(jump.from)} → ${formatCount(jump.peak)} (${ratio}×), flat at the peak from ${utcHhmm(jump.atMs)} UTC — at its request quota (rate exceeded)`,
    ),
    detail: redact(
      `AWS/Usage CallCount (${s.labels.__name__ ?? "aws_usage_call_count"}) for ${calls} rose ${ratio}× from the window's start ` +
        `and stays flat at ${formatCount(jump.peak)}: a count that stops at one level is capped by the account's request ` +
        "quota, and the calls above it are refused (ThrottlingException, Rate exceeded). What multiplied the calls " +
        "(a removed cache, a new caller, more replicas) is the cause.",
    ),
    severity: "high",
    kind: "metric_anomaly",
    observedAt: DateTime.unsafeMake(jump.atMs),
    resource: `metric/${service}/${api ?? "calls"}`,
    service,
    link,
    excerpt: redact(s.labels.__name__ ?? "aws_usage_call_count"),
  }
}

/** Both queries over the incident window (see the module header); a failed query finds nothing. */
export const sweepAwsQuotas = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const ask = sweepRange(source, incident.startMs, incident.endMs, stepS)
  return Effect.all([ask(throttleQuery), ask(usageQuery)], { concurrency: 2 }).pipe(
    Effect.map(([throttles, usage]) => {
      const link = (expr: string) => source.graphUrl(expr, incident.startMs, incident.endMs)
      const findings = [
        ...throttles.flatMap((s) => {
          const found = throttledIn(s.samples)
          return found === null ? [] : [throttleFinding(s, found, link(throttleQuery))]
        }),
        ...usage.flatMap((s) => {
          const jump = cappedJump(s.samples)
          return jump === null ? [] : [usageFinding(s, jump, link(usageQuery))]
        }),
      ]
        // One finding per resource, whatever statistics (sum, average) the exporter exports.
        .filter((f, i, all) => all.findIndex((g) => g.resource === f.resource) === i)
        .slice(0, maxFindings)
      return {
        findings,
        note: findings.length === 0 ? "" : `AWS quotas: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
}
