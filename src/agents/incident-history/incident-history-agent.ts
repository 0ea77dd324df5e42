/**
 * The `incident_history` agent, deterministic (no model, no embeddings): ask the IncidentStore
 * which past incidents resemble this alert (its facts and text, ranked by BM25F), never the
 * investigation asking nor anything answered in its own thread, and report the ones worth a
 * reader's time with their root cause and thread link. No store in this deployment →
 * `unhealthy` with the reason; an empty memory → `ok` saying so; a store failure → `error`.
 */
import { Clock, Effect } from "effect"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { alertRefOf } from "../../domain/incident-record.js"
import type { SimilarQuery } from "../../domain/incident-similarity.js"
import { IncidentStore } from "../../ports/incident-store.js"
import { sourceFailure, specialistAgent } from "../specialist.js"
import { similarFindings } from "./similar-findings.js"

export interface IncidentHistoryAgentOptions {
  /** Past incidents ranked and shown at most (default 3). */
  readonly limit?: number
}

const agent = "incident_history" as const

export const queryOf = (task: AgentTask): SimilarQuery => ({
  alertName: task.facts.alertName,
  service: task.facts.service,
  workload: task.facts.workload,
  namespace: task.facts.namespace,
  cluster: task.facts.cluster,
  text: task.alert.note === null ? task.alert.text : `${task.alert.text}\n${task.alert.note}`,
})

const summaryOf = (shown: number, considered: number, closest: string | null): string =>
  considered === 0
    ? "No past incidents recorded for this alert's service, alert name or namespace."
    : shown === 0
      ? `No similar past incidents among ${considered} recorded.`
      : `Found ${shown} similar past incident(s) among ${considered} recorded${closest === null ? "" : `; closest: ${closest}`}.`

const run = (task: AgentTask, options: IncidentHistoryAgentOptions, started: number) =>
  Effect.gen(function* () {
    const store = yield* IncidentStore
    const outcome = yield* store
      .similar(queryOf(task), {
        limit: options.limit ?? 3,
        exclude: { investigationId: task.investigationId, alert: alertRefOf(task) },
      })
      .pipe(Effect.either)
    const durationMs = (yield* Clock.currentTimeMillis) - started
    if (outcome._tag === "Left") return sourceFailure(agent, outcome.left, durationMs)
    const { matches, considered } = outcome.right
    const findings = similarFindings(matches)
    const closest = findings[0]?.resource?.replace(/^incident\//, "") ?? null
    return {
      agent,
      status: "ok",
      findings,
      summary: summaryOf(findings.length, considered, closest),
      reason: null,
      scanned: findings.flatMap((f) => (f.resource === null ? [] : [f.resource])),
      usage: noUsage,
      durationMs,
    } satisfies AgentResult
  })

export const makeIncidentHistoryAgent = (
  options: IncidentHistoryAgentOptions = {},
): InlineAgent<IncidentStore> => specialistAgent(agent, (task, started) => run(task, options, started))

export const incidentHistoryAgent: InlineAgent<IncidentStore> = makeIncidentHistoryAgent()
