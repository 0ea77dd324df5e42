/**
 * What every specialist's handler shares: when it must have answered (`answerBy`), the shell it
 * runs in (`specialistHandler`: only `investigate` tasks, a defect becomes an `error` result while
 * interruption still interrupts, one span per agent), and how a port's failure becomes its answer
 * (`sourceFailure`: not configured → `unhealthy`, anything else → `error`, with the reason).
 */
import { Cause, Clock, DateTime, Effect, Option } from "effect"
import type { AgentHandlerContext } from "../adapters/a2a/a2a-endpoint.js"
import type { InlineAgent } from "../adapters/local/inline-agent-invoker.js"
import type { SpecialistId } from "../domain/agent-id.js"
import { type AgentResult, placeholderResult } from "../domain/agent-result.js"
import type { AgentTask } from "../domain/agent-task.js"

/**
 * When to have answered: the report's release (`hints.report_at`) while it is still ahead, else
 * the task deadline; less a margin (10 % of what is left, 250 ms … 2 s) so the answer travels back
 * in time.
 */
export const answerBy = (task: AgentTask, nowMs: number): number => {
  const reportAt = Option.flatMap(Option.fromNullable(task.hints.report_at), (s) => DateTime.make(s))
  const target = Option.match(reportAt, {
    onNone: () => task.deadline.epochMillis,
    onSome: (t) => (t.epochMillis > nowMs ? t.epochMillis : task.deadline.epochMillis),
  })
  const margin = Math.min(2000, Math.max(250, (target - nowMs) * 0.1))
  return target - margin
}

/** A port's failure as the agent's answer: not configured → unhealthy, else error. */
export const sourceFailure = (
  agent: SpecialistId,
  e: { readonly reason: string; readonly message: string },
  durationMs: number,
): AgentResult =>
  placeholderResult(agent, e.reason === "not_configured" ? "unhealthy" : "error", e.message, durationMs)

/**
 * An inline agent answering `investigate` tasks with `investigate(task, startedMs)`; other task
 * kinds are `skipped`, and a defect is an `error` result rather than a failed call.
 */
export const specialistAgent = <R>(
  agent: SpecialistId,
  investigate: (task: AgentTask, startedMs: number) => Effect.Effect<AgentResult, never, R>,
): InlineAgent<R> => ({
  mode: "reply",
  handle: (task: AgentTask, _ctx: AgentHandlerContext) =>
    Effect.gen(function* () {
      const started = yield* Clock.currentTimeMillis
      if (task.task !== "investigate") {
        return placeholderResult(agent, "skipped", `the ${agent} agent has no ${task.task} mode yet`)
      }
      return yield* investigate(task, started)
    }).pipe(
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.failCause(cause)
          : Effect.succeed(placeholderResult(agent, "error", `the ${agent} agent failed unexpectedly`)),
      ),
      Effect.withSpan(`agent.${agent}`),
    ),
})
