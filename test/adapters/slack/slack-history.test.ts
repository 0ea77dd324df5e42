/**
 * Slack channel history over the Slack replay: every page of conversations.history (cursor
 * pagination, not just the first 200), thread replies through conversations.replies, our own
 * posts marked, the window honoured, Retry-After waited on the TestClock, and a 429 that
 * outlasts the budget ending the read as throttled with what was read.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Fiber, Redacted } from "effect"
import { slackHistory, slackTsMillis, slackTsOf } from "../../../src/adapters/slack/slack-history.js"
import { makeSlackWebApi } from "../../../src/adapters/slack/slack-web-api.js"
import { makeSlackReplay } from "../../../src/replay/slack.js"
import { advanceToSleepAt } from "../fetch/await-sleep.js"

const TOKEN = "xoxb-history-token"
const base = Date.parse("2026-11-27T13:00:00Z") / 1000

/** Seven top-level messages a minute apart; the third has a thread (a person, then our bot). */
const channels = {
  C0DEPLOYS: {
    name: "#deploys",
    messages: [
      ...Array.from({ length: 7 }, (_, i) => ({
        ts: `${base + i * 60}.000100`,
        user: "U0CI",
        bot: true,
        text: `deploy ${i}`,
        ...(i === 2
          ? {
              replies: [
                { ts: `${base + 150}.000200`, user: "U0DANA", text: "watching it" },
                { ts: `${base + 160}.000300`, user: "U0SREBOT", botId: "B0SREBOT", text: "🔎 our notice" },
              ],
            }
          : {}),
      })),
      { ts: `${base - 3600}.000100`, user: "U0OLD", text: "before the window" },
    ],
  },
}

const window = {
  oldest: DateTime.unsafeMake((base - 60) * 1000),
  latest: DateTime.unsafeMake((base + 600) * 1000),
}

const setup = (pageSize = 3, timeoutMs = 2000) =>
  Effect.gen(function* () {
    const replay = yield* makeSlackReplay({ token: TOKEN, channels })
    const api = makeSlackWebApi({
      baseUrl: replay.apiUrl,
      token: Effect.succeed(Redacted.make(TOKEN)),
      timeoutMs,
    })
    const read = slackHistory(api, Effect.succeed({ userId: "U0SREBOT", botId: "B0SREBOT" }), {
      pageSize,
      maxPages: 10,
      maxThreads: 20,
    })
    return { replay, read }
  })

describe("slackHistory", () => {
  it("converts between epoch ms and Slack ts", () => {
    expect(slackTsOf(1795784700123)).toBe("1795784700.123000")
    expect(slackTsMillis("1795784700.000200")).toBe(1795784700000)
    expect(slackTsMillis("not-a-ts")).toBeNull()
  })

  it.scoped("follows next_cursor over every page, then reads the threads", () =>
    Effect.gen(function* () {
      const { replay, read } = yield* setup(3)
      const history = yield* read("C0DEPLOYS", window)
      expect(history.incomplete).toBeNull()
      expect(history.messages.map((m) => m.text)).toEqual([
        "deploy 0",
        "deploy 1",
        "deploy 2",
        "watching it",
        "🔎 our notice",
        "deploy 3",
        "deploy 4",
        "deploy 5",
        "deploy 6",
      ])
      const calls = replay.requests()
      const pages = calls.filter((r) => r.operation === "conversations.history")
      expect(pages).toHaveLength(3)
      expect(pages[0]?.query.cursor).toBeUndefined()
      expect(pages[1]?.query.cursor).toBeTruthy()
      expect(pages.every((p) => p.query.limit === "3" && p.query.inclusive === "true")).toBe(true)
      const threads = calls.filter((r) => r.operation === "conversations.replies")
      expect(threads.map((r) => r.query.ts)).toEqual([`${base + 120}.000100`])
      expect(history.pages).toBe(4)
      const reply = history.messages.find((m) => m.text === "watching it")
      expect(reply).toMatchObject({ threadId: `${base + 120}.000100`, own: false })
      expect(history.messages.find((m) => m.text === "🔎 our notice")?.own).toBe(true)
      expect(history.messages.filter((m) => m.own)).toHaveLength(1)
    }),
  )

  it.scoped("waits what Retry-After asks (on the clock), then reads on", () =>
    Effect.gen(function* () {
      // Slow per-attempt timeouts, so the only sleep due at 2 s is the Retry-After wait.
      const { replay, read } = yield* setup(10, 600_000)
      replay.rateLimitNext("conversations.history", 2)
      const fiber = yield* Effect.fork(read("C0DEPLOYS", window))
      yield* advanceToSleepAt(2000)
      const history = yield* Fiber.join(fiber)
      expect(history.incomplete).toBeNull()
      expect(history.messages).toHaveLength(9)
      expect(replay.requests().filter((r) => r.operation === "conversations.history")).toHaveLength(2)
    }),
  )

  it.scoped("throttled beyond the budget: stops, keeps what it read, and says so", () =>
    Effect.gen(function* () {
      const { replay, read } = yield* setup(3)
      // Every history page answers; the thread stays throttled for longer than a call may wait.
      replay.rateLimitNext("conversations.replies", 60, 3)
      const history = yield* read("C0DEPLOYS", window)
      expect(history.incomplete?.reason).toBe("rate_limited")
      expect(history.incomplete?.message).toContain("rate limited")
      expect(history.messages.map((m) => m.text)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `deploy ${i}`))
      expect(replay.requests().filter((r) => r.operation === "conversations.replies")).toHaveLength(1)
    }),
  )

  it.scoped("throttled on the first page: nothing read, and it says so", () =>
    Effect.gen(function* () {
      const { replay, read } = yield* setup(3)
      replay.rateLimitNext("conversations.history", 60, 3)
      const history = yield* read("C0DEPLOYS", window)
      expect(history).toMatchObject({ messages: [], pages: 1, incomplete: { reason: "rate_limited" } })
    }),
  )
})
