/**
 * Suspected causes, by cross-agent correlation (DESIGN §4): scope first (the alert's subject,
 * the dependencies and nodes its own evidence names — causes-scope.ts), windows second, then
 * per subject a causal chain — the change it followed (within the hour before its symptoms
 * began), its failure mode corroborated across agents, what users see of it, and the callers'
 * symptoms it explains (causes-chain.ts).
 * Chains are ranked by whether they are a failure (not only an outcome), severity, whether
 * they explain other symptoms, whether a change preceded them, a named failure mode before plain
 * errors, the alert's own subject before a dependency, corroborating agents and proximity to
 * the alert; ties break on names and ids, so
 * the same findings in any order give the same causes. For a person's report, a failure that
 * began long before it is background when a fresh one is there (causes-background.ts).
 * Out-of-scope and out-of-window findings are never cited; context (info, similar incidents, restarts) is cited only in support, and a
 * chain of low findings only (WARN lines) is a cause only when nothing stronger is.
 */

import type { DateTime } from "effect"
import { agentOrder } from "./agent-id.js"
import type { InvestigationWindow } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import { servedDomains } from "./cause-served-hosts.js"
import { withoutBackground } from "./causes-background.js"
import { buildChains, type Chain } from "./causes-chain.js"
import { withConnectionHolders } from "./causes-holder.js"
import { withoutOtherProviders } from "./causes-other-provider.js"
import { resolveScope } from "./causes-scope.js"
import { causeHeadline, causeText, shownRoots } from "./causes-text.js"
import type { Finding } from "./finding.js"
import type { ReportCause } from "./incident-report.js"
import { inWindow } from "./report-scope.js"
import { severityRank } from "./severity.js"

export { clock } from "./causes-text.js"

export interface CauseInput {
  readonly facts: AlertFacts
  /** Numbered findings (ids `<agent>#<n>`); findings without an id are never cited. */
  readonly findings: ReadonlyArray<Finding>
  readonly window: InvestigationWindow
  /** The alert's time, for ranking by proximity; defaults to facts.startsAt, else the window's end. */
  readonly alertTime?: DateTime.Utc
}

export const maxCauses = 3
export const maxCited = 8
const maxSupport = 2

const numberOf = (id: string): number => Number(id.slice(id.lastIndexOf("#") + 1)) || 0

/** Catalogue order, then the agent's own numbering: independent of the order findings arrive in. */
export const evidenceOrder = (a: Finding, b: Finding): number =>
  agentOrder(a.agent) - agentOrder(b.agent) || numberOf(a.id) - numberOf(b.id) || a.id.localeCompare(b.id)

/** The findings a chain cites, most telling first: what broke, the change, what users saw, the rest. */
const citedBy = (chain: Chain): ReadonlyArray<string> => {
  const consequences = chain.consequences.flatMap((c) => c.findings)
  const ordered = [
    ...shownRoots(chain),
    ...chain.changes,
    ...chain.outcomes.slice(0, 1),
    ...chain.consequences.flatMap((c) => c.findings.slice(0, 1)),
    ...chain.roots,
    ...chain.outcomes,
    ...consequences,
    ...chain.support.slice(0, maxSupport),
  ]
  return [...new Set(ordered.map((f) => f.id))].slice(0, maxCited)
}

interface Ranked {
  readonly chain: Chain
  readonly failure: number
  readonly severity: number
  readonly explains: number
  readonly changed: number
  readonly named: number
  readonly own: number
  readonly agents: number
  readonly distanceMs: number
  readonly key: string
}

/**
 * Modes that name no failure, only that something errs: a metric anomaly of an unknown series
 * ("kube_pod_container_status_last_terminated_reason 1 vs 0"), a plain ERROR line. At equal
 * severity a named failure (OOMKilled, a crash loop, a full pool) says more, though the generic
 * chain may gather more agents.
 */
const surfaceModes: ReadonlySet<string> = new Set(["errors"])

const rank = (chain: Chain, alertMs: number): Ranked => {
  const symptoms = [...chain.roots, ...chain.outcomes, ...chain.consequences.flatMap((c) => c.findings)]
  const cited = [...symptoms, ...chain.changes, ...chain.support]
  const distances = symptoms.flatMap((f) =>
    f.observedAt === null ? [] : [Math.abs(f.observedAt.epochMillis - alertMs)],
  )
  return {
    chain,
    failure: chain.roots.length > 0 ? 1 : 0,
    severity: Math.max(-1, ...symptoms.map((f) => severityRank(f.severity))),
    explains: chain.consequences.length > 0 ? 1 : 0,
    changed: chain.changes.some((f) => f.kind !== "deploy_announcement")
      ? 2
      : chain.changes.length > 0
        ? 1
        : 0,
    named: chain.modes.some((m) => !surfaceModes.has(m)) ? 1 : 0,
    own: chain.role === "subject" ? 1 : 0,
    agents: new Set(cited.map((f) => f.agent)).size,
    distanceMs: distances.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...distances),
    key: `${chain.subject.key}\u0000${chain.modes.join(",")}\u0000${symptoms[0]?.id ?? ""}`,
  }
}

const compareRanked = (a: Ranked, b: Ranked): number =>
  b.failure - a.failure ||
  b.severity - a.severity ||
  b.explains - a.explains ||
  b.changed - a.changed ||
  b.named - a.named ||
  b.own - a.own ||
  b.agents - a.agents ||
  a.distanceMs - b.distanceMs ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * In the evidence window, or begun at most half a window length before it: an alert fires after
 * its condition held for a while ("lag > 50k for 10m"), so the failure behind it is often
 * already under way when the window opens. Out-of-scope findings are never cited either way.
 */
const underWay = (window: CauseInput["window"], f: Finding): boolean => {
  if (inWindow(window, f) || f.observedAt === null) return inWindow(window, f)
  const lead = (window.end.epochMillis - window.start.epochMillis) / 2
  const t = f.observedAt.epochMillis
  return t >= window.start.epochMillis - lead && t <= window.end.epochMillis
}

/** A cause and the one-line headline it gives a report (the cause without its ids, one symptom). */
export interface SuspectedCause {
  readonly cause: ReportCause
  readonly headline: string
}

/** Causes with their headlines, best first (see the module header). */
export const suspectedCauses = (input: CauseInput): ReadonlyArray<SuspectedCause> => {
  const alertMs = (input.alertTime ?? input.facts.startsAt ?? input.window.end).epochMillis
  const eligible = input.findings.filter((f) => f.id !== "" && underWay(input.window, f)).sort(evidenceOrder)
  const unique = eligible.filter((f, i) => i === 0 || eligible[i - 1]?.id !== f.id)
  const scoped = resolveScope(input.facts, unique)
  // Who took a full database's connections is another workload's finding, out of scope (causes-holder.ts).
  const ranked = withConnectionHolders(buildChains(scoped, alertMs, evidenceOrder), unique)
    .filter((c) => c.roots.length > 0 || c.outcomes.length > 0)
    .map((c) => rank(c, alertMs))
    .sort(compareRanked)
  // WARN-level noise (low) is a cause only when nothing stronger is: in-scope chatter is the
  // commonest red herring.
  const current = withoutOtherProviders(input.facts, withoutBackground(input.facts, ranked, alertMs))
  // The domains the cluster's Ingresses serve: a host under them is no third party (cause-served-hosts.ts).
  const served = servedDomains(input.findings)
  const floor = current.some((r) => r.severity >= severityRank("medium")) ? severityRank("medium") : -1
  return current
    .filter((r) => r.severity >= floor)
    .slice(0, maxCauses)
    .map(({ chain }) => ({
      cause: { text: causeText(chain, served), findings: citedBy(chain) },
      headline: causeHeadline(chain),
    }))
}

/** Up to three suspected causes, best first, each citing at least one of `findings`' ids. */
export const inferCauses = (input: CauseInput): ReadonlyArray<ReportCause> =>
  suspectedCauses(input).map((s) => s.cause)
