/**
 * When a scanner must have answered: the report's release (`hints.report_at`) while it is still
 * ahead, else the task deadline; less a margin so the answer travels back in time.
 */
import { DateTime, Option } from "effect"
import type { AgentTask } from "../../domain/agent-task.js"

export const answerBy = (task: AgentTask, nowMs: number): number => {
  const reportAt = Option.flatMap(Option.fromNullable(task.hints.report_at), (s) => DateTime.make(s))
  const target = Option.match(reportAt, {
    onNone: () => task.deadline.epochMillis,
    onSome: (t) => (t.epochMillis > nowMs ? t.epochMillis : task.deadline.epochMillis),
  })
  const margin = Math.min(2000, Math.max(250, (target - nowMs) * 0.1))
  return target - margin
}
