/**
 * Everything the master posts, as chat messages for one platform: the report (split to the
 * platform's limits by the renderers) and the short notices around it. Slack gets Block Kit with
 * a text fallback; Discord gets markdown messages.
 */
import type { ChatMessage } from "../ports/chat-platform.js"
import type { AgentInfo } from "./agent-id.js"
import type { IncidentReport } from "./incident-report.js"
import type { Platform } from "./platform.js"
import { renderDiscordReport } from "./render/discord-report.js"
import {
  failureNotice,
  interruptedNote,
  lateUpdateNote,
  movedNote,
  type StartedNotice,
  startedNotice,
} from "./render/notices.js"
import type { RenderLimits } from "./render/report-sections.js"
import { renderSlackReport } from "./render/slack-report.js"

export interface Presenter {
  readonly report: (report: IncidentReport) => ReadonlyArray<ChatMessage>
  readonly started: (notice: StartedNotice) => ChatMessage
  readonly failure: (investigationId: string) => ChatMessage
  readonly late: (agent: AgentInfo, revision: number) => ChatMessage
  readonly interrupted: (agents: ReadonlyArray<AgentInfo>) => ChatMessage
  /** What a report message says when an update needs fewer messages than were posted. */
  readonly moved: () => ChatMessage
}

export const presenterFor = (platform: Platform, limits: RenderLimits): Presenter => ({
  report: (report) =>
    platform === "slack"
      ? renderSlackReport(report, limits).map((m) => ({ text: m.text, blocks: m.blocks }))
      : renderDiscordReport(report, limits).map((text) => ({ text })),
  started: (notice) => ({ text: startedNotice(platform, notice) }),
  failure: (investigationId) => ({ text: failureNotice(platform, investigationId) }),
  late: (agent, revision) => ({ text: lateUpdateNote(platform, agent, revision) }),
  interrupted: (agents) => ({ text: interruptedNote(platform, agents) }),
  moved: () => ({ text: movedNote(platform) }),
})
