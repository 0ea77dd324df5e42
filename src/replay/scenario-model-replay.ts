/**
 * The Bedrock Converse replay of a scenario's `model:` section: one loopback server that plays
 * each scripted agent's turns under the model id that agent is configured with, and the run's
 * config with those ids set. No section: no server, and the config is left as it is (no model).
 */
import { Effect, Either, type Scope } from "effect"
import type { AppConfig } from "../domain/config.js"
import { type RecordedConverse, serveBedrockReplayByModel } from "./bedrock.js"
import type { Scenario } from "./scenario.js"
import { type ModelScript, modelScripts, withScriptedModels } from "./scenario-model.js"

export interface ScenarioModelReplay {
  /** Where the Bedrock client is pointed (the replay accepts any credentials). */
  readonly endpoint: string
  readonly region: string
  readonly scripts: ReadonlyArray<ModelScript>
  /** Every Converse request received, in order (tests assert prompts and routing). */
  readonly requests: Effect.Effect<ReadonlyArray<RecordedConverse>>
}

export const scenarioModelReplay = (
  scenario: Scenario,
  config: AppConfig,
): Effect.Effect<
  { readonly config: AppConfig; readonly model: ScenarioModelReplay | null },
  { readonly message: string },
  Scope.Scope
> =>
  Effect.gen(function* () {
    if (scenario.model === undefined) return { config, model: null }
    const scripts = yield* Either.match(modelScripts(scenario.model, config), {
      onLeft: (problems) => Effect.fail({ message: `${scenario.name}: ${problems.join("; ")}` }),
      onRight: Effect.succeed,
    })
    const replay = yield* serveBedrockReplayByModel(
      Object.fromEntries(scripts.map((s) => [s.modelId, s.turns])),
    )
    return {
      config: withScriptedModels(config, scripts),
      model: { endpoint: replay.url, region: config.models.region, scripts, requests: replay.requests },
    }
  })
