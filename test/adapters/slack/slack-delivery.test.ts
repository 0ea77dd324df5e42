/**
 * Delivery as the master does it (ChatPlatform.post over the Slack replay), on a TestClock:
 * 429 with Retry-After: 2 → exactly one retry, 2 s later; 500 → a bounded number of retries, then
 * `unavailable`; 400 → no retry at all.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, TestClock } from "effect"
import { envSecretsLayer } from "../../../src/adapters/secrets-manager/env-secrets-layer.js"
import { makeSlackPlatform } from "../../../src/adapters/slack/slack-platform.js"
import { Secrets } from "../../../src/ports/secrets.js"
import { makeSlackReplay } from "../../../src/replay/slack.js"
import { advanceToSleepAt, advanceToSleepWithin, awaitSleep } from "../fetch/await-sleep.js"

const TOKEN = "xoxb-delivery-token"

const setup = Effect.gen(function* () {
  const replay = yield* makeSlackReplay({
    token: TOKEN,
    channels: {
      C0ALERTS: {
        messages: [
          { ts: "1795784700.000200", user: "U0ALERTMGR", bot: true, text: "[FIRING:1] KubePodCrashLooping" },
        ],
      },
    },
  })
  const secrets = yield* Secrets
  const slack = makeSlackPlatform({
    secrets,
    apiUrl: replay.apiUrl,
    timeoutMs: 2500,
    signatureWindowSeconds: 300,
    reactionTrigger: "sre-on-call",
    windows: { evidenceBeforeMinutes: 30, evidenceAfterMinutes: 5, changeLookbackHours: 6 },
    againRequested: () => false,
    identity: { userId: "U0SREBOT", botId: "B0SREBOT" },
  })
  const posts = () => replay.requests().filter((r) => r.operation === "chat.postMessage")
  return { replay, slack, posts }
}).pipe(Effect.provide(envSecretsLayer({ env: { SLACK_BOT_TOKEN: TOKEN } })))

const target = { channel: "C0ALERTS", threadId: "1795784700.000200" }

describe("Slack delivery retries", () => {
  it.scoped("429 with Retry-After: 2 → one retry, after exactly 2 s", () =>
    Effect.gen(function* () {
      const { replay, slack, posts } = yield* setup
      replay.rateLimitNext("chat.postMessage", 2)
      const fiber = yield* Effect.fork(slack.post(target, { text: "🚨 Incident Report" }))
      yield* replay.awaitRequests(1, "chat.postMessage")
      // The retry waits the server's 2 s (no shorter backoff of our own is scheduled).
      expect(yield* awaitSleep((wake) => wake === 2000)).toBe(2000)
      expect(Chunk.toReadonlyArray(yield* TestClock.sleeps()).every((wake) => wake >= 2000)).toBe(true)
      yield* TestClock.setTime(1999)
      expect(posts()).toHaveLength(1)
      yield* advanceToSleepAt(2000)
      const ref = yield* Fiber.join(fiber)
      expect(ref.channel).toBe("C0ALERTS")
      expect(posts()).toHaveLength(2)
    }),
  )

  it.scoped("500 → bounded retries with backoff, then unavailable", () =>
    Effect.gen(function* () {
      const { replay, slack, posts } = yield* setup
      replay.failNext("chat.postMessage", "internal_error", 10, 500)
      const fiber = yield* Effect.fork(Effect.flip(slack.post(target, { text: "report" })))
      yield* replay.awaitRequests(1, "chat.postMessage")
      yield* advanceToSleepWithin(1, 10_000)
      yield* replay.awaitRequests(2, "chat.postMessage")
      yield* advanceToSleepWithin(1, 20_000)
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ platform: "slack", reason: "unavailable" })
      expect(posts()).toHaveLength(3)
    }),
  )

  it.scoped("400 → no retry", () =>
    Effect.gen(function* () {
      const { replay, slack, posts } = yield* setup
      replay.failNext("chat.postMessage", "invalid_blocks", 1, 400)
      const error = yield* Effect.flip(slack.post(target, { text: "report" }))
      expect(error).toMatchObject({ reason: "rejected", code: "invalid_blocks" })
      expect(posts()).toHaveLength(1)
    }),
  )
})
