/**
 * The world of one scenario, on loopback: the Slack and Discord replays holding its channels
 * (the alert message seeded into its own channel, so reaction and thread triggers can fetch it),
 * its data sources behind their replay servers, the scenario clock they all read, the config
 * with the scenario's channels added for the scanners, and the credentials the replays accept.
 * Used by a scenario run (CLI, e2e, demo) and by `npm start -- --serve --scenario FILE`.
 */
import { type Clock, DateTime, Effect, Schema, type Scope } from "effect"
import type { AppConfig } from "../domain/config.js"
import type { ChatEndpoints } from "../layers.js"
import { type DiscordReplay, makeDiscordReplay } from "./discord.js"
import type { DiscordSeedChannel } from "./discord-state.js"
import type { Scenario } from "./scenario.js"
import { scenarioClock } from "./scenario-clock.js"
import { type ScenarioModelReplay, scenarioModelReplay } from "./scenario-model-replay.js"
import type { PostedMessage } from "./scenario-output.js"
import { type ScenarioSources, scenarioSources } from "./scenario-sources.js"
import {
  discordAlertMessage,
  scenarioBotId,
  scenarioBotUser,
  scenarioGuildId,
  scenarioTeam,
  slackAlertMessage,
} from "./scenario-webhook.js"
import { makeSlackReplay, type SlackReplay } from "./slack.js"
import type { SlackSeedChannel } from "./slack-state.js"

export class ScenarioWorldFailed extends Schema.TaggedError<ScenarioWorldFailed>()("ScenarioWorldFailed", {
  message: Schema.String,
}) {}

/** Credentials the replays accept; the webhook signer uses the matching secrets. */
export const scenarioCredentials = {
  // Not a token shape: the replay accepts any bearer, and secret scanners should not flag it.
  slackToken: "replay-bot-token",
  discordToken: "scenario-replay-discord-bot-token",
  slackSigningSecret: "scenario-replay-signing-secret",
  /** Ed25519 seed whose public key is `discordPublicKey`. */
  discordSeed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
  discordPublicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
} as const

export interface ScenarioWorld {
  readonly scenario: Scenario
  readonly clock: Clock.Clock
  readonly now: () => number
  readonly config: AppConfig
  readonly slack: SlackReplay
  readonly discord: DiscordReplay
  readonly chat: ChatEndpoints & { readonly slackApiUrl: string; readonly discordApiUrl: string }
  readonly sources: ScenarioSources
  /** The Converse replay of the scenario's `model:` section; null without one (no model). */
  readonly model: ScenarioModelReplay | null
  /** The environment a service needs to talk to this world's chat replays. */
  readonly env: Readonly<Record<string, string>>
  /** What the bot posted (and edited) so far, in order. */
  readonly posted: () => ReadonlyArray<PostedMessage>
}

/** The repo's config, with this scenario's chat channels added for the scanners. */
const configFor = (config: AppConfig, s: Scenario): AppConfig => {
  const add = (
    known: AppConfig["channels"]["slack"],
    ids: ReadonlyArray<[string, { readonly name?: string | undefined }]>,
  ) => [
    ...known,
    ...ids
      .filter(([id]) => !known.some((c) => c.id === id))
      .map(([id, c]) => (c.name === undefined ? { id } : { id, name: c.name })),
  ]
  return {
    ...config,
    channels: {
      slack: add(config.channels.slack, Object.entries(s.chat?.slack ?? {})),
      discord: add(config.channels.discord, Object.entries(s.chat?.discord ?? {})),
    },
  }
}

const seededChannels = (scenario: Scenario) => {
  const alert = scenario.alert
  const slack: Record<string, SlackSeedChannel> = Object.fromEntries(
    Object.entries(scenario.chat?.slack ?? {}).map(([id, c]) => [
      id,
      { ...(c.name === undefined ? {} : { name: c.name }), messages: c.messages.map((m) => ({ ...m })) },
    ]),
  )
  const discord: Record<string, DiscordSeedChannel> = Object.fromEntries(
    Object.entries(scenario.chat?.discord ?? {}).map(([id, c]) => [
      id,
      {
        ...(c.name === undefined ? {} : { name: c.name }),
        messages: c.messages.map((m) => ({
          id: m.id,
          timestamp: DateTime.formatIso(m.timestamp),
          user: m.user,
          bot: m.bot,
          text: m.text,
        })),
      },
    ]),
  )
  const name = alert.channel_name === null ? {} : { name: alert.channel_name }
  if (alert.platform === "slack") {
    slack[alert.channel] = {
      ...name,
      messages: [...(slack[alert.channel]?.messages ?? []), slackAlertMessage(alert)],
    }
  } else {
    discord[alert.channel] = {
      ...name,
      messages: [...(discord[alert.channel]?.messages ?? []), discordAlertMessage(alert)],
    }
  }
  return { slack, discord }
}

export const makeScenarioWorld = (
  scenario: Scenario,
  config: AppConfig,
): Effect.Effect<ScenarioWorld, ScenarioWorldFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const fail = (e: { readonly message: string }) => new ScenarioWorldFailed({ message: e.message })
    const clock = scenarioClock(scenario.now.epochMillis)
    const now = () => clock.unsafeCurrentTimeMillis()
    const channels = seededChannels(scenario)
    const slack = yield* makeSlackReplay({
      token: scenarioCredentials.slackToken,
      identity: { userId: scenarioBotUser, botId: scenarioBotId, teamId: scenarioTeam, team: "scenario" },
      channels: channels.slack,
      now,
    }).pipe(Effect.mapError(fail))
    const discord = yield* makeDiscordReplay({
      token: scenarioCredentials.discordToken,
      guildId: scenarioGuildId,
      channels: channels.discord,
      now,
    }).pipe(Effect.mapError(fail))
    const sources = yield* scenarioSources(scenario, now).pipe(Effect.mapError(fail))
    const scripted = yield* scenarioModelReplay(scenario, configFor(config, scenario)).pipe(
      Effect.mapError(fail),
    )
    const posted = (): ReadonlyArray<PostedMessage> => [
      ...slack
        .requests()
        .filter((r) => r.operation === "chat.postMessage" || r.operation === "chat.update")
        .map(
          (r): PostedMessage => ({
            platform: "slack",
            op: r.operation === "chat.update" ? "update" : "post",
            body: r.body,
          }),
        ),
      ...discord
        .requests()
        .filter(
          (r) =>
            r.operation === "createMessage" ||
            r.operation === "editMessage" ||
            r.operation === "editOriginal",
        )
        .map(
          (r): PostedMessage => ({
            platform: "discord",
            op: r.operation === "createMessage" ? "post" : "update",
            body: r.body,
          }),
        ),
    ]
    return {
      scenario,
      clock,
      now,
      config: scripted.config,
      slack,
      discord,
      chat: {
        slackApiUrl: slack.apiUrl,
        discordApiUrl: discord.apiUrl,
        slackIdentity: { userId: scenarioBotUser, botId: scenarioBotId },
      },
      sources,
      model: scripted.model,
      env: {
        SLACK_SIGNING_SECRET: scenarioCredentials.slackSigningSecret,
        SLACK_BOT_TOKEN: scenarioCredentials.slackToken,
        DISCORD_PUBLIC_KEY: scenarioCredentials.discordPublicKey,
        DISCORD_BOT_TOKEN: scenarioCredentials.discordToken,
      },
      posted,
    }
  })
