/**
 * The master's optional analysis: one model turn over the findings (never raw logs), with a
 * bounded prompt and its own timeout, citing finding ids. It can add a reading of the evidence
 * but never replaces the deterministic causes: an analysis that cites no known finding is shown
 * as an alternative hypothesis. Any failure means no analysis — the report goes out anyway.
 */
import { Effect } from "effect"
import type { LlmService } from "../ports/llm.js"
import { agentOrder } from "./agent-id.js"
import type { AgentResult, AgentUsage } from "./agent-result.js"
import type { AgentTask } from "./agent-task.js"
import type { AppConfig } from "./config.js"
import { numberFindings } from "./finding.js"
import type { ReportAnalysis } from "./incident-report.js"
import { redact } from "./redact.js"

const maxPromptChars = 12_000

export const synthesisSystemPrompt =
  "You are the lead responder on an infrastructure incident. You get an alert and numbered findings " +
  "from investigation agents. In at most 5 sentences, say what most likely caused the alert and why, " +
  "citing the findings you rely on by their ids in square brackets, e.g. [eks#2]. Use only the findings " +
  "given; if they do not explain the alert, say so plainly. No preamble."

export const synthesisPrompt = (task: AgentTask, results: ReadonlyArray<AgentResult>): string => {
  const ordered = [...results].sort((a, b) => agentOrder(a.agent) - agentOrder(b.agent))
  const lines = [`Alert: ${redact(task.alert.text).slice(0, 1_500)}`, "", "Findings:"]
  for (const f of numberFindings(ordered.flatMap((r) => r.findings))) {
    lines.push(
      `[${f.id}] (${f.severity}) ${redact(f.title)}${f.detail === "" ? "" : ` — ${redact(f.detail).slice(0, 300)}`}`,
    )
  }
  const failed = ordered.filter((r) => r.status !== "ok").map((r) => `${r.agent}: ${r.status}`)
  if (failed.length > 0) lines.push("", `No data from: ${failed.join(", ")}`)
  const prompt = lines.join("\n")
  return prompt.length <= maxPromptChars
    ? prompt
    : `${prompt.slice(0, maxPromptChars)}\n… (findings truncated)`
}

export const citedIds = (text: string): ReadonlyArray<string> => [
  ...new Set([...text.matchAll(/\[([a-z_]+#\d+)\]/g)].map((m) => m[1] ?? "")),
]

export const synthesise = (o: {
  readonly llm: LlmService
  readonly settings: AppConfig
  readonly task: AgentTask
  readonly results: ReadonlyArray<AgentResult>
  readonly trace: (step: "plan", data: unknown) => Effect.Effect<void>
}): Effect.Effect<{ analysis: ReportAnalysis | null; usage: ReadonlyArray<AgentUsage> }> => {
  const model = o.settings.agents.master.model
  if (model === null) return Effect.succeed({ analysis: null, usage: [] })
  const known = new Set(numberFindings(o.results.flatMap((r) => r.findings)).map((f) => f.id))
  return o.llm
    .converse({
      modelId: model,
      system: synthesisSystemPrompt,
      messages: [{ role: "user", content: [{ _tag: "Text", text: synthesisPrompt(o.task, o.results) }] }],
      maxTokens: 600,
      temperature: 0,
      timeoutMs: o.settings.budgets.synthesis_reserve_s * 1000,
    })
    .pipe(
      Effect.map((reply) => {
        const cites = citedIds(reply.text).filter((id) => known.has(id))
        const analysis: ReportAnalysis = {
          text: redact(reply.text.trim()),
          cites,
          role: cites.length > 0 ? "supporting" : "alternative",
          model,
        }
        return {
          analysis: analysis.text === "" ? null : analysis,
          usage: [{ model, inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens }],
        }
      }),
      Effect.catchAll((e) =>
        Effect.as(
          Effect.logWarning("synthesis failed; the report goes out without it", { reason: e.reason }),
          {
            analysis: null,
            usage: [],
          },
        ),
      ),
    )
}
