/**
 * One agent's evidence as lines: its name with a status marker, why it has nothing when it has
 * nothing, then each finding as `*eks#3* [high] title — detail` with its deep link. Chat
 * scanners show at most `findings_shown_per_agent` findings (always including those a cause or
 * the analysis cites) and say how many more exist; every other agent shows every finding.
 */
import { agentInfo } from "../agent-id.js"
import type { AgentStatus } from "../agent-result.js"
import type { Finding } from "../finding.js"
import type { EvidenceBlock } from "../incident-report.js"
import type { Dialect } from "./markup.js"

export const statusMarker: Readonly<Record<AgentStatus, string>> = {
  ok: "✅",
  timeout: "⏳",
  error: "⚠️",
  unhealthy: "🩺",
  disabled: "🚫",
  skipped: "➖",
}

const chatAgents: ReadonlySet<string> = new Set(["slack_scanner", "discord_scanner"])

const limits = { title: 300, detail: 700, excerpt: 200, summary: 500, reason: 300 }

const statusText = (b: EvidenceBlock, d: Dialect): string => {
  const reason = b.reason === null || b.reason.trim() === "" ? null : d.text(b.reason, limits.reason)
  switch (b.status) {
    case "ok":
      return b.summary.trim() !== ""
        ? d.text(b.summary, limits.summary)
        : b.findings.length === 0
          ? "no notable findings in its scope"
          : ""
    case "timeout":
      // The master says which: still running at the release, or interrupted at the cutoff.
      return reason ?? "still running when this report was built; a late result updates it"
    case "error":
      return `data unavailable: ${reason ?? "unknown error"}`
    case "unhealthy":
      return `unhealthy: ${reason ?? "no reason given"} — check its configuration`
    case "disabled":
      return "disabled in this deployment — investigate manually if relevant"
    case "skipped":
      return `not investigated — ${reason ?? "not relevant to this alert"}`
  }
}

export const findingLine = (f: Finding, d: Dialect): string => {
  const detail = f.detail.trim() === "" ? "" : ` — ${d.text(f.detail, limits.detail)}`
  const excerpt = f.excerpt === null || f.excerpt.trim() === "" ? "" : ` ${d.code(f.excerpt, limits.excerpt)}`
  const link = f.link === null ? null : d.link(f.link, "view")
  return `• ${d.bold(d.text(f.id, 60))} [${f.severity}] ${d.text(f.title, limits.title)}${detail}${excerpt}${link === null ? "" : ` ${link}`}`
}

/** The findings to show, in the block's order: all, or for chat scanners the first N plus every cited one. */
export const shownFindings = (
  b: EvidenceBlock,
  cap: number,
  cited: ReadonlySet<string>,
): { readonly shown: ReadonlyArray<Finding>; readonly hidden: number } => {
  if (!chatAgents.has(b.agent) || b.findings.length <= cap) return { shown: b.findings, hidden: 0 }
  const forced = b.findings.filter((f) => cited.has(f.id))
  const room = Math.max(0, cap - forced.length)
  const others = new Set(b.findings.filter((f) => !cited.has(f.id)).slice(0, room))
  const shown = b.findings.filter((f) => cited.has(f.id) || others.has(f))
  return { shown, hidden: b.findings.length - shown.length }
}

export const evidenceLines = (
  b: EvidenceBlock,
  d: Dialect,
  cap: number,
  cited: ReadonlySet<string>,
): ReadonlyArray<string> => {
  const info = agentInfo(b.agent)
  const text = statusText(b, d)
  const head = `${info.emoji} ${d.bold(info.name)} ${statusMarker[b.status]}${text === "" ? "" : ` ${text}`}`
  const { shown, hidden } = shownFindings(b, cap, cited)
  const more =
    hidden === 0 ? [] : [d.italic(`+${hidden} more from ${info.name} (in the investigation trace)`)]
  return [head, ...shown.map((f) => findingLine(f, d)), ...more]
}
