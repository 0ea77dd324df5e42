import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Option, Redacted, TestClock } from "effect"
import { makeDiscordRest } from "../../../src/adapters/discord/discord-rest.js"
import { snowflakeFromTime } from "../../../src/adapters/discord/snowflake.js"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import { makeDiscordReplay } from "../../../src/replay/discord.js"
import { advanceToSleepAt } from "../fetch/await-sleep.js"

const TOKEN = "bot-token-replay"
const CHANNEL = "1345319652556800002"
const T0 = Date.parse("2026-11-27T13:00:00Z")
/** 250 messages, one a second from T0; ids carry their times. */
const ids = Array.from({ length: 250 }, (_, i) => snowflakeFromTime(T0 + i * 1000))
const channels = {
  [CHANNEL]: {
    name: "#alerts",
    messages: ids.map((id, i) => ({
      id,
      user: i === 0 ? "Alertmanager" : "dana",
      bot: i === 0,
      text: `m${i}`,
    })),
  },
}
const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246c2VjcmV0LXRva2VuLXZhbHVl"

const setup = (timeoutMs = 2000) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(T0 + 3_600_000)
    const replay = yield* makeDiscordReplay({ token: TOKEN, channels })
    const rest = makeDiscordRest({
      baseUrl: replay.apiUrl,
      token: Effect.succeed(Redacted.make(TOKEN)),
      timeoutMs,
    })
    return { replay, rest }
  })

describe("makeDiscordRest", () => {
  it.scoped("creates a reply that pings no one and survives a deleted anchor", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      const posted = yield* rest.createMessage({
        channelId: CHANNEL,
        content: "🔎 Investigating…",
        replyTo: ids[0] ?? "",
      })
      expect(posted.channelId).toBe(CHANNEL)
      const [request] = replay.requests()
      expect(request).toMatchObject({ method: "POST", operation: "createMessage", authorization: "valid" })
      expect(request?.body).toEqual({
        content: "🔎 Investigating…",
        allowed_mentions: { parse: [] },
        message_reference: { message_id: ids[0], fail_if_not_exists: false },
      })
      const stored = replay.channel(CHANNEL)?.messages.at(-1)
      expect([stored?.id, stored?.replyTo, stored?.author.bot]).toEqual([posted.id, ids[0], true])
      const orphan = yield* rest.createMessage({
        channelId: CHANNEL,
        content: "hi",
        replyTo: "1345319652556800003",
      })
      expect(replay.channel(CHANNEL)?.messages.at(-1)).toMatchObject({ id: orphan.id, replyTo: null })
    }),
  )

  it.scoped("edits its own message, and reads it back", () =>
    Effect.gen(function* () {
      const { rest } = yield* setup()
      const posted = yield* rest.createMessage({ channelId: CHANNEL, content: "draft" })
      yield* rest.editMessage({ channelId: CHANNEL, messageId: posted.id, content: "final" })
      const read = yield* rest.getMessage(CHANNEL, posted.id)
      expect(Option.map(read, (m) => [m.content, m.author.bot, m.editedTimestamp !== null])).toEqual(
        Option.some(["final", true, true]),
      )
      const refused = yield* Effect.flip(
        rest.editMessage({ channelId: CHANNEL, messageId: ids[1] ?? "", content: "x" }),
      )
      expect(refused).toMatchObject({ platform: "discord", reason: "rejected", code: "50005" })
    }),
  )

  it.scoped("getMessage answers None for an unknown message and fails for an unknown channel", () =>
    Effect.gen(function* () {
      const { rest } = yield* setup()
      expect(yield* rest.getMessage(CHANNEL, "1345319652556800003")).toEqual(Option.none())
      const error = yield* Effect.flip(rest.getMessage("1345319652556800099", ids[0] ?? ""))
      expect(error).toMatchObject({ reason: "rejected", code: "10003" })
      const first = yield* rest.getMessage(CHANNEL, ids[0] ?? "")
      expect(Option.map(first, (m) => [m.timestamp, m.author.username])).toEqual(
        Option.some(["2026-11-27T13:00:00.000+00:00", "Alertmanager"]),
      )
    }),
  )

  it.scoped("pages forward after a snowflake, oldest first, bounded by maxPages", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      const after = snowflakeFromTime(T0 + 19_500)
      const all = yield* rest.getMessagesAfter(CHANNEL, after, 10)
      expect(all.map((m) => m.content)).toEqual(Array.from({ length: 230 }, (_, i) => `m${i + 20}`))
      expect(replay.requests().map((r) => r.query)).toEqual([
        { after, limit: "100" },
        { after: ids[119], limit: "100" },
        { after: ids[219], limit: "100" },
      ])
      expect(yield* rest.getMessagesAfter(CHANNEL, after, 1)).toHaveLength(100)
    }),
  )

  it.scoped("getMessages returns Discord's newest-first page and refuses after with before", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      const page = yield* rest.getMessages({ channelId: CHANNEL, before: ids[10] ?? "", limit: 3 })
      expect(page.map((m) => m.content)).toEqual(["m9", "m8", "m7"])
      const refused = yield* Effect.flip(
        rest.getMessages({ channelId: CHANNEL, after: ids[1] ?? "", before: ids[10] ?? "" }),
      )
      expect(refused).toMatchObject({ reason: "rejected", code: "invalid_query" })
      expect(replay.requests()).toHaveLength(1)
    }),
  )

  it.scoped("reacts with a URL-encoded unicode emoji", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      yield* rest.addReaction({ channelId: CHANNEL, messageId: ids[0] ?? "", emoji: "👀" })
      expect(replay.requests()[0]?.path).toBe(
        `/api/v10/channels/${CHANNEL}/messages/${ids[0]}/reactions/%F0%9F%91%80/@me`,
      )
      expect([...(replay.channel(CHANNEL)?.messages[0]?.reactions ?? [])]).toEqual(["👀"])
    }),
  )

  it.scoped("on 429 waits the JSON retry_after (not the rounded header), then succeeds", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      replay.rateLimitNext("createMessage", 1.25)
      const fiber = yield* Effect.fork(rest.createMessage({ channelId: CHANNEL, content: "later" }))
      yield* replay.awaitRequests(1, "createMessage")
      const now = yield* TestClock.currentTimeMillis
      yield* advanceToSleepAt(now + 1250)
      expect((yield* Fiber.join(fiber)).channelId).toBe(CHANNEL)
      expect(replay.requests()).toHaveLength(2)
    }),
  )

  it.scoped("a 4xx is never retried", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      replay.failNext("createMessage", { status: 403, code: 50013, message: "Missing Permissions" })
      const error = yield* Effect.flip(rest.createMessage({ channelId: CHANNEL, content: "x" }))
      expect(error).toMatchObject({ reason: "rejected", code: "50013" })
      expect(error.message).toBe(
        "discord POST /channels/{channel}/messages: HTTP 403 (50013 Missing Permissions)",
      )
      expect(replay.requests()).toHaveLength(1)
    }),
  )

  it.scoped("edits the deferred @original response without bot auth; it is a channel message", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      const original = replay.registerInteraction({
        applicationId: "777",
        token: INTERACTION_TOKEN,
        channelId: CHANNEL,
      })
      const edited = yield* rest.editOriginalInteractionResponse({
        applicationId: "777",
        token: Redacted.make(INTERACTION_TOKEN),
        content: "🔎 Investigating…",
      })
      expect(edited).toEqual({ channelId: CHANNEL, id: original.id })
      expect(replay.requests()[0]).toMatchObject({ method: "PATCH", authorization: "none" })
      expect(replay.channel(CHANNEL)?.messages.at(-1)).toMatchObject({
        id: original.id,
        content: "🔎 Investigating…",
      })
      const follow = yield* rest.createFollowup({
        applicationId: "777",
        token: Redacted.make(INTERACTION_TOKEN),
        content: "only you",
        ephemeral: true,
      })
      expect(replay.ephemeral().map((m) => m.id)).toEqual([follow.id])
      expect(replay.requests()[1]?.body).toEqual({
        content: "only you",
        allowed_mentions: { parse: [] },
        flags: 64,
      })
    }),
  )

  it.scoped("the interaction token appears in no error message and no log line", () =>
    Effect.gen(function* () {
      const lines: Array<string> = []
      const { replay, rest } = yield* setup()
      const edit = rest.editOriginalInteractionResponse({
        applicationId: "777",
        token: Redacted.make(INTERACTION_TOKEN),
        content: "x",
      })
      const unknown = yield* Effect.flip(edit)
      replay.registerInteraction({ applicationId: "777", token: INTERACTION_TOKEN, channelId: CHANNEL })
      replay.failNext("editOriginal", { status: 400, code: 50035, message: `bad token ${INTERACTION_TOKEN}` })
      const echoed = yield* Effect.flip(edit)
      replay.rateLimitNext("editOriginal", 0.5)
      yield* Effect.fork(edit.pipe(Effect.provide(captureLoggerLayer(lines))))
      yield* replay.awaitRequests(3, "editOriginal")
      yield* advanceToSleepAt((yield* TestClock.currentTimeMillis) + 500)
      yield* replay.awaitRequests(4, "editOriginal")
      expect(unknown).toMatchObject({ reason: "rejected", code: "10015" })
      expect(echoed).toMatchObject({ reason: "rejected", code: "50035" })
      for (const text of [
        unknown.message,
        echoed.message,
        JSON.stringify(unknown),
        JSON.stringify(echoed),
        ...lines,
      ])
        expect(text).not.toContain(INTERACTION_TOKEN)
      expect(echoed.message).toContain("<redacted>")
      expect(lines.some((l) => l.includes("http call retry"))).toBe(true)
    }),
  )

  it.scoped("an expired interaction token is refused like Discord's", () =>
    Effect.gen(function* () {
      const { replay, rest } = yield* setup()
      replay.registerInteraction({ applicationId: "777", token: INTERACTION_TOKEN, channelId: CHANNEL })
      yield* TestClock.adjust("16 minutes")
      const error = yield* Effect.flip(
        rest.editOriginalInteractionResponse({
          applicationId: "777",
          token: Redacted.make(INTERACTION_TOKEN),
          content: "x",
        }),
      )
      expect(error).toMatchObject({ reason: "rejected", code: "50027" })
    }),
  )

  it.scoped("a wrong bot token is a 401 rejection", () =>
    Effect.gen(function* () {
      const { replay } = yield* setup()
      const rest = makeDiscordRest({
        baseUrl: replay.apiUrl,
        token: Effect.succeed(Redacted.make("nope")),
        timeoutMs: 2000,
      })
      const error = yield* Effect.flip(rest.getMessages({ channelId: CHANNEL }))
      expect(error).toMatchObject({ reason: "rejected", code: "401" })
      expect(replay.requests()[0]?.authorization).toBe("invalid")
    }),
  )
})
