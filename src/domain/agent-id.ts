/**
 * The agents, and how a report names them. The catalogue order is the evidence order in every
 * report (stable, never completion order).
 */
import { Schema } from "effect"

export const AgentId = Schema.Literal(
  "master",
  "eks",
  "cloudwatch_logs",
  "slack_scanner",
  "discord_scanner",
  "incident_history",
  "prometheus",
)
export type AgentId = typeof AgentId.Type

export type SpecialistId = Exclude<AgentId, "master">

export interface AgentInfo {
  readonly id: AgentId
  readonly name: string
  readonly emoji: string
}

/** Specialists in report order. */
export const specialists: ReadonlyArray<AgentInfo & { readonly id: SpecialistId }> = [
  { id: "eks", name: "Kubernetes (EKS)", emoji: "☸️" },
  { id: "cloudwatch_logs", name: "CloudWatch Logs", emoji: "📋" },
  { id: "prometheus", name: "Prometheus", emoji: "📈" },
  { id: "slack_scanner", name: "Slack channels", emoji: "📡" },
  { id: "discord_scanner", name: "Discord channels", emoji: "🎮" },
  { id: "incident_history", name: "Past incidents", emoji: "📚" },
]

export const masterInfo: AgentInfo = { id: "master", name: "Master", emoji: "🎯" }

export const agentInfo = (id: AgentId): AgentInfo => specialists.find((a) => a.id === id) ?? masterInfo

export const agentOrder = (id: AgentId): number => {
  const i = specialists.findIndex((a) => a.id === id)
  return i < 0 ? specialists.length : i
}
