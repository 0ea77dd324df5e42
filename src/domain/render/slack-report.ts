/**
 * The report as Slack Block Kit messages: a header, a context line (severity, alert,
 * investigation id), section blocks of mrkdwn, and the footer as context. Every section text
 * fits `slack_section_chars` (a long section becomes several blocks, split on line
 * boundaries), every message fits `slack_blocks` (the rest follows in "(continued)" messages,
 * posted in the same thread), and the `text` fallback fits `slack_text_chars`. No finding is
 * ever dropped to make it fit.
 */
import type { IncidentReport } from "../incident-report.js"
import { slackDialect as d } from "./markup.js"
import { hardWrap, packSections } from "./pack.js"
import { footerLine, type RenderLimits, reportSections, severityBadge, usageLine } from "./report-sections.js"

export interface SlackMessage {
  /** Notification / accessibility fallback, at most `slack_text_chars`. */
  readonly text: string
  /** Block Kit blocks, at most `slack_blocks`. */
  readonly blocks: ReadonlyArray<Record<string, unknown>>
}

type Block = Record<string, unknown>

/** Limits below these are raised to them: a header, a context line and one block must fit. */
const floors = { sectionChars: 100, blocks: 3, textChars: 100 }

const mrkdwn = (text: string) => ({ type: "mrkdwn", text })
const section = (text: string): Block => ({ type: "section", text: mrkdwn(text) })
const context = (text: string): Block => ({ type: "context", elements: [mrkdwn(text)] })

const header = (r: IncidentReport): Block => ({
  type: "header",
  text: {
    type: "plain_text",
    text: r.revision > 1 ? "🚨 Incident Report (updated)" : "🚨 Incident Report",
    emoji: true,
  },
})

const contextLine = (r: IncidentReport): string =>
  `${d.bold(severityBadge[r.severity])} · ${d.bold("Alert:")} ${d.text(r.alert.alertName ?? r.alert.title, 200)} · ${d.bold("Investigation:")} ${d.code(r.investigationId, 100)}`

const clip = (text: string, max: number): string => hardWrap(text, max, d.atom)[0] ?? ""

/** Groups of blocks (one group per report section) into messages of at most `max` blocks. */
const intoMessages = (
  lead: ReadonlyArray<Block>,
  groups: ReadonlyArray<ReadonlyArray<Block>>,
  max: number,
  more: Block,
) => {
  const messages: Array<Array<Block>> = [[...lead]]
  const room = (m: ReadonlyArray<Block>) => max - m.length
  for (const group of groups) {
    const current = messages[messages.length - 1] ?? []
    if (group.length > room(current) && group.length <= max - 1 && current.length > lead.length)
      messages.push([more])
    for (const block of group) {
      const last = messages[messages.length - 1] ?? []
      if (room(last) < 1) messages.push([more, block])
      else last.push(block)
    }
  }
  return messages.filter((m, i) => i === 0 || m.length > 1)
}

export const renderSlackReport = (
  report: IncidentReport,
  limits: RenderLimits,
): ReadonlyArray<SlackMessage> => {
  const sectionChars = Math.max(limits.slack_section_chars, floors.sectionChars)
  const maxBlocks = Math.max(limits.slack_blocks, floors.blocks)
  const textChars = Math.max(limits.slack_text_chars, floors.textChars)
  const groups = [
    ...reportSections(report, d, limits).map((lines) =>
      packSections([lines], sectionChars, d.atom).map(section),
    ),
    [footerLine(report, d), usageLine(report, d)].flatMap((line) =>
      line === null ? [] : [context(clip(line, sectionChars))],
    ),
  ]
  const more = context(
    clip(`(continued) Incident Report ${d.code(report.investigationId, 100)}`, sectionChars),
  )
  const lead = [header(report), context(clip(contextLine(report), sectionChars))]
  const messages = intoMessages(lead, groups, maxBlocks, more)
  const first = `🚨 Incident Report [${report.severity}]: ${d.text(report.headline, 300)} (investigation ${d.text(report.investigationId, 100)})`
  return messages.map((blocks, i) => ({
    text: clip(
      i === 0
        ? first
        : `(continued ${i + 1}/${messages.length}) Incident Report ${d.text(report.investigationId, 100)}`,
      textChars,
    ),
    blocks,
  }))
}
