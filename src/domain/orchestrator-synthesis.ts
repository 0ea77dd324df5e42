/**
 * The master's optional analysis: one model turn over the findings (never raw logs or excerpts),
 * redacted, with a bounded prompt and its own timeout, citing finding ids. It can add a reading
 * of the evidence but never replaces the deterministic causes: the report checks it against the
 * evidence and the top cause on every revision (analysis-verdict.ts) and shows it as an
 * alternative hypothesis when it cites nothing, cites unknown ids or contradicts the top cause.
 * Any failure means no analysis — the report goes out anyway.
 */
import { Effect } from "effect"
import type { LlmService } from "../ports/llm.js"
import type { AgentResult, AgentUsage } from "./agent-result.js"
import type { AgentTask } from "./agent-task.js"
import { citedIds } from "./analysis-verdict.js"
import type { AppConfig } from "./config.js"
import type { AnalysisDraft } from "./incident-report.js"
import { redact } from "./redact.js"
import { allFindings, evidenceBlocks } from "./report-evidence.js"
import { compareSeverity } from "./severity.js"

/** The whole user prompt, at most; findings past it are counted, not sent (least severe first to go). */
export const maxPromptChars = 12_000
const maxAlertChars = 1_500
const maxTitleChars = 200
const maxDetailChars = 300

export const synthesisSystemPrompt =
  "You are the lead responder on an infrastructure incident. You get an alert and numbered findings " +
  "from investigation agents. In at most 5 sentences, say what most likely caused the alert and why, " +
  "citing the findings you rely on by their ids in square brackets, e.g. [eks#2]. Use only the findings " +
  "given; if they do not explain the alert, say so plainly. No preamble."

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)

/**
 * Alert, findings (ids exactly as the report numbers them, most severe first), and the agents
 * that returned no data; whole lines only, within `maxPromptChars`.
 */
export const synthesisPrompt = (task: AgentTask, results: ReadonlyArray<AgentResult>): string => {
  const blocks = evidenceBlocks(results)
  // Stable sort: equal severities keep the report's evidence order.
  const findings = [...allFindings(blocks)].sort((a, b) => compareSeverity(b.severity, a.severity))
  const failed = blocks.filter((b) => b.status !== "ok").map((b) => `${b.agent}: ${b.status}`)
  const head = [`Alert: ${clip(redact(task.alert.text), maxAlertChars)}`, "", "Findings:"]
  const tail = failed.length === 0 ? [] : ["", `No data from: ${failed.join(", ")}`]
  const lines = findings.map((f) => {
    const detail = f.detail === "" ? "" : ` — ${clip(redact(f.detail), maxDetailChars)}`
    return `[${f.id}] (${f.severity}) ${clip(redact(f.title), maxTitleChars)}${detail}`
  })
  if (lines.length === 0) head.push("(none)")
  // Room for the tail and the "more findings" note.
  let room = maxPromptChars - [...head, ...tail].join("\n").length - 60
  const shown: Array<string> = []
  for (const line of lines) {
    if (line.length + 1 > room) break
    shown.push(line)
    room -= line.length + 1
  }
  const hidden = lines.length - shown.length
  const more = hidden > 0 ? [`(+${hidden} less severe findings not shown)`] : []
  return [...head, ...shown, ...more, ...tail].join("\n")
}

export const synthesise = (o: {
  readonly llm: LlmService
  readonly settings: AppConfig
  readonly task: AgentTask
  readonly results: ReadonlyArray<AgentResult>
  readonly trace: (step: "plan", data: unknown) => Effect.Effect<void>
}): Effect.Effect<{ analysis: AnalysisDraft | null; usage: ReadonlyArray<AgentUsage> }> => {
  const model = o.settings.agents.master.model
  if (model === null) return Effect.succeed({ analysis: null, usage: [] })
  const prompt = synthesisPrompt(o.task, o.results)
  return o.llm
    .converse({
      modelId: model,
      system: synthesisSystemPrompt,
      messages: [{ role: "user", content: [{ _tag: "Text", text: prompt }] }],
      maxTokens: 600,
      temperature: 0,
      timeoutMs: o.settings.budgets.synthesis_reserve_s * 1000,
    })
    .pipe(
      Effect.map((reply) => {
        const text = redact(reply.text.trim())
        const usage = [
          {
            model,
            inputTokens: Math.max(0, Math.trunc(reply.usage.inputTokens)),
            outputTokens: Math.max(0, Math.trunc(reply.usage.outputTokens)),
          },
        ]
        return { analysis: text === "" ? null : { text, cites: citedIds(text), model }, usage }
      }),
      // The exchange goes to the trace (the prompt is findings only, already redacted), so a
      // reader can see what the analysis was given and what it said.
      Effect.tap((out) =>
        o.trace("plan", { synthesis: { model, prompt, reply: out.analysis?.text ?? "", usage: out.usage } }),
      ),
      Effect.catchAll((e) =>
        Effect.zipRight(
          o.trace("plan", { synthesis: { model, prompt, failed: e.reason, message: redact(e.message) } }),
          Effect.as(
            Effect.logWarning("synthesis failed; the report goes out without it", { reason: e.reason }),
            { analysis: null, usage: [] },
          ),
        ),
      ),
    )
}
