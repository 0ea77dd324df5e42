/**
 * Discord channel history over the Discord replay: `after` the window's start with limit 100,
 * paging by moving `after` (never together with `before`), stopping past the window's end; an
 * empty bucket (X-RateLimit-Remaining: 0) waits X-RateLimit-Reset-After on the TestClock before
 * the next page; a reset beyond the budget, or a 429 that outlasts it, ends the read as
 * throttled with what was read; our own bot's messages are marked (GET /users/@me).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Fiber, Redacted, TestClock } from "effect"
import { afterAnchor, discordHistory } from "../../../src/adapters/discord/discord-history.js"
import { makeDiscordRest } from "../../../src/adapters/discord/discord-rest.js"
import { snowflakeFromTime, timeFromSnowflake } from "../../../src/adapters/discord/snowflake.js"
import { makeDiscordReplay } from "../../../src/replay/discord.js"
import { awaitSleep } from "../fetch/await-sleep.js"

const TOKEN = "discord-history-token"
const CHANNEL = "1345319652556800002"
const start = Date.parse("2026-11-27T12:00:00Z")
const BOT = "1345319652556800999"

/** 230 messages 10 s apart from `start` (three pages of 100), one of them ours, one before the window. */
const messages = [
  { id: snowflakeFromTime(start - 3_600_000), user: "old", text: "before the window" },
  ...Array.from({ length: 230 }, (_, i) => ({
    id: snowflakeFromTime(start + i * 10_000, 1),
    user: i === 5 ? "sre-on-call" : "deploy-bot",
    ...(i === 5 ? { userId: BOT } : {}),
    bot: true,
    text: `message ${i}`,
  })),
]

const window = (minutes: number) => ({
  oldest: DateTime.unsafeMake(start),
  latest: DateTime.unsafeMake(start + minutes * 60_000),
})

const setup = (options: { readonly maxResetWaitMs?: number } = {}) =>
  Effect.gen(function* () {
    const replay = yield* makeDiscordReplay({
      token: TOKEN,
      channels: { [CHANNEL]: { name: "#deploys", messages } },
    })
    const rest = makeDiscordRest({
      baseUrl: replay.apiUrl,
      token: Effect.succeed(Redacted.make(TOKEN)),
      timeoutMs: 600_000,
    })
    const ownId = rest.getCurrentUser().pipe(
      Effect.map((u): string | null => u.id),
      Effect.orElseSucceed(() => null),
    )
    const read = discordHistory(rest, ownId, { maxPages: 10, maxResetWaitMs: options.maxResetWaitMs ?? 5000 })
    const pages = () => replay.requests().filter((r) => r.operation === "getMessages")
    return { replay, read, pages }
  })

describe("discordHistory", () => {
  it("anchors `after` just before the window's first millisecond", () => {
    const anchor = afterAnchor(start)
    expect(BigInt(anchor) + 1n).toBe(BigInt(snowflakeFromTime(start)))
    expect(timeFromSnowflake(anchor)).toBe(start - 1)
  })

  it.scoped("pages with `after` only, oldest first, over the whole window", () =>
    Effect.gen(function* () {
      const { read, pages } = yield* setup()
      const history = yield* read(CHANNEL, window(60))
      expect(history.incomplete).toBeNull()
      expect(history.messages).toHaveLength(230)
      expect(history.messages[0]?.text).toBe("message 0")
      expect(history.messages[229]?.text).toBe("message 229")
      const sent = pages()
      expect(sent).toHaveLength(3)
      expect(sent.every((r) => r.query.after !== undefined && r.query.before === undefined)).toBe(true)
      expect(sent.every((r) => r.query.limit === "100" && r.query.around === undefined)).toBe(true)
      expect(sent[1]?.query.after).toBe(history.messages[99]?.messageId)
      expect(history.messages.filter((m) => m.own).map((m) => m.text)).toEqual(["message 5"])
      expect(history.messages[5]?.author).toEqual({ id: BOT, name: "sre-on-call", bot: true })
    }),
  )

  it.scoped("stops at the window's end without reading further pages", () =>
    Effect.gen(function* () {
      const { read, pages } = yield* setup()
      const history = yield* read(CHANNEL, window(10))
      expect(history.messages.map((m) => m.text).at(-1)).toBe("message 60")
      expect(history.messages).toHaveLength(61)
      expect(pages()).toHaveLength(1)
    }),
  )

  it.scoped("an empty bucket: the next page waits X-RateLimit-Reset-After on the clock", () =>
    Effect.gen(function* () {
      const { replay, read, pages } = yield* setup()
      replay.bucketNext("getMessages", 0, 2.5)
      const fiber = yield* Effect.fork(read(CHANNEL, window(60)))
      const wakeAt = yield* awaitSleep((at) => at === 2500)
      expect(wakeAt).toBe(2500)
      // Parked on the reset: the second page has not been asked for yet.
      expect(pages()).toHaveLength(1)
      yield* TestClock.adjust("2500 millis")
      const history = yield* Fiber.join(fiber)
      expect(history.incomplete).toBeNull()
      expect(history.messages).toHaveLength(230)
      expect(pages()).toHaveLength(3)
    }),
  )

  it.scoped("a reset beyond the budget ends the read as throttled, keeping the first page", () =>
    Effect.gen(function* () {
      const { replay, read, pages } = yield* setup({ maxResetWaitMs: 1000 })
      replay.bucketNext("getMessages", 0, 30)
      const history = yield* read(CHANNEL, window(60))
      expect(history.incomplete?.reason).toBe("rate_limited")
      expect(history.messages).toHaveLength(100)
      expect(pages()).toHaveLength(1)
    }),
  )

  it.scoped("a 429 waits its retry_after, then reads on", () =>
    Effect.gen(function* () {
      const { replay, read, pages } = yield* setup()
      replay.rateLimitNext("getMessages", 1.5)
      const fiber = yield* Effect.fork(read(CHANNEL, window(60)))
      yield* awaitSleep((at) => at === 1500)
      expect(pages()).toHaveLength(1)
      yield* TestClock.adjust("1500 millis")
      const history = yield* Fiber.join(fiber)
      expect(history.incomplete).toBeNull()
      expect(history.messages).toHaveLength(230)
      expect(pages()).toHaveLength(4)
    }),
  )
})
