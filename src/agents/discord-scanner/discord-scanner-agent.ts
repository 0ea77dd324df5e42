/**
 * The `discord_scanner` agent: the chat-scanner algorithm over Discord — the alert's channel
 * when it is on Discord, plus `channels.discord` from config.yaml.
 */
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import type { AppConfig } from "../../domain/config.js"
import type { ChatPlatforms } from "../../ports/chat-platform.js"
import { makeChatScanner, maxScannedChannels } from "../chat-scanner/chat-scanner.js"

export const makeDiscordScannerAgent = (
  config: Pick<AppConfig, "channels" | "limits">,
): InlineAgent<ChatPlatforms> =>
  makeChatScanner({
    agent: "discord_scanner",
    platform: "discord",
    channels: config.channels.discord,
    maxChannels: maxScannedChannels,
    maxFindings: config.limits.findings_shown_per_agent,
  })
