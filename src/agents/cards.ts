/**
 * What each agent says about itself in `/.well-known/agent-card.json`. Until skills are read
 * from SKILL.md bundles (a later issue), each agent declares the one task it serves.
 */
import type { AgentSkill } from "../adapters/a2a/a2a-schema.js"
import { type AgentId, agentInfo } from "../domain/agent-id.js"

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

export const skillsOf = (agent: AgentId): ReadonlyArray<AgentSkill> => [
  {
    id: agent === "master" ? "investigate_alert" : `investigate_${agent}`,
    name: agent === "master" ? "Investigate an alert" : `${agentInfo(agent).name} evidence`,
    description: descriptions[agent],
    tags: ["sre", "incident", agent],
  },
]

export const describeAgent = (agent: AgentId): string => descriptions[agent]
