/**
 * What each agent says about itself in `/.well-known/agent-card.json`: the one task it serves
 * (callers send typed tasks, never free text), then the skills its model drill-down may use,
 * as read from its SKILL.md bundles at start-up.
 */
import type { AgentSkill } from "../adapters/a2a/a2a-schema.js"
import { type AgentId, agentInfo } from "../domain/agent-id.js"
import type { Skill } from "./skills.js"

const descriptions: Readonly<Record<AgentId, string>> = {
  master:
    "Orchestrates an investigation: fans out to the specialists and posts the Incident Report in the alert's thread.",
  eks: "Kubernetes state around the alert: crash loops, OOM kills, image pulls, scheduling, probes, nodes, rollouts.",
  cloudwatch_logs: "Error signatures in CloudWatch Logs for the alert's services over the evidence window.",
  prometheus: "Metrics anomalies for the alert's services against a baseline window.",
  slack_scanner: "Related alerts and deploy announcements in the configured Slack channels.",
  discord_scanner: "Related alerts and deploy announcements in the configured Discord channels.",
  incident_history: "Similar past incidents and how they were resolved.",
}

export const skillsOf = (agent: AgentId, skills: ReadonlyArray<Skill> = []): ReadonlyArray<AgentSkill> => [
  {
    id: agent === "master" ? "investigate_alert" : `investigate_${agent}`,
    name: agent === "master" ? "Investigate an alert" : `${agentInfo(agent).name} evidence`,
    description: descriptions[agent],
    tags: ["sre", "incident", agent],
  },
  ...skills.map((s) => ({
    id: `${agent}.${s.name}`,
    name: s.name,
    description: s.description,
    tags: ["sre", agent, "drill-down", `tool:${s.tool}`],
  })),
]

export const describeAgent = (agent: AgentId): string => descriptions[agent]
