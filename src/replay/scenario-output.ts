/**
 * How a scenario run is printed: the JSON report contract (FORMAT.md) — exactly one object — or
 * the messages as they were posted (Slack Block Kit / Discord message JSON, one per line), or,
 * for the demo, the thread as a person would read it (a header line, then the text).
 */
import { Schema } from "effect"
import { IncidentReport } from "../domain/incident-report.js"

export interface PostedMessage {
  readonly platform: "slack" | "discord"
  readonly op: "post" | "update"
  /** The body the bot sent (Slack chat.postMessage/update JSON, Discord message JSON). */
  readonly body: unknown
}

const encodeReport = Schema.encodeSync(IncidentReport)

export const jsonContract = (run: {
  readonly decision: "investigate" | "gate"
  readonly nudge: string | null
  readonly report: IncidentReport | null
}): string =>
  JSON.stringify({
    decision: run.decision,
    nudge: run.nudge,
    report: run.report === null ? null : encodeReport(run.report),
  })

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const textOfBlock = (block: unknown): ReadonlyArray<string> => {
  if (!isRecord(block)) return []
  const text = isRecord(block.text) && typeof block.text.text === "string" ? [block.text.text] : []
  const fields = Array.isArray(block.fields)
    ? block.fields.flatMap((f) => (isRecord(f) && typeof f.text === "string" ? [f.text] : []))
    : []
  const elements = Array.isArray(block.elements)
    ? block.elements.flatMap((e) => (isRecord(e) && typeof e.text === "string" ? [e.text] : []))
    : []
  return [...text, ...fields, ...elements]
}

/** The readable text of a posted message: Slack blocks when there are some, else its text. */
export const messageText = (m: PostedMessage): string => {
  if (!isRecord(m.body)) return ""
  if (m.platform === "slack") {
    const blocks = Array.isArray(m.body.blocks) ? m.body.blocks.flatMap(textOfBlock) : []
    return blocks.length > 0 ? blocks.join("\n") : typeof m.body.text === "string" ? m.body.text : ""
  }
  return typeof m.body.content === "string" ? m.body.content : ""
}

/** The thread as posted, one block per message: a header line, then the rendered text. */
export const threadText = (messages: ReadonlyArray<PostedMessage>, title: string): string =>
  [
    `━━ ${title} ━━`,
    ...messages.map(
      (m, i) =>
        `\n── message ${i + 1} · ${m.platform}${m.op === "update" ? " (edited)" : ""} ──\n${messageText(m)}`,
    ),
  ].join("\n")
