/**
 * The short messages intake itself posts in a thread (everything else is the master's). Pure,
 * one dialect per platform: Slack mrkdwn links `<url|label>`, Discord markdown `[label](url)`.
 */
import type { DedupRecord } from "./dedup.js"
import type { Platform } from "./platform.js"

const link = (platform: Platform, url: string, label: string) =>
  platform === "slack" ? `<${url}|${label}>` : `[${label}](${url})`

const againHint = (platform: Platform) =>
  platform === "slack"
    ? "To start a fresh one, mention me here with *investigate again*."
    : "To start a fresh one, use `/investigate text:` with the alert text."

/** Answer to an explicit request on a message that already has (or is getting) an investigation. */
export const alreadyInvestigated = (platform: Platform, record: DedupRecord, url: string | null): string => {
  if (record.state === "DONE") {
    const where = url === null ? "in this thread" : link(platform, url, "the report")
    return `📎 This alert was already investigated: see ${where}. ${againHint(platform)}`
  }
  return `⏳ An investigation of this alert is already running (id \`${record.investigationId}\`); its report will be posted ${url === null ? "in this thread" : `at ${link(platform, url, "this thread")}`}. ${againHint(platform)}`
}

export const investigatingText = "🔎 Investigating…"

export const couldNotStart = (investigationId: string) =>
  `⚠️ I could not start the investigation (id \`${investigationId}\`). The alert is still in this channel; please try again or investigate manually.`

export const unknownCommand = (command: string) =>
  `Unknown command: ${command === "" ? "(none)" : command}. Mention me on an alert message, or react to it, to start an investigation.`
