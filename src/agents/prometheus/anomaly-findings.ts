/**
 * An anomaly verdict as a Finding a reader can check: the title gives the signal, its level
 * and the baseline; the detail states the numbers (incident peak/mean/max, each baseline's mean
 * and spread, ratio and z) and the rule they passed. Severity: high when the level is at least
 * 5× every baseline, else medium — either way enough for the report to count it as evidence.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { AnomalyRule, AnomalyVerdict } from "../../domain/metric-anomaly.js"
import type { MetricQueryKind } from "../../domain/metric-queries.js"
import { labelsText, type MetricLabels } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"

export const kindLabels: Readonly<Record<MetricQueryKind, string>> = {
  error_rate: "5xx error rate",
  latency_p99: "p99 latency",
  saturation: "memory use vs limit",
  restarts: "container restarts",
}

/** `n` to at most `digits` decimals, trailing zeros dropped. */
export const trim = (n: number, digits: number): string => String(Number(n.toFixed(digits)))

/** A value in the signal's unit: 18.5%, 3.02 s / 240 ms, 4 restarts. */
export const formatValue = (kind: MetricQueryKind, v: number): string => {
  if (!Number.isFinite(v)) return String(v)
  switch (kind) {
    case "error_rate":
    case "saturation":
      return `${trim(v * 100, Math.abs(v) < 0.01 ? 3 : 1)}%`
    case "latency_p99":
      return Math.abs(v) >= 1 ? `${trim(v, 2)} s` : `${trim(v * 1000, 0)} ms`
    case "restarts":
      return trim(v, 1)
  }
}

export const formatRatio = (r: number): string => (Number.isFinite(r) ? `${trim(r, r >= 10 ? 0 : 1)}×` : "∞×")
const formatZ = (z: number): string => (Number.isFinite(z) ? trim(z, 1) : "∞ (a flat baseline)")

export interface AnomalyContext {
  readonly kind: MetricQueryKind
  /** The service (or workload) the query was filled for. */
  readonly subject: string
  /** The series' own labels (empty for an aggregated query). */
  readonly labels: MetricLabels
  readonly expr: string
  readonly incident: { readonly startMs: number; readonly endMs: number }
  readonly rule: AnomalyRule
  readonly link: string | null
}

export const ruleText = (kind: MetricQueryKind, rule: AnomalyRule): string =>
  `Rule: anomalous when the highest ${rule.windowSamples}-sample mean of the incident window is ≥ ${rule.minRatio}× ` +
  `every baseline's mean AND ≥ ${rule.minZ} of its standard deviations above it, ` +
  `AND at least ${formatValue(kind, rule.floor)} (the floor).`

export const anomalyFinding = (verdict: AnomalyVerdict, c: AnomalyContext): Finding => {
  const f = (v: number) => formatValue(c.kind, v)
  const series = Object.keys(c.labels).length === 0 ? "" : ` ${labelsText(c.labels)}`
  const lowest = Math.min(...verdict.baselines.map((b) => b.ratio))
  const baselineMean = verdict.baselines.map((b) => f(b.stats.mean)).join(" / ")
  const baselines = verdict.baselines
    .map(
      (b) =>
        `${b.label}: mean ${f(b.stats.mean)} (sd ${f(b.stats.sd)}) → ${formatRatio(b.ratio)}, z ${formatZ(b.z)}`,
    )
    .join("; ")
  const onset = verdict.onsetMs === null ? "" : ` It began around ${utcHhmm(verdict.onsetMs)} UTC.`
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${c.subject} ${kindLabels[c.kind]}${series} ${f(verdict.level)} vs ${baselineMean} baseline (${formatRatio(lowest)})`,
    ),
    detail: redact(
      `Incident window ${utcHhmm(c.incident.startMs)}–${utcHhmm(c.incident.endMs)} UTC: peak ${f(verdict.level)} ` +
        `(mean ${f(verdict.incident.mean)}, max ${f(verdict.incident.max)}, ${verdict.incident.n} samples). ` +
        `Baselines, same window length — ${baselines}.${onset} ${ruleText(c.kind, c.rule)}`,
    ),
    severity: lowest >= 5 ? "high" : "medium",
    kind: "metric_anomaly",
    observedAt: verdict.onsetMs === null ? null : DateTime.unsafeMake(verdict.onsetMs),
    resource: `metric/${c.subject}/${c.kind}`,
    service: c.subject,
    link: c.link,
    excerpt: redact(c.expr),
  }
}
