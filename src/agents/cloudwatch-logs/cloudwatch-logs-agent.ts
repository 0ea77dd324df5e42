/**
 * The `cloudwatch_logs` agent, deterministic (no model): discover the log groups the alert's
 * facts lead to (never invented names), run one bounded Logs Insights query for error lines
 * over the evidence window on the best few (and on the dependencies the service's own errors
 * blame), and report one `log_signature` finding per error signature, rated and ordered by the
 * alert's scope. It answers before the report is released (`hints.report_at`, else the task
 * deadline, minus a margin), stopping a slow query and reporting what it had. It never fails:
 * no AWS access → `unhealthy`, a refusal → `error`, nothing related → `ok` saying so.
 */
import { Cause, Clock, DateTime, Effect, Option } from "effect"
import type { AgentHandlerContext } from "../../adapters/a2a/a2a-endpoint.js"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage, placeholderResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { LogSource, type LogSourceService } from "../../ports/log-source.js"
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

/** When to have answered: the report's release when still ahead, else the deadline; less a margin. */
export const answerBy = (task: AgentTask, nowMs: number): number => {
  const reportAt = Option.flatMap(Option.fromNullable(task.hints.report_at), (s) => DateTime.make(s))
  const target = Option.match(reportAt, {
    onNone: () => task.deadline.epochMillis,
    onSome: (t) => (t.epochMillis > nowMs ? t.epochMillis : task.deadline.epochMillis),
  })
  const margin = Math.min(2000, Math.max(250, (target - nowMs) * 0.1))
  return target - margin
}

const handle = (task: AgentTask, options: CloudWatchLogsAgentOptions) =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    if (task.task !== "investigate") {
      return placeholderResult(agent, "skipped", `the logs agent has no ${task.task} mode yet`)
    }
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
    if (outcome._tag === "Left") {
      const e = outcome.left
      return placeholderResult(
        agent,
        e.reason === "not_configured" ? "unhealthy" : "error",
        e.message,
        durationMs,
      )
    }
    return { agent, ...outcome.right, usage: noUsage, durationMs } satisfies AgentResult
  }).pipe(
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause)
        ? Effect.failCause(cause)
        : Effect.succeed(placeholderResult(agent, "error", "the cloudwatch_logs agent failed unexpectedly")),
    ),
    Effect.withSpan("agent.cloudwatch_logs"),
  )

export const makeCloudWatchLogsAgent = (
  options: CloudWatchLogsAgentOptions = {},
): InlineAgent<LogSource> => ({
  mode: "reply",
  handle: (task: AgentTask, _ctx: AgentHandlerContext) => handle(task, options),
})

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
