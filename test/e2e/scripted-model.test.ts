/**
 * A scenario's `model:` section end to end (docs/scenario-model.md): copies of the public
 * oom-after-deploy scenario with a scripted master model, run through the whole path with the
 * real @aws-sdk/client-bedrock-runtime client against the loopback Converse replay. The report
 * carries the analysis — supported, or an alternative hypothesis when it cites unknown ids or
 * contradicts the top cause — and the per-agent token/cost footer; the deterministic causes are
 * the same as without a model.
 */
import { readFileSync } from "node:fs"
import { Effect, Either } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { parseDocument } from "yaml"
import { loadConfigFile } from "../../src/adapters/local/config-file.js"
import type { ConverseTurn } from "../../src/replay/bedrock.js"
import { decodeScenario, type Scenario } from "../../src/replay/scenario.js"
import type { ScenarioModel } from "../../src/replay/scenario-model.js"
import { jsonContract, messageText } from "../../src/replay/scenario-output.js"
import { runScenario, type ScenarioRun } from "../../src/replay/scenario-run.js"
import { scoreRun } from "../../src/replay/score.js"

const source = "examples/scenarios/oom-after-deploy.yaml"
const haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0"

const withModel = (model: unknown): Scenario => {
  const doc = parseDocument(readFileSync(source, "utf8")).toJS() as Record<string, unknown>
  const decoded = decodeScenario({ ...doc, model }, `${source} + model`)
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  return decoded.right
}

const run = (scenario: Scenario) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const config = yield* loadConfigFile("config.yaml")
        return yield* runScenario(scenario, { config })
      }),
    ),
  )

const master = (text: string): ScenarioModel => ({
  master: [{ _tag: "reply", text, usage: { inputTokens: 1200, outputTokens: 80 } } satisfies ConverseTurn],
})

/** The JSON report contract, as `cli investigate --format json` prints it. */
const contract = (r: ScenarioRun) => {
  const parsed: unknown = JSON.parse(jsonContract(r))
  return parsed as {
    report: {
      causes: ReadonlyArray<{ text: string; findings: ReadonlyArray<string> }>
      analysis: Record<string, unknown> | null
      footer: Record<string, unknown>
    }
  }
}

const postedText = (r: ScenarioRun) => r.messages.map(messageText).join("\n")

describe("scenarios with a scripted master model", () => {
  let baseline: ScenarioRun
  beforeAll(async () => {
    baseline = await run(withModel(undefined))
  }, 60_000)

  it("without a model: no analysis, no model use, nothing sent to a model", () => {
    const json = contract(baseline)
    expect(json.report.analysis).toBeNull()
    expect(json.report.footer).toMatchObject({ inputTokens: 0, outputTokens: 0, agents: [] })
    expect(baseline.modelRequests).toEqual([])
    expect(scoreRun(baseline.scenario.expect, baseline).pass).toBe(true)
  })

  it("a supported analysis citing real ids: the report carries it and the token/cost footer", async () => {
    const scripted = await run(
      withModel(master("payments-api ran out of memory after the v2.14.0 rollout [eks#1] [eks#4].")),
    )
    const json = contract(scripted)
    expect(json.report.analysis).toEqual({
      text: "payments-api ran out of memory after the v2.14.0 rollout [eks#1] [eks#4].",
      cites: ["eks#1", "eks#4"],
      unknownCites: [],
      verdict: "supported",
      reason: null,
      model: haiku,
    })
    expect(json.report.footer).toMatchObject({
      inputTokens: 1200,
      outputTokens: 80,
      costUsd: 0.0016,
      unknownModels: [],
      agents: [{ agent: "master", model: haiku, inputTokens: 1200, outputTokens: 80, costUsd: 0.0016 }],
    })
    expect(json.report.causes).toEqual(contract(baseline).report.causes)
    expect(scoreRun(scripted.scenario.expect, scripted).pass).toBe(true)

    // The real SDK signed one Converse call for the configured model; the prompt is findings only.
    expect(scripted.modelRequests).toHaveLength(1)
    const [request] = scripted.modelRequests
    expect(request?.modelId).toBe(haiku)
    expect(request?.signed).toBe(true)
    const prompt = JSON.stringify(request?.body)
    expect(prompt).toContain("[eks#1] (critical)")
    expect(prompt).toContain("[cloudwatch_logs#1]")

    const text = postedText(scripted)
    expect(text).toContain("🧠 Analysis")
    expect(text).toContain(`Model use: master (${haiku}) 1,200 in / 80 out · $0.0016`)
  }, 60_000)

  it("an analysis citing unknown ids is an alternative hypothesis", async () => {
    const scripted = await run(
      withModel(master("The payments database ran out of connections [rds#1] [eks#12].")),
    )
    expect(contract(scripted).report.analysis).toMatchObject({
      verdict: "alternative",
      reason: "unknown_ids",
      cites: [],
      unknownCites: ["rds#1", "eks#12"],
    })
    expect(contract(scripted).report.causes).toEqual(contract(baseline).report.causes)
    expect(postedText(scripted)).toContain(
      "🧠 Alternative hypothesis (not supported by the evidence: it cites findings that do not exist: rds#1, eks#12)",
    )
  }, 60_000)

  it("an analysis contradicting the top cause is an alternative hypothesis; the top cause is unchanged", async () => {
    const top = contract(baseline).report.causes[0]
    expect(top?.findings).not.toContain("cloudwatch_logs#2")
    const scripted = await run(
      withModel(
        master(
          "checkout-web timed out calling payments-api after a network policy change [cloudwatch_logs#2].",
        ),
      ),
    )
    const json = contract(scripted)
    expect(json.report.analysis).toMatchObject({
      verdict: "alternative",
      reason: "contradicts_top_cause",
      cites: ["cloudwatch_logs#2"],
    })
    expect(json.report.causes[0]).toEqual(top)
    expect(scoreRun(scripted.scenario.expect, scripted).pass).toBe(true)
    expect(postedText(scripted)).toContain("🧠 Alternative hypothesis (contradicts the top cause")
  }, 60_000)

  it("a model failure means no analysis; the report still goes out and the causes stand", async () => {
    const scripted = await run(
      withModel({ master: [{ _tag: "error", status: 429, errorType: "ThrottlingException" }] }),
    )
    expect(contract(scripted).report.analysis).toBeNull()
    expect(contract(scripted).report.causes).toEqual(contract(baseline).report.causes)
    expect(scripted.modelRequests).toHaveLength(1)
  }, 60_000)
})

describe("the model: section", () => {
  it("is decoded strictly and routes each scripted agent to its own priced model id", async () => {
    const bad = decodeScenario(
      {
        ...(parseDocument(readFileSync(source, "utf8")).toJS() as Record<string, unknown>),
        model: { master: [{ _tag: "reply", txt: "typo" }] },
      },
      "typo",
    )
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) expect(bad.left.message).toContain("model.master")

    const scripted = await run(
      withModel({
        eks: { turns: [] },
        master: {
          model_id: "us.anthropic.claude-sonnet-4-6",
          turns: [{ _tag: "reply", text: "OOM [eks#1]" }],
        },
      }),
    )
    // master on its explicit id; eks on the default (free), where its empty script answers 500s.
    expect(contract(scripted).report.analysis).toMatchObject({
      verdict: "supported",
      model: "us.anthropic.claude-sonnet-4-6",
    })
    expect(scripted.modelRequests.filter((r) => r.modelId === "us.anthropic.claude-sonnet-4-6")).toHaveLength(
      1,
    )
  }, 60_000)
})
