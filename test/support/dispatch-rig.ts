/**
 * The dispatch side on its own, for Dispatcher and SQS-batch tests: the real DispatcherLive
 * over the real Slack/Discord platform adapters (against the replay servers on loopback), an
 * in-memory dedup store, a recording master and a captured JSON log. Plus builders for
 * InvestigationRequests as intake would enqueue them, and a way to claim them first.
 */
import { Clock, Context, DateTime, Effect, Layer, Option, Redacted } from "effect"
import { memoryDedupStoreLayer } from "../../src/adapters/local/memory-dedup-store.js"
import { memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import {
  type RecordingOptions,
  recordingAgentInvokerLayer,
} from "../../src/adapters/local/recording-agent-invoker.js"
import { captureLoggerLayer } from "../../src/adapters/log/json-logger.js"
import { envSecretsLayer } from "../../src/adapters/secrets-manager/env-secrets-layer.js"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { AppSettings } from "../../src/domain/app-settings.js"
import { defaultConfig } from "../../src/domain/config.js"
import { dedupKey } from "../../src/domain/dedup.js"
import { DispatcherLive } from "../../src/domain/dispatcher.js"
import type { InvestigationRequest } from "../../src/domain/investigation-request.js"
import { redact } from "../../src/domain/redact.js"
import { chatPlatformsLayer } from "../../src/layers.js"
import { DedupStore } from "../../src/ports/dedup-store.js"
import { type DiscordReplay, makeDiscordReplay } from "../../src/replay/discord.js"
import type { DiscordSeedChannel } from "../../src/replay/discord-state.js"
import { makeSlackReplay, type SlackReplay } from "../../src/replay/slack.js"
import type { SlackSeedChannel } from "../../src/replay/slack-state.js"
import { discordBotToken, slackBotToken, slackBotUser } from "./intake-harness.js"

export interface RigService {
  readonly slack: SlackReplay
  readonly discord: DiscordReplay
  /** Every JSON log line written while the layer is alive. */
  readonly logs: Array<string>
}

export class Rig extends Context.Tag("test/DispatchRig")<Rig, RigService>() {}

export interface DispatchRigOptions {
  readonly invoker?: RecordingOptions
  readonly slackChannels?: Readonly<Record<string, SlackSeedChannel>>
  readonly discordChannels?: Readonly<Record<string, DiscordSeedChannel>>
}

/** Dispatcher + its ports (DedupStore, AgentInvoker, RecordedInvocations, ChatPlatforms) + Rig. */
export const dispatchRigLayer = (options: DispatchRigOptions = {}) =>
  Layer.unwrapScoped(
    Effect.gen(function* () {
      const slack = yield* makeSlackReplay({
        token: slackBotToken,
        identity: { userId: slackBotUser, botId: "B0SREBOT", teamId: "T0ACME001", team: "acme" },
        channels: options.slackChannels ?? {},
      })
      const discord = yield* makeDiscordReplay({
        token: discordBotToken,
        channels: options.discordChannels ?? {},
      })
      const logs: Array<string> = []
      const secrets = envSecretsLayer({
        env: { SLACK_BOT_TOKEN: slackBotToken, DISCORD_BOT_TOKEN: discordBotToken },
      })
      const ports = Layer.mergeAll(
        Layer.succeed(AppSettings, defaultConfig),
        memoryDedupStoreLayer(),
        memoryTraceStoreLayer(),
        recordingAgentInvokerLayer(options.invoker ?? {}),
        chatPlatformsLayer(defaultConfig, { slackApiUrl: slack.apiUrl, discordApiUrl: discord.apiUrl }).pipe(
          Layer.provide(secrets),
        ),
      )
      return Layer.mergeAll(
        DispatcherLive.pipe(Layer.provideMerge(ports)),
        Layer.succeed(Rig, { slack, discord, logs }),
        captureLoggerLayer(logs, redact),
      )
    }),
  )

const utc = (ms: number) => DateTime.unsafeMake(ms)

const windows = {
  evidenceBeforeMinutes: defaultConfig.windows.evidence_before_minutes,
  evidenceAfterMinutes: defaultConfig.windows.evidence_after_minutes,
  changeLookbackHours: defaultConfig.windows.change_lookback_hours,
}

/** A Slack alert request as intake enqueues it (messageId a ts; threadId the thread root). */
export const slackRequest = (o: {
  readonly investigationId: string
  readonly channel?: string
  readonly ts: string
  readonly threadTs?: string
  readonly text?: string
}): InvestigationRequest => {
  const channel = o.channel ?? "C0ALERTS"
  const alertTime = utc(Math.floor(Number(o.ts) * 1000))
  return {
    investigationId: o.investigationId,
    dedupKey: dedupKey("slack", channel, o.ts),
    context: {
      platform: "slack",
      workspace: "T0ACME001",
      channel,
      messageId: o.ts,
      threadId: o.threadTs ?? o.ts,
      text: o.text ?? "[FIRING:1] KubePodCrashLooping (eks-prod payments)",
      note: null,
      author: { id: "B0ALERTMGR", name: "Alertmanager", bot: true },
      triggeredBy: "U0ONCALL01",
      trigger: "mention",
      alertTime,
      receivedAt: utc(Date.now()),
      window: investigationWindow(alertTime, windows),
    },
    classification: { verdict: "alert", decision: "investigate", tier: "heuristic", reasons: ["firing"] },
    interaction: null,
    requestedAt: utc(Date.now()),
  }
}

/** A Discord request: the message command (anchored on the alert) or `/investigate text:` (no anchor yet). */
export const discordRequest = (o: {
  readonly investigationId: string
  readonly trigger: "message_command" | "command"
  readonly channel: string
  readonly messageId: string
  readonly applicationId: string
  readonly interactionId: string
  readonly token: string
}): InvestigationRequest => {
  const alertTime = utc(Date.now() - 60_000)
  return {
    investigationId: o.investigationId,
    dedupKey: dedupKey("discord", o.channel, o.messageId),
    context: {
      platform: "discord",
      workspace: "1345319652556800000",
      channel: o.channel,
      messageId: o.messageId,
      threadId: o.trigger === "message_command" ? o.messageId : null,
      text: "[FIRING:1] KubeContainerWaiting billing-worker",
      note: null,
      author: { id: "1058897343283200007", name: "Alertmanager", bot: true },
      triggeredBy: "1058897343283200006",
      trigger: o.trigger,
      alertTime,
      receivedAt: utc(Date.now()),
      window: investigationWindow(alertTime, windows),
    },
    classification: { verdict: "alert", decision: "investigate", tier: "explicit", reasons: [o.trigger] },
    interaction: {
      applicationId: o.applicationId,
      interactionId: o.interactionId,
      token: Redacted.make(o.token),
    },
    requestedAt: utc(Date.now()),
  }
}

/** Claim the request's key for its investigation id, as intake does before enqueuing (Clock time). */
export const claimFor = (request: InvestigationRequest, investigationId = request.investigationId) =>
  Effect.gen(function* () {
    const dedup = yield* DedupStore
    return yield* dedup.claim({
      key: request.dedupKey,
      investigationId,
      triggerId: request.context.messageId,
      now: yield* Clock.currentTimeMillis,
      reclaimGated: false,
    })
  })

/** The live dedup record's state (at Clock time), or null when there is none. */
export const stateOf = (key: string) =>
  Effect.gen(function* () {
    const dedup = yield* DedupStore
    const record = yield* dedup.get(key, yield* Clock.currentTimeMillis)
    return Option.match(record, { onNone: () => null, onSome: (r) => r.state })
  })

/** Captured JSON log lines, decoded (a line that is not a JSON object is kept as `{raw}`). */
export const parsedLogs = (logs: ReadonlyArray<string>): ReadonlyArray<Readonly<Record<string, unknown>>> =>
  logs.map((line) => {
    try {
      const value: unknown = JSON.parse(line)
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? { ...value }
        : { raw: line }
    } catch {
      return { raw: line }
    }
  })
