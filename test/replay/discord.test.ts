import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { snowflakeFromTime } from "../../src/adapters/discord/snowflake.js"
import { type DiscordReplay, makeDiscordReplay } from "../../src/replay/discord.js"

const TOKEN = "bot-token"
const CHANNEL = "1345319652556800002"
const T0 = Date.parse("2026-11-27T13:00:00Z")
const ids = Array.from({ length: 10 }, (_, i) => snowflakeFromTime(T0 + i * 60_000))
const channels = { [CHANNEL]: { messages: ids.map((id, i) => ({ id, user: "dana", text: `m${i}` })) } }

const call = (
  replay: DiscordReplay,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = `Bot ${TOKEN}`,
) =>
  Effect.promise(async () => {
    const headers: Record<string, string> = { "content-type": "application/json" }
    if (auth !== null) headers.authorization = auth
    const init: RequestInit = { method, headers }
    if (body !== undefined) init.body = JSON.stringify(body)
    const response = await fetch(`${replay.apiUrl}${path}`, init)
    const text = await response.text()
    const json: unknown = text === "" ? null : JSON.parse(text)
    return { status: response.status, headers: response.headers, json }
  })
/** A string field of a JSON answer ("" when absent). */
const field = (json: unknown, key: string): string => {
  const value =
    typeof json === "object" && json !== null ? Object.getOwnPropertyDescriptor(json, key)?.value : undefined
  return typeof value === "string" ? value : ""
}
const contents = (json: unknown) => (Array.isArray(json) ? json.map((m: unknown) => field(m, "content")) : [])
const messages = `/channels/${CHANNEL}/messages`

describe("makeDiscordReplay", () => {
  it.scoped("wants `Bot <token>` on channel routes, answering 401 in Discord's error shape", () =>
    Effect.gen(function* () {
      const replay = yield* makeDiscordReplay({ token: TOKEN, channels })
      expect(yield* call(replay, "GET", messages, undefined, null)).toMatchObject({
        status: 401,
        json: { message: "401: Unauthorized", code: 0 },
      })
      expect((yield* call(replay, "GET", messages, undefined, `Bearer ${TOKEN}`)).status).toBe(401)
      expect(replay.requests().map((r) => r.authorization)).toEqual(["none", "invalid"])
    }),
  )

  it.scoped("pages newest first with before / after / around, one anchor at a time, limit 1–100", () =>
    Effect.gen(function* () {
      const replay = yield* makeDiscordReplay({ token: TOKEN, channels })
      const page = (query: string) =>
        call(replay, "GET", `${messages}?${query}`).pipe(Effect.map((r) => r.json))
      expect(contents(yield* page("limit=3"))).toEqual(["m9", "m8", "m7"])
      expect(contents(yield* page(`before=${ids[5]}&limit=2`))).toEqual(["m4", "m3"])
      expect(contents(yield* page(`after=${ids[5]}&limit=2`))).toEqual(["m7", "m6"])
      expect(contents(yield* page(`around=${ids[5]}&limit=3`))).toEqual(["m6", "m5", "m4"])
      for (const bad of [`after=${ids[1]}&before=${ids[5]}`, "limit=0", "limit=101", "before=abc"])
        expect(yield* call(replay, "GET", `${messages}?${bad}`)).toMatchObject({
          status: 400,
          json: { code: 50035 },
        })
      expect(yield* call(replay, "GET", "/channels/1/messages")).toMatchObject({
        status: 404,
        json: { code: 10003 },
      })
    }),
  )

  it.scoped("stamps messages with ids that carry the clock's time, and validates content", () =>
    Effect.gen(function* () {
      const replay = yield* makeDiscordReplay({ token: TOKEN, channels, now: () => T0 + 3_600_000 })
      const posted = yield* call(replay, "POST", messages, { content: "hello" })
      expect(posted.json).toMatchObject({ channel_id: CHANNEL, timestamp: "2026-11-27T14:00:00.000+00:00" })
      expect(field(posted.json, "id")).toBe(snowflakeFromTime(T0 + 3_600_000))
      const again = yield* call(replay, "POST", messages, { content: "again" })
      expect(BigInt(field(again.json, "id"))).toBe(BigInt(field(posted.json, "id")) + 1n)
      expect(yield* call(replay, "POST", messages, { content: "" })).toMatchObject({
        status: 400,
        json: { code: 50006 },
      })
      expect(yield* call(replay, "POST", messages, { content: "x".repeat(2001) })).toMatchObject({
        status: 400,
        json: { code: 50035 },
      })
      const strict = { content: "r", message_reference: { message_id: "1345319652556800003" } }
      expect((yield* call(replay, "POST", messages, strict)).status).toBe(400)
    }),
  )

  it.scoped("answers a planned 429 with retry_after in the body and the rate-limit headers", () =>
    Effect.gen(function* () {
      const replay = yield* makeDiscordReplay({ token: TOKEN, channels, now: () => T0 })
      replay.rateLimitNext("getMessages", 2.5)
      const limited = yield* call(replay, "GET", messages)
      expect(limited.status).toBe(429)
      expect(limited.json).toEqual({
        message: "You are being rate limited.",
        retry_after: 2.5,
        global: false,
      })
      expect(
        ["retry-after", "x-ratelimit-remaining", "x-ratelimit-reset-after", "x-ratelimit-scope"].map((h) =>
          limited.headers.get(h),
        ),
      ).toEqual(["3", "0", "2.500", "user"])
      expect((yield* call(replay, "GET", messages)).status).toBe(200)
    }),
  )

  it.scoped("interaction webhooks: unknown token 404, emoji checked, @original shown in the channel", () =>
    Effect.gen(function* () {
      const replay = yield* makeDiscordReplay({ token: TOKEN, channels })
      expect(
        yield* call(replay, "PATCH", "/webhooks/1/tok/messages/@original", { content: "x" }, null),
      ).toMatchObject({
        status: 404,
        json: { code: 10015 },
      })
      const original = replay.registerInteraction({ applicationId: "1", token: "tok", channelId: CHANNEL })
      expect(replay.channel(CHANNEL)?.messages.at(-1)).toMatchObject({ id: original.id, flags: 128 })
      const edited = yield* call(
        replay,
        "PATCH",
        "/webhooks/1/tok/messages/@original",
        { content: "done" },
        null,
      )
      expect(edited.json).toMatchObject({ id: original.id, content: "done", flags: 0 })
      const react = (emoji: string) => call(replay, "PUT", `${messages}/${ids[0]}/reactions/${emoji}/@me`)
      expect((yield* react(encodeURIComponent("👀"))).status).toBe(204)
      expect((yield* react("eyes")).json).toMatchObject({ code: 10014 })
    }),
  )

  it.scoped("refuses a seed whose snowflake disagrees with its timestamp", () =>
    Effect.gen(function* () {
      const seed = { id: ids[0] ?? "", timestamp: "2026-11-27T12:00:00Z", user: "x", text: "y" }
      const exit = yield* Effect.exit(
        makeDiscordReplay({ token: TOKEN, channels: { [CHANNEL]: { messages: [seed] } } }),
      )
      expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("ReplaySeedError")
      const agreeing = { ...seed, timestamp: "2026-11-27T13:00:00Z" }
      const ok = yield* Effect.exit(
        makeDiscordReplay({ token: TOKEN, channels: { [CHANNEL]: { messages: [agreeing] } } }),
      )
      expect(Exit.isSuccess(ok)).toBe(true)
    }),
  )
})
