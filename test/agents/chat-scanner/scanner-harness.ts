/**
 * Test harness for the chat scanners: the Slack and Discord replays, the real ChatPlatforms
 * over them (as the composition root builds them, tokens from the environment), an AgentTask
 * built the way the engine builds it, and the TestClock set to "now".
 */
import { DateTime, Effect, Layer, TestClock } from "effect"
import { envSecretsLayer } from "../../../src/adapters/secrets-manager/env-secrets-layer.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { investigationWindow } from "../../../src/domain/alert-context.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import type { Platform } from "../../../src/domain/platform.js"
import { chatPlatformsLayer } from "../../../src/layers.js"
import { makeDiscordReplay } from "../../../src/replay/discord.js"
import type { DiscordSeedChannel } from "../../../src/replay/discord-state.js"
import { makeSlackReplay } from "../../../src/replay/slack.js"
import type { SlackSeedChannel } from "../../../src/replay/slack-state.js"

export const SLACK_TOKEN = "xoxb-scanner-token"
export const DISCORD_TOKEN = "scanner-discord-token"

export interface TaskSpec {
  readonly platform: Platform
  readonly channel: string
  readonly messageId: string
  readonly workspace: string | null
  readonly text: string
  readonly alertTime: string
  readonly now: string
}

export const taskFor = (spec: TaskSpec): AgentTask => {
  const alertTime = DateTime.unsafeMake(spec.alertTime)
  const w = defaultConfig.windows
  return {
    task: "investigate",
    investigationId: "5b0e2c9a-7d41-4f3e-8a6b-2c1d0e9f8a7b",
    alert: {
      platform: spec.platform,
      workspace: spec.workspace,
      channel: spec.channel,
      messageId: spec.messageId,
      threadId: spec.messageId,
      text: spec.text,
      note: null,
      author: { id: "B0ALERTMGR", name: "Alertmanager", bot: true },
      triggeredBy: null,
      trigger: "mention",
      alertTime,
      receivedAt: alertTime,
      window: investigationWindow(alertTime, {
        evidenceBeforeMinutes: w.evidence_before_minutes,
        evidenceAfterMinutes: w.evidence_after_minutes,
        changeLookbackHours: w.change_lookback_hours,
      }),
    },
    facts: extractFacts(spec.text, defaultConfig.severity.labels),
    dedupKey: null,
    hints: {},
    deadline: DateTime.add(DateTime.unsafeMake(spec.now), { seconds: 60 }),
  }
}

export interface World {
  readonly slack?: Readonly<Record<string, SlackSeedChannel>>
  readonly discord?: Readonly<Record<string, DiscordSeedChannel>>
  readonly now: string
  /** Which bot tokens the environment holds (default both). */
  readonly tokens?: { readonly slack: boolean; readonly discord: boolean }
}

export const harness = (world: World) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse(world.now))
    const slack = yield* makeSlackReplay({ token: SLACK_TOKEN, channels: world.slack ?? {} })
    const discord = yield* makeDiscordReplay({ token: DISCORD_TOKEN, channels: world.discord ?? {} })
    const tokens = world.tokens ?? { slack: true, discord: true }
    const env: Record<string, string> = {
      ...(tokens.slack ? { SLACK_BOT_TOKEN: SLACK_TOKEN } : {}),
      ...(tokens.discord ? { DISCORD_BOT_TOKEN: DISCORD_TOKEN } : {}),
    }
    const chat = chatPlatformsLayer(defaultConfig, {
      slackApiUrl: slack.apiUrl,
      discordApiUrl: discord.apiUrl,
    }).pipe(Layer.provide(envSecretsLayer({ env })))
    return { slack, discord, chat }
  })
