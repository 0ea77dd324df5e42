/**
 * The `cloudwatch_logs` agent, deterministic (no model): discover the log groups the alert's
 * facts lead to (never invented names), run one bounded Logs Insights query for error lines
 * over the evidence window on the best few (and on the dependencies the service's own errors
 * blame), and report one `log_signature` finding per error signature, rated and ordered by the
 * alert's scope. It answers before the report is released (`hints.report_at`, else the task
 * deadline, minus a margin), stopping a slow query and reporting what it had. It never fails:
 * no AWS access → `unhealthy`, a refusal → `error`, nothing related → `ok` saying so.
 */
import { Clock, Effect } from "effect"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { LogSource, type LogSourceService } from "../../ports/log-source.js"
import { answerBy, sourceFailure, specialistAgent } from "../specialist.js"
import { investigate } from "./investigate.js"
import { maxSignatureFindings } from "./signature-findings.js"

export { errorQuery, queryRowLimit } from "./error-query.js"

export interface CloudWatchLogsAgentOptions {
  /** `sources.cloudwatch_logs.log_group_prefixes`: extra prefixes to search. */
  readonly logGroupPrefixes?: ReadonlyArray<string>
  /** `sources.kubernetes.cluster_name`: the cluster to look in when the alert names none. */
  readonly clusterName?: string | null
  /** Log groups queried at most (default 5). */
  readonly maxGroups?: number
  /** Signature findings at most (default 10). */
  readonly maxFindings?: number
}

const agent = "cloudwatch_logs" as const

/** The logs agent's investigation, once the shell (specialist.ts) has let the task through. */
const run = (task: AgentTask, options: CloudWatchLogsAgentOptions, started: number) =>
  Effect.gen(function* () {
    const source = yield* LogSource
    const outcome = yield* investigate(
      task,
      source,
      {
        logGroupPrefixes: options.logGroupPrefixes ?? [],
        clusterName: options.clusterName ?? null,
        maxGroups: options.maxGroups ?? 5,
        maxFindings: options.maxFindings ?? maxSignatureFindings,
      },
      answerBy(task, started),
    ).pipe(Effect.either)
    const durationMs = (yield* Clock.currentTimeMillis) - started
    if (outcome._tag === "Left") return sourceFailure(agent, outcome.left, durationMs)
    return { agent, ...outcome.right, usage: noUsage, durationMs } satisfies AgentResult
  })

export const makeCloudWatchLogsAgent = (options: CloudWatchLogsAgentOptions = {}): InlineAgent<LogSource> =>
  specialistAgent(agent, (task, started) => run(task, options, started))

/** The agent with its LogSource supplied, for registries of agents that need nothing (`InlineAgents<never>`). */
export const withLogSource = (
  agentSpec: InlineAgent<LogSource>,
  source: LogSourceService,
): InlineAgent<never> => ({
  mode: agentSpec.mode,
  handle: (task, ctx) => agentSpec.handle(task, ctx).pipe(Effect.provideService(LogSource, source)),
})

/** The agent with no configured prefixes (see makeCloudWatchLogsAgent for config). */
export const cloudWatchLogsAgent: InlineAgent<LogSource> = makeCloudWatchLogsAgent()
