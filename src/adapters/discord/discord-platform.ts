/**
 * Discord as a ChatPlatform: interaction ingest over the REST client. Channel messages go out
 * with the bot token, replying to the alert (message_reference) with mentions disabled, so
 * they can be edited long after the interaction token's 15 minutes.
 */
import { Effect } from "effect"
import type { WindowSettings } from "../../domain/alert-context.js"
import { ChatError, type ChatPlatformService } from "../../ports/chat-platform.js"
import type { SecretsService } from "../../ports/secrets.js"
import { defaultDiscordHistoryOptions, discordHistory } from "./discord-history.js"
import { discordIngest } from "./discord-ingest.js"
import { makeDiscordRest } from "./discord-rest.js"
import { discordMessageText } from "./message-text.js"

export interface DiscordPlatformOptions {
  readonly secrets: SecretsService
  /** default https://discord.com/api/v10 */
  readonly apiUrl?: string
  readonly timeoutMs: number
  readonly signatureWindowSeconds: number
  readonly messageCommand: string
  readonly slashCommand: string
  readonly windows: WindowSettings
}

export const discordPermalink = (guild: string | null, channel: string, message: string): string =>
  `https://discord.com/channels/${guild ?? "@me"}/${channel}/${message}`

export const makeDiscordPlatform = (options: DiscordPlatformOptions): ChatPlatformService => {
  const botToken = options.secrets.get("DISCORD_BOT_TOKEN").pipe(
    Effect.mapError(
      (e) =>
        new ChatError({
          platform: "discord",
          operation: "token",
          reason: "not_configured",
          message: e.message,
        }),
    ),
  )
  const rest = makeDiscordRest({
    ...(options.apiUrl === undefined ? {} : { baseUrl: options.apiUrl }),
    timeoutMs: options.timeoutMs,
    token: botToken,
  })
  // Our bot's user id, looked up once; unknown (nothing marked as ours) if the lookup fails.
  const ownId = Effect.runSync(
    Effect.cached(
      rest.getCurrentUser().pipe(
        Effect.map((u): string | null => u.id),
        Effect.timeout("1500 millis"),
        Effect.orElseSucceed((): string | null => null),
      ),
    ),
  )
  return {
    platform: "discord",
    ingest: discordIngest({
      secrets: options.secrets,
      signatureWindowSeconds: options.signatureWindowSeconds,
      messageCommand: options.messageCommand,
      slashCommand: options.slashCommand,
      windows: options.windows,
      messageText: discordMessageText,
    }),
    post: (target, message) =>
      rest
        .createMessage({
          channelId: target.channel,
          content: message.text,
          ...(target.threadId === null ? {} : { replyTo: target.threadId }),
        })
        .pipe(Effect.map((m) => ({ channel: m.channelId, messageId: m.id }))),
    update: (ref, message) =>
      rest
        .editMessage({ channelId: ref.channel, messageId: ref.messageId, content: message.text })
        .pipe(Effect.asVoid),
    react: (ref, emoji) => rest.addReaction({ channelId: ref.channel, messageId: ref.messageId, emoji }),
    permalink: (ref, workspace) => Effect.succeed(discordPermalink(workspace, ref.channel, ref.messageId)),
    // The edit itself uses the interaction token, but Discord output as a whole is on only when the
    // bot token is configured: without it nothing reaches Discord (e.g. a local --serve).
    editInteractionResponse: (interaction, message) =>
      Effect.zipRight(
        botToken,
        rest.editOriginalInteractionResponse({
          applicationId: interaction.applicationId,
          token: interaction.token,
          content: message.text,
        }),
      ).pipe(Effect.map((m) => ({ channel: m.channelId, messageId: m.id }))),
    history: discordHistory(rest, ownId, defaultDiscordHistoryOptions),
  }
}
