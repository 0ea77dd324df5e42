/**
 * Intake: one verified delivery → at most one queued investigation, within the 3 s ack.
 *
 * Order matters: a Slack retry of a delivery we already hold is answered at once; the gate
 * runs before the claim only to decide how to claim (explicit triggers re-claim a GATED
 * message); the claim is a conditional write shared by every runtime; anything that fails
 * after the claim releases it, so the platform's retry can claim it again and no alert is lost.
 */
import { Context, DateTime, Duration, Effect, Layer, Option } from "effect"
import { type ChatPlatformService, ChatPlatforms, type InboundRequest } from "../ports/chat-platform.js"
import { type ClaimResult, DedupStore, type DedupStoreError } from "../ports/dedup-store.js"
import { DispatchQueue } from "../ports/dispatch-queue.js"
import { Llm } from "../ports/llm.js"
import { TraceStore } from "../ports/trace-store.js"
import type { AlertContext } from "./alert-context.js"
import { AppSettings } from "./app-settings.js"
import type { Classification } from "./classification.js"
import { applyTier2, classify, parseTier2Reply, tier2SystemPrompt, wantsTier2 } from "./classify.js"
import { againKey, type ClaimPolicy, type DedupRecord, dedupKey, isHeld } from "./dedup.js"
import { newInvestigationId } from "./ids.js"
import type { IntakeError } from "./intake-error.js"
import { alreadyInvestigated, unknownCommand } from "./intake-messages.js"
import { IntakeOutcome } from "./intake-outcome.js"
import type { InvestigationRequest } from "./investigation-request.js"
import type { Platform } from "./platform.js"
import { redact } from "./redact.js"
import type { WebhookEvent } from "./webhook-event.js"

export interface IntakeService {
  readonly handle: (platform: Platform, req: InboundRequest) => Effect.Effect<IntakeOutcome, IntakeError>
}

export class Intake extends Context.Tag("sre-on-call/Intake")<Intake, IntakeService>() {}

/**
 * The fields every intake log line about an alert carries (never its text: it may hold
 * secrets), with the line's own. `Object.assign`, not a spread into a literal: V8 builds
 * `{...a, more}` through a generic slow path, a few µs on a path that runs on every delivery.
 */
const fieldsOf = <Extra extends Record<string, unknown>>(ctx: AlertContext, extra: Extra) =>
  Object.assign(
    { platform: ctx.platform, channel: ctx.channel, messageId: ctx.messageId, trigger: ctx.trigger },
    extra,
  )

/** How many "investigate again" rounds one message may have. */
const maxAgainRounds = 50

export const IntakeLive = Layer.effect(
  Intake,
  Effect.gen(function* () {
    const chats = yield* ChatPlatforms
    const dedup = yield* DedupStore
    const queue = yield* DispatchQueue
    const llm = yield* Llm
    const settings = yield* AppSettings
    const traces = yield* TraceStore
    const policy: ClaimPolicy = {
      ttlMs: settings.limits.dedup_ttl_hours * 3_600_000,
      reclaimAfterMs: settings.limits.dedup_reclaim_after_s * 1000,
    }
    // Intake's own chat calls (nudge, link) must leave room inside the 3 s ack.
    const chatBudget = Duration.millis(
      Math.min(settings.limits.outbound_timeout_ms, settings.budgets.ack_ms / 2),
    )
    const chatFor = (p: Platform): ChatPlatformService => (p === "slack" ? chats.slack : chats.discord)

    const classifyWithModel = (ctx: AlertContext): Effect.Effect<Classification> => {
      const tier1 = classify({ text: ctx.text, trigger: ctx.trigger }, settings.classifier)
      const llmSettings = settings.classifier.llm
      if (!llmSettings.enabled || !wantsTier2(tier1)) return Effect.succeed(tier1)
      return llm
        .converse({
          modelId: llmSettings.model,
          system: tier2SystemPrompt,
          messages: [{ role: "user", content: [{ _tag: "Text", text: redact(ctx.text) }] }],
          maxTokens: 5,
          temperature: 0,
          timeoutMs: llmSettings.timeout_ms,
        })
        .pipe(
          Effect.map((r) => applyTier2(tier1, parseTier2Reply(r.text))),
          Effect.catchAll((e) =>
            Effect.logWarning("tier-2 classifier failed; investigating (fail-open)", {
              reason: e.reason,
            }).pipe(Effect.as(tier1)),
          ),
        )
    }

    /** Post a short message in the alert's thread; never fails the delivery. */
    const say = (ctx: AlertContext, text: string) =>
      chatFor(ctx.platform)
        .post({ channel: ctx.channel, threadId: ctx.threadId ?? ctx.messageId }, { text })
        .pipe(
          Effect.timeoutFail({ duration: chatBudget, onTimeout: () => "timed out" as const }),
          Effect.tapError((e) =>
            Effect.logWarning("could not post in the thread", {
              channel: ctx.channel,
              error: typeof e === "string" ? e : e.message,
            }),
          ),
          Effect.ignore,
        )

    const claimFor = (
      event: Extract<WebhookEvent, { _tag: "Alert" }>,
      investigationId: string,
      now: number,
      explicit: boolean,
    ) =>
      Effect.suspend(() => {
        const ctx = event.context
        const baseKey = dedupKey(ctx.platform, ctx.channel, ctx.messageId)
        const claim = (key: string) =>
          dedup.claim({ key, investigationId, triggerId: event.triggerId, now, reclaimGated: explicit })
        if (!event.again) return Effect.map(claim(baseKey), (result) => ({ key: baseKey, result }))
        return claimAgain(baseKey, claim, event.triggerId, now)
      })

    /** "investigate again": the next free `#rN` key (the same request twice takes no second one). */
    const claimAgain = (
      baseKey: string,
      claim: (key: string) => Effect.Effect<ClaimResult, DedupStoreError>,
      triggerId: string,
      now: number,
    ) =>
      Effect.gen(function* () {
        const base = yield* dedup.get(baseKey, now)
        if (Option.isNone(base) || base.value.state === "GATED" || base.value.triggerId === triggerId) {
          return { key: baseKey, result: yield* claim(baseKey) }
        }
        let last = { key: baseKey, result: yield* claim(baseKey) }
        for (let n = 2; n <= maxAgainRounds && last.result._tag === "Duplicate"; n++) {
          if (last.result.record.triggerId === triggerId) break
          last = { key: againKey(baseKey, n), result: yield* claim(againKey(baseKey, n)) }
        }
        return last
      })

    const onDuplicate = (ctx: AlertContext, record: DedupRecord, triggerId: string, explicit: boolean) =>
      Effect.gen(function* () {
        const silent = (detail: string) =>
          Effect.logInfo("duplicate", fieldsOf(ctx, { detail, state: record.state })).pipe(
            Effect.as(IntakeOutcome.Acknowledged({ result: "duplicate", detail })),
          )
        if (record.triggerId === triggerId) return yield* silent("the same request again")
        if (!explicit || record.state === "GATED") return yield* silent("already handled")
        const note = ctx.note
        if (
          note !== null &&
          classify({ text: note, trigger: "mention" }, settings.classifier).verdict === "chatter"
        ) {
          return yield* silent("conversation in an investigated thread")
        }
        const chat = chatFor(ctx.platform)
        const url =
          record.report === null
            ? null
            : yield* chat.permalink(record.report, ctx.workspace).pipe(
                Effect.timeout(chatBudget),
                Effect.orElseSucceed(() => null),
              )
        const text = alreadyInvestigated(ctx.platform, record, url)
        yield* Effect.logInfo("already investigated: linking", fieldsOf(ctx, { state: record.state }))
        // Discord answers the interaction itself (privately); Slack answers in the thread.
        if (ctx.platform === "discord") return IntakeOutcome.Ephemeral({ text })
        yield* say(ctx, text)
        return IntakeOutcome.Acknowledged({
          result: "linked",
          detail: `already ${record.state.toLowerCase()}`,
        })
      })

    const retryHeld = (event: Extract<WebhookEvent, { _tag: "Alert" }>, now: number) => {
      const ctx = event.context
      return Effect.map(
        dedup.get(dedupKey(ctx.platform, ctx.channel, ctx.messageId), now),
        (held) => Option.isSome(held) && isHeld(held.value, now, policy),
      )
    }

    // The path every alert takes (classify → claim → queue) is plain flatMaps, not generators:
    // it runs inside Slack's 3 s ack on every delivery, and bench/intake holds it to ≤ 2× the
    // cost of a bare verify-and-parse route (docs/benchmarks.md).
    const onAlert = (
      event: Extract<WebhookEvent, { _tag: "Alert" }>,
      now: number,
    ): Effect.Effect<IntakeOutcome, IntakeError> => {
      const ctx = event.context
      const fresh = Effect.flatMap(classifyWithModel(ctx), (classification) =>
        Effect.flatMap(newInvestigationId, (investigationId) => {
          const explicit = classification.tier === "explicit"
          return Effect.flatMap(claimFor(event, investigationId, now, explicit), ({ key, result }) =>
            result._tag === "Duplicate"
              ? onDuplicate(ctx, result.record, event.triggerId, explicit)
              : onClaimed(event, key, investigationId, classification, now).pipe(
                  // Anything failing after the claim gives it back, so the platform's retry can claim it.
                  Effect.tapErrorCause(() => dedup.release(key, investigationId).pipe(Effect.ignore)),
                ),
          )
        }),
      )
      if (event.retryAttempt === null) return fresh
      const retry = event.retryAttempt
      return Effect.flatMap(retryHeld(event, now), (held) =>
        held
          ? Effect.as(
              Effect.logInfo("retry of a delivery we hold: acknowledged", fieldsOf(ctx, { retry })),
              IntakeOutcome.Acknowledged({ result: "retry_held", detail: `retry ${retry}` }),
            )
          : fresh,
      )
    }

    const onClaimed = (
      event: Extract<WebhookEvent, { _tag: "Alert" }>,
      key: string,
      investigationId: string,
      classification: Classification,
      now: number,
    ): Effect.Effect<IntakeOutcome, IntakeError> => {
      const ctx = event.context
      const fields = fieldsOf(ctx, {
        dedupKey: key,
        investigationId,
        decision: classification.decision,
        verdict: classification.verdict,
        tier: classification.tier,
        reasons: classification.reasons.join("; "),
      })
      if (classification.decision === "gate")
        return onGated(event, key, investigationId, classification, now, fields)
      const request: InvestigationRequest = {
        investigationId,
        dedupKey: key,
        context: ctx,
        classification,
        interaction: event.interaction,
        // The delivery's arrival (its epoch millis are `now`): the same instant, not a second one.
        requestedAt: ctx.receivedAt,
      }
      return Effect.zipRight(
        queue.enqueue(request),
        Effect.as(
          Effect.logInfo("investigation queued", fields),
          IntakeOutcome.Dispatched({ investigationId }),
        ),
      )
    }

    const onGated = (
      event: Extract<WebhookEvent, { _tag: "Alert" }>,
      key: string,
      investigationId: string,
      classification: Classification,
      now: number,
      fields: Readonly<Record<string, unknown>>,
    ) =>
      Effect.gen(function* () {
        const ctx = event.context
        yield* dedup
          .transition({ key, investigationId, to: "GATED", now })
          .pipe(
            Effect.catchAll((e) =>
              Effect.logWarning("could not mark GATED", { dedupKey: key, error: e.message }),
            ),
          )
        yield* Effect.logInfo("gated as chatter", fields)
        yield* say(ctx, settings.classifier.nudge)
        // Gated decisions are traced here: they never reach dispatch, which traces the others.
        const header = {
          investigationId,
          startedAt: ctx.receivedAt,
          platform: ctx.platform,
          channel: ctx.channel,
          messageId: ctx.messageId,
          dedupKey: key,
        }
        yield* traces.begin(header)
        yield* traces.append(header, {
          investigationId,
          seq: 0,
          at: DateTime.unsafeMake(now),
          step: "intake_decision",
          data: { trigger: ctx.trigger, triggerId: event.triggerId, classification, nudged: true },
        })
        return IntakeOutcome.Acknowledged({ result: "gated", detail: classification.reasons.join("; ") })
      })

    const onEvent = (platform: Platform, event: WebhookEvent): Effect.Effect<IntakeOutcome, IntakeError> => {
      switch (event._tag) {
        case "Challenge":
          return Effect.succeed(IntakeOutcome.Challenge({ body: event.body }))
        case "Ignored":
          return Effect.as(
            Effect.logInfo("ignored", { platform, reason: event.reason }),
            IntakeOutcome.Acknowledged({ result: "ignored", detail: event.reason }),
          )
        case "Reply":
          return Effect.succeed(IntakeOutcome.Ephemeral({ text: event.text }))
        case "Command":
          return Effect.as(
            Effect.logInfo("unknown command", { platform, command: event.command }),
            IntakeOutcome.Ephemeral({ text: unknownCommand(event.command) }),
          )
        case "Alert":
          // The time the ingest read from Clock when the delivery arrived.
          return onAlert(event, DateTime.toEpochMillis(event.context.receivedAt))
      }
    }

    const handle = (platform: Platform, req: InboundRequest) =>
      Effect.flatMap(chatFor(platform).ingest(req), (event) => onEvent(platform, event))

    return Intake.of({ handle })
  }),
)
