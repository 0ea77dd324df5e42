/**
 * Whether a certificate expired in (or just before) the incident window, in the series the usual
 * exporters publish: x509-certificate-exporter's `x509_cert_not_after` / `x509_cert_expired` (a
 * Secret's or a file's certificate — often a hand-managed mTLS client certificate for a partner),
 * cert-manager's `certmanager_certificate_expiration_timestamp_seconds`, the blackbox exporter's
 * `probe_ssl_earliest_cert_expiry`. The alerting service's own metrics never say it (its
 * requests to the partner just fail), and the certificate is named by its Secret or its
 * subject, not by the alert. One finding per certificate; one that expires later, or expired
 * long before the incident (a leftover nobody uses), is not one.
 */
import { DateTime, type Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { labelsKey, type MetricLabels, type MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

/** Series whose value is a certificate's notAfter, in epoch seconds. */
const notAfterNames = [
  "x509_cert_not_after",
  "certmanager_certificate_expiration_timestamp_seconds",
  "probe_ssl_earliest_cert_expiry",
]
/** Series that are 1 once a certificate has expired. */
const expiredFlagNames = ["x509_cert_expired"]

export const certificateExpiryQuery = `{__name__=~"${[...notAfterNames, ...expiredFlagNames].join("|")}"}`

const maxFindings = 3
/** A certificate that expired longer ago than this before the window's end is a leftover. */
const lookbackMs = 24 * 3_600_000

export interface ExpiredCertificate {
  /** What the certificate is: `namespace/secret` (or the cert-manager Certificate), else the probed target. */
  readonly name: string
  readonly labels: MetricLabels
  readonly metric: string
  /** When it expired (its notAfter, or the first sample saying it had). */
  readonly expiredMs: number
  /** Whether `expiredMs` is the certificate's own notAfter (not a sample time). */
  readonly exact: boolean
}

const label = (labels: MetricLabels, ...names: ReadonlyArray<string>): string | null => {
  for (const n of names) {
    const v = (labels[n] ?? "").trim()
    if (v !== "") return v
  }
  return null
}

/** The certificate's name from its labels (see ExpiredCertificate.name). */
export const certificateName = (labels: MetricLabels): string => {
  const own = label(labels, "secret_name", "name", "certificate", "filepath", "filename")
  const namespace = label(labels, "secret_namespace", "namespace", "exported_namespace")
  if (own !== null) return namespace === null ? own : `${namespace}/${own}`
  return label(labels, "target", "instance", "subject_CN") ?? "certificate"
}

/** The certificate's identity across its series (the labels without the metric name). */
const identity = (labels: MetricLabels): string => {
  const { __name__: _, ...rest } = labels
  return labelsKey(rest)
}

/**
 * The certificates of `series` that expired between `lookbackMs` before the window's end and its
 * end: by their notAfter, else by a 0 → 1 flip of an expired flag inside the window. Pure.
 */
export const expiredCertificates = (
  series: ReadonlyArray<MetricSeries>,
  incident: TimeWindow,
): ReadonlyArray<ExpiredCertificate> => {
  const found = new Map<string, ExpiredCertificate>()
  const recent = (ms: number) => ms <= incident.endMs && ms >= incident.endMs - lookbackMs
  for (const s of series) {
    const metric = s.labels.__name__ ?? ""
    if (!notAfterNames.includes(metric)) continue
    const last = [...s.samples].reverse().find((x) => Number.isFinite(x.v) && x.v > 0)
    if (last === undefined) continue
    const expiredMs = last.v * 1000
    if (!recent(expiredMs)) continue
    found.set(identity(s.labels), {
      name: certificateName(s.labels),
      labels: s.labels,
      metric,
      expiredMs,
      exact: true,
    })
  }
  for (const s of series) {
    const metric = s.labels.__name__ ?? ""
    const key = identity(s.labels)
    if (!expiredFlagNames.includes(metric) || found.has(key)) continue
    const finite = s.samples.filter((x) => Number.isFinite(x.v))
    const flip = finite.findIndex((x, i) => i > 0 && x.v >= 1 && (finite[i - 1]?.v ?? 1) < 1)
    const at = finite[flip]
    if (flip === -1 || at === undefined || !recent(at.t)) continue
    found.set(key, {
      name: certificateName(s.labels),
      labels: s.labels,
      metric,
      expiredMs: at.t,
      exact: false,
    })
  }
  return [...found.values()].sort((a, b) => b.expiredMs - a.expiredMs)
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z")

const certificateFinding = (c: ExpiredCertificate, link: string | null): Finding => {
  const subject = label(c.labels, "subject_CN", "subject_cn", "common_name")
  const issuer = label(c.labels, "issuer_CN", "issuer_cn", "issuer_name", "issuer")
  const who = [subject === null ? "" : `CN=${subject}`, issuer === null ? "" : `issued by ${issuer}`]
    .filter((w) => w !== "")
    .join(", ")
  const when = c.exact ? `notAfter ${iso(c.expiredMs)}` : `reported expired from ${utcHhmm(c.expiredMs)} UTC`
  return {
    id: "",
    agent: "prometheus",
    title: redact(`TLS certificate ${c.name}${who === "" ? "" : ` (${who})`} has expired — ${when}`),
    detail: redact(
      `${c.metric} says the certificate ${c.name} has expired (${when}). Every TLS handshake that presents ` +
        "it fails from then on: a client certificate a partner's mTLS endpoint refuses (certificate_expired), " +
        "or a server certificate its clients refuse. The fix is a renewed certificate in the " +
        "Secret and the workloads that mount it reloaded.",
    ),
    severity: "high",
    kind: "metric_anomaly",
    observedAt: DateTime.unsafeMake(c.expiredMs),
    resource: `metric/certificate/${c.name}`,
    service: label(c.labels, "secret_name", "name", "certificate") ?? null,
    link,
    excerpt: redact(c.metric),
  }
}

/** The certificate series over the incident window (see the module header); a failed query finds nothing. */
export const sweepCertificateExpiry = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: certificateExpiryQuery,
    label: "certificates",
    leadMs: 0,
    findingsOf: (series, link) =>
      expiredCertificates(series, incident)
        .slice(0, maxFindings)
        .map((c) => certificateFinding(c, link)),
  })
