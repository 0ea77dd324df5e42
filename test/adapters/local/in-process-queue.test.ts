/**
 * The in-process twin of SQS + the dispatch Lambda, driven by the TestClock: a master that
 * fails twice is retried after the (jittered, exponential) backoff and reached once; one that
 * always fails is dead-lettered after exactly `retries` retries (notice in the thread, claim
 * released); a defect in one request never kills the worker; concurrency is bounded. The real
 * DispatcherLive runs over an in-memory chat platform, so every wait is on the TestClock.
 */
import { describe, expect, it } from "@effect/vitest"
import { Clock, Deferred, Effect, Layer, Ref, TestClock } from "effect"
import { inProcessDispatchQueueLayer } from "../../../src/adapters/local/in-process-queue.js"
import { memoryDedupStoreLayer } from "../../../src/adapters/local/memory-dedup-store.js"
import { memoryTraceStoreLayer } from "../../../src/adapters/local/memory-trace-store.js"
import {
  RecordedInvocations,
  recordingAgentInvokerLayer,
} from "../../../src/adapters/local/recording-agent-invoker.js"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import { AppSettings } from "../../../src/domain/app-settings.js"
import { defaultConfig } from "../../../src/domain/config.js"
import type { MessageRef } from "../../../src/domain/dedup.js"
import { DispatcherLive } from "../../../src/domain/dispatcher.js"
import { couldNotStart } from "../../../src/domain/intake-messages.js"
import type { InvestigationRequest } from "../../../src/domain/investigation-request.js"
import type { Platform } from "../../../src/domain/platform.js"
import { AgentInvoker } from "../../../src/ports/agent-invoker.js"
import {
  ChatError,
  type ChatPlatformService,
  ChatPlatforms,
  type ThreadTarget,
} from "../../../src/ports/chat-platform.js"
import { DispatchQueue } from "../../../src/ports/dispatch-queue.js"
import { claimFor, parsedLogs, slackRequest, stateOf } from "../../support/dispatch-rig.js"

interface ChatCall {
  readonly op: "post" | "react" | "edit"
  readonly target: ThreadTarget | MessageRef | null
  readonly text: string
}

/** An in-memory chat platform recording every outbound call; reacting in `C0DEFECT` is a defect. */
const memoryChat = (calls: Array<ChatCall>) => {
  const platform = (name: Platform): ChatPlatformService => ({
    platform: name,
    ingest: () => Effect.dieMessage("ingest is not used by dispatch"),
    post: (target, message) =>
      Effect.sync(() => {
        calls.push({ op: "post", target, text: message.text })
        return { channel: target.channel, messageId: `posted-${calls.length}` }
      }),
    update: () => Effect.void,
    react: (ref, emoji) =>
      ref.channel === "C0DEFECT"
        ? Effect.dieMessage("boom: a bug in the reaction path")
        : Effect.sync(() => {
            calls.push({ op: "react", target: ref, text: emoji })
          }),
    permalink: (ref) => Effect.succeed(`https://example.invalid/${ref.channel}/${ref.messageId}`),
    editInteractionResponse: () =>
      Effect.fail(
        new ChatError({ platform: name, operation: "edit", reason: "not_configured", message: "n/a" }),
      ),
    history: (channel) => Effect.succeed({ channel, messages: [], pages: 0, incomplete: null }),
  })
  return Layer.succeed(ChatPlatforms, { slack: platform("slack"), discord: platform("discord") })
}

const queueLayer = <I>(o: {
  readonly calls: Array<ChatCall>
  readonly logs: Array<string>
  readonly invoker: Layer.Layer<I>
}) => {
  const ports = Layer.mergeAll(
    Layer.succeed(AppSettings, defaultConfig),
    memoryDedupStoreLayer(),
    memoryTraceStoreLayer(),
    o.invoker,
    memoryChat(o.calls),
  )
  const dispatcher = DispatcherLive.pipe(Layer.provideMerge(ports))
  return inProcessDispatchQueueLayer({ retries: 3, concurrency: 2 }).pipe(
    Layer.provideMerge(dispatcher),
    // provideMerge: the worker fiber, forked while the layer is built, must log here too
    Layer.provideMerge(captureLoggerLayer(o.logs)),
  )
}

/** Let forked fibers run without moving the clock. */
const settle = Effect.repeatN(Effect.yieldNow(), 50)

/** Move the TestClock in `stepMs` steps until `done` holds (or `maxMs` has passed). */
const advanceUntil = <R>(done: Effect.Effect<boolean, never, R>, stepMs: number, maxMs: number) =>
  Effect.gen(function* () {
    yield* settle
    for (let elapsed = 0; elapsed < maxMs && !(yield* done); elapsed += stepMs) {
      yield* TestClock.adjust(`${stepMs} millis`)
      yield* settle
    }
    return yield* done
  })

const enqueue = (request: InvestigationRequest) => Effect.flatMap(DispatchQueue, (q) => q.enqueue(request))
const invocations = Effect.flatMap(RecordedInvocations, Ref.get)
const attempts = (logs: ReadonlyArray<string>) =>
  parsedLogs(logs).filter((l) => l.message === "dispatch attempt failed").length

const ts = "1795784000.000100"

describe("inProcessDispatchQueueLayer", () => {
  it.scoped("a master failing twice is retried after the backoff and reached exactly once", () => {
    const calls: Array<ChatCall> = []
    const logs: Array<string> = []
    return Effect.gen(function* () {
      const request = slackRequest({ investigationId: "inv-retry", ts })
      yield* claimFor(request)
      const started = yield* Clock.currentTimeMillis
      yield* enqueue(request)
      yield* settle
      // the first attempt failed and the retry waits on the clock: nothing more happens until it moves
      expect(attempts(logs)).toBe(1)
      yield* TestClock.adjust("150 millis")
      yield* settle
      expect(attempts(logs)).toBe(1)
      expect(yield* invocations).toEqual([])

      const reached = yield* advanceUntil(
        Effect.map(invocations, (xs) => xs.length > 0),
        25,
        5_000,
      )
      expect(reached).toBe(true)
      const elapsed = (yield* Clock.currentTimeMillis) - started
      // two backoffs: 250 ms and 500 ms, each jittered ×0.8–1.2
      expect(elapsed).toBeGreaterThanOrEqual(600)
      expect(elapsed).toBeLessThanOrEqual(900 + 25)
      expect(attempts(logs)).toBe(2)
      yield* TestClock.adjust("10 seconds")
      yield* settle
      expect(yield* invocations).toHaveLength(1)
      expect(yield* stateOf(request.dedupKey)).toBe("DISPATCHED")
      // 👀 is sent on every attempt (the platform treats "already reacted" as done)
      expect(calls.filter((c) => c.op === "react")).toHaveLength(3)
      expect(calls.filter((c) => c.op === "post")).toEqual([])
    }).pipe(
      Effect.provide(queueLayer({ calls, logs, invoker: recordingAgentInvokerLayer({ failFirst: 2 }) })),
    )
  })

  it.scoped(
    "a master that always fails: 1 + 3 attempts, then the notice in the thread and the claim released",
    () => {
      const calls: Array<ChatCall> = []
      const logs: Array<string> = []
      return Effect.gen(function* () {
        const request = slackRequest({ investigationId: "inv-doomed", ts })
        yield* claimFor(request)
        yield* enqueue(request)
        const deadLettered = yield* advanceUntil(
          Effect.sync(() => calls.some((c) => c.op === "post")),
          25,
          10_000,
        )
        expect(deadLettered).toBe(true)
        expect(attempts(logs)).toBe(4)
        expect(yield* invocations).toEqual([])
        const posts = calls.filter((c) => c.op === "post")
        expect(posts).toEqual([
          { op: "post", target: { channel: "C0ALERTS", threadId: ts }, text: couldNotStart("inv-doomed") },
        ])
        expect(yield* stateOf(request.dedupKey)).toBeNull()
        expect(
          parsedLogs(logs).some((l) => l.message === "could not start the investigation: retries exhausted"),
        ).toBe(true)
        // nothing more is tried afterwards
        yield* TestClock.adjust("1 minute")
        yield* settle
        expect(attempts(logs)).toBe(4)
      }).pipe(
        Effect.provide(
          queueLayer({ calls, logs, invoker: recordingAgentInvokerLayer({ failFirst: 1_000 }) }),
        ),
      )
    },
  )

  it.scoped("the worker survives a defect in one request and processes the next ones", () => {
    const calls: Array<ChatCall> = []
    const logs: Array<string> = []
    return Effect.gen(function* () {
      const broken = slackRequest({ investigationId: "inv-defect", ts, channel: "C0DEFECT" })
      const next = slackRequest({ investigationId: "inv-next", ts, channel: "C0ALERTS" })
      const later = slackRequest({
        investigationId: "inv-later",
        ts: "1795784100.000100",
        channel: "C0ALERTS",
      })
      yield* claimFor(broken)
      yield* claimFor(next)
      yield* claimFor(later)
      yield* enqueue(broken)
      yield* settle
      expect(parsedLogs(logs).filter((l) => l.message === "dispatch worker defect")).toHaveLength(1)
      yield* enqueue(next)
      yield* enqueue(later)
      const done = yield* advanceUntil(
        Effect.map(invocations, (xs) => xs.length === 2),
        25,
        1_000,
      )
      expect(done).toBe(true)
      expect((yield* invocations).map((i) => i.task.investigationId).sort()).toEqual([
        "inv-later",
        "inv-next",
      ])
      // a defect is not retried and not dead-lettered (no notice); the claim is left to go stale
      expect(attempts(logs)).toBe(0)
      expect(calls.filter((c) => c.op === "post")).toEqual([])
      expect(yield* stateOf(broken.dedupKey)).toBe("RECEIVED")
    }).pipe(Effect.provide(queueLayer({ calls, logs, invoker: recordingAgentInvokerLayer() })))
  })

  it.scoped("at most `concurrency` (2) dispatches reach the master at once; the rest wait their turn", () => {
    const calls: Array<ChatCall> = []
    const logs: Array<string> = []
    return Effect.gen(function* () {
      const gate = yield* Deferred.make<void>()
      const inFlight = yield* Ref.make(0)
      const peak = yield* Ref.make(0)
      const finished = yield* Ref.make(0)
      const gatedInvoker = Layer.succeed(AgentInvoker, {
        invoke: () =>
          Effect.gen(function* () {
            const now = yield* Ref.updateAndGet(inFlight, (n) => n + 1)
            yield* Ref.update(peak, (p) => Math.max(p, now))
            yield* Deferred.await(gate)
            yield* Ref.update(inFlight, (n) => n - 1)
            yield* Ref.update(finished, (n) => n + 1)
            return { data: { accepted: true }, text: "accepted" }
          }),
      })
      yield* Effect.gen(function* () {
        const requests = Array.from({ length: 5 }, (_, i) =>
          slackRequest({ investigationId: `inv-c${i}`, ts: `17957841${i}0.000100` }),
        )
        for (const r of requests) yield* claimFor(r)
        for (const r of requests) yield* enqueue(r)
        yield* settle
        expect(yield* Ref.get(inFlight)).toBe(2)
        yield* Deferred.succeed(gate, undefined)
        yield* settle
        expect(yield* Ref.get(finished)).toBe(5)
        expect(yield* Ref.get(peak)).toBe(2)
        for (const r of requests) expect(yield* stateOf(r.dedupKey)).toBe("DISPATCHED")
      }).pipe(Effect.provide(queueLayer({ calls, logs, invoker: gatedInvoker })))
    })
  })
})
