/**
 * Discord intake over the interactions endpoint: verify Ed25519 (with a replay window the
 * original lacked), answer PING, and accept the two triggers — the message context-menu command
 * ("Investigate alert") and `/investigate text:`. Both are explicit operator requests. Anything
 * else gets a clear ephemeral answer, never an investigation with empty text (W13).
 */
import { Clock, DateTime, Effect, Option, Redacted } from "effect"
import { investigationWindow, type WindowSettings } from "../../domain/alert-context.js"
import { WebhookEvent } from "../../domain/webhook-event.js"
import type { InboundRequest, MalformedWebhook, WebhookRejected } from "../../ports/chat-platform.js"
import type { SecretsService, SecretUnavailable } from "../../ports/secrets.js"
import {
  type CommandData,
  decodeCommandData,
  decodeResolvedMessage,
  type Interaction,
  optionText,
  parseInteraction,
} from "./discord-interactions.js"
import { verifyDiscordSignature } from "./signature.js"
import { timeFromSnowflake } from "./snowflake.js"

export interface DiscordIngestDeps {
  readonly secrets: SecretsService
  readonly signatureWindowSeconds: number
  readonly messageCommand: string
  readonly slashCommand: string
  readonly windows: WindowSettings
  /** The visible text of a message (content + embeds, once). */
  readonly messageText: (message: unknown) => string
}

type IngestError = WebhookRejected | MalformedWebhook | SecretUnavailable

export const usageText = (slash: string) =>
  `Tell me what to investigate: \`/${slash} text:<the alert or the problem, e.g. "checkout returning 502s">\``

const verify = (deps: DiscordIngestDeps, req: InboundRequest) =>
  Effect.gen(function* () {
    const nowSeconds = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    const check = (key: Redacted.Redacted<string>) =>
      verifyDiscordSignature({
        publicKeyHex: Redacted.value(key).trim(),
        timestamp: req.headers["x-signature-timestamp"],
        signature: req.headers["x-signature-ed25519"],
        rawBody: req.rawBody,
        nowSeconds,
        windowSeconds: deps.signatureWindowSeconds,
      })
    const first = yield* Effect.either(check(yield* deps.secrets.get("DISCORD_PUBLIC_KEY")))
    if (first._tag === "Right") return
    if (first.left.reason !== "bad_signature") return yield* first.left
    const changed = yield* deps.secrets.refresh("DISCORD_PUBLIC_KEY")
    if (!changed) return yield* first.left
    yield* check(yield* deps.secrets.get("DISCORD_PUBLIC_KEY"))
  })

const userOf = (i: Interaction) => i.member?.user ?? i.user

const snowflakeTime = (id: string): DateTime.Utc | null => {
  if (!/^\d{15,21}$/.test(id)) return null
  return DateTime.unsafeMake(timeFromSnowflake(id))
}

const onMessageCommand = (deps: DiscordIngestDeps, i: Interaction, data: CommandData, token: string) =>
  Effect.gen(function* () {
    const targetId = data.target_id
    const raw = targetId === undefined ? undefined : data.resolved?.messages?.[targetId]
    const target = raw === undefined ? Option.none() : decodeResolvedMessage(raw)
    if (targetId === undefined || Option.isNone(target)) {
      return WebhookEvent.Reply({
        text: "I couldn't read that message. Try again, or use /investigate with its text.",
      })
    }
    const text = deps.messageText(raw).trim()
    if (text === "") {
      return WebhookEvent.Reply({
        text: `That message has no text I can investigate. ${usageText(deps.slashCommand)}`,
      })
    }
    const posted = target.value.timestamp === undefined ? null : DateTime.make(target.value.timestamp)
    const alertTime =
      Option.getOrNull(posted ?? Option.none()) ?? snowflakeTime(targetId) ?? (yield* DateTime.now)
    const author = target.value.author
    return yield* alertFrom(deps, i, token, {
      messageId: targetId,
      threadId: targetId,
      channel: target.value.channel_id ?? i.channel_id ?? "",
      text,
      author: {
        id: author?.id ?? "unknown",
        name: author?.global_name ?? author?.username ?? null,
        bot: author?.bot ?? false,
      },
      trigger: "message_command",
      alertTime: DateTime.toUtc(alertTime),
    })
  })

const onSlashCommand = (deps: DiscordIngestDeps, i: Interaction, data: CommandData, token: string) =>
  Effect.gen(function* () {
    const text = optionText(data, "text")
    if (text === "") return WebhookEvent.Reply({ text: usageText(deps.slashCommand) })
    const user = userOf(i)
    return yield* alertFrom(deps, i, token, {
      messageId: i.id,
      // The anchor is the deferred response, which only exists once dispatch has edited it.
      threadId: null,
      channel: i.channel_id ?? "",
      text,
      author: { id: user?.id ?? "unknown", name: user?.global_name ?? user?.username ?? null, bot: false },
      trigger: "command",
      alertTime: snowflakeTime(i.id) ?? (yield* DateTime.now),
    })
  })

const alertFrom = (
  deps: DiscordIngestDeps,
  i: Interaction,
  token: string,
  f: {
    readonly messageId: string
    readonly threadId: string | null
    readonly channel: string
    readonly text: string
    readonly author: { readonly id: string; readonly name: string | null; readonly bot: boolean }
    readonly trigger: "message_command" | "command"
    readonly alertTime: DateTime.Utc
  },
) =>
  Effect.gen(function* () {
    if (f.channel === "")
      return WebhookEvent.Reply({ text: "I can only investigate inside a server channel." })
    const receivedAt = yield* DateTime.now
    return WebhookEvent.Alert({
      context: {
        platform: "discord",
        workspace: i.guild_id ?? null,
        channel: f.channel,
        messageId: f.messageId,
        threadId: f.threadId,
        text: f.text,
        note: null,
        author: f.author,
        triggeredBy: userOf(i)?.id ?? null,
        trigger: f.trigger,
        alertTime: f.alertTime,
        receivedAt,
        window: investigationWindow(f.alertTime, deps.windows),
      },
      retryAttempt: null,
      again: false,
      triggerId: i.id,
      interaction: { applicationId: i.application_id, interactionId: i.id, token: Redacted.make(token) },
    })
  })

export const discordIngest =
  (deps: DiscordIngestDeps) =>
  (req: InboundRequest): Effect.Effect<WebhookEvent, IngestError> =>
    Effect.gen(function* () {
      yield* verify(deps, req)
      const interaction = yield* parseInteraction(req.rawBody)
      switch (interaction.type) {
        case 1:
          return WebhookEvent.Challenge({ body: { type: 1 } })
        case 2:
          break
        case 4:
          // Autocomplete: we register none, so offer no choices rather than an error.
          return WebhookEvent.Challenge({ body: { type: 8, data: { choices: [] } } })
        default:
          return WebhookEvent.Reply({
            text: "That interaction isn't something I handle. Use the “Investigate alert” message command or /investigate.",
          })
      }
      const data = interaction.data === undefined ? Option.none() : decodeCommandData(interaction.data)
      const token = interaction.token
      if (Option.isNone(data) || token === undefined || token === "") {
        return WebhookEvent.Reply({ text: "That command arrived incomplete; please try again." })
      }
      const command = data.value
      if (command.type === 3 && command.name === deps.messageCommand) {
        return yield* onMessageCommand(deps, interaction, command, token)
      }
      if (command.type === 1 && command.name === deps.slashCommand) {
        return yield* onSlashCommand(deps, interaction, command, token)
      }
      return WebhookEvent.Command({
        platform: "discord",
        command: `/${command.name}`,
        text: optionText(command, "text"),
        channel: interaction.channel_id ?? "",
        user: userOf(interaction)?.id ?? null,
        threadId: null,
      })
    })
