/**
 * Whether an identity provider or token endpoint started refusing a service's own credential, in
 * the service's client counters: a counter of its token / OAuth / STS calls labelled with a 401 or
 * 403 answer (`status="401"`, `code="403"`, `result="unauthorized"`, `error="invalid_client"`). An
 * expired client secret, a rotated API key or a revoked role refuses every call from one moment
 * on while pods stay healthy; the provider sweep (provider-error-sweep.ts) reads only 429s and
 * failures, so a 401 is nobody's there. The counter's onset is what says "refused": a 401 count
 * that surged from nothing (or refuses most of the calls) is a credential, while a steady trickle
 * of 401s is people typing wrong passwords. That is why this sweep looks back further than the
 * window: a secret that expired at midnight shows its onset only hours before a morning alert.
 */
import { DateTime, Effect } from "effect"
import { increaseSince } from "../../domain/counter-increase.js"
import type { Finding } from "../../domain/finding.js"
import { labelsKey, type MetricLabels, type MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { formatCount } from "./aws-quota-sweep.js"
import type { TimeWindow } from "./metric-windows.js"
import { providerOfLabels, surgeOf } from "./provider-error-sweep.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

/** Labels that carry the answer's status, as client libraries name them. */
const statusLabels = ["status", "code", "status_code", "http_status", "response_code", "result"] as const
/** A refusal of the caller's identity: 401 / 403 and the words OAuth and HTTP use for them. */
const refusedValue =
  /^(?:401|403|unauthori[sz]ed|forbidden|invalid_client|invalid_grant|unauthorized_client|access_denied|auth_failed)$/i
const refusedMatcher = "401|403|unauthorized|Unauthorized|forbidden|Forbidden|invalid_client|invalid_grant"

/** One query per status label: counters only, answered with a refusal. */
export const credentialQueries: ReadonlyArray<string> = statusLabels.map(
  (l) => `{__name__=~".+_(total|count)", ${l}=~"${refusedMatcher}"}`,
)

// A counter of calls to an identity provider / token endpoint, by its name: OAuth, OIDC, STS,
// SAML, an IdP's own name. Not a login counter: our users' wrong passwords are not our credential.
const identityName =
  /(?:^|_)(?:oauth2?|oidc|tokens?|idp|identity|sts|saml|sso|auth|authn|credentials?|entra|azuread|aad|okta|auth0|keycloak|cognito)(?:_|$)/i
const loginName = /(?:^|_)(?:login|logins|signin|sign_in|password)(?:_|$)/i
/** Labels that name the identity provider when the metric's name does not. */
const idpLabels = ["idp", "issuer", "identity_provider", "authority", "tenant"] as const
const serviceLabels = ["service", "app", "workload", "deployment", "container"] as const
/** An `error` label's OAuth code says why it was refused (invalid_client: the secret). */
const errorLabels = ["error", "error_code", "reason"] as const

const first = (labels: MetricLabels, names: ReadonlyArray<string>): string | null => {
  for (const n of names) {
    const v = (labels[n] ?? "").trim()
    if (v !== "") return v
  }
  return null
}

/** The refusal a series counts (its status label's value), or null. */
const refusalOf = (labels: MetricLabels): { readonly label: string; readonly code: string } | null => {
  for (const label of statusLabels) {
    const code = (labels[label] ?? "").trim()
    if (code !== "") return refusedValue.test(code) ? { label, code } : null
  }
  return null
}

/** Who refused: the IdP a label names, else the provider, else the metric's own words; null when not an identity call. */
export const identityProviderOf = (labels: MetricLabels): string | null => {
  const name = labels.__name__ ?? ""
  if (loginName.test(name)) return null
  const named = first(labels, idpLabels) ?? providerOfLabels(labels)
  if (named !== null) return named
  return identityName.test(name) ? "the identity provider" : null
}

/** The refused share of the calls since `fromMs`, from sibling series (same labels but status); null without siblings. */
const refusedShare = (
  s: MetricSeries,
  label: string,
  all: ReadonlyArray<MetricSeries>,
  fromMs: number,
): number | null => {
  const rest = (l: MetricLabels) => labelsKey({ ...l, [label]: "", error: "", error_code: "", reason: "" })
  const key = rest(s.labels)
  const siblings = all.filter((o) => rest(o.labels) === key)
  const total = siblings.reduce((a, o) => a + increaseSince(o.samples, fromMs), 0)
  return siblings.length < 2 || total <= 0 ? null : increaseSince(s.samples, fromMs) / total
}

/**
 * When a counter that stood at zero began counting, or null: a 401 series exported at 0 and then
 * rising had refused nothing before (client libraries create the series on the first answer).
 */
const risenFromZero = (s: MetricSeries): number | null => {
  const finite = s.samples.filter((x) => Number.isFinite(x.v))
  if (finite[0]?.v !== 0) return null
  return finite.find((x) => x.v > 0)?.t ?? null
}

/** Refused calls in the window, at least; and the share of calls that makes a steady count a refusal. */
const minRefused = 20
const minShare = 0.5

/**
 * Judge series (pure): one finding per service and identity provider whose 401/403 count surged
 * (from nothing, or many times its earlier rate) and still rose at or after `windowStartMs`, or
 * refused at least half its calls in the window. A steady trickle beside many successes is none.
 */
export const credentialRefusalFindings = (
  series: ReadonlyArray<MetricSeries>,
  link: string | null,
  windowStartMs: number,
): ReadonlyArray<Finding> => {
  const unique = series.filter(
    (s, i, all) => all.findIndex((o) => labelsKey(o.labels) === labelsKey(s.labels)) === i,
  )
  const seen = new Set<string>()
  return unique.flatMap((s): ReadonlyArray<Finding> => {
    const refusal = refusalOf(s.labels)
    const idp = identityProviderOf(s.labels)
    if (refusal === null || idp === null) return []
    const inWindow = increaseSince(s.samples, windowStartMs)
    if (inWindow < minRefused) return []
    const surge = surgeOf(s.samples, windowStartMs)
    const born = risenFromZero(s)
    const share = refusedShare(s, refusal.label, unique, windowStartMs)
    if (surge === null && born === null && (share === null || share < minShare)) return []
    const service = first(s.labels, serviceLabels)
    const key = `${service ?? ""}\u0000${idp}`
    if (seen.has(key)) return []
    seen.add(key)
    const error = first(s.labels, errorLabels)
    const metric = s.labels.__name__ ?? "a token request counter"
    const fromMs = born ?? surge?.fromMs ?? windowStartMs
    const who = service === null ? "a service's" : `${service}'s`
    const why = error === null ? "" : ` ${error}`
    const count = formatCount(born === null ? (surge?.total ?? inWindow) : increaseSince(s.samples, born))
    const shareWords = share === null ? "" : `, ${Math.round(share * 100)}% of its calls`
    return [
      {
        id: "",
        agent: "prometheus",
        title: redact(
          `${idp} refusing ${who} credential — ${refusal.code}${why} ×${count}${shareWords} since ${utcHhmm(fromMs)} UTC`,
        ),
        detail: redact(
          `${metric} counts ${who} calls to ${idp} answered ${refusal.code}${why} since ${utcHhmm(fromMs)} UTC ` +
            `(${count} refused). A 401/403 on a service's own token request means its credential — a client ` +
            "secret, API key, certificate or role — expired, was rotated or was revoked: every call it makes " +
            "with that identity fails while its pods stay healthy, until the credential is renewed.",
        ),
        severity: "high",
        kind: "metric_anomaly",
        observedAt: DateTime.unsafeMake(Math.max(fromMs, windowStartMs)),
        resource: `metric/${service ?? idp}/${metric}`,
        service: service ?? idp,
        link,
        excerpt: redact(`${metric}{${refusal.label}="${refusal.code}"${error === null ? "" : `, ${error}`}}`),
      },
    ]
  })
}

/** How far before the window to look: a secret that expired at midnight is hours old by a morning alert. */
const leadMs = 12 * 3_600_000

/** The names of refused identity counters that did not surge: their other statuses say what share was refused. */
const steadyCandidates = (
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
): ReadonlyArray<string> => [
  ...new Set(
    series
      .filter(
        (s) =>
          refusalOf(s.labels) !== null &&
          identityProviderOf(s.labels) !== null &&
          increaseSince(s.samples, windowStartMs) >= minRefused &&
          surgeOf(s.samples, windowStartMs) === null &&
          risenFromZero(s) === null,
      )
      .map((s) => s.labels.__name__ ?? "")
      .filter((n) => /^[a-zA-Z_:][\w:]*$/.test(n)),
  ),
]

/** The refusal queries over the window and the hours before it; a failed query finds nothing. */
export const sweepCredentialRefusals = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  // A coarser step over the long lead: an onset needs minutes, not seconds.
  const ask = sweepRange(source, incident.startMs - leadMs, incident.endMs, Math.max(stepS, 300))
  return Effect.gen(function* () {
    const refused = (yield* Effect.forEach(credentialQueries, ask, { concurrency: 3 })).flat()
    // A steady refused count is judged by its share: ask for the same counters' other answers.
    const names = steadyCandidates(refused, incident.startMs).slice(0, 3)
    const all = (yield* Effect.forEach(names, (n) => ask(n), { concurrency: 3 })).flat()
    const link =
      credentialQueries[0] === undefined
        ? null
        : source.graphUrl(credentialQueries[0], incident.startMs, incident.endMs)
    const findings = credentialRefusalFindings([...refused, ...all], link, incident.startMs)
    return {
      findings,
      note: findings.length === 0 ? "" : `credentials refused: ${findings.map((f) => f.title).join("; ")}`,
    }
  })
}
