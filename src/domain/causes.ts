/**
 * Suspected causes, first deterministic version: the in-scope, in-window findings grouped by
 * what they are about, each group with at least one non-context finding becoming a cause that
 * names the symptom, the change it followed and the finding ids it rests on. Ranked by
 * severity, then how many agents corroborate it, then how close to the alert it happened.
 * A later issue replaces this with cross-agent correlation; the contract (≤ 3, best first,
 * every cited id exists) stays.
 */
import type { DateTime } from "effect"
import { agentOrder } from "./agent-id.js"
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import type { Finding } from "./finding.js"
import type { ReportCause } from "./incident-report.js"
import { inScope, inWindow, isChange, scopeOf, subjectOf } from "./report-scope.js"
import { clipText, oneLine } from "./report-text.js"
import { compareSeverity, severityRank } from "./severity.js"

export interface CauseInput {
  readonly facts: AlertFacts
  /** Numbered findings (ids `<agent>#<n>`); findings without an id are never cited. */
  readonly findings: ReadonlyArray<Finding>
  readonly window: InvestigationWindow
  /** The alert's time, for ranking by proximity; defaults to facts.startsAt, else the window's end. */
  readonly alertTime?: DateTime.Utc
}

export const maxCauses = 3
const maxCited = 6
const maxShownKinds = 3
const maxTitleChars = 120

interface Group {
  readonly subject: string
  readonly findings: Array<Finding>
}

const numberOf = (id: string): number => Number(id.slice(id.lastIndexOf("#") + 1)) || 0

/** Catalogue order, then the agent's own numbering: independent of the order findings arrive in. */
export const evidenceOrder = (a: Finding, b: Finding): number =>
  agentOrder(a.agent) - agentOrder(b.agent) || numberOf(a.id) - numberOf(b.id) || a.id.localeCompare(b.id)

const bySeverityThenEvidence = (a: Finding, b: Finding): number =>
  compareSeverity(b.severity, a.severity) || evidenceOrder(a, b)

const groupBySubject = (findings: ReadonlyArray<Finding>): ReadonlyArray<Group> => {
  const groups = new Map<string, Group>()
  for (const f of findings) {
    const subject = subjectOf(f) ?? f.id
    const key = subject.toLowerCase()
    const group = groups.get(key) ?? { subject, findings: [] }
    group.findings.push(f)
    groups.set(key, group)
  }
  return [...groups.values()]
}

interface Ranked {
  readonly group: Group
  readonly index: number
  readonly severity: number
  readonly agents: number
  readonly distanceMs: number
}

const rank = (group: Group, index: number, alertMs: number): Ranked => {
  const symptoms = group.findings.filter((f) => f.severity !== "info")
  const distances = symptoms.flatMap((f) =>
    f.observedAt === null ? [] : [Math.abs(f.observedAt.epochMillis - alertMs)],
  )
  return {
    group,
    index,
    severity: Math.max(...symptoms.map((f) => severityRank(f.severity))),
    agents: new Set(group.findings.map((f) => f.agent)).size,
    distanceMs: distances.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...distances),
  }
}

const compareRanked = (a: Ranked, b: Ranked): number =>
  b.severity - a.severity || b.agents - a.agents || a.distanceMs - b.distanceMs || a.index - b.index

const changeNoun: Readonly<Record<string, string>> = {
  rollout: "rollout",
  config_change: "config change",
  deploy_announcement: "deploy announcement",
  deploy: "deploy",
}

/** HH:MM UTC of an instant. */
export const clock = (t: DateTime.Utc): string => `${new Date(t.epochMillis).toISOString().slice(11, 16)} UTC`

const timeOf = (f: Finding): number => f.observedAt?.epochMillis ?? Number.MIN_SAFE_INTEGER

/**
 * The changes the symptoms followed, the most telling first: one observed in the system (a
 * rollout, a config change) before one announced in chat, then the latest; untimed ones last.
 */
const changesBefore = (group: Group, alertMs: number): ReadonlyArray<Finding> =>
  group.findings
    .filter((f) => isChange(f) && (f.observedAt === null || f.observedAt.epochMillis <= alertMs))
    .sort(
      (a, b) =>
        Number(b.kind !== "deploy_announcement") - Number(a.kind !== "deploy_announcement") ||
        timeOf(b) - timeOf(a),
    )

/** Kinds that say what users see (no ready replica, errors, latency) rather than what broke. */
const outcomeKind = /availab|replica|endpoint|error_rate|latency|slo/i

/** A cause and the one-line headline it gives a report (the cause without its ids, one symptom). */
export interface SuspectedCause {
  readonly cause: ReportCause
  readonly headline: string
}

/** `text`, prefixed with the subject when it does not already name it. */
const naming = (subject: string, text: string): string =>
  text.toLowerCase().includes(subject.toLowerCase()) ? text : `${subject}: ${text}`

const describeGroup = (group: Group, alertMs: number): SuspectedCause => {
  const symptoms = group.findings.filter((f) => f.severity !== "info").sort(bySeverityThenEvidence)
  // The most severe finding of each kind, so the text names what happened, not one symptom thrice;
  // what broke (OOMKilled) before what users see (no ready replica).
  const byKind = new Map<string, Finding>()
  for (const f of symptoms) if (!byKind.has(f.kind)) byKind.set(f.kind, f)
  const shown = [...byKind.values()]
    .sort((a, b) => Number(outcomeKind.test(a.kind)) - Number(outcomeKind.test(b.kind)))
    .slice(0, maxShownKinds)
  const changes = changesBefore(group, alertMs)
  const change = changes[0]
  const titles = shown.map((f) => clipText(oneLine(f.title), maxTitleChars))
  const at = change === undefined || change.observedAt === null ? "" : ` at ${clock(change.observedAt)}`
  const after = change === undefined ? "" : ` — after the ${changeNoun[change.kind] ?? change.kind}${at}`
  const cited = [...new Set([...shown, ...changes.slice(0, 2), ...symptoms].map((f) => f.id))]
  const ids = cited.slice(0, maxCited)
  return {
    cause: { text: `${naming(group.subject, titles.join("; "))}${after} (${ids.join(", ")})`, findings: ids },
    headline: `${naming(group.subject, titles[0] ?? "")}${after}`,
  }
}

/** Causes with their headlines, best first (see inferCauses). */
export const suspectedCauses = (input: CauseInput): ReadonlyArray<SuspectedCause> => {
  const scope = scopeOf(input.facts)
  const alertMs = (input.alertTime ?? input.facts.startsAt ?? input.window.end).epochMillis
  const eligible = input.findings
    .filter((f) => f.id !== "" && inScope(scope, f) && inWindow(input.window, f))
    .sort(evidenceOrder)
  return groupBySubject(eligible)
    .filter((g) => g.findings.some((f) => f.severity !== "info"))
    .map((g, i) => rank(g, i, alertMs))
    .sort(compareRanked)
    .slice(0, maxCauses)
    .map((r) => describeGroup(r.group, alertMs))
}

/** Up to three suspected causes, best first, each citing at least one of `findings`' ids. */
export const inferCauses = (input: CauseInput): ReadonlyArray<ReportCause> =>
  suspectedCauses(input).map((s) => s.cause)
