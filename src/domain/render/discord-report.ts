/**
 * The report as Discord messages (markdown, `[label](<url>)` links that do not unfurl): each
 * message at most `discord_message_chars`, split on section boundaries, then line boundaries,
 * a single over-long line hard-wrapped; every message after the first starts "(continued)".
 * Mentions in untrusted text are neutralised here; the sender still posts with
 * `allowed_mentions: {parse: []}`.
 */
import type { IncidentReport } from "../incident-report.js"
import { discordDialect as d } from "./markup.js"
import { packSections } from "./pack.js"
import { footerLine, type RenderLimits, reportSections, severityBadge, usageLine } from "./report-sections.js"

export const continued = "(continued)\n"

/** A limit below this is raised to it: a continuation marker and some text must fit. */
const floorChars = 100

const title = (r: IncidentReport): ReadonlyArray<string> => [
  `🚨 ${d.bold(r.revision > 1 ? "Incident Report (updated)" : "Incident Report")} — ${d.bold(severityBadge[r.severity])}`,
  `${d.bold("Alert:")} ${d.text(r.alert.alertName ?? r.alert.title, 200)} · ${d.bold("Investigation:")} ${d.code(r.investigationId, 100)}`,
]

export const renderDiscordReport = (report: IncidentReport, limits: RenderLimits): ReadonlyArray<string> => {
  const max = Math.max(limits.discord_message_chars, floorChars)
  const [firstSection = [], ...rest] = reportSections(report, d, limits)
  const usage = usageLine(report, d)
  const footer = [d.italic(footerLine(report, d)), ...(usage === null ? [] : [d.italic(usage)])]
  const sections = [[...title(report), ...firstSection], ...rest, footer]
  // Every chunk leaves room for the marker, so any of them can become a continuation.
  const chunks = packSections(sections, max - continued.length, d.atom)
  return chunks.map((chunk, i) => (i === 0 ? chunk : `${continued}${chunk}`))
}
