/**
 * The master's analysis beside the deterministic causes: supported only when it cites existing
 * findings and agrees with the top cause (shares its evidence or its failure mode); otherwise
 * an alternative hypothesis with the reason, in the report data and in every render. Also the
 * synthesis prompt: findings only, redacted, bounded, ids exactly as the report numbers them.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { scriptedLlmLayer, scriptedText } from "../../src/adapters/local/scripted-llm.js"
import type { AgentTask } from "../../src/domain/agent-task.js"
import { modesNamedIn } from "../../src/domain/analysis-modes.js"
import { analysisVerdict, citedIds } from "../../src/domain/analysis-verdict.js"
import { buildReport } from "../../src/domain/build-report.js"
import { defaultConfig } from "../../src/domain/config.js"
import type { Finding } from "../../src/domain/finding.js"
import { maxPromptChars, synthesise, synthesisPrompt } from "../../src/domain/orchestrator-synthesis.js"
import { renderDiscordReport } from "../../src/domain/render/discord-report.js"
import { discordDialect, slackDialect } from "../../src/domain/render/markup.js"
import { usageLine } from "../../src/domain/render/report-sections.js"
import { renderSlackReport } from "../../src/domain/render/slack-report.js"
import { Llm } from "../../src/ports/llm.js"
import { alertTime, finding, ok, oomContext, oomFacts, oomInput } from "./build-report-support.js"

const numbered = (id: string, f: Parameters<typeof finding>[1]): Finding => ({
  ...finding(id.startsWith("eks") ? "eks" : "cloudwatch_logs", f),
  id,
})

const oom = numbered("eks#1", {
  title: "payments-api OOMKilled, 6 restarts",
  kind: "oom_killed",
  severity: "high",
})
const rollout = numbered("eks#2", {
  title: "payments-api rolled out revision 7",
  kind: "rollout",
  severity: "info",
})
const herring = numbered("eks#3", {
  title: "reports-cron ImagePullBackOff",
  kind: "image_pull",
  severity: "high",
})
const caller = numbered("cloudwatch_logs#1", {
  title: "checkout-web: upstream payments-api unavailable",
  kind: "log_signature",
  severity: "high",
})
const findings = [oom, rollout, herring, caller]
const topCause = { text: "rollout then OOMKilled in payments-api", findings: ["eks#1", "eks#2"] }

const verdict = (text: string, top: typeof topCause | null = topCause) =>
  analysisVerdict({ text, cites: citedIds(text), findings, topCause: top ?? undefined })

describe("citedIds", () => {
  it("reads ids in square brackets, lists inside one pair, any case, once each, in order", () => {
    expect(
      citedIds("OOM [eks#2] after [EKS#1, cloudwatch_logs#3]; again [eks#2]; bare eks#9 ignored"),
    ).toEqual(["eks#2", "eks#1", "cloudwatch_logs#3"])
    expect(citedIds("no citations [here]")).toEqual([])
  })
})

describe("analysisVerdict", () => {
  it("supported: cites the top cause's findings", () => {
    expect(verdict("payments-api was OOMKilled after the rollout [eks#1] [eks#2].")).toEqual({
      verdict: "supported",
      reason: null,
      cites: ["eks#1", "eks#2"],
      unknownCites: [],
    })
  })

  it("supported: other evidence, but it names the top cause's failure mode", () => {
    // cloudwatch_logs#1 is not cited by the top cause; "out of memory" is its mode (oom).
    expect(verdict("The service ran out of memory, so its callers failed [cloudwatch_logs#1].").verdict).toBe(
      "supported",
    )
  })

  it("alternative, cites_nothing: no finding id at all", () => {
    expect(verdict("It is probably DNS.")).toMatchObject({ verdict: "alternative", reason: "cites_nothing" })
  })

  it("alternative, unknown_ids: any cited id not in the evidence, even beside real ones", () => {
    expect(verdict("OOMKilled [eks#1], see also [eks#42].")).toEqual({
      verdict: "alternative",
      reason: "unknown_ids",
      cites: ["eks#1"],
      unknownCites: ["eks#42"],
    })
  })

  it("alternative, contradicts_top_cause: none of its findings and none of its failure modes", () => {
    expect(verdict("A bad image tag broke the deploy: ImagePullBackOff [eks#3].")).toEqual({
      verdict: "alternative",
      reason: "contradicts_top_cause",
      cites: ["eks#3"],
      unknownCites: [],
    })
    // Naming no failure mode at all, on other evidence only, does not agree with it either.
    expect(verdict("Something in reports-cron [eks#3].").reason).toBe("contradicts_top_cause")
  })

  it("with no top cause there is nothing to contradict", () => {
    expect(verdict("ImagePullBackOff [eks#3].", null).verdict).toBe("supported")
  })

  it("reads failure modes from prose in the cause vocabulary; generic words name none", () => {
    expect([...modesNamedIn("Pods were OOMKilled (exit code 137) and crash looping")]).toEqual([
      "oom",
      "crash",
    ])
    expect([...modesNamedIn("connection pool exhausted; requests timed out")]).toEqual([
      "connections",
      "timeout",
    ])
    expect([...modesNamedIn("error rate and latency went up")]).toEqual([])
  })
})

describe("the analysis in the report and its renders", () => {
  const report = (text: string) =>
    buildReport(oomInput({ analysis: { text, cites: citedIds(text), model: "m" } }))
  const slack = (text: string) =>
    renderSlackReport(report(text), defaultConfig.limits)
      .flatMap((m) => m.blocks.map((b) => JSON.stringify(b)))
      .join("\n")
  const discord = (text: string) => renderDiscordReport(report(text), defaultConfig.limits).join("\n")

  it("a supported analysis is headed Analysis; the causes are the deterministic ones", () => {
    const base = buildReport(oomInput())
    const top = base.causes[0]
    expect(top?.findings).toContain("eks#3")
    const r = report("payments-api was OOMKilled after the rollout [eks#3].")
    expect(r.analysis).toMatchObject({ verdict: "supported", reason: null, cites: ["eks#3"] })
    expect(r.causes).toEqual(base.causes)
    expect(slack("payments-api was OOMKilled after the rollout [eks#3].")).toContain("*🧠 Analysis*")
    expect(discord("payments-api was OOMKilled after the rollout [eks#3].")).toContain("**🧠 Analysis**")
  })

  it("an analysis citing unknown ids is labelled an alternative hypothesis everywhere", () => {
    const text = "The database is down [rds#1]."
    expect(report(text).analysis).toMatchObject({
      verdict: "alternative",
      reason: "unknown_ids",
      unknownCites: ["rds#1"],
    })
    expect(slack(text)).toContain(
      "*🧠 Alternative hypothesis (not supported by the evidence: it cites findings that do not exist: rds#1)*",
    )
    expect(discord(text)).toContain("🧠 Alternative hypothesis (not supported by the evidence")
    expect(discord(text)).not.toContain("**🧠 Analysis**")
  })

  it("an analysis contradicting the top cause is labelled so, and the top cause is unchanged", () => {
    const base = buildReport(oomInput())
    expect(base.causes[0]?.findings).not.toContain("eks#1")
    const text = "reports-cron cannot pull its image (ImagePullBackOff) [eks#1]."
    const r = report(text)
    expect(r.analysis).toMatchObject({ verdict: "alternative", reason: "contradicts_top_cause" })
    expect(r.causes).toEqual(base.causes)
    expect(slack(text)).toContain(
      "*🧠 Alternative hypothesis (contradicts the top cause: it cites none of its findings and names none of its failure modes)*",
    )
    expect(slack(text)).toContain("not used for the suspected causes")
    expect(discord(text)).toContain("🧠 Alternative hypothesis (contradicts the top cause")
  })

  it("the footer names tokens and cost per agent; an unpriced model's cost is unknown", () => {
    const r = buildReport(
      oomInput({ masterUsage: [{ model: "mystery", inputTokens: 1500, outputTokens: 20 }] }),
    )
    const line = usageLine(r, slackDialect)
    expect(line).toBe(
      "Model use: eks (us.anthropic.claude-haiku-4-5-20251001-v1:0) 1,000 in / 200 out · $0.0020; master (mystery) 1,500 in / 20 out · cost unknown",
    )
    expect(usageLine(buildReport(oomInput({ results: [], masterUsage: [] })), discordDialect)).toBeNull()
  })
})

const task: AgentTask = {
  task: "investigate",
  investigationId: "inv-syn-1",
  alert: oomContext,
  facts: oomFacts,
  dedupKey: null,
  hints: {},
  deadline: DateTime.addDuration(alertTime, "60 seconds"),
}

describe("synthesis prompt", () => {
  it("findings only (no excerpts), redacted, ids as the report numbers them", () => {
    const results = oomInput().results
    const prompt = synthesisPrompt(
      { ...task, alert: { ...oomContext, text: `${oomContext.text}\npassword=hunter2hunter2` } },
      [
        ...results.filter((r) => r.agent !== "eks"),
        ok("eks", [
          finding("eks", { title: "payments-api OOMKilled", excerpt: "RAW LOG LINE", severity: "high" }),
        ]),
      ],
    )
    expect(prompt).toContain("[eks#1] (high) payments-api OOMKilled")
    expect(prompt).not.toContain("RAW LOG LINE")
    expect(prompt).not.toContain("hunter2hunter2")
    expect(prompt).toContain("No data from: ")
  })

  it("is bounded: whole lines, most severe first, the rest counted", () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      finding("cloudwatch_logs", {
        title: `signature ${i} ${"x".repeat(80)}`,
        severity: i === 399 ? "critical" : "low",
      }),
    )
    const prompt = synthesisPrompt(task, [ok("cloudwatch_logs", many)])
    expect(prompt.length).toBeLessThanOrEqual(maxPromptChars)
    expect(prompt).toContain("[cloudwatch_logs#400] (critical)")
    expect(prompt).toMatch(/\(\+\d+ less severe findings not shown\)/)
  })

  it.effect("returns the model's text with every id it cites, and the master's usage", () =>
    Effect.gen(function* () {
      const llm = yield* Llm
      const settings = {
        ...defaultConfig,
        agents: { ...defaultConfig.agents, master: { ...defaultConfig.agents.master, model: "m-1" } },
      }
      const traced: Array<unknown> = []
      const out = yield* synthesise({
        llm,
        settings,
        task,
        results: oomInput().results,
        trace: (_step, data) => Effect.sync(() => traced.push(data)),
      })
      expect(out.analysis).toEqual({ text: "OOM [eks#3] [eks#77]", cites: ["eks#3", "eks#77"], model: "m-1" })
      expect(traced).toEqual([
        {
          synthesis: {
            model: "m-1",
            prompt: synthesisPrompt(task, oomInput().results),
            reply: "OOM [eks#3] [eks#77]",
            usage: [{ model: "m-1", inputTokens: 900, outputTokens: 40 }],
          },
        },
      ])
      expect(out.usage).toEqual([{ model: "m-1", inputTokens: 900, outputTokens: 40 }])
    }).pipe(
      Effect.provide(
        scriptedLlmLayer([scriptedText("  OOM [eks#3] [eks#77]  ", { inputTokens: 900, outputTokens: 40 })]),
      ),
    ),
  )
})
