/**
 * The `prometheus` agent, deterministic (no model): for the alert's service, compare error
 * rate, p99 latency, memory saturation and restarts over the evidence window with the same
 * window 1 h and 1 d earlier, and report a `metric_anomaly` finding (with its values and the
 * rule it passed) only for a signal that really departs from both — a flat or merely noisy
 * series is not reported. It answers before the report is released (`hints.report_at`, else
 * the task deadline, minus a margin). It never fails: no Prometheus → `unhealthy`, every query
 * failing → `error`, an alert naming no service → `skipped`.
 */
import { Clock, Effect } from "effect"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { defaultConfig, type PrometheusSettings } from "../../domain/config.js"
import { MetricSource } from "../../ports/metric-source.js"
import { answerBy, sourceFailure, specialistAgent } from "../specialist.js"
import { investigate } from "./investigate.js"

const agent = "prometheus" as const

const run = (task: AgentTask, settings: PrometheusSettings, started: number) =>
  Effect.gen(function* () {
    const source = yield* MetricSource
    const outcome = yield* investigate(task, source, settings, answerBy(task, started)).pipe(Effect.either)
    const durationMs = (yield* Clock.currentTimeMillis) - started
    if (outcome._tag === "Left") return sourceFailure(agent, outcome.left, durationMs)
    return { agent, ...outcome.right, usage: noUsage, durationMs } satisfies AgentResult
  })

export const makePrometheusAgent = (
  settings: PrometheusSettings = defaultConfig.sources.prometheus,
): InlineAgent<MetricSource> => specialistAgent(agent, (task, started) => run(task, settings, started))

export const prometheusAgent: InlineAgent<MetricSource> = makePrometheusAgent()
