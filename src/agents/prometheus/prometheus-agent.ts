/**
 * The `prometheus` agent, deterministic (no model): for the alert's service, compare error
 * rate, p99 latency, memory saturation and restarts over the evidence window with the same
 * window 1 h and 1 d earlier, and report a `metric_anomaly` finding (with its values and the
 * rule it passed) only for a signal that really departs from both — a flat or merely noisy
 * series is not reported. It answers before the report is released (`hints.report_at`, else
 * the task deadline, minus a margin). It never fails: no Prometheus → `unhealthy`, every query
 * failing → `error`, an alert naming no service → `skipped`.
 */
import { Cause, Clock, Effect } from "effect"
import type { AgentHandlerContext } from "../../adapters/a2a/a2a-endpoint.js"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage, placeholderResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { defaultConfig, type PrometheusSettings } from "../../domain/config.js"
import { MetricSource } from "../../ports/metric-source.js"
import { investigate } from "./investigate.js"
import { answerBy } from "./metric-windows.js"

const agent = "prometheus" as const

const handle = (task: AgentTask, settings: PrometheusSettings) =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    if (task.task !== "investigate") {
      return placeholderResult(agent, "skipped", `the prometheus agent has no ${task.task} mode yet`)
    }
    const source = yield* MetricSource
    const outcome = yield* investigate(task, source, settings, answerBy(task, started)).pipe(Effect.either)
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
        : Effect.succeed(placeholderResult(agent, "error", "the prometheus agent failed unexpectedly")),
    ),
    Effect.withSpan("agent.prometheus"),
  )

export const makePrometheusAgent = (
  settings: PrometheusSettings = defaultConfig.sources.prometheus,
): InlineAgent<MetricSource> => ({
  mode: "reply",
  handle: (task: AgentTask, _ctx: AgentHandlerContext) => handle(task, settings),
})

export const prometheusAgent: InlineAgent<MetricSource> = makePrometheusAgent()
