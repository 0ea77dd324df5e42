/**
 * `npm start -- --serve`: picks where the agents read from — a scenario's replayed world (on its
 * clock, its chat replays standing in for Slack and Discord unless real tokens are set), the real
 * backends with --live, or nothing — and serves until stopped.
 */
import { Effect, type Layer } from "effect"
import type { AppConfig } from "../domain/config.js"
import { liveSourceLayers, notConfiguredSources, replaySourceLayers, scenarioLlmLayer } from "../layers.js"
import { loadScenarioFile } from "../replay/scenario.js"
import { messageText } from "../replay/scenario-output.js"
import { makeScenarioWorld } from "../replay/scenario-world.js"
import { runServe } from "./start-serve.js"

export interface WorldArgs {
  readonly scenario: string | null
  readonly live: boolean
  readonly port: number
}

type Env = Readonly<Record<string, string | undefined>>

const set = (env: Env, name: string) => (env[name] ?? "").trim() !== ""

export const serveWorld = (
  args: WorldArgs,
  config: AppConfig,
  env: Env,
  logger: Layer.Layer<never>,
  err: (s: string) => void,
): Promise<number> => {
  const chat = {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    ...(env.DISCORD_API_URL ? { discordApiUrl: env.DISCORD_API_URL } : {}),
  }
  if (args.scenario === null) {
    return runServe({
      port: args.port,
      config,
      env,
      chat,
      logger,
      err,
      sources: args.live
        ? {
            layers: liveSourceLayers(config, env),
            description: "live (kubeconfig, AWS credential chain, PROMETHEUS_URL)",
          }
        : {
            layers: notConfiguredSources,
            description: "none (agents answer unhealthy: not configured; use --live or --scenario FILE)",
          },
    })
  }
  const file = args.scenario
  return Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const scenario = yield* loadScenarioFile(file)
        const world = yield* makeScenarioWorld(scenario, config)
        // Real chat wins when its token is set; otherwise the scenario's channels answer, with
        // the replay's credentials (the signing secrets stay the operator's, for `cli synthetic`).
        const slackReal = set(env, "SLACK_BOT_TOKEN")
        const discordReal = set(env, "DISCORD_BOT_TOKEN")
        const worldEnv: Env = {
          ...env,
          ...(slackReal ? {} : { SLACK_BOT_TOKEN: world.env.SLACK_BOT_TOKEN }),
          ...(discordReal ? {} : { DISCORD_BOT_TOKEN: world.env.DISCORD_BOT_TOKEN }),
        }
        let shown = 0
        const timer = setInterval(() => {
          const posted = world.posted()
          for (const m of posted.slice(shown))
            err(`── posted to ${m.platform}${m.op === "update" ? " (edit)" : ""} ──\n${messageText(m)}\n`)
          shown = posted.length
        }, 250)
        yield* Effect.addFinalizer(() => Effect.sync(() => clearInterval(timer)))
        return yield* Effect.promise(() =>
          runServe({
            port: args.port,
            config: world.config,
            env: worldEnv,
            chat: {
              ...chat,
              ...(slackReal ? {} : { slackApiUrl: world.chat.slackApiUrl }),
              ...(discordReal ? {} : { discordApiUrl: world.chat.discordApiUrl }),
            },
            clock: world.clock,
            // A scripted `model:` section is served by its Converse replay, never by Bedrock.
            ...(world.model === null ? {} : { llm: scenarioLlmLayer(world.model) }),
            logger,
            err,
            sources: {
              layers: replaySourceLayers(world.sources.endpoints),
              description: `replay of ${file} (clock at ${scenario.now.toJSON()} + elapsed; sign with: npm run cli -- synthetic --at …)`,
            },
          }),
        )
      }),
    ),
  )
}
