/**
 * An `investigate` AgentTask for an alert posted 20 s before `now` in Slack channel C0ALERTS
 * (message 1795784700.000200, in its own thread), the default windows and a 60 s deadline — the
 * task the orchestrator tests hand the master — and a config enabling the master and some agents.
 */
import { DateTime } from "effect"
import type { SpecialistId } from "../../src/domain/agent-id.js"
import type { AgentTask } from "../../src/domain/agent-task.js"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { type AppConfig, defaultConfig } from "../../src/domain/config.js"

export const investigateTask = (
  now: DateTime.Utc,
  o: {
    readonly investigationId: string
    readonly alertText: string
    readonly workspace?: string | null
    readonly dedupKey?: string | null
  },
): AgentTask => {
  const alertTime = DateTime.subtractDuration(now, "20 seconds")
  return {
    task: "investigate",
    investigationId: o.investigationId,
    alert: {
      platform: "slack",
      workspace: o.workspace === undefined ? "T0ACME001" : o.workspace,
      channel: "C0ALERTS",
      messageId: "1795784700.000200",
      threadId: "1795784700.000200",
      text: o.alertText,
      note: null,
      author: { id: "U0ALERTMGR", name: null, bot: true },
      triggeredBy: null,
      trigger: "mention",
      alertTime,
      receivedAt: now,
      window: investigationWindow(alertTime, {
        evidenceBeforeMinutes: 30,
        evidenceAfterMinutes: 5,
        changeLookbackHours: 6,
      }),
    },
    facts: extractFacts(o.alertText, defaultConfig.severity.labels),
    dedupKey: o.dedupKey ?? null,
    hints: {},
    deadline: DateTime.addDuration(now, "60 seconds"),
  }
}

/** The default config with only the master and `enabled` switched on. */
export const onlyAgents = (enabled: ReadonlyArray<SpecialistId>): AppConfig => ({
  ...defaultConfig,
  agents: Object.fromEntries(
    Object.entries(defaultConfig.agents).map(([id, a]) => [
      id,
      { ...a, enabled: id === "master" || enabled.some((e) => e === id) },
    ]),
  ) as AppConfig["agents"],
})
