/**
 * Whether a service's own counters say its calls fail their TLS handshake (tls-failure-counter.ts):
 * one query over the hours before the incident window and the window itself, every counter whose
 * result or reason label names TLS, a certificate or a handshake. Needs no name from the alert —
 * a person's report of stuck work names none — so it runs with the other sweeps. One finding
 * per service and counter, at most three.
 */
import { DateTime, type Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { labelsText } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import {
  historyMs,
  judgeTlsFailures,
  tlsFailureSelectors,
  tlsLabelOf,
} from "../../domain/tls-failure-counter.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { trim } from "./anomaly-findings.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

export const tlsFailureQuery = tlsFailureSelectors.join(" or ")
const maxFindings = 3
const serviceLabels = ["service", "app", "application", "job", "container", "deployment"] as const

/** The counters of `tlsFailureQuery` that started failing in the window, as findings (see the module header). */
export const sweepTlsFailures = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: tlsFailureQuery,
    label: "TLS failures",
    leadMs: historyMs.from,
    findingsOf: (series, link) =>
      series
        .flatMap((s): ReadonlyArray<Finding> => {
          const tls = tlsLabelOf(s.labels)
          const v = judgeTlsFailures(s.samples, incident)
          if (tls === null || !v.failing) return []
          const service =
            serviceLabels.map((l) => s.labels[l]).find((x) => x !== undefined && x !== "") ?? null
          const metric = s.labels.__name__ ?? "a counter"
          const who = service ?? labelsText(s.labels)
          const since = v.firstMs === null ? "" : ` from ${utcHhmm(v.firstMs)} UTC`
          return [
            {
              id: "",
              agent: "prometheus",
              title: redact(
                `${who}: calls failing their TLS handshake — ${metric}{${tls.name}="${tls.value}"} +${trim(v.during, 0)}` +
                  ` in ${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC${since}`,
              ),
              detail: redact(
                `${labelsText(s.labels)} rose by ${trim(v.during, 0)} in the incident window, against ` +
                  `${trim(v.before, 1)} in the same time over the hours before. A counter whose ${tls.name} names TLS ` +
                  "counts calls refused at the handshake: a client certificate that expired or was revoked, a peer " +
                  "that no longer trusts it, or a server certificate the service will not accept — its error lines say which.",
              ),
              severity: v.during >= 10 ? "high" : "medium",
              kind: "metric_anomaly",
              observedAt: v.firstMs === null ? null : DateTime.unsafeMake(v.firstMs),
              resource: `metric/${who}/${metric}`,
              service,
              link,
              excerpt: redact(labelsText(s.labels)),
            },
          ]
        })
        .slice(0, maxFindings),
  })
