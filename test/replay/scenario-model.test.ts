/**
 * The scenario `model:` section's pieces: model ids assigned to scripted agents (explicit ids
 * first, collisions refused, priced ids otherwise), the run's config, and the Converse replay
 * routing each model id to its own script, so concurrent agents never take each other's turns.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { defaultConfig } from "../../src/domain/config.js"
import { serveBedrockReplayByModel } from "../../src/replay/bedrock.js"
import { modelScripts, withScriptedModels } from "../../src/replay/scenario-model.js"

const haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
const sonnet = "us.anthropic.claude-sonnet-4-6"
const reply = (text: string) => ({ _tag: "reply" as const, text })

describe("modelScripts", () => {
  it("explicit ids first; then models.default; then the next priced id no one uses", () => {
    const scripts = modelScripts(
      { master: [reply("m")], eks: { model_id: haiku, turns: [reply("e")] }, prometheus: [] },
      defaultConfig,
    )
    expect(Either.getOrThrow(scripts).map((s) => [s.agent, s.modelId])).toEqual([
      ["master", Object.keys(defaultConfig.models.prices).find((id) => id !== haiku)],
      ["eks", haiku],
      ["prometheus", Object.keys(defaultConfig.models.prices).filter((id) => id !== haiku)[1]],
    ])
    const config = withScriptedModels(defaultConfig, Either.getOrThrow(scripts))
    expect(config.agents.eks.model).toBe(haiku)
    expect(config.agents.cloudwatch_logs.model).toBeNull()
    expect(defaultConfig.agents.eks.model).toBeNull()
  })

  it("a lone scripted agent gets models.default", () => {
    expect(Either.getOrThrow(modelScripts({ eks: [reply("e")] }, defaultConfig))).toEqual([
      { agent: "eks", modelId: defaultConfig.models.default, turns: [reply("e")] },
    ])
  })

  it("two agents on one explicit id is an error naming both", () => {
    const clash = modelScripts(
      { master: { model_id: sonnet, turns: [] }, eks: { model_id: sonnet, turns: [] } },
      defaultConfig,
    )
    expect(Either.isLeft(clash) && clash.left.join()).toContain("model.eks.model_id")
  })

  it("more scripted agents than priced ids is an error asking for model_id", () => {
    const config = {
      ...defaultConfig,
      models: { ...defaultConfig.models, prices: { [haiku]: { input: 1, output: 5 } } },
    }
    const out = modelScripts({ master: [], eks: [] }, config)
    expect(Either.isLeft(out) && out.left.join()).toContain("set model.eks.model_id")
  })
})

describe("serveBedrockReplayByModel", () => {
  it.scoped("plays each model id's own script; an unknown model id is a ValidationException", () =>
    Effect.gen(function* () {
      const replay = yield* serveBedrockReplayByModel({ a: [reply("a1"), reply("a2")], b: [reply("b1")] })
      const call = (model: string) =>
        Effect.promise(async () => {
          const res = await fetch(`${replay.url}/model/${model}/converse`, { method: "POST", body: "{}" })
          return { status: res.status, json: (await res.json()) as Record<string, unknown> }
        })
      const texts = []
      for (const m of ["a", "b", "a", "b", "c"]) texts.push(yield* call(m))
      expect(texts.map((t) => t.status)).toEqual([200, 200, 200, 500, 400])
      expect(texts.slice(0, 3).map((t) => JSON.stringify(t.json.output))).toEqual([
        JSON.stringify({ message: { role: "assistant", content: [{ text: "a1" }] } }),
        JSON.stringify({ message: { role: "assistant", content: [{ text: "b1" }] } }),
        JSON.stringify({ message: { role: "assistant", content: [{ text: "a2" }] } }),
      ])
      expect(texts[4]?.json).toMatchObject({ __type: "ValidationException" })
      expect((yield* replay.requests).map((r) => r.modelId)).toEqual(["a", "b", "a", "b", "c"])
    }),
  )
})
