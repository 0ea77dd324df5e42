import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Option, Redacted, Ref } from "effect"
import { makeSlackWebApi } from "../../../src/adapters/slack/slack-web-api.js"
import { ChatError } from "../../../src/ports/chat-platform.js"
import { makeSlackReplay } from "../../../src/replay/slack.js"
import { advanceToSleepAt } from "../fetch/await-sleep.js"

const TOKEN = "xoxb-replay-token"
const ALERT = "1795784700.000200"
const REPLY = "1795784710.000300"

/** Five chatter messages around the alert, which has a thread of two replies. */
const channels = {
  C0ALERTS: {
    name: "#alerts",
    messages: [
      { ts: "1795784600.000100", user: "U0A", text: "one" },
      { ts: "1795784650.000100", user: "U0B", text: "two" },
      {
        ts: ALERT,
        user: "U0AM",
        bot: true,
        username: "Alertmanager",
        text: "",
        attachments: [{ title: "[FIRING:1] KubePodCrashLooping", text: "payments-api" }],
        replies: [
          { ts: REPLY, user: "U0DANA", text: "looking" },
          { ts: "1795784720.000400", user: "U0EVE", text: "me too" },
        ],
      },
      { ts: "1795784800.000100", user: "U0C", text: "four" },
      { ts: "1795784900.000100", user: "U0D", text: "five" },
    ],
  },
}

const setup = (timeoutMs = 2000) =>
  Effect.gen(function* () {
    const replay = yield* makeSlackReplay({ token: TOKEN, channels })
    const api = makeSlackWebApi({
      baseUrl: replay.apiUrl,
      token: Effect.succeed(Redacted.make(TOKEN)),
      timeoutMs,
    })
    return { replay, api }
  })

describe("makeSlackWebApi", () => {
  it.scoped("auth.test returns the bot identity", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      expect(yield* api.authTest()).toEqual({
        userId: "U0SREBOT",
        botId: "B0SREBOT",
        teamId: "T0REPLAY",
        team: "Replay",
      })
      expect(replay.requests()[0]).toMatchObject({
        method: "POST",
        operation: "auth.test",
        authorization: "valid",
      })
    }),
  )

  it.scoped("posts top level and in a thread with unfurls off; later reads see the posts", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      const top = yield* api.postMessage({ channel: "C0ALERTS", text: "🔎 Investigation started" })
      const inThread = yield* api.postMessage({
        channel: "C0ALERTS",
        text: "report",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "*report*" } }],
        threadTs: ALERT,
      })
      expect(top.channel).toBe("C0ALERTS")
      const posts = replay.requests().filter((r) => r.operation === "chat.postMessage")
      expect(posts.map((r) => r.body)).toEqual([
        { channel: "C0ALERTS", text: "🔎 Investigation started", unfurl_links: false, unfurl_media: false },
        {
          channel: "C0ALERTS",
          text: "report",
          blocks: [{ type: "section", text: { type: "mrkdwn", text: "*report*" } }],
          thread_ts: ALERT,
          unfurl_links: false,
          unfurl_media: false,
        },
      ])
      const newest = yield* api.history({ channel: "C0ALERTS", limit: 1 })
      expect(newest.messages.map((m) => [m.ts, m.text, m.botId])).toEqual([
        [top.ts, "🔎 Investigation started", "B0SREBOT"],
      ])
      const thread = yield* api.replies({ channel: "C0ALERTS", ts: ALERT })
      expect(thread.messages.map((m) => m.ts)).toEqual([ALERT, REPLY, "1795784720.000400", inThread.ts])
      expect(thread.messages[3]?.blocks).toHaveLength(1)
    }),
  )

  it.scoped("updates its own message; Slack's refusal for someone else's is a rejected ChatError", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      const posted = yield* api.postMessage({ channel: "C0ALERTS", text: "draft", threadTs: ALERT })
      yield* api.update({ channel: "C0ALERTS", ts: posted.ts, text: "final" })
      expect(replay.channel("C0ALERTS")?.messages[2]?.replies[2]?.text).toBe("final")
      const error = yield* Effect.flip(api.update({ channel: "C0ALERTS", ts: REPLY, text: "hijack" }))
      expect(error).toMatchObject({
        _tag: "ChatError",
        platform: "slack",
        reason: "rejected",
        code: "cant_update_message",
      })
    }),
  )

  it.scoped("reacts (colons stripped) and treats already_reacted as success", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      yield* api.addReaction({ channel: "C0ALERTS", ts: ALERT, name: ":eyes:" })
      yield* api.addReaction({ channel: "C0ALERTS", ts: ALERT, name: "eyes" })
      expect(replay.channel("C0ALERTS")?.messages[2]?.reactions.get("eyes")).toEqual(["U0SREBOT"])
      expect(replay.requests().map((r) => r.body)).toEqual([
        { channel: "C0ALERTS", timestamp: ALERT, name: "eyes" },
        { channel: "C0ALERTS", timestamp: ALERT, name: "eyes" },
      ])
      const missing = yield* Effect.flip(
        api.addReaction({ channel: "C0ALERTS", ts: "1.000001", name: "eyes" }),
      )
      expect(missing.code).toBe("message_not_found")
    }),
  )

  it.scoped("history pages newest first by cursor, and historyAll stops at maxPages", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      const first = yield* api.history({ channel: "C0ALERTS", limit: 2 })
      expect(first.messages.map((m) => m.text)).toEqual(["five", "four"])
      expect(first.nextCursor).not.toBeNull()
      const all = yield* api.historyAll({ channel: "C0ALERTS", limit: 2 }, 10)
      expect(all.map((m) => m.ts)).toEqual([
        "1795784900.000100",
        "1795784800.000100",
        ALERT,
        "1795784650.000100",
        "1795784600.000100",
      ])
      const reads = replay.requests().filter((r) => r.operation === "conversations.history")
      expect(reads.map((r) => [r.method, r.query.cursor === undefined])).toEqual([
        ["GET", true],
        ["GET", true],
        ["GET", false],
        ["GET", false],
      ])
      const bounded = yield* api.historyAll({ channel: "C0ALERTS", limit: 2 }, 2)
      expect(bounded).toHaveLength(4)
      const windowed = yield* api.historyAll(
        { channel: "C0ALERTS", oldest: ALERT, latest: "1795784900.000100" },
        3,
      )
      expect(windowed.map((m) => m.text)).toEqual(["four"])
    }),
  )

  it.scoped("repliesAll follows the thread's cursor without repeating the parent", () =>
    Effect.gen(function* () {
      const { api } = yield* setup()
      const thread = yield* api.repliesAll({ channel: "C0ALERTS", ts: ALERT, limit: 1 }, 5)
      expect(thread.map((m) => m.text)).toEqual(["", "looking", "me too"])
      expect(thread[0]?.attachments).toHaveLength(1)
    }),
  )

  it.scoped("repliesAll keeps the parent once when Slack repeats it on every page", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels, repliesParentOnEveryPage: true })
      const api = makeSlackWebApi({
        baseUrl: replay.apiUrl,
        token: Effect.succeed(Redacted.make(TOKEN)),
        timeoutMs: 2000,
      })
      const second = yield* api
        .replies({ channel: "C0ALERTS", ts: ALERT, limit: 1, cursor: "" })
        .pipe(
          Effect.flatMap((first) =>
            api.replies({ channel: "C0ALERTS", ts: ALERT, limit: 1, cursor: first.nextCursor ?? "" }),
          ),
        )
      expect(second.messages.map((m) => m.text)).toEqual(["", "looking"])
      const thread = yield* api.repliesAll({ channel: "C0ALERTS", ts: ALERT, limit: 1 }, 5)
      expect(thread.map((m) => m.text)).toEqual(["", "looking", "me too"])
    }),
  )

  it.scoped("fetchMessage finds a top-level message with one history call", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      const found = yield* api.fetchMessage("C0ALERTS", ALERT)
      expect(Option.map(found, (m) => [m.ts, m.username, m.botId])).toEqual(
        Option.some([ALERT, "Alertmanager", "BU0AM"]),
      )
      expect(replay.requests().map((r) => [r.operation, r.query])).toEqual([
        [
          "conversations.history",
          { channel: "C0ALERTS", oldest: ALERT, latest: ALERT, inclusive: "true", limit: "1" },
        ],
      ])
    }),
  )

  it.scoped("fetchMessage finds a thread reply through conversations.replies, not its parent", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      const found = yield* api.fetchMessage("C0ALERTS", REPLY)
      expect(Option.map(found, (m) => [m.ts, m.text, m.threadTs])).toEqual(
        Option.some([REPLY, "looking", ALERT]),
      )
      expect(replay.requests().map((r) => r.operation)).toEqual([
        "conversations.history",
        "conversations.replies",
      ])
      expect(yield* api.fetchMessage("C0ALERTS", "1795784999.000001")).toEqual(Option.none())
    }),
  )

  it.scoped("permalinks point into the thread for a reply", () =>
    Effect.gen(function* () {
      const { api } = yield* setup()
      expect(yield* api.getPermalink({ channel: "C0ALERTS", messageTs: REPLY })).toBe(
        "https://replay.slack.com/archives/C0ALERTS/p1795784710000300?thread_ts=1795784700.000200&cid=C0ALERTS",
      )
    }),
  )

  it.scoped("ok:false is ChatError(rejected) with Slack's code, after one request", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      replay.failNext("chat.postMessage", "channel_not_found")
      const error = yield* Effect.flip(api.postMessage({ channel: "C0ALERTS", text: "x" }))
      expect(error).toBeInstanceOf(ChatError)
      expect(error).toMatchObject({ platform: "slack", operation: "chat.postMessage", reason: "rejected" })
      expect(error.code).toBe("channel_not_found")
      expect(replay.requests()).toHaveLength(1)
    }),
  )

  it.scoped("an HTTP 4xx is never retried", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      replay.failNext("chat.update", "invalid_arguments", 1, 400)
      const error = yield* Effect.flip(api.update({ channel: "C0ALERTS", ts: ALERT, text: "x" }))
      expect(error).toMatchObject({ reason: "rejected", code: "invalid_arguments" })
      expect(replay.requests()).toHaveLength(1)
    }),
  )

  it.scoped("on 429 waits Retry-After on the clock, then succeeds", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      replay.rateLimitNext("chat.postMessage", 1)
      const fiber = yield* Effect.fork(api.postMessage({ channel: "C0ALERTS", text: "after the wait" }))
      yield* replay.awaitRequests(1, "chat.postMessage")
      yield* advanceToSleepAt(1000)
      const posted = yield* Fiber.join(fiber)
      expect(posted.channel).toBe("C0ALERTS")
      expect(replay.requests().filter((r) => r.operation === "chat.postMessage")).toHaveLength(2)
    }),
  )

  it.scoped("a Retry-After beyond the budget fails rate_limited without waiting", () =>
    Effect.gen(function* () {
      const { api, replay } = yield* setup()
      replay.rateLimitNext("conversations.history", 60)
      const error = yield* Effect.flip(api.history({ channel: "C0ALERTS" }))
      expect(error).toMatchObject({ reason: "rate_limited", code: "ratelimited" })
      expect(replay.requests()).toHaveLength(1)
    }),
  )

  it.scoped("an unanswered call times out as unavailable", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      const api = makeSlackWebApi({
        baseUrl: replay.apiUrl,
        token: Effect.succeed(Redacted.make(TOKEN)),
        timeoutMs: 1500,
        retry: { maxAttempts: 1 },
      })
      replay.hangNext("chat.postMessage")
      const fiber = yield* Effect.fork(Effect.flip(api.postMessage({ channel: "C0ALERTS", text: "x" })))
      yield* replay.awaitRequests(1)
      yield* advanceToSleepAt(1500)
      expect(yield* Fiber.join(fiber)).toMatchObject({ reason: "unavailable", code: "timeout" })
    }),
  )

  it.scoped("reads the token on every call, so a rotated secret is used at once", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      const current = yield* Ref.make("xoxb-old")
      const api = makeSlackWebApi({
        baseUrl: replay.apiUrl,
        token: Ref.get(current).pipe(Effect.map(Redacted.make)),
        timeoutMs: 2000,
      })
      expect(yield* Effect.flip(api.authTest())).toMatchObject({ reason: "rejected", code: "invalid_auth" })
      yield* Ref.set(current, TOKEN)
      expect((yield* api.authTest()).userId).toBe("U0SREBOT")
      expect(replay.requests().map((r) => r.authorization)).toEqual(["invalid", "valid"])
    }),
  )

  it.scoped("a token failure passes through untouched", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      const api = makeSlackWebApi({
        baseUrl: replay.apiUrl,
        token: Effect.fail("no token" as const),
        timeoutMs: 2000,
      })
      expect(yield* Effect.flip(api.authTest())).toBe("no token")
      expect(replay.requests()).toHaveLength(0)
    }),
  )
})
