/**
 * The `slack_scanner` agent: the chat-scanner algorithm over Slack — the alert's channel when it
 * is on Slack, plus `channels.slack` from config.yaml.
 */
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import type { AppConfig } from "../../domain/config.js"
import type { ChatPlatforms } from "../../ports/chat-platform.js"
import { makeChatScanner, maxScannedChannels } from "../chat-scanner/chat-scanner.js"

export const makeSlackScannerAgent = (
  config: Pick<AppConfig, "channels" | "limits">,
): InlineAgent<ChatPlatforms> =>
  makeChatScanner({
    agent: "slack_scanner",
    platform: "slack",
    channels: config.channels.slack,
    maxChannels: maxScannedChannels,
    maxFindings: config.limits.findings_shown_per_agent,
  })
