/**
 * Every agent's drill-down tools, by agent id. An agent with no entry has no tools (its model,
 * if configured, gets no drill-down). To add tools for an agent, list them here; the start-up
 * skill check then requires each skill the agent lists to name one of them.
 */
import type { AgentId, SpecialistId } from "../domain/agent-id.js"
import type { Cluster } from "../ports/cluster.js"
import type { LogSource } from "../ports/log-source.js"
import type { AgentTool } from "./agent-tool.js"
import { cloudWatchLogsTools } from "./cloudwatch-logs/tools.js"
import { eksTools } from "./eks/tools.js"

/** What any tool may read (grows with the agents that get tools). */
export type ToolSources = Cluster | LogSource

export const agentTools: { readonly [K in SpecialistId]?: ReadonlyArray<AgentTool<ToolSources>> } = {
  eks: eksTools,
  cloudwatch_logs: cloudWatchLogsTools,
}

/** A tool as the skill check sees it: its name and input schema. */
export type ToolSignature = Pick<AgentTool<never>, "name" | "inputSchema">

export const toolSignatures = (agent: AgentId): ReadonlyArray<ToolSignature> =>
  agent === "master" ? [] : (agentTools[agent] ?? [])
