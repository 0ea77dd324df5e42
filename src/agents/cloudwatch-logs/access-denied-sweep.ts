/**
 * AWS refusing a role's calls for want of permission, as CloudTrail recorded them
 * (cloudtrail-access-denied.ts). Asked only when the alert is about a certificate (its renewal
 * proves the domain through Route 53 or ACM with a controller's role) or speaks of denied access:
 * a trail holds every account's refusals, and an unscoped read is no other alert's business. One
 * finding per role and action, only for refusals that concern the alert (a role named after its
 * service, or a certificate controller's for a certificate alert).
 */
import { DateTime, Effect } from "effect"
import { type AccessDenied, accessDeniedOf, concernsAlert } from "../../domain/cloudtrail-access-denied.js"
import type { Finding } from "../../domain/finding.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { cloudTrailGroups } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const maxTrailGroups = 2
// A renewal is retried for days before the certificate runs out: its refusals start long before
// the alert, so the trail is read from a day before the window.
const leadMs = 86_400_000

/** The alert speaks of a certificate or a TLS failure. */
export const certificateWords =
  /\b(?:tls|ssl|x509|certificates?|certs?|cert[-_ ]?expir\w*|handshake|SSLCert\w*|probe_ssl\w*|err_cert\w*)\b/i
/** The alert speaks of access being denied. */
export const deniedWords =
  /\b(?:access ?denied|accessdenied|unauthorized ?operation|not authorized|forbidden|permission)/i

export const accessDeniedQuery = [
  "fields @timestamp, @message, @logStream, @log",
  '| filter @message like /"errorCode":\\s*"(Client\\.)?(AccessDenied|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden)/',
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

interface Group {
  readonly first: AccessDenied
  readonly lastMs: number
  readonly count: number
}

/** Refusals grouped by role and action, oldest first within each. */
const grouped = (denials: ReadonlyArray<AccessDenied>): ReadonlyArray<Group> => {
  const byKey = new Map<string, Group>()
  for (const d of [...denials].sort((a, b) => a.atMs - b.atMs)) {
    const key = `${d.principal ?? ""}\u0000${d.action}`
    const g = byKey.get(key)
    byKey.set(
      key,
      g === undefined
        ? { first: d, lastMs: d.atMs, count: 1 }
        : {
            ...g,
            first: g.first.resource === null && d.resource !== null ? d : g.first,
            lastMs: d.atMs,
            count: g.count + 1,
          },
    )
  }
  return [...byKey.values()]
}

export const accessDeniedFinding = (
  g: Group,
  group: string,
  aboutCertificates: boolean,
  link: string | null,
): Finding => {
  const d = g.first
  const who = d.principal ?? "an unnamed principal"
  const on = d.resource === null ? "" : ` on ${d.resource}`
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(
      `${who}: ${d.errorCode} on ${d.action}${on} ×${g.count} (CloudTrail, last ${utcHhmm(g.lastMs)} UTC)`,
    ),
    detail: redact(
      `CloudTrail (${group}) recorded ${g.count} call(s) of ${d.action}${on} by ${who} refused with ${d.errorCode}, ` +
        `from ${utcHhmm(d.atMs)} to ${utcHhmm(g.lastMs)} UTC. The role lacks the permission: ` +
        (aboutCertificates
          ? "a certificate whose renewal needs this call (a DNS-01 record in Route 53, an ACM request) cannot be renewed until the role's policy allows it."
          : "every call of this action by it fails until its policy allows it."),
    ),
    severity: g.count >= 2 ? "high" : "medium",
    kind: "aws_access_denied",
    observedAt: DateTime.unsafeMake(d.atMs),
    resource: `loggroup/${group}`,
    service: d.principal,
    link,
    excerpt: null,
  }
}

/** Read the trail for refusals that concern the alert (see the module header). */
export const sweepAccessDenied = (
  source: LogSourceService,
  alertText: string,
  names: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const aboutCertificates = certificateWords.test(alertText)
    if (!aboutCertificates && !deniedWords.test(alertText)) return []
    const groups = (yield* cloudTrailGroups(source)).slice(0, maxTrailGroups)
    if (groups.length === 0) return []
    const since = { startMs: range.startMs - leadMs, endMs: range.endMs }
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...since, query: accessDeniedQuery },
      answerByMs,
    )
    const denials = linesOf(outcome.rows, groups).flatMap((l) => {
      const d = accessDeniedOf(l.message, l.timestampMs)
      return d === null || !concernsAlert(d, names, aboutCertificates) ? [] : [d]
    })
    const link = source.consoleUrl({ logGroups: groups, query: accessDeniedQuery, ...since })
    return grouped(denials).map((g) => accessDeniedFinding(g, groups[0] ?? "", aboutCertificates, link))
  })
