/**
 * A service's own counter of calls that failed their TLS handshake: `result="tls_error"`,
 * `reason="certificate_expired"`, `error="x509"`, `outcome="handshake_failure"`. Nothing names the
 * service in a person's report ("claims are stuck", "the partner portal shows nothing from us"),
 * and its pods look healthy; only the counter, and its lines, say every call is refused at the
 * handshake — a client certificate that expired, a partner that stopped trusting it. A counter
 * counts when it is failing in the incident window — at least `tlsFailureRule.minEvents` failures
 * there — and at least `minRatio` times faster than over the hours before (`historyMs`, leaving
 * out the hour before the window: a person reports an outage late, so it often began there). A
 * count that has crept for weeks is history, not this incident. Pure.
 */
import { counterIncrease } from "./counter-increase.js"
import type { MetricLabels, MetricSample } from "./metric-series.js"

/** Labels that carry a call's result or failure reason in the exporters we know. */
export const tlsResultLabels = [
  "result",
  "outcome",
  "status",
  "reason",
  "error",
  "error_type",
  "error_kind",
  "failure",
  "cause",
] as const

/** A label value that says TLS, a certificate or a handshake (regexes here have no case flag). */
const tlsValue = /tls|ssl|x509|cert|handshake/i
const tlsValueRe = "(tls|TLS|Tls|ssl|SSL|Ssl|x509|X509|cert|Cert|CERT|handshake|Handshake|HANDSHAKE)"

/** One selector per label: counters (`…_total`, `…_count`) whose label value names TLS. */
export const tlsFailureSelectors: ReadonlyArray<string> = tlsResultLabels.map(
  (l) => `{__name__=~".+_(total|count)", ${l}=~".*${tlsValueRe}.*"}`,
)

export const tlsFailureRule = { minEvents: 3, minRatio: 3 }
/** The history a window's failures are compared with: from 6 h before the window to 1 h before it. */
export const historyMs = { from: 6 * 3_600_000, to: 3_600_000 }

/** Which label says TLS, and its value; null when none does. */
export const tlsLabelOf = (
  labels: MetricLabels,
): { readonly name: string; readonly value: string } | null => {
  for (const name of tlsResultLabels) {
    const value = labels[name]
    if (value !== undefined && tlsValue.test(value)) return { name, value }
  }
  return null
}

/** A counter's increase over [startMs, endMs]: the sum of its rises (a reset starts from zero). */
export const increaseOver = (samples: ReadonlyArray<MetricSample>, startMs: number, endMs: number): number =>
  counterIncrease(samples.filter((s) => s.t >= startMs && s.t <= endMs))

export interface TlsFailureVerdict {
  readonly failing: boolean
  readonly during: number
  /** The history's failures, scaled to the window's length. */
  readonly before: number
  /** When the counter first rose, from the hour before the window on; null when it did not. */
  readonly firstMs: number | null
}

/** Whether a TLS-failure counter started failing in [startMs, endMs] (see the module header). */
export const judgeTlsFailures = (
  samples: ReadonlyArray<MetricSample>,
  window: { readonly startMs: number; readonly endMs: number },
): TlsFailureVerdict => {
  const length = window.endMs - window.startMs
  const during = increaseOver(samples, window.startMs, window.endMs)
  // The history's failures scaled to the window's length.
  const before =
    (increaseOver(samples, window.startMs - historyMs.from, window.startMs - historyMs.to) * length) /
    (historyMs.from - historyMs.to)
  const points = samples.filter((s) => Number.isFinite(s.v)).sort((a, b) => a.t - b.t)
  const rise = points.find(
    // From the hour before the window on: a person's report comes late.
    (s, i) =>
      i > 0 && s.t >= window.startMs - historyMs.to && s.t <= window.endMs && s.v > (points[i - 1]?.v ?? s.v),
  )
  return {
    failing: during >= tlsFailureRule.minEvents && during >= before * tlsFailureRule.minRatio,
    during,
    before,
    firstMs: rise?.t ?? null,
  }
}
