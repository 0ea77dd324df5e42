/**
 * One agent, one task: ask it — its deadline is the cutoff plus a short grace, so a late answer
 * can still update the report and the master's own interruption at the cutoff is what ends a hung
 * agent; `hints.report_at` says when the report is released, so agents can plan to be in it —, decode its
 * AgentResult strictly, and turn every failure — an invoke error, a malformed reply, an answer
 * in another agent's name, a crash — into an `error` result. Nothing an agent does can fail
 * the investigation.
 */
import { Cause, Clock, DateTime, Duration, Effect, Schema } from "effect"
import type { AgentInvokerService } from "../ports/agent-invoker.js"
import type { SpecialistId } from "./agent-id.js"
import { AgentResult, placeholderResult } from "./agent-result.js"
import type { AgentTask } from "./agent-task.js"

/** After the cutoff: the master interrupts at the cutoff itself, so an agent's own bound never races it. */
const agentGrace = Duration.seconds(5)

const decodeResult = Schema.decodeUnknown(AgentResult, { onExcessProperty: "ignore" })

export interface CallAgent {
  readonly invoker: AgentInvokerService
  readonly task: AgentTask
  readonly agent: SpecialistId
  readonly releaseAt: DateTime.Utc
  readonly cutoffAt: DateTime.Utc
  readonly trace: (step: "agent_request" | "agent_reply", data: unknown) => Effect.Effect<void>
}

export const callAgent = (o: CallAgent): Effect.Effect<AgentResult> =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const deadline = DateTime.addDuration(o.cutoffAt, agentGrace)
    const task: AgentTask = {
      ...o.task,
      deadline,
      hints: { ...o.task.hints, report_at: DateTime.formatIso(o.releaseAt) },
    }
    yield* o.trace("agent_request", { agent: o.agent, deadline, reportAt: o.releaseAt })
    const result = yield* o.invoker.invoke(o.agent, task, deadline).pipe(
      Effect.flatMap((reply) =>
        decodeResult(reply.data).pipe(
          Effect.mapError(() => `a malformed result from ${o.agent}`),
          Effect.filterOrFail(
            (r) => r.agent === o.agent && r.findings.every((f) => f.agent === o.agent),
            () => `${o.agent} answered in another agent's name`,
          ),
        ),
      ),
      Effect.catchAll((e) =>
        Effect.succeed(
          placeholderResult(o.agent, "error", typeof e === "string" ? e : `${e.reason}: ${e.message}`),
        ),
      ),
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.failCause(cause)
          : Effect.succeed(placeholderResult(o.agent, "error", `${o.agent} crashed while investigating`)),
      ),
    )
    const durationMs = (yield* Clock.currentTimeMillis) - started
    const final: AgentResult = { ...result, durationMs }
    yield* o.trace("agent_reply", {
      agent: o.agent,
      status: final.status,
      findings: final.findings.length,
      reason: final.reason,
      durationMs,
      usage: final.usage,
      // The model drill-down's transcript (redacted), when the agent ran one.
      ...(final.drillDown === undefined ? {} : { drillDown: final.drillDown }),
    })
    return final
  })
