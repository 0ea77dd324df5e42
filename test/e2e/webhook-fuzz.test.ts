/**
 * Fuzzing the webhook edge (fast-check, fixed seeds): malformed JSON, non-object JSON, unknown
 * types, missing fields and wrong types, huge strings, unicode — correctly signed, so they get
 * past verification — are answered 4xx or a logged 200, never a 5xx or a thrown request.
 * Unsigned or badly signed deliveries are 401; bodies over the limit are 413 on every route.
 * The full intake runtime runs underneath (Slack/Discord replays, in-process queue, dispatcher).
 */
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { snowflakeFromTime } from "../../src/adapters/discord/snowflake.js"
import { signDiscordRequest, signSlackRequest } from "../../src/cli/synthetic.js"
import { defaultConfig } from "../../src/domain/config.js"
import { parsedLogs } from "../support/dispatch-rig.js"
import {
  discordBotToken,
  discordSeed,
  type Harness,
  makeHarness,
  slackBotToken,
  slackBotUser,
  slackSecret,
} from "../support/intake-harness.js"

const limit = defaultConfig.limits.request_body_bytes

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Any text, including astral-plane code points; a leading BOM is tested on its own (see below). */
const anyText = fc
  .oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }))
  .filter((s) => !s.startsWith("\uFEFF"))

/**
 * A long string: up to 3 code points repeated up to 8,000 times, so at most 144 KB even when every
 * code point is a control character JSON escapes to 6 bytes. A body holds at most six of them
 * (Discord: 3 options + 3 resolved messages), which stays under the 1 MiB limit.
 */
const hugeText = fc
  .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 3 }), fc.integer({ min: 1_000, max: 8_000 }))
  .map(([s, n]) => s.repeat(n))

const jsonValue = fc.jsonValue({ maxDepth: 3 })

/** Mostly the right type, sometimes any JSON value (a wrong type), sometimes absent (via record). */
const field = <A>(right: fc.Arbitrary<A>) =>
  fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: jsonValue, weight: 1 })

const slackTs = fc.oneof(
  fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).map((s) => `${s}.000100`),
  fc.constantFrom("1795784000.000100", "0", "1.1", "99999999999999999999.1", ""),
  anyText,
)
const slackText = fc.oneof(
  { arbitrary: anyText.map((t) => `<@${slackBotUser}> ${t}`), weight: 3 },
  { arbitrary: fc.constantFrom("[FIRING:1] KubePodCrashLooping payments", "thanks!", ""), weight: 2 },
  { arbitrary: hugeText, weight: 1 },
)

/** Marks a key for deletion in `mutated` (compared by identity, so no JSON value can equal it). */
const deleted: Readonly<Record<string, never>> = Object.freeze({})

/**
 * A valid object with 0–3 of its keys replaced by a random JSON value (a wrong type) or deleted:
 * deliveries that are almost right, which is where parsers break.
 */
const mutated = <T extends Readonly<Record<string, unknown>>>(
  valid: fc.Arbitrary<T>,
  keys: ReadonlyArray<string>,
): fc.Arbitrary<Readonly<Record<string, unknown>>> => {
  const change = fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constant(deleted), jsonValue))
  const changes = fc.oneof(
    { arbitrary: fc.constant([]), weight: 2 },
    { arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }), weight: 3 },
  )
  return fc.tuple(valid, changes).map(([object, edits]) => {
    const out: Record<string, unknown> = { ...object }
    for (const [key, value] of edits) {
      if (value === deleted) delete out[key]
      else out[key] = value
    }
    return out
  })
}

/** A Slack ts a few seconds to a few hours ago (unique enough that most claims are new). */
const recentTs = fc
  .tuple(fc.integer({ min: 1, max: 4 * 3600 }), fc.integer({ min: 0, max: 999_999 }))
  .map(
    ([agoSeconds, micros]) =>
      `${Math.floor(Date.now() / 1000) - agoSeconds}.${String(micros).padStart(6, "0")}`,
  )

const validMention = fc
  .tuple(
    fc.record({
      type: fc.constant("app_mention"),
      user: fc.constantFrom("U0ONCALL01", "U0GRAFANA"),
      text: slackText,
      ts: recentTs,
      channel: fc.constantFrom("C0ALERTS", "C0ALERTS", "C0FUZZ"),
      event_ts: recentTs,
    }),
    // mostly top level; sometimes inside a thread (the parent is then fetched from the replay)
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.oneof(recentTs, fc.constant("1795784000.000100")), weight: 1 },
    ),
  )
  .map(([mention, threadTs]) => (threadTs === undefined ? mention : { ...mention, thread_ts: threadTs }))

const validReaction = fc.record({
  type: fc.constant("reaction_added"),
  user: fc.constant("U0ONCALL01"),
  reaction: fc.constantFrom("sre-on-call", "sre-on-call::skin-tone-3", "thumbsup"),
  item: fc.record({
    type: fc.constant("message"),
    channel: fc.constantFrom("C0ALERTS", "C0FUZZ"),
    ts: fc.oneof(fc.constant("1795784000.000100"), recentTs),
  }),
  event_ts: recentTs,
})

const nearlyValidEnvelope = mutated(
  fc.record({
    type: fc.constant("event_callback"),
    team_id: fc.constant("T0ACME001"),
    event_id: fc.string({ minLength: 1, maxLength: 12 }),
    authorizations: fc.constant([{ team_id: "T0ACME001", user_id: slackBotUser, is_bot: true }]),
    event: fc.oneof(
      mutated(validMention, ["type", "subtype", "user", "bot_id", "text", "ts", "thread_ts", "channel"]),
      mutated(validReaction, ["type", "user", "reaction", "item", "event_ts"]),
    ),
  }),
  ["type", "team_id", "authorizations", "event", "challenge"],
)

const appMention = fc.record(
  {
    type: fc.oneof({ arbitrary: fc.constant("app_mention"), weight: 5 }, { arbitrary: jsonValue, weight: 1 }),
    subtype: field(fc.constantFrom("bot_message", "thread_broadcast", "message_changed", "channel_join")),
    user: field(fc.constantFrom("U0ONCALL01", slackBotUser, "")),
    bot_id: field(fc.constantFrom("B0GRAFANA", "B0SREBOT")),
    username: field(anyText),
    text: field(slackText),
    ts: field(slackTs),
    thread_ts: field(slackTs),
    channel: field(fc.oneof(fc.constantFrom("C0ALERTS", "C0NOWHERE"), anyText)),
    blocks: jsonValue,
  },
  { requiredKeys: [] },
)

const reactionAdded = fc.record(
  {
    type: fc.oneof(
      { arbitrary: fc.constant("reaction_added"), weight: 5 },
      { arbitrary: jsonValue, weight: 1 },
    ),
    user: field(fc.constantFrom("U0ONCALL01", slackBotUser)),
    reaction: field(fc.oneof(fc.constantFrom("sre-on-call", "sre-on-call::skin-tone-2", "eyes"), anyText)),
    item: field(
      fc.record(
        {
          type: field(fc.oneof(fc.constantFrom("message", "file"), anyText)),
          channel: field(fc.constantFrom("C0ALERTS", "C0NOWHERE")),
          ts: field(slackTs),
        },
        { requiredKeys: [] },
      ),
    ),
    event_ts: field(slackTs),
  },
  { requiredKeys: [] },
)

const envelope = fc
  .tuple(
    fc.record(
      {
        type: fc.oneof(
          { arbitrary: fc.constant("event_callback"), weight: 6 },
          {
            arbitrary: fc.constantFrom(
              "url_verification",
              "app_rate_limited",
              "block_actions",
              "interactive_message",
            ),
            weight: 2,
          },
          { arbitrary: anyText, weight: 1 },
          { arbitrary: jsonValue, weight: 1 },
        ),
        challenge: field(anyText),
        team_id: field(fc.constantFrom("T0ACME001", "")),
        event_id: field(anyText),
        authorizations: field(
          fc.array(fc.record({ user_id: field(fc.constant(slackBotUser)), is_bot: field(fc.boolean()) }), {
            maxLength: 2,
          }),
        ),
        event: fc.oneof(appMention, reactionAdded, jsonValue),
      },
      { requiredKeys: [] },
    ),
    // random extra keys at the top level (never replacing the ones above)
    fc.dictionary(anyText, jsonValue, { maxKeys: 3 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }))

const nonObjectJson = fc
  .oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    anyText,
    fc.boolean(),
    fc.constant(null),
    fc.array(jsonValue, { maxLength: 4 }),
  )
  .map((v) => JSON.stringify(v))

const slackRetryHeaders = fc.option(
  fc.record({
    "x-slack-retry-num": fc.oneof(fc.nat({ max: 99_999 }).map(String), fc.string({ maxLength: 6 })),
    "x-slack-retry-reason": fc.constantFrom("http_timeout", "http_error", "x"),
  }),
  { nil: undefined },
)

const formBody = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "command",
          "text",
          "channel_id",
          "user_id",
          "thread_ts",
          "token",
          "team_id",
          "response_url",
        ),
        anyText,
      ),
      fc.oneof(fc.constantFrom("/investigate", "/sre-snapshot", "", "C0ALERTS"), anyText),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString())

const snowflake = fc
  .integer({ min: 0, max: 4_000_000 })
  .map((n) => snowflakeFromTime(Date.now() - n * 1000, n))

const discordUser = fc.record(
  {
    id: field(snowflake),
    username: field(anyText),
    global_name: field(fc.option(anyText, { nil: null })),
    bot: field(fc.boolean()),
  },
  { requiredKeys: [] },
)

const commandData = fc.record(
  {
    id: field(snowflake),
    name: field(fc.oneof(fc.constantFrom("investigate", "Investigate alert", "status"), anyText)),
    type: field(fc.oneof(fc.constantFrom(1, 2, 3), fc.integer())),
    target_id: field(fc.oneof(fc.constant("1575473947607040000"), snowflake, anyText)),
    resolved: field(
      fc.record(
        {
          messages: field(
            fc.dictionary(
              fc.oneof(
                fc.constant("1575473947607040000"),
                fc.constantFrom("__proto__", "constructor"),
                anyText,
              ),
              fc.oneof(
                fc.record(
                  {
                    id: field(fc.constant("1575473947607040000")),
                    channel_id: field(fc.constant("1345319652556800001")),
                    content: field(slackText),
                    timestamp: field(fc.oneof(fc.constant("2026-11-26T11:31:00.000000+00:00"), anyText)),
                    author: field(discordUser),
                    embeds: jsonValue,
                  },
                  { requiredKeys: [] },
                ),
                jsonValue,
              ),
              { maxKeys: 3 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    options: field(
      fc.array(
        fc.record(
          {
            name: field(fc.oneof(fc.constant("text"), anyText)),
            type: field(fc.oneof(fc.constant(3), fc.integer())),
            value: fc.oneof(slackText, jsonValue),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
  },
  { requiredKeys: [] },
)

const interaction = fc.record(
  {
    id: field(snowflake),
    application_id: field(fc.constant("1246387765248000004")),
    type: fc.oneof(
      { arbitrary: fc.constantFrom(1, 2, 3, 4, 5), weight: 5 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: jsonValue, weight: 1 },
    ),
    token: field(fc.oneof(fc.constant(""), fc.string({ minLength: 1, maxLength: 80 }))),
    version: field(fc.constant(1)),
    guild_id: field(fc.constant("1246387765248000003")),
    channel_id: field(fc.oneof(fc.constant("1345319652556800001"), anyText)),
    member: field(fc.record({ user: field(discordUser) }, { requiredKeys: [] })),
    user: field(discordUser),
    data: fc.oneof({ arbitrary: commandData, weight: 4 }, { arbitrary: jsonValue, weight: 1 }),
  },
  { requiredKeys: [] },
)

/** Shaped like a real interaction token, long enough that finding one in a log line is no accident. */
const interactionToken = fc.stringMatching(/^[A-Za-z0-9_-]{24,72}$/)

const validSlash = fc.record({
  id: snowflake,
  application_id: fc.constant("1246387765248000004"),
  type: fc.constant(2),
  token: interactionToken,
  version: fc.constant(1),
  guild_id: fc.constant("1246387765248000003"),
  channel_id: fc.constant("1345319652556800001"),
  member: fc.constant({ user: { id: "1058897343283200006", username: "dana" }, roles: [] }),
  data: mutated(
    fc.record({
      id: fc.constant("1345319652556800006"),
      name: fc.constantFrom("investigate", "status"),
      type: fc.constant(1),
      options: fc.array(
        mutated(fc.record({ name: fc.constant("text"), type: fc.constant(3), value: slackText }), [
          "name",
          "type",
          "value",
        ]),
        { minLength: 1, maxLength: 2 },
      ),
    }),
    ["name", "type", "options"],
  ),
})

const validMessageCommand = fc.record({
  id: snowflake,
  application_id: fc.constant("1246387765248000004"),
  type: fc.constant(2),
  token: interactionToken,
  channel_id: fc.constant("1345319652556800001"),
  user: fc.constant({ id: "1058897343283200006", username: "dana" }),
  data: fc.tuple(snowflake, slackText).chain(([target, content]) =>
    mutated(
      fc.record({
        name: fc.constant("Investigate alert"),
        type: fc.constant(3),
        target_id: fc.constant(target),
        resolved: fc.record({
          messages: fc.constant({
            [target]: {
              id: target,
              channel_id: "1345319652556800001",
              content,
              timestamp: "2026-11-26T11:31:00.000000+00:00",
              author: { id: "1058897343283200007", username: "Alertmanager", bot: true },
              embeds: [],
            },
          }),
        }),
      }),
      ["name", "type", "target_id", "resolved"],
    ),
  ),
})

const topLevelKeys = ["id", "application_id", "type", "token", "channel_id", "member", "user", "data"]
const nearlyValidInteraction = fc.oneof(
  mutated(validSlash, topLevelKeys),
  mutated(validMessageCommand, topLevelKeys),
)

// ---------------------------------------------------------------------------------------------
// Checks

type Json = Readonly<Record<string, unknown>>

const jsonObject = async (r: Response): Promise<Json> => {
  const value: unknown = await r.json()
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`not a JSON object: ${JSON.stringify(value)}`)
  return { ...value }
}

const errorCode = (body: Json): unknown =>
  typeof body.error === "object" && body.error !== null && "code" in body.error ? body.error.code : undefined

const secrets = [slackSecret, slackBotToken, discordSeed, discordBotToken]

describe("webhook fuzz", () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness({
      slackChannels: {
        C0ALERTS: {
          messages: [{ ts: "1795784000.000100", user: "U0DANA", text: "[FIRING:1] checkout 502s" }],
        },
      },
    })
  })
  afterAll(() => h.close())

  /** A 200 Slack answer for an ignored delivery must have left a log line naming the reason. */
  const expectLoggedIfIgnored = (r: Response, body: Json) => {
    if (body.result !== "ignored") return
    const requestId = r.headers.get("x-request-id")
    const line = parsedLogs(h.logs).find((l) => l.message === "ignored" && l.requestId === requestId)
    expect(line, `no "ignored" log line for request ${requestId}`).toBeDefined()
    expect(typeof line?.reason === "string" && line.reason.length > 0).toBe(true)
  }

  /** Slack: a correctly signed body is answered 200 (a known reply shape) or 400 (malformed_webhook). */
  const checkSlack = async (r: Response, allowed: ReadonlyArray<number>) => {
    expect(allowed).toContain(r.status)
    const body = await jsonObject(r)
    if (r.status === 400) {
      expect(errorCode(body)).toBe("malformed_webhook")
      return body
    }
    const known = body.ok === true || typeof body.challenge === "string" || body.response_type === "ephemeral"
    expect(known, JSON.stringify(body).slice(0, 300)).toBe(true)
    expectLoggedIfIgnored(r, body)
    return body
  }

  const noSecretsLogged = () => {
    const all = h.logs.join("\n")
    for (const s of secrets) expect(all.includes(s), "a secret reached the log").toBe(false)
  }

  it("Slack events: arbitrary strings and arbitrary JSON → 200 or 400, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.json(), fc.json({ stringUnit: "binary" })), async (raw) => {
        await checkSlack(await h.postSlack(raw), [200, 400])
      }),
      { seed: 4_242_001, numRuns: 250 },
    )
    noSecretsLogged()
  })

  it("Slack events: non-object JSON (numbers, strings, arrays, null) → exactly 400 malformed_webhook", async () => {
    await fc.assert(
      fc.asyncProperty(nonObjectJson, async (raw) => {
        await checkSlack(await h.postSlack(raw), [400])
      }),
      { seed: 4_242_002, numRuns: 150 },
    )
  })

  it("Slack events: objects with random type/event shapes (missing fields, wrong types, huge text) → a 200, logged when ignored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: nearlyValidEnvelope, weight: 3 }, { arbitrary: envelope, weight: 1 }),
        slackRetryHeaders,
        async (body, retry) => {
          const r = await h.postSlack(body, retry === undefined ? {} : { headers: retry })
          await checkSlack(r, [200])
        },
      ),
      { seed: 4_242_003, numRuns: 300 },
    )
    noSecretsLogged()
  })

  it("Slack commands: random form bodies → 200 (an ephemeral answer, or ignored with a logged reason)", async () => {
    await fc.assert(
      fc.asyncProperty(formBody, async (form) => {
        const r = await h.postSlack(form, {
          path: "/slack/commands",
          contentType: "application/x-www-form-urlencoded",
        })
        const body = await checkSlack(r, [200])
        if (new URLSearchParams(form).has("command")) {
          expect(body.response_type).toBe("ephemeral")
          expect(String(body.text)).toMatch(/^Unknown command: /)
        } else {
          expect(body).toEqual({ ok: true, result: "ignored" })
        }
      }),
      { seed: 4_242_004, numRuns: 200 },
    )
  })

  it("Slack commands: random bodies under a random content type → 200 or 400", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(formBody, anyText, fc.json()),
        fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", ""),
        async (raw, contentType) => {
          await checkSlack(await h.postSlack(raw, { path: "/slack/commands", contentType }), [200, 400])
        },
      ),
      { seed: 4_242_005, numRuns: 150 },
    )
  })

  it("Slack: unsigned, wrongly signed, tampered, stale or garbled signatures → 401, whatever the body", async () => {
    const variants = fc.oneof(
      fc.constant("none" as const),
      fc.constant("tampered" as const),
      fc.constant("stale" as const),
      fc.constant("future" as const),
      fc.tuple(
        fc.constant("other-secret" as const),
        anyText.filter((s) => s !== slackSecret),
      ),
      fc.tuple(fc.constant("garbled" as const), anyText),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          fc.json(),
          envelope.map((e) => JSON.stringify(e)),
        ),
        variants,
        async (raw, v) => {
          const kind = typeof v === "string" ? v : v[0]
          const now = Date.now()
          const path = "/slack/events"
          let headers: Record<string, string> = { "content-type": "application/json" }
          let body = raw
          if (kind === "tampered") {
            headers = { ...signSlackRequest(slackSecret, now, raw).headers }
            body = `${raw} `
          } else if (kind === "stale") {
            headers = { ...signSlackRequest(slackSecret, now - 310_000, raw).headers }
          } else if (kind === "future") {
            headers = { ...signSlackRequest(slackSecret, now + 310_000, raw).headers }
          } else if (kind === "other-secret" && typeof v !== "string") {
            headers = { ...signSlackRequest(v[1], now, raw).headers }
          } else if (kind === "garbled" && typeof v !== "string") {
            headers = {
              ...signSlackRequest(slackSecret, now, raw).headers,
              "x-slack-signature": `v0=${encodeURIComponent(v[1]).slice(0, 80)}`,
            }
          }
          const r = await h.request(path, { method: "POST", headers, body })
          expect(r.status).toBe(401)
          expect(["missing_signature", "bad_signature", "stale_timestamp"]).toContain(
            errorCode(await jsonObject(r)),
          )
        },
      ),
      { seed: 4_242_006, numRuns: 200 },
    )
    noSecretsLogged()
  })

  it("Discord: arbitrary strings, arbitrary JSON and non-object JSON → 400 or a 200 interaction response", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.json(), nonObjectJson), async (raw) => {
        const signed = await signDiscordRequest(discordSeed, Date.now(), raw)
        const r = await h.request(signed.path, { method: "POST", headers: signed.headers, body: signed.body })
        expect([200, 400]).toContain(r.status)
        const body = await jsonObject(r)
        if (r.status === 400) expect(errorCode(body)).toBe("malformed_webhook")
        else expect([1, 4, 5, 8]).toContain(body.type)
      }),
      { seed: 4_242_007, numRuns: 150 },
    )
  })

  it("Discord: random interaction shapes (types 1–5 and others, missing token/data/options, wrong types) → 200 or 400", async () => {
    const tokens: Array<string> = []
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: nearlyValidInteraction, weight: 2 }, { arbitrary: interaction, weight: 1 }),
        async (i) => {
          if (typeof i.token === "string" && i.token.length >= 24) tokens.push(i.token)
          const r = await h.postDiscord(i)
          expect([200, 400]).toContain(r.status)
          const body = await jsonObject(r)
          if (r.status === 400) {
            expect(errorCode(body)).toBe("malformed_webhook")
            return
          }
          expect([1, 4, 5, 8]).toContain(body.type)
          // PING is answered PONG whatever else the interaction carries
          if (i.type === 1) expect(body).toEqual({ type: 1 })
        },
      ),
      { seed: 4_242_008, numRuns: 250 },
    )
    noSecretsLogged()
    // an interaction token is a credential: none of the generated ones may reach a log line
    expect(tokens.length).toBeGreaterThan(50)
    const all = h.logs.join("\n")
    expect(tokens.filter((t) => all.includes(t))).toEqual([])
  })

  it("Discord: well-formed envelopes (id, application_id, numeric type; no member/user) are never 400", async () => {
    const wellFormed = fc.record({
      id: snowflake,
      application_id: fc.constant("1246387765248000004"),
      type: fc.oneof(fc.constantFrom(1, 2, 3, 4, 5), fc.integer()),
      token: fc.string({ maxLength: 40 }),
      channel_id: fc.constant("1345319652556800001"),
      data: fc.oneof(commandData, jsonValue),
    })
    await fc.assert(
      fc.asyncProperty(wellFormed, async (i) => {
        const r = await h.postDiscord(i)
        expect(r.status).toBe(200)
        expect([1, 4, 5, 8]).toContain((await jsonObject(r)).type)
      }),
      { seed: 4_242_009, numRuns: 200 },
    )
  })

  it("Discord: unsigned, wrongly signed or stale → 401", async () => {
    const otherSeed = "1".repeat(64)
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          interaction.map((i) => JSON.stringify(i)),
        ),
        fc.constantFrom("none", "other-key", "stale", "tampered"),
        async (raw, kind) => {
          const signed =
            kind === "other-key"
              ? await signDiscordRequest(otherSeed, Date.now(), raw)
              : await signDiscordRequest(discordSeed, Date.now() - (kind === "stale" ? 301_000 : 0), raw)
          const headers = kind === "none" ? { "content-type": "application/json" } : { ...signed.headers }
          const body = kind === "tampered" ? `${raw}\n` : raw
          const r = await h.request("/discord/interactions", { method: "POST", headers, body })
          expect(r.status).toBe(401)
        },
      ),
      { seed: 4_242_010, numRuns: 100 },
    )
  })

  describe("bodies over the limit → 413 on every route", () => {
    const routes = ["/slack/events", "/slack/commands", "/discord/interactions"] as const
    const oversize = "x".repeat(limit + 1)

    it.each(routes)("%s, with a Content-Length", async (path) => {
      const r = await h.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(limit + 1) },
        body: oversize,
      })
      expect(r.status).toBe(413)
      expect(errorCode(await jsonObject(r))).toBe("body_too_large")
    })

    it.each(routes)("%s, streamed without a Content-Length (even when correctly signed)", async (path) => {
      const signed = signSlackRequest(slackSecret, Date.now(), oversize, path)
      const chunk = new TextEncoder().encode("y".repeat(64 * 1024))
      let sent = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > limit) controller.close()
          else {
            sent += chunk.length
            controller.enqueue(chunk)
          }
        },
      })
      const init: RequestInit & { duplex: "half" } = {
        method: "POST",
        headers: { ...signed.headers },
        body: stream,
        duplex: "half",
      }
      const r = await h.request(path, init)
      expect(r.status).toBe(413)
      expect(errorCode(await jsonObject(r))).toBe("body_too_large")
    })

    it("a correctly signed body of exactly the limit is not 413 (and multi-byte text counts in bytes)", async () => {
      const head = '{"type":"padding_test","pad":"'
      const tail = '"}'
      const exact = `${head}${"a".repeat(limit - head.length - tail.length)}${tail}`
      expect(Buffer.byteLength(exact)).toBe(limit)
      const r = await h.postSlack(exact)
      expect(r.status).toBe(200)
      expect(await jsonObject(r)).toMatchObject({ ok: true, result: "ignored" })
      // the same number of characters, but 3-byte ones: over the limit in bytes
      const wide = `${head}${"☃".repeat(limit - head.length - tail.length)}${tail}`
      expect((await h.postSlack(wide)).status).toBe(413)
    })
  })
})

// Demonstrates a bug in src/adapters/http/app.ts (see the report): the body is read with
// `c.req.text()`, which decodes as UTF-8 and strips a leading byte-order mark, so the signature
// is checked over bytes other than those received. A correctly signed body starting with a BOM
// is rejected 401 (it should be answered like the same body without the BOM: 400, since a BOM
// is not JSON whitespace).
describe("signatures are over the exact bytes received", () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness()
  })
  afterAll(() => h.close())

  it("a correctly signed Slack body starting with a UTF-8 BOM is not rejected as badly signed", async () => {
    const r = await h.postSlack('\uFEFF{"type":"url_verification","challenge":"c"}')
    expect(r.status).not.toBe(401)
  })

  it("a correctly signed Discord body starting with a UTF-8 BOM is not rejected as badly signed", async () => {
    const raw = `\uFEFF${JSON.stringify({ id: "1", application_id: "2", type: 1 })}`
    const signed = await signDiscordRequest(discordSeed, Date.now(), raw)
    const r = await h.request(signed.path, { method: "POST", headers: signed.headers, body: signed.body })
    expect(r.status).not.toBe(401)
  })
})
