/**
 * Past incidents as findings. A strong match (the same service failing the same way, see
 * `strengthOf`) is `medium`: the report may lean on it as support for a cause (it is never a
 * cause alone: `similar_incident` is context). A weak match is `info`; anything weaker is left
 * out. Every finding links to the past incident's thread or ticket and says its root cause.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { type IncidentMatch, type MatchStrength, strengthOf } from "../../domain/incident-similarity.js"
import { redact } from "../../domain/redact.js"

const clip = (text: string, max: number): string => {
  const line = text.replace(/\s+/g, " ").trim()
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`
}

const pct = (m: IncidentMatch): string => `${Math.round(m.similarity * 100)}%`

const day = (t: DateTime.Utc): string => DateTime.formatIso(t).slice(0, 10)

/** What the two incidents have in common, in words. */
export const matchedOn = (m: IncidentMatch): string => {
  const parts = [
    m.sameService ? "same service" : null,
    m.sameAlertName ? "same alert" : null,
    m.sameNamespace ? "same namespace" : null,
    m.sameCluster ? "same cluster" : null,
    m.sharedTerms.length > 0 ? `shared terms: ${m.sharedTerms.slice(0, 6).join(", ")}` : null,
  ].flatMap((p) => (p === null ? [] : [p]))
  return parts.length === 0 ? "a few words in common" : parts.join("; ")
}

export const similarFinding = (m: IncidentMatch, strength: Exclude<MatchStrength, "none">): Finding => {
  const r = m.incident
  const cause = r.rootCause === null ? "not recorded" : clip(redact(r.rootCause), 400)
  const summary =
    r.summary.trim() === "" || r.summary === r.rootCause ? "" : ` ${clip(redact(r.summary), 300)}`
  const resolved = r.resolvedAt === null ? "" : `, resolved ${day(r.resolvedAt)}`
  return {
    id: "",
    agent: "incident_history",
    title: clip(`Similar past incident ${r.id} (~${pct(m)} match): ${redact(r.title)}`, 200),
    detail: `Root cause then: ${cause}.${summary} Fired ${day(r.occurredAt)}${resolved}. Matched on ${matchedOn(m)}.`,
    severity: strength === "strong" ? "medium" : "info",
    kind: "similar_incident",
    observedAt: r.occurredAt,
    resource: `incident/${r.id}`,
    service: r.service,
    link: r.link,
    excerpt: r.rootCause === null ? null : clip(redact(r.rootCause), 400),
  }
}

/** The findings worth showing, best first: strong and weak matches, nothing below. */
export const similarFindings = (matches: ReadonlyArray<IncidentMatch>): ReadonlyArray<Finding> =>
  matches.flatMap((m) => {
    const strength = strengthOf(m)
    return strength === "none" ? [] : [similarFinding(m, strength)]
  })
