/**
 * The specialists this process can run inline, by id. Each answers with an AgentResult built
 * from its own data source (a port the composition root provides: the real backend, a scenario's
 * replay, or a not-configured twin that makes the agent answer `unhealthy` with the reason).
 * The chat scanners read channel history through ChatPlatforms, incident history the
 * IncidentStore, Prometheus the MetricSource. Every specialist is listed here, so the record is
 * total over SpecialistId: adding an id without an agent does not compile.
 */
import type { InlineAgent, InlineAgents } from "../adapters/local/inline-agent-invoker.js"
import { type SpecialistId, specialists } from "../domain/agent-id.js"
import type { AppConfig } from "../domain/config.js"
import type { ChatPlatforms } from "../ports/chat-platform.js"
import type { Cluster } from "../ports/cluster.js"
import type { IncidentStore } from "../ports/incident-store.js"
import type { Llm } from "../ports/llm.js"
import type { LogSource } from "../ports/log-source.js"
import type { MetricSource } from "../ports/metric-source.js"
import { makeCloudWatchLogsAgent } from "./cloudwatch-logs/cloudwatch-logs-agent.js"
import { cloudWatchLogsTools } from "./cloudwatch-logs/tools.js"
import { makeDiscordScannerAgent } from "./discord-scanner/discord-scanner-agent.js"
import { drillDownFor } from "./drill-down.js"
import { eksAgent } from "./eks/eks-agent.js"
import { eksTools } from "./eks/tools.js"
import { incidentHistoryAgent } from "./incident-history/incident-history-agent.js"
import { makePrometheusAgent } from "./prometheus/prometheus-agent.js"
import { makeSlackScannerAgent } from "./slack-scanner/slack-scanner-agent.js"

/** Every port a specialist may read (and the model, for the bounded drill-down when one is configured). */
export type SpecialistSources = Cluster | LogSource | IncidentStore | Llm | ChatPlatforms | MetricSource

const built = (config: AppConfig): Record<SpecialistId, InlineAgent<SpecialistSources>> => ({
  // With agents.<id>.model set, the plan is followed by a bounded model drill-down (drill-down.ts).
  eks: drillDownFor(config, "eks", eksAgent, eksTools),
  incident_history: incidentHistoryAgent,
  slack_scanner: makeSlackScannerAgent(config),
  discord_scanner: makeDiscordScannerAgent(config),
  prometheus: makePrometheusAgent(config.sources.prometheus),
  cloudwatch_logs: drillDownFor(
    config,
    "cloudwatch_logs",
    makeCloudWatchLogsAgent({
      logGroupPrefixes: config.sources.cloudwatch_logs.log_group_prefixes,
      clusterName: config.sources.kubernetes.cluster_name,
    }),
    cloudWatchLogsTools,
  ),
})

export const specialistAgents = (
  config: AppConfig,
  overrides: InlineAgents<SpecialistSources> = {},
): InlineAgents<SpecialistSources> => {
  const agents = built(config)
  return Object.fromEntries(specialists.map(({ id }) => [id, overrides[id] ?? agents[id]]))
}
