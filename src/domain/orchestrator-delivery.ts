/**
 * Posting an investigation's messages in its thread: the started notice, the report (one or
 * more messages, within each platform's limits), in-place updates as late results arrive, short
 * notes, and the failure notice. Chat is fail-open — a delivery failure is logged and traced,
 * never fatal to the investigation — and each call is bounded in time (the adapters retry with
 * jitter and honour Retry-After inside that bound).
 */
import { Duration, Effect, Ref } from "effect"
import type { ChatMessage, ChatPlatformService, ChatPlatformsService } from "../ports/chat-platform.js"
import { agentInfo, type SpecialistId } from "./agent-id.js"
import type { AgentTask } from "./agent-task.js"
import type { AppConfig } from "./config.js"
import type { MessageRef } from "./dedup.js"
import type { IncidentReport } from "./incident-report.js"
import { presenterFor } from "./presenter.js"
import { alertTitle } from "./report-text.js"

export interface Delivery {
  readonly started: (agents: ReadonlyArray<SpecialistId>) => Effect.Effect<void>
  /** Posts the report; returns the messages posted (empty when posting failed). */
  readonly report: (report: IncidentReport) => Effect.Effect<ReadonlyArray<MessageRef>>
  /** Rewrites the posted report in place (adding messages if it grew). */
  readonly update: (posted: ReadonlyArray<MessageRef>, report: IncidentReport) => Effect.Effect<void>
  readonly lateNote: (agent: SpecialistId, revision: number) => Effect.Effect<void>
  readonly interruptedNote: (agents: ReadonlyArray<SpecialistId>) => Effect.Effect<void>
  readonly failure: () => Effect.Effect<void>
}

export const makeDelivery = (o: {
  readonly chats: ChatPlatformsService
  readonly settings: AppConfig
  readonly task: AgentTask
  readonly trace: (step: "delivery", data: unknown) => Effect.Effect<void>
}): Effect.Effect<Delivery> =>
  Effect.map(Ref.make<ReadonlyArray<MessageRef>>([]), (extra) => {
    const chat: ChatPlatformService = o.task.alert.platform === "slack" ? o.chats.slack : o.chats.discord
    const presenter = presenterFor(o.task.alert.platform, o.settings.limits)
    const target = {
      channel: o.task.alert.channel,
      threadId: o.task.alert.threadId ?? o.task.alert.messageId,
    }
    // A report may need several calls (split messages), each with its own retries.
    const bound = Duration.millis(o.settings.limits.outbound_timeout_ms * 4)

    const attempt = <A>(what: string, effect: Effect.Effect<A, unknown>) =>
      effect.pipe(
        Effect.timeoutFail({ duration: bound, onTimeout: () => new Error(`${what} timed out`) }),
        Effect.tap(() => o.trace("delivery", { what, ok: true })),
        Effect.map((a): A | null => a),
        Effect.catchAll((e) => {
          const error = e instanceof Error ? e.message : String(e)
          return Effect.zipRight(
            Effect.logWarning(`chat delivery failed: ${what}`, { error }),
            Effect.as(o.trace("delivery", { what, ok: false, error }), null),
          )
        }),
      )

    const post = (what: string, message: ChatMessage) => attempt(what, chat.post(target, message))

    return {
      started: (agents) =>
        Effect.asVoid(
          post(
            "started notice",
            presenter.started({
              title: alertTitle(o.task.alert.text),
              investigationId: o.task.investigationId,
              agents: agents.map(agentInfo),
              deadlineSeconds: o.settings.budgets.report_deadline_s,
            }),
          ),
        ),
      report: (report) =>
        Effect.gen(function* () {
          const refs: Array<MessageRef> = []
          for (const [i, message] of presenter.report(report).entries()) {
            const ref = yield* post(`report part ${i + 1}`, message)
            if (ref !== null) refs.push(ref)
          }
          return refs
        }),
      update: (posted, report) =>
        Effect.gen(function* () {
          const messages = presenter.report(report)
          const known = [...posted, ...(yield* Ref.get(extra))]
          for (const [i, message] of messages.entries()) {
            const ref = known[i]
            if (ref !== undefined) yield* attempt(`report update part ${i + 1}`, chat.update(ref, message))
            else {
              const added = yield* post(`report part ${i + 1}`, message)
              if (added !== null) yield* Ref.update(extra, (xs) => [...xs, added])
            }
          }
          // A report that shrank leaves earlier parts behind: say where the rest went.
          for (const [i, ref] of known.entries()) {
            if (i >= messages.length)
              yield* attempt(`report part ${i + 1} emptied`, chat.update(ref, presenter.moved()))
          }
        }),
      lateNote: (agent, revision) =>
        Effect.asVoid(post("late note", presenter.late(agentInfo(agent), revision))),
      interruptedNote: (agents) =>
        Effect.asVoid(post("interrupted note", presenter.interrupted(agents.map(agentInfo)))),
      failure: () => Effect.asVoid(post("failure notice", presenter.failure(o.task.investigationId))),
    }
  })
