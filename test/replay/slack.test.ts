import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { makeSlackReplay, type SlackReplay } from "../../src/replay/slack.js"

const TOKEN = "xoxb-replay"
const channels = {
  C1: {
    messages: [
      { ts: "100.000001", user: "U1", text: "a" },
      {
        ts: "200.000001",
        user: "U2",
        text: "b",
        replies: [
          { ts: "210.000001", user: "U3", text: "b1" },
          { ts: "220.000001", user: "U4", text: "b2" },
        ],
      },
      { ts: "300.000001", user: "U5", text: "c" },
    ],
  },
}

const readJson = async (response: Response): Promise<unknown> => response.json()
const get = (replay: SlackReplay, method: string, query: Record<string, string>, token = TOKEN) =>
  Effect.promise(async () => {
    const response = await fetch(`${replay.apiUrl}/${method}?${new URLSearchParams(query)}`, {
      headers: token === "" ? {} : { authorization: `Bearer ${token}` },
    })
    return {
      status: response.status,
      headers: response.headers,
      json: await readJson(response),
    }
  })
/** A field of a JSON answer. */
const field = (json: unknown, key: string): unknown =>
  typeof json === "object" && json !== null ? Object.getOwnPropertyDescriptor(json, key)?.value : undefined
const texts = (json: unknown) => {
  const messages = field(json, "messages")
  return Array.isArray(messages) ? messages.map((m: unknown) => field(m, "text")) : undefined
}

describe("makeSlackReplay", () => {
  it.scoped("checks the bearer token like Slack (HTTP 200, ok:false) and records its presence only", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      expect((yield* get(replay, "auth.test", {}, "")).json).toEqual({ ok: false, error: "not_authed" })
      const wrong = yield* get(replay, "auth.test", {}, "xoxb-wrong")
      expect([wrong.status, wrong.json]).toEqual([200, { ok: false, error: "invalid_auth" }])
      expect(replay.requests().map((r) => r.authorization)).toEqual(["none", "invalid"])
      expect(JSON.stringify(replay.requests())).not.toContain("xoxb-wrong")
    }),
  )

  it.scoped("accepts a form-encoded post whose blocks are a JSON string", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      const response = yield* Effect.promise(() =>
        fetch(`${replay.apiUrl}/chat.postMessage`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            channel: "C1",
            text: "hi",
            blocks: '[{"type":"divider"}]',
            thread_ts: "220.000001",
          }),
        }).then((r) => r.json()),
      )
      expect(response).toMatchObject({ ok: true, channel: "C1", message: { thread_ts: "200.000001" } })
      const thread = replay.channel("C1")?.messages[1]
      expect(thread?.replies.map((r) => [r.text, r.blocks])).toEqual([
        ["b1", undefined],
        ["b2", undefined],
        ["hi", [{ type: "divider" }]],
      ])
      expect(replay.requests()[0]?.body).toEqual({
        channel: "C1",
        text: "hi",
        blocks: [{ type: "divider" }],
        thread_ts: "220.000001",
      })
    }),
  )

  it.scoped("history: newest first, no replies, oldest/latest exclusive unless inclusive", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      expect(texts((yield* get(replay, "conversations.history", { channel: "C1" })).json)).toEqual([
        "c",
        "b",
        "a",
      ])
      const window = { channel: "C1", oldest: "100.000001", latest: "300.000001" }
      expect(texts((yield* get(replay, "conversations.history", window)).json)).toEqual(["b"])
      const inclusive = { ...window, inclusive: "true" }
      expect(texts((yield* get(replay, "conversations.history", inclusive)).json)).toEqual(["c", "b", "a"])
      const first = (yield* get(replay, "conversations.history", { channel: "C1", limit: "2" })).json
      expect([texts(first), field(first, "has_more")]).toEqual([["c", "b"], true])
      const cursor = String(field(field(first, "response_metadata"), "next_cursor"))
      const second = (yield* get(replay, "conversations.history", { channel: "C1", limit: "2", cursor })).json
      expect([texts(second), field(second, "has_more"), field(second, "response_metadata")]).toEqual([
        ["a"],
        false,
        undefined,
      ])
      const bad = (yield* get(replay, "conversations.history", { channel: "C1", cursor: "bm9wZQ==" })).json
      expect(bad).toEqual({ ok: false, error: "invalid_cursor" })
      expect(field((yield* get(replay, "conversations.history", { channel: "C9" })).json, "error")).toBe(
        "channel_not_found",
      )
    }),
  )

  it.scoped("replies: the whole thread, parent first, whichever message of it ts names", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      const byParent = (yield* get(replay, "conversations.replies", { channel: "C1", ts: "200.000001" })).json
      expect(texts(byParent)).toEqual(["b", "b1", "b2"])
      const window = {
        channel: "C1",
        ts: "220.000001",
        oldest: "220.000001",
        latest: "220.000001",
        inclusive: "1",
      }
      expect(texts((yield* get(replay, "conversations.replies", window)).json)).toEqual(["b", "b2"])
      const single = (yield* get(replay, "conversations.replies", { channel: "C1", ts: "300.000001" })).json
      expect(texts(single)).toEqual(["c"])
      const missing = (yield* get(replay, "conversations.replies", { channel: "C1", ts: "999.000001" })).json
      expect(missing).toEqual({ ok: false, error: "thread_not_found" })
    }),
  )

  it.scoped("faults: ok:false and 429 with Retry-After, each for the planned count only", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels })
      replay.rateLimitNext("auth.test", 7, 2)
      replay.failNext("auth.test", "team_not_found")
      for (let i = 0; i < 2; i++) {
        const limited = yield* get(replay, "auth.test", {})
        expect([limited.status, limited.headers.get("retry-after"), limited.json]).toEqual([
          429,
          "7",
          { ok: false, error: "ratelimited" },
        ])
      }
      expect((yield* get(replay, "auth.test", {})).json).toEqual({ ok: false, error: "team_not_found" })
      expect((yield* get(replay, "auth.test", {})).json).toMatchObject({ ok: true, user_id: "U0SREBOT" })
    }),
  )

  it.scoped("the bot's posts get a ts after every existing one, even when the clock is behind", () =>
    Effect.gen(function* () {
      const replay = yield* makeSlackReplay({ token: TOKEN, channels, now: () => 50_000 })
      const post = (text: string) =>
        Effect.promise(() =>
          fetch(`${replay.apiUrl}/chat.postMessage`, {
            method: "POST",
            headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
            body: JSON.stringify({ channel: "C1", text }),
          }).then(async (r) => field(await r.json(), "ts")),
        )
      const one = yield* post("one")
      const two = yield* post("two")
      expect([one, two]).toEqual(["300.000002", "300.000003"])
      expect((yield* get(replay, "chat.nonsense", {})).json).toEqual({ ok: false, error: "unknown_method" })
    }),
  )

  it.scoped("refuses a seed whose ts is not a Slack ts", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(
        makeSlackReplay({ token: TOKEN, channels: { C1: { messages: [{ ts: "yesterday", text: "x" }] } } }),
      )
      expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("ReplaySeedError")
    }),
  )
})
