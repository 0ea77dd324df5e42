/**
 * The short messages around a report, in each platform's dialect: "investigation started" (the
 * agents asked and when the report is due), the failure notice, and the threaded notes for a
 * late result and for agents interrupted at the cutoff. Untrusted text (the alert's title) is
 * escaped like any report text; every notice is far inside both platforms' message limits.
 */
import type { AgentInfo } from "../agent-id.js"
import type { Platform } from "../platform.js"
import { dialectFor } from "./markup.js"

export interface StartedNotice {
  /** The alert's first meaningful line. */
  readonly title: string
  readonly investigationId: string
  /** The agents dispatched, in catalogue order. */
  readonly agents: ReadonlyArray<AgentInfo>
  /** Seconds until the report is released at the latest. */
  readonly deadlineSeconds: number
}

const names = (agents: ReadonlyArray<AgentInfo>): string =>
  agents.length === 0 ? "no agents" : agents.map((a) => `${a.emoji} ${a.name}`).join(", ")

export const startedNotice = (platform: Platform, n: StartedNotice): string => {
  const d = dialectFor(platform)
  return [
    `🔎 ${d.bold("Investigation started")}: ${d.text(n.title, 200)}`,
    `${d.bold("Querying:")} ${names(n.agents)}`,
    `Report within ${Math.max(0, Math.round(n.deadlineSeconds))} s · investigation ${d.code(n.investigationId, 100)}`,
  ].join("\n")
}

export const failureNotice = (platform: Platform, investigationId: string): string => {
  const d = dialectFor(platform)
  return `⚠️ ${d.bold("Investigation failed")} before its report was posted (investigation ${d.code(investigationId, 100)}). The alert still needs a look; quote the id to find its trace.`
}

export const lateUpdateNote = (platform: Platform, agent: AgentInfo, revision: number): string => {
  const d = dialectFor(platform)
  return `📬 Late result from ${agent.emoji} ${d.bold(agent.name)}: report updated (revision ${revision})`
}

export const interruptedNote = (platform: Platform, agents: ReadonlyArray<AgentInfo>): string => {
  const d = dialectFor(platform)
  return `⏹️ Stopped waiting for ${names(agents)} at the late-results cutoff; the report above is final. ${d.italic("Check them manually if they matter.")}`
}

/** What a posted report part says once an update needs fewer messages than were posted. */
export const movedNote = (_platform: Platform): string =>
  "(this part of the report now sits in the messages above)"
