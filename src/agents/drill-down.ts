/**
 * An agent with a model drill-down after its deterministic plan (DESIGN §4: deterministic first,
 * model second). With `agents.<id>.model` null — the default — the agent is returned unchanged.
 * Otherwise, after an `ok` investigation, the model gets the alert, the plan's findings and the
 * agent's skills as tools, and runs the bounded tool loop (`max_tool_steps`, `token_budget`, and
 * time: the report's release, else the task deadline, less a margin). The plan's result is always
 * kept: the drill-down's findings are appended after it (so the master's `<agent>#n` numbering of
 * the plan's findings is unchanged), repeats of the plan's findings dropped, at most
 * `maxDrillFindings`; its transcript (with its tokens and cost) goes to the trace. Its tokens reach
 * the result's `usage` through the task's meter (`meteredLlmLayer` around the specialists' Llm),
 * never added here as well, so they are counted once. Nothing it does can fail the agent: a model
 * or skill problem becomes a note in `reason`.
 */
import { Cause, Clock, DateTime, Effect } from "effect"
import type { InlineAgent } from "../adapters/local/inline-agent-invoker.js"
import type { SpecialistId } from "../domain/agent-id.js"
import type { AgentResult } from "../domain/agent-result.js"
import type { AgentTask } from "../domain/agent-task.js"
import type { AgentSettings, AppConfig } from "../domain/config.js"
import type { DrillDownRecord } from "../domain/drill-down-record.js"
import type { Finding } from "../domain/finding.js"
import { costOf, type Price } from "../domain/pricing.js"
import { redact } from "../domain/redact.js"
import { runToolLoop, type ToolLoopOutcome } from "../domain/tool-loop.js"
import type { Llm } from "../ports/llm.js"
import { type AgentTool, bindTool } from "./agent-tool.js"
import { describeAgent } from "./cards.js"
import { loadAgentSkills } from "./skill-files.js"
import type { Skill } from "./skills.js"
import { answerBy } from "./specialist.js"

export const maxDrillFindings = 10
/** Findings of the plan shown to the model, at most. */
const maxShownFindings = 20

export interface DrillDownOptions<R> {
  readonly agent: SpecialistId
  readonly settings: AgentSettings
  readonly tools: ReadonlyArray<AgentTool<R>>
  /** The agent's skills (checked at start-up). */
  readonly skills: Effect.Effect<ReadonlyArray<Skill>, { readonly message: string }>
  readonly prices: Readonly<Record<string, Price>>
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/** The system prompt: the agent's job, how to drill down, and each skill's body. */
export const systemPrompt = (agent: SpecialistId, skills: ReadonlyArray<Skill>): string =>
  [
    `You are the ${agent} agent of an on-call investigator. ${describeAgent(agent)}`,
    "A deterministic investigation has already run; its findings are in the first message. " +
      "Use the tools only where that evidence leaves a gap (a crashed container's previous logs, the events " +
      "of a failing object, a rollout's history, a node's conditions, a narrower log query). " +
      "Never guess names: use the ones in the evidence or the ones a tool answered. " +
      "Stop as soon as the alert is explained, and end with two or three sentences saying what the tools added. " +
      "Solid findings delivered on time beat a deeper answer that arrives too late.",
    "# Available skills",
    ...skills.map((s) => `## ${s.name} (tool ${s.tool})\n\n${s.body}`),
  ].join("\n\n")

const factLine = (task: AgentTask): string => {
  const f = task.facts
  const pairs: ReadonlyArray<readonly [string, string | null]> = [
    ["alert", f.alertName],
    ["namespace", f.namespace],
    ["workload", f.workload],
    ["pod", f.pod],
    ["container", f.container],
    ["node", f.node],
    ["service", f.service],
    ["cluster", f.cluster],
    ["region", f.region],
  ]
  const known = pairs.filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`)
  return known.length === 0 ? "none stated" : known.join(", ")
}

/** The first user message: the alert, its facts and window, and what the plan found (redacted). */
export const openingMessage = (task: AgentTask, result: AgentResult): string =>
  redact(
    [
      `Alert text:\n${clip(task.alert.text, 2000)}`,
      `Facts read from it: ${factLine(task)}.`,
      `Evidence window: ${DateTime.formatIso(task.alert.window.start)} to ${DateTime.formatIso(task.alert.window.end)}; changes since ${DateTime.formatIso(task.alert.window.changesSince)}.`,
      `The deterministic investigation says: ${result.summary === "" ? "(no summary)" : clip(result.summary, 1500)}`,
      result.findings.length === 0
        ? "It found nothing."
        : [
            "Its findings:",
            ...result.findings
              .slice(0, maxShownFindings)
              .map(
                (f, i) =>
                  `${i + 1}. [${f.severity}] ${f.kind}: ${clip(f.title, 200)}${f.resource === null ? "" : ` (${f.resource})`}`,
              ),
            ...(result.findings.length > maxShownFindings
              ? [`(+${result.findings.length - maxShownFindings} more)`]
              : []),
          ].join("\n"),
      result.scanned.length === 0 ? "" : `Already read: ${result.scanned.slice(0, 30).join(", ")}.`,
    ]
      .filter((s) => s !== "")
      .join("\n\n"),
  )

/** The same evidence: same kind about the same resource, and the same title or the same instant. */
const sameFinding = (a: Finding, b: Finding): boolean =>
  a.kind === b.kind &&
  a.resource === b.resource &&
  (a.title === b.title ||
    (a.observedAt !== null && b.observedAt !== null && a.observedAt.epochMillis === b.observedAt.epochMillis))

/** The drill-down's findings worth appending: not repeats of the plan's or of each other, capped. */
export const newFindings = (
  plan: ReadonlyArray<Finding>,
  drilled: ReadonlyArray<Finding>,
): ReadonlyArray<Finding> => {
  const kept: Array<Finding> = []
  for (const f of drilled) {
    if (kept.length >= maxDrillFindings) break
    if (plan.some((p) => sameFinding(p, f)) || kept.some((k) => sameFinding(k, f))) continue
    kept.push({ ...f, id: "" })
  }
  return kept
}

/** The plan's result with the drill-down's outcome merged in. */
export const mergeDrillDown = (
  result: AgentResult,
  model: string,
  outcome: ToolLoopOutcome,
  prices: Readonly<Record<string, Price>>,
  elapsedMs: number,
): AgentResult => {
  const added = newFindings(result.findings, outcome.findings)
  const usage = { model, inputTokens: outcome.usage.inputTokens, outputTokens: outcome.usage.outputTokens }
  const record: DrillDownRecord = {
    model,
    stopped: outcome.stopped,
    error: outcome.error,
    steps: outcome.steps,
    toolCalls: outcome.toolCalls,
    findings: added.length,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd: costOf([usage], prices).usd,
    transcript: outcome.transcript,
  }
  const note =
    outcome.stopped === "model_error"
      ? `drill-down stopped: the model failed (${outcome.error ?? "unknown"})`
      : null
  return {
    ...result,
    findings: [...result.findings, ...added],
    summary:
      outcome.toolCalls === 0
        ? result.summary
        : `${result.summary}${result.summary === "" ? "" : " "}Drill-down: ${outcome.toolCalls} tool call(s), ${added.length} more finding(s).`,
    reason: note === null ? result.reason : [result.reason, note].filter((r) => r !== null).join("; "),
    durationMs: result.durationMs + elapsedMs,
    drillDown: record,
  }
}

/** `inner` with the model drill-down after its plan; `inner` itself when no model is configured. */
export const withDrillDown = <R>(inner: InlineAgent<R>, o: DrillDownOptions<R>): InlineAgent<R | Llm> => {
  const model = o.settings.model
  if (model === null) return inner
  return {
    mode: inner.mode,
    handle: (task, ctx) =>
      Effect.gen(function* () {
        const result = yield* inner.handle(task, ctx)
        if (task.task !== "investigate" || result.status !== "ok") return result
        const skills = yield* Effect.either(o.skills)
        if (skills._tag === "Left") {
          return {
            ...result,
            reason: [result.reason, `drill-down skipped: ${skills.left.message}`]
              .filter((r) => r !== null)
              .join("; "),
          }
        }
        const tools = skills.right.flatMap((s) => {
          const tool = o.tools.find((t) => t.name === s.tool)
          return tool === undefined ? [] : [bindTool(tool, task, s.description)]
        })
        if (tools.length === 0) return result
        const started = yield* Clock.currentTimeMillis
        const loop = yield* runToolLoop({
          modelId: model,
          system: systemPrompt(o.agent, skills.right),
          opening: openingMessage(task, result),
          tools,
          maxSteps: o.settings.max_tool_steps,
          tokenBudget: o.settings.token_budget,
          deadlineMs: answerBy(task, started),
        }).pipe(
          Effect.map((outcome) => ({ _tag: "done" as const, outcome })),
          // A defect in a tool or the model adapter must not cost the plan's result.
          Effect.catchAllCause((cause) =>
            Cause.isInterruptedOnly(cause)
              ? Effect.failCause(cause)
              : Effect.as(Effect.logError("drill-down crashed", cause), { _tag: "crashed" as const }),
          ),
        )
        if (loop._tag === "crashed")
          return {
            ...result,
            reason: [result.reason, "drill-down failed unexpectedly"].filter((r) => r !== null).join("; "),
          }
        const outcome = loop.outcome
        const elapsedMs = (yield* Clock.currentTimeMillis) - started
        yield* Effect.logInfo("drill-down finished").pipe(
          Effect.annotateLogs({
            agent: o.agent,
            stopped: outcome.stopped,
            steps: outcome.steps,
            toolCalls: outcome.toolCalls,
            tokens: outcome.usage.inputTokens + outcome.usage.outputTokens,
          }),
        )
        return mergeDrillDown(result, model, outcome, o.prices, elapsedMs)
      }).pipe(Effect.withSpan("agent.drill_down", { attributes: { agent: o.agent, model } })),
  }
}

/** `withDrillDown` as config.yaml sets it up for `agent`: its model, bounds, skills and the price table. */
export const drillDownFor = <R>(
  config: AppConfig,
  agent: SpecialistId,
  inner: InlineAgent<R>,
  tools: ReadonlyArray<AgentTool<R>>,
): InlineAgent<R | Llm> =>
  config.agents[agent].model === null
    ? inner
    : withDrillDown(inner, {
        agent,
        settings: config.agents[agent],
        tools,
        // Read once, on the first task (the start-up check has already read them).
        skills: Effect.runSync(Effect.cached(loadAgentSkills(config, agent))),
        prices: config.models.prices,
      })
