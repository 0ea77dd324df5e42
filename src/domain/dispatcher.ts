/**
 * Dispatch: take one queued investigation to the master. Acknowledge it on the platform (👀 on
 * the alert; on Discord, edit the deferred interaction response into "🔎 Investigating…" — the
 * interaction token is used here and goes no further), hand the task to the master, and mark
 * the claim DISPATCHED. Safe to run twice for the same request (queue redelivery): a request
 * whose claim has moved on, or was re-claimed by someone else, is skipped.
 */
import { Context, DateTime, Duration, Effect, Layer, Option } from "effect"
import { type AgentInvokeError, AgentInvoker, type AgentTask } from "../ports/agent-invoker.js"
import { type ChatPlatformService, ChatPlatforms } from "../ports/chat-platform.js"
import { DedupStore, type DedupStoreError } from "../ports/dedup-store.js"
import { TraceStore } from "../ports/trace-store.js"
import { extractFacts } from "./alert-facts.js"
import { windowFromOnset } from "./alert-onset.js"
import { AppSettings } from "./app-settings.js"
import { couldNotStart, investigatingText } from "./intake-messages.js"
import type { InvestigationRequest } from "./investigation-request.js"
import type { Platform } from "./platform.js"

export type DispatchOutcome = "dispatched" | "skipped"

export interface DispatcherService {
  /** Fails when the master could not be reached: the queue retries, then dead-letters. */
  readonly dispatch: (
    request: InvestigationRequest,
  ) => Effect.Effect<DispatchOutcome, AgentInvokeError | DedupStoreError>
  /** Retries are exhausted: tell the channel, and give the claim back so a new mention can retry. */
  readonly deadLetter: (request: InvestigationRequest) => Effect.Effect<void>
}

export class Dispatcher extends Context.Tag("sre-on-call/Dispatcher")<Dispatcher, DispatcherService>() {}

export const eyes = "👀"

export const DispatcherLive = Layer.effect(
  Dispatcher,
  Effect.gen(function* () {
    const chats = yield* ChatPlatforms
    const dedup = yield* DedupStore
    const invoker = yield* AgentInvoker
    const settings = yield* AppSettings
    const traces = yield* TraceStore
    const chatFor = (p: Platform): ChatPlatformService => (p === "slack" ? chats.slack : chats.discord)
    const chatTimeout = Duration.millis(settings.limits.outbound_timeout_ms)

    const bestEffort = <A, E>(what: string, effect: Effect.Effect<A, E>) =>
      effect.pipe(
        Effect.timeout(chatTimeout),
        Effect.map(Option.some),
        Effect.catchAll((e) =>
          Effect.logWarning(`${what} failed`).pipe(
            Effect.annotateLogs({ error: e instanceof Error ? e.message : String(e) }),
            Effect.as(Option.none<A>()),
          ),
        ),
      )

    /** 👀 / "Investigating…"; returns the message the master should reply to. */
    const acknowledge = (request: InvestigationRequest) =>
      Effect.gen(function* () {
        const ctx = request.context
        const chat = chatFor(ctx.platform)
        if (request.interaction !== null) {
          const response = yield* bestEffort(
            "editing the deferred interaction response",
            chat.editInteractionResponse(request.interaction, { text: investigatingText }),
          )
          if (ctx.trigger === "message_command") {
            yield* bestEffort(
              "reacting 👀",
              chat.react({ channel: ctx.channel, messageId: ctx.messageId }, eyes),
            )
            return ctx.threadId
          }
          // `/investigate text:` has no alert message: the response message is the anchor.
          return Option.match(response, { onNone: () => ctx.threadId, onSome: (r) => r.messageId })
        }
        yield* bestEffort("reacting 👀", chat.react({ channel: ctx.channel, messageId: ctx.messageId }, eyes))
        return ctx.threadId
      })

    const dispatch = (request: InvestigationRequest) =>
      Effect.gen(function* () {
        const now = yield* DateTime.now
        const record = yield* dedup.get(request.dedupKey, now.epochMillis)
        if (
          Option.isSome(record) &&
          (record.value.investigationId !== request.investigationId || record.value.state !== "RECEIVED")
        ) {
          yield* Effect.logInfo("already dispatched or re-claimed: skipping").pipe(
            Effect.annotateLogs({ state: record.value.state }),
          )
          return "skipped" as const
        }
        const anchor = yield* acknowledge(request)
        // The intake decision and the hand-off open the trace (seq 0 and 1; the master starts at 10).
        const header = {
          investigationId: request.investigationId,
          startedAt: request.context.receivedAt,
          platform: request.context.platform,
          channel: request.context.channel,
          messageId: request.context.messageId,
          dedupKey: request.dedupKey,
        }
        yield* traces.begin(header)
        yield* traces.append(header, {
          investigationId: request.investigationId,
          seq: 0,
          at: request.requestedAt,
          step: "intake_decision",
          data: { trigger: request.context.trigger, classification: request.classification },
        })
        yield* traces.append(header, {
          investigationId: request.investigationId,
          seq: 1,
          at: now,
          step: "dispatch",
          data: { anchor, interaction: request.interaction !== null },
        })
        const deadline = DateTime.addDuration(now, Duration.seconds(settings.budgets.report_deadline_s))
        // The task carries the alert, never the interaction token; its window opens early enough
        // for the onset the alert states ("since about 19:00", Alertmanager's "Starts at").
        const facts = extractFacts(request.context.text, settings.severity.labels)
        const window = windowFromOnset(
          request.context.window,
          facts,
          request.context.text,
          request.context.alertTime,
        )
        const task: AgentTask = {
          task: "investigate",
          investigationId: request.investigationId,
          alert: { ...request.context, threadId: anchor, window },
          facts,
          dedupKey: request.dedupKey,
          hints: {},
          deadline,
        }
        yield* invoker.invoke("master", task, deadline)
        const moved = yield* dedup.transition({
          key: request.dedupKey,
          investigationId: request.investigationId,
          to: "DISPATCHED",
          now: (yield* DateTime.now).epochMillis,
        })
        yield* Effect.logInfo("handed to the master").pipe(Effect.annotateLogs({ markedDispatched: moved }))
        return "dispatched" as const
      }).pipe(
        Effect.annotateLogs({ investigationId: request.investigationId, dedupKey: request.dedupKey }),
        Effect.withSpan("Dispatcher.dispatch"),
      )

    const deadLetter = (request: InvestigationRequest) =>
      Effect.gen(function* () {
        const ctx = request.context
        const chat = chatFor(ctx.platform)
        const text = couldNotStart(request.investigationId)
        yield* Effect.logError("could not start the investigation: retries exhausted")
        if (request.interaction !== null) {
          yield* bestEffort(
            "editing the interaction response",
            chat.editInteractionResponse(request.interaction, { text }),
          )
        } else {
          yield* bestEffort(
            "posting the failure notice",
            chat.post({ channel: ctx.channel, threadId: ctx.threadId ?? ctx.messageId }, { text }),
          )
        }
        yield* dedup.release(request.dedupKey, request.investigationId).pipe(Effect.ignore)
      }).pipe(Effect.annotateLogs({ investigationId: request.investigationId, dedupKey: request.dedupKey }))

    return Dispatcher.of({ dispatch, deadLetter })
  }),
)
