/**
 * A scenario's `model:` section (docs/scenario-model.md): per agent id, a scripted sequence of
 * Bedrock Converse turns, played by the loopback Converse replay (bedrock.ts) to the real
 * `@aws-sdk/client-bedrock-runtime` adapter. Without the section nothing changes: no model is
 * configured and the run is deterministic. With it, each scripted agent is given its own model
 * id — the replay routes by model id, so two agents calling concurrently never take each
 * other's turns — and that id is priced in config unless the scenario names an unpriced one on
 * purpose (the footer then says "unknown").
 */
import { Either, Schema } from "effect"
import { AgentId } from "../domain/agent-id.js"
import type { AppConfig } from "../domain/config.js"
import { ConverseTurn } from "./bedrock.js"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))

/** `{ model_id?, turns }`, or just the list of turns (the model id is then chosen for the agent). */
export const AgentModelScript = Schema.Union(
  Schema.Array(ConverseTurn),
  Schema.Struct({
    /** default: the agent's configured model, else models.default, else the next priced id free */
    model_id: Schema.optional(NonEmpty),
    turns: Schema.Array(ConverseTurn),
  }),
)
export type AgentModelScript = typeof AgentModelScript.Type

const script = Schema.optional(AgentModelScript)

export const ScenarioModel = Schema.Struct({
  master: script,
  eks: script,
  cloudwatch_logs: script,
  slack_scanner: script,
  discord_scanner: script,
  incident_history: script,
  prometheus: script,
})
export type ScenarioModel = typeof ScenarioModel.Type

/** One scripted agent: the model id it is configured with and the turns the replay plays for that id. */
export interface ModelScript {
  readonly agent: AgentId
  readonly modelId: string
  readonly turns: ReadonlyArray<ConverseTurn>
}

const parts = (s: AgentModelScript): { modelId: string | undefined; turns: ReadonlyArray<ConverseTurn> } =>
  "turns" in s ? { modelId: s.model_id, turns: s.turns } : { modelId: undefined, turns: s }

/**
 * Model ids for the scripted agents, deterministically: explicit `model_id`s first (two agents
 * naming the same id is an error: the replay could not tell their turns apart), then, in
 * catalogue order, the agent's configured model, `models.default`, or the first id of the price
 * table that no other scripted agent uses.
 */
export const modelScripts = (
  section: ScenarioModel,
  config: AppConfig,
): Either.Either<ReadonlyArray<ModelScript>, ReadonlyArray<string>> => {
  const scripted = AgentId.literals.flatMap((agent) => {
    const s = section[agent]
    return s === undefined ? [] : [{ agent, ...parts(s) }]
  })
  const taken = new Map<string, AgentId>()
  const problems: Array<string> = []
  for (const s of scripted) {
    if (s.modelId === undefined) continue
    const other = taken.get(s.modelId)
    if (other === undefined) taken.set(s.modelId, s.agent)
    else
      problems.push(
        `model.${s.agent}.model_id: ${s.modelId} is already model.${other}'s; give each scripted agent its own model id`,
      )
  }
  const assigned: Array<ModelScript> = []
  for (const s of scripted) {
    const candidates = [
      ...[config.agents[s.agent].model].filter((m): m is string => m !== null),
      config.models.default,
      ...Object.keys(config.models.prices),
    ]
    const modelId =
      s.modelId ?? candidates.find((id) => !taken.has(id) && Object.hasOwn(config.models.prices, id))
    if (modelId === undefined) {
      problems.push(`model.${s.agent}: no priced model id left for it; set model.${s.agent}.model_id`)
      continue
    }
    taken.set(modelId, s.agent)
    assigned.push({ agent: s.agent, modelId, turns: s.turns })
  }
  return problems.length === 0 ? Either.right(assigned) : Either.left(problems)
}

/** The config of a scripted run: each scripted agent's `model` set to its assigned id. */
export const withScriptedModels = (config: AppConfig, scripts: ReadonlyArray<ModelScript>): AppConfig => {
  const agents = { ...config.agents }
  for (const s of scripts) agents[s.agent] = { ...agents[s.agent], model: s.modelId }
  return { ...config, agents }
}
