/**
 * The windows the prometheus agent compares: the incident window is the alert's evidence
 * window (cut at "now", aligned to the step so every range query samples the same instants),
 * and each baseline is that window shifted back by the same length of history — 1 h and 1 d.
 */
import type { AgentTask } from "../../domain/agent-task.js"

export interface TimeWindow {
  readonly label: string
  readonly startMs: number
  readonly endMs: number
}

export const baselineShifts: ReadonlyArray<{ readonly label: string; readonly shiftMs: number }> = [
  { label: "1 h earlier", shiftMs: 3_600_000 },
  { label: "1 d earlier", shiftMs: 86_400_000 },
]

const alignDown = (ms: number, stepMs: number): number => Math.floor(ms / stepMs) * stepMs
const alignUp = (ms: number, stepMs: number): number => Math.ceil(ms / stepMs) * stepMs

export const incidentWindow = (task: AgentTask, nowMs: number, stepMs: number): TimeWindow => {
  const endMs = alignDown(Math.min(task.alert.window.end.epochMillis, nowMs), stepMs)
  // Up, not down: a sample before the evidence window's start would date a finding (its onset)
  // before the window, and cause inference only cites findings inside it.
  const startMs = Math.min(alignUp(task.alert.window.start.epochMillis, stepMs), endMs)
  return { label: "incident", startMs, endMs }
}

export const baselineWindows = (incident: TimeWindow): ReadonlyArray<TimeWindow> =>
  baselineShifts.map(({ label, shiftMs }) => ({
    label,
    startMs: incident.startMs - shiftMs,
    endMs: incident.endMs - shiftMs,
  }))
