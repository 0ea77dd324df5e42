/**
 * Which specialists an investigation asks, decided without a model: every enabled agent, in
 * catalogue order, except chat scanners with nothing to read (no channel of theirs in the alert
 * or the configuration). Disabled and skipped agents still appear in the report, with why.
 */

import { type SpecialistId, specialists } from "./agent-id.js"
import type { AlertContext } from "./alert-context.js"
import type { AppConfig } from "./config.js"

export interface AgentSelection {
  readonly dispatch: ReadonlyArray<SpecialistId>
  readonly disabled: ReadonlyArray<SpecialistId>
  readonly skipped: ReadonlyArray<{ readonly agent: SpecialistId; readonly reason: string }>
}

const scannerFor = (agent: SpecialistId): "slack" | "discord" | null =>
  agent === "slack_scanner" ? "slack" : agent === "discord_scanner" ? "discord" : null

export const selectAgents = (
  config: Pick<AppConfig, "agents" | "channels">,
  alert: AlertContext,
): AgentSelection => {
  const dispatch: Array<SpecialistId> = []
  const disabled: Array<SpecialistId> = []
  const skipped: Array<{ agent: SpecialistId; reason: string }> = []
  for (const { id } of specialists) {
    if (!config.agents[id].enabled) {
      disabled.push(id)
      continue
    }
    const platform = scannerFor(id)
    if (platform !== null && alert.platform !== platform && config.channels[platform].length === 0) {
      skipped.push({
        agent: id,
        reason: `no ${platform === "slack" ? "Slack" : "Discord"} channel to read (the alert is on ${alert.platform === "slack" ? "Slack" : "Discord"} and config.yaml lists none)`,
      })
      continue
    }
    dispatch.push(id)
  }
  return { dispatch, disabled, skipped }
}
