/**
 * The report's sections as lines of one dialect, shared by the Slack and Discord renderers so
 * both say the same thing in the same order: summary, causes, evidence (one section per agent,
 * catalogue order), timeline, impact, actions, links, analysis; then the footer. Every text from
 * the report goes through the dialect's untrusted-text path; only our own labels are trusted.
 */
import type { AppConfig } from "../config.js"
import type { IncidentReport, ReportAnalysis } from "../incident-report.js"
import type { Severity } from "../severity.js"
import { evidenceLines } from "./evidence-lines.js"
import type { Dialect } from "./markup.js"

export type RenderLimits = Pick<
  AppConfig["limits"],
  | "slack_section_chars"
  | "slack_blocks"
  | "slack_text_chars"
  | "discord_message_chars"
  | "findings_shown_per_agent"
>

export const severityBadge: Readonly<Record<Severity, string>> = {
  critical: "🔴 CRITICAL",
  high: "🟠 HIGH",
  medium: "🟡 MEDIUM",
  low: "🔵 LOW",
  info: "⚪ INFO",
}

const timelineShown = 30
const linksShown = 20
type Lines = ReadonlyArray<string>

const ids = (d: Dialect, xs: ReadonlyArray<string>): string => xs.map((x) => d.text(x, 60)).join(", ")

const summary = (r: IncidentReport, d: Dialect): Lines => [
  d.text(r.headline, 300),
  `${d.bold("Services:")} ${r.services.length === 0 ? "unknown" : r.services.map((s) => d.text(s, 100)).join(", ")}`,
]

const causes = (r: IncidentReport, d: Dialect): Lines => [
  d.bold("Suspected causes"),
  ...(r.causes.length === 0
    ? ["No cause established from the evidence gathered; see the evidence and actions below."]
    : r.causes.map((c, i) => {
        const missing = c.findings.filter((id) => !c.text.includes(id))
        return `${i + 1}. ${d.text(c.text, 600)}${missing.length === 0 ? "" : ` (${ids(d, missing)})`}`
      })),
]

const evidence = (r: IncidentReport, d: Dialect, cap: number): ReadonlyArray<Lines> => {
  const cited = new Set([...r.causes.flatMap((c) => c.findings), ...(r.analysis?.cites ?? [])])
  const blocks = r.evidence.map((b) => evidenceLines(b, d, cap, cited))
  const [first, ...rest] = blocks
  return first === undefined
    ? [[d.bold("Evidence"), "No agents were dispatched for this investigation."]]
    : [[d.bold("Evidence"), ...first], ...rest]
}

const clockOf = (ms: number, dayOf: string): string => {
  const iso = new Date(ms).toISOString()
  return iso.slice(0, 10) === dayOf ? iso.slice(11, 19) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

const timeline = (r: IncidentReport, d: Dialect): Lines => {
  const day = new Date(r.alert.alertTime.epochMillis).toISOString().slice(0, 10)
  const shown = r.timeline.slice(0, timelineShown).map((e) => {
    const cited = e.findings.length === 0 ? "" : ` (${ids(d, e.findings)})`
    return `• ${clockOf(e.at.epochMillis, day)} ${d.text(e.text, 200)}${cited}`
  })
  const hidden = r.timeline.length - timelineShown
  return [
    d.bold("Timeline (UTC)"),
    ...shown,
    ...(hidden > 0 ? [d.italic(`+${hidden} more in the evidence above`)] : []),
  ]
}

const links = (r: IncidentReport, d: Dialect): Lines => {
  const shown = r.links.slice(0, linksShown).flatMap((l) => {
    const link = d.link(l.url, l.label)
    return link === null ? [] : [`• ${link}`]
  })
  const hidden = r.links.length - Math.min(r.links.length, linksShown)
  return [
    d.bold("Links"),
    ...(shown.length === 0 ? ["No links."] : shown),
    ...(hidden > 0 ? [d.italic(`+${hidden} more with the findings above`)] : []),
  ]
}

/**
 * The heading says what the analysis is worth: "Analysis" only when it rests on existing findings
 * and agrees with the top cause; otherwise an alternative hypothesis, and why (analysis-verdict.ts).
 */
export const analysisLabel = (a: ReportAnalysis): string => {
  switch (a.reason) {
    case null:
      return "🧠 Analysis"
    case "cites_nothing":
      return "🧠 Alternative hypothesis (not supported by the evidence: it cites no finding)"
    case "unknown_ids":
      return `🧠 Alternative hypothesis (not supported by the evidence: it cites findings that do not exist: ${a.unknownCites.slice(0, 5).join(", ")})`
    case "contradicts_top_cause":
      return "🧠 Alternative hypothesis (contradicts the top cause: it cites none of its findings and names none of its failure modes)"
  }
}

const analysis = (a: ReportAnalysis, d: Dialect): Lines => [
  d.bold(d.text(analysisLabel(a), 300)),
  ...d.lines(a.text, 2500),
  ...(a.cites.length === 0 ? [] : [`Cites: ${ids(d, a.cites)}`]),
  d.italic(
    `model ${d.text(a.model, 100)}${a.verdict === "alternative" ? " · not used for the suspected causes" : ""}`,
  ),
]

export const reportSections = (r: IncidentReport, d: Dialect, limits: RenderLimits): ReadonlyArray<Lines> => [
  summary(r, d),
  causes(r, d),
  ...evidence(r, d, limits.findings_shown_per_agent),
  timeline(r, d),
  [d.bold("Impact"), d.text(r.impact, 1500)],
  [d.bold("Recommended actions"), ...r.actions.map((a, i) => `${i + 1}. ${d.text(a, 600)}`)],
  links(r, d),
  ...(r.analysis === null ? [] : [analysis(r.analysis, d)]),
]

const thousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")

export const formatDuration = (ms: number): string => {
  const s = Math.max(0, ms) / 1000
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

/** Duration, tokens and cost ("cost unknown" naming the unpriced models, never a silent zero). */
export const footerLine = (r: IncidentReport, d: Dialect): string => {
  const f = r.footer
  const models = f.unknownModels.map((m) => d.text(m, 100)).join(", ")
  const cost =
    f.costUsd !== null
      ? `$${f.costUsd.toFixed(4)}`
      : models === ""
        ? "cost unknown"
        : `cost unknown (model ${models} not priced)`
  const revision = r.revision > 1 ? ` · revision ${r.revision}` : ""
  return `⏱ ${formatDuration(f.durationMs)} · ${thousands(f.inputTokens)} in / ${thousands(f.outputTokens)} out tokens · ${cost}${revision} · ${d.text(r.investigationId, 100)}`
}

/** Per agent and model: tokens and cost ("cost unknown" when unpriced); null when no agent used a model. */
export const usageLine = (r: IncidentReport, d: Dialect): string | null =>
  r.footer.agents.length === 0
    ? null
    : `Model use: ${r.footer.agents
        .map(
          (a) =>
            `${a.agent} (${d.text(a.model, 100)}) ${thousands(a.inputTokens)} in / ${thousands(a.outputTokens)} out · ${a.costUsd === null ? "cost unknown" : `$${a.costUsd.toFixed(4)}`}`,
        )
        .join("; ")}`
