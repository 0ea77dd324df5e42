/**
 * The specialists this process can run inline, by id. Each answers with an AgentResult built
 * from its own data source (a port the composition root provides: the real backend, a scenario's
 * replay, or a not-configured twin that makes the agent answer `unhealthy` with the reason).
 * Agents whose source has not landed yet (the chat scanners, incident history and Prometheus
 * come with the next issue) answer `unhealthy` saying so — the report shows 🩺 and why, never
 * an invented result.
 */
import { Effect } from "effect"
import type { InlineAgent, InlineAgents } from "../adapters/local/inline-agent-invoker.js"
import { type SpecialistId, specialists } from "../domain/agent-id.js"
import { placeholderResult } from "../domain/agent-result.js"
import type { AppConfig } from "../domain/config.js"
import type { Cluster } from "../ports/cluster.js"
import type { LogSource } from "../ports/log-source.js"
import { makeCloudWatchLogsAgent } from "./cloudwatch-logs/cloudwatch-logs-agent.js"
import { eksAgent } from "./eks/eks-agent.js"

/** Every port a specialist may read. */
export type SpecialistSources = Cluster | LogSource

const notInThisBuild = (agent: SpecialistId): InlineAgent<never> => ({
  mode: "reply",
  handle: () =>
    Effect.succeed(placeholderResult(agent, "unhealthy", `the ${agent} agent is not part of this build yet`)),
})

const built = (config: AppConfig): InlineAgents<SpecialistSources> => ({
  eks: eksAgent,
  cloudwatch_logs: makeCloudWatchLogsAgent({
    logGroupPrefixes: config.sources.cloudwatch_logs.log_group_prefixes,
  }),
})

export const specialistAgents = (
  config: AppConfig,
  overrides: InlineAgents<SpecialistSources> = {},
): InlineAgents<SpecialistSources> => {
  const agents = built(config)
  return Object.fromEntries(
    specialists.map(({ id }) => [id, overrides[id] ?? agents[id] ?? notInThisBuild(id)]),
  )
}
