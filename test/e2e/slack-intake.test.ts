/**
 * Slack intake end to end: signed deliveries through the Hono app, the real Slack platform
 * adapter against the Slack replay, dedup in memory, the in-process queue and dispatcher, and a
 * recording master.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { signSlackRequest } from "../../src/cli/synthetic.js"
import {
  bodyText,
  type Harness,
  makeHarness,
  mention,
  reaction,
  slackSecret,
  tsAgo,
} from "../support/intake-harness.js"

const fixtureMention = {
  token: "verification-token-unused",
  team_id: "T0ACME001",
  event: {
    type: "app_mention",
    user: "U0ALERTMGR",
    bot_id: "B0ALERTMGR",
    text: "<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)",
    ts: "",
    channel: "C0ALERTS",
    event_ts: "",
    blocks: [
      {
        type: "rich_text",
        block_id: "x7Yq",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "user", user_id: "U0SREBOT" },
              { type: "text", text: " [FIRING:1] KubePodCrashLooping (eks-prod payments)" },
            ],
          },
        ],
      },
    ],
  },
  type: "event_callback",
  event_id: "Ev0ACME0001",
  authorizations: [{ team_id: "T0ACME001", user_id: "U0SREBOT", is_bot: true }],
}

const alertmanagerAt = (ts: string) => ({
  ...fixtureMention,
  event: { ...fixtureMention.event, ts, event_ts: ts },
})

const json = async (r: Response) => (await r.json()) as Record<string, unknown>

/** A chatter message already in the channel (so the reaction can fetch it). */
const chatterTs = "1795784300.000100"

describe("Slack intake", () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness({
      slackChannels: {
        C0ALERTS: {
          messages: [
            {
              ts: "1795784000.000100",
              user: "U0DANA",
              text: "is anyone else seeing checkout 502s?",
              replies: [
                {
                  ts: "1795784010.000200",
                  user: "U0BOB",
                  text: "[FIRING:1] CheckoutHigh5xx checkout 502 rate 12%",
                },
              ],
            },
            { ts: chatterTs, user: "U0ONCALL01", text: "<@U0SREBOT> thanks a lot!" },
          ],
        },
      },
    })
  })
  afterEach(() => h.close())

  it("answers url_verification with the challenge", async () => {
    const r = await h.postSlack({ type: "url_verification", token: "x", challenge: "3eZbrw1aBm2r" })
    expect(r.status).toBe(200)
    expect(await json(r)).toEqual({ challenge: "3eZbrw1aBm2r" })
  })

  it("investigates an integration bot's alert (not dropped for being a bot), once, with 👀", async () => {
    const ts = tsAgo(20_000)
    const r = await h.postSlack(alertmanagerAt(ts))
    expect(r.status).toBe(200)
    const body = await json(r)
    expect(body.ok).toBe(true)
    const [invocation] = await h.waitForInvocations(1)
    expect(invocation?.agent).toBe("master")
    const alert = invocation?.task.alert
    expect(alert?.trigger).toBe("mention")
    expect(alert?.messageId).toBe(ts)
    expect(alert?.threadId).toBe(ts)
    expect(alert?.author).toEqual({ id: "U0ALERTMGR", name: null, bot: true })
    // text and the rich_text block carry the same content: it appears once
    expect(alert?.text.match(/KubePodCrashLooping/g)).toHaveLength(1)
    expect(invocation?.task.investigationId).toBe(body.investigationId)
    // 👀 on the alert, and the claim is marked DISPATCHED
    const reacted = h.slack.requests().filter((q) => q.operation === "reactions.add")
    expect(reacted).toHaveLength(1)
    expect(reacted[0]?.body).toMatchObject({ channel: "C0ALERTS", timestamp: ts, name: "eyes" })
    await expect.poll(async () => (await h.dedupRecord(`slack#C0ALERTS#${ts}`))?.state).toBe("DISPATCHED")
  })

  it("a redelivery is a duplicate and a Slack retry of a held delivery is acknowledged at once", async () => {
    const ts = tsAgo(20_000)
    await h.postSlack(alertmanagerAt(ts))
    await h.waitForInvocations(1)
    const again = await json(await h.postSlack(alertmanagerAt(ts)))
    expect(again).toMatchObject({ ok: true, result: "duplicate" })
    const retry = await json(
      await h.postSlack(alertmanagerAt(ts), {
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      }),
    )
    expect(retry).toMatchObject({ ok: true, result: "retry_held" })
    expect(await h.invocations()).toHaveLength(1)
  })

  it("gates chatter with a one-line nudge in the thread, and a reaction on it then investigates", async () => {
    const ts = chatterTs
    const r = await json(await h.postSlack(mention({ text: "thanks a lot!", ts })))
    expect(r).toMatchObject({ ok: true, result: "gated" })
    const nudges = h.slack.requests().filter((q) => q.operation === "chat.postMessage")
    expect(nudges).toHaveLength(1)
    expect(nudges[0]?.body).toMatchObject({ channel: "C0ALERTS", thread_ts: ts })
    expect(bodyText(nudges[0]?.body)).toMatch(/investigate/)
    expect((await h.dedupRecord(`slack#C0ALERTS#${ts}`))?.state).toBe("GATED")
    expect(await h.invocations()).toHaveLength(0)
    // An explicit request (the trigger reaction) beats the gate: the GATED claim is taken again.
    const reacted = await json(await h.postSlack(reaction({ channel: "C0ALERTS", ts })))
    expect(reacted.ok).toBe(true)
    expect(reacted.investigationId).toBeTypeOf("string")
    const [inv] = await h.waitForInvocations(1)
    expect(inv?.task.alert.trigger).toBe("reaction")
    expect(inv?.task.alert.text).toBe("<@U0SREBOT> thanks a lot!")
  })

  it("ignores other reactions, message_changed, app_rate_limited and unknown types with a logged 200", async () => {
    const cases = [
      reaction({ channel: "C0ALERTS", ts: "1795784000.000100", name: "thumbsup" }),
      { type: "event_callback", event: { type: "message", subtype: "message_changed", channel: "C0ALERTS" } },
      { type: "app_rate_limited", team_id: "T0ACME001", minute_rate_limited: 1518467820 },
      { type: "event_callback", event: { type: "channel_created", channel: { id: "C9" } } },
      { type: "block_actions" },
    ]
    for (const c of cases) {
      const r = await h.postSlack(c)
      expect(r.status).toBe(200)
      expect(await json(r)).toMatchObject({ ok: true, result: "ignored" })
    }
    const ignored = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.message === "ignored")
    expect(ignored.map((l) => l.reason)).toEqual([
      "reaction :thumbsup: is not the trigger :sre-on-call:",
      "event type message/message_changed",
      "envelope type app_rate_limited",
      "event type channel_created",
      "envelope type block_actions",
    ])
    expect(ignored.every((l) => typeof l.requestId === "string")).toBe(true)
  })

  it("drops only our own bot's events", async () => {
    const own = mention({ text: "[FIRING:1] our own report", ts: tsAgo(1000), user: "U0SREBOT" })
    expect(await json(await h.postSlack(own))).toMatchObject({ result: "ignored" })
    const other = mention({
      text: "[FIRING:1] HighErrorRate api",
      ts: tsAgo(1000, 300),
      user: "U0GRAFANA",
      botId: "B0GRAFANA",
    })
    expect((await json(await h.postSlack(other))).investigationId).toBeTypeOf("string")
  })

  it("a reaction on a thread reply reads it with conversations.replies and answers in that thread", async () => {
    const r = await json(await h.postSlack(reaction({ channel: "C0ALERTS", ts: "1795784010.000200" })))
    expect(r.investigationId).toBeTypeOf("string")
    const [inv] = await h.waitForInvocations(1)
    expect(inv?.task.alert.text).toContain("CheckoutHigh5xx")
    expect(inv?.task.alert.messageId).toBe("1795784010.000200")
    expect(inv?.task.alert.threadId).toBe("1795784000.000100")
    expect(h.slack.requests().some((q) => q.operation === "conversations.replies")).toBe(true)
  })

  it("a mention inside a thread investigates the parent with the operator's note (explicit: no gate)", async () => {
    const r = await json(
      await h.postSlack(
        mention({
          text: "this started after the 13:00 deploy",
          ts: tsAgo(1000),
          threadTs: "1795784000.000100",
        }),
      ),
    )
    expect(r.investigationId).toBeTypeOf("string")
    const [inv] = await h.waitForInvocations(1)
    expect(inv?.task.alert.trigger).toBe("thread_mention")
    expect(inv?.task.alert.messageId).toBe("1795784000.000100")
    expect(inv?.task.alert.text).toBe(
      "is anyone else seeing checkout 502s?\n\n---\nOperator note (via @mention): this started after the 13:00 deploy",
    )
  })

  it("a second request on an investigated message links to it; 'investigate again' starts #r2, #r3", async () => {
    const parent = "1795784000.000100"
    await h.postSlack(mention({ text: "please check", ts: tsAgo(3000), threadTs: parent }))
    await h.waitForInvocations(1)
    await expect.poll(async () => (await h.dedupRecord(`slack#C0ALERTS#${parent}`))?.state).toBe("DISPATCHED")

    const before = h.slack.requests().filter((q) => q.operation === "chat.postMessage").length
    const linked = await json(
      await h.postSlack(mention({ text: "what did you find?", ts: tsAgo(2000, 301), threadTs: parent })),
    )
    expect(linked).toMatchObject({ ok: true, result: "linked" })
    const posts = h.slack.requests().filter((q) => q.operation === "chat.postMessage")
    expect(posts).toHaveLength(before + 1)
    expect(bodyText(posts.at(-1)?.body)).toMatch(/already running[\s\S]*investigate again/)

    const thanks = await json(
      await h.postSlack(mention({ text: "thanks!", ts: tsAgo(2000, 302), threadTs: parent })),
    )
    expect(thanks).toMatchObject({ result: "duplicate" })

    const again = await json(
      await h.postSlack(mention({ text: "investigate again", ts: tsAgo(2000, 303), threadTs: parent })),
    )
    expect(again.investigationId).toBeTypeOf("string")
    const third = mention({ text: "please investigate again", ts: tsAgo(2000, 304), threadTs: parent })
    const again3 = await json(await h.postSlack(third))
    expect(again3.investigationId).toBeTypeOf("string")
    const invs = await h.waitForInvocations(3)
    expect(invs).toHaveLength(3)
    expect(await h.dedupRecord(`slack#C0ALERTS#${parent}#r2`)).not.toBeNull()
    expect(await h.dedupRecord(`slack#C0ALERTS#${parent}#r3`)).not.toBeNull()
    // the same "again" delivered twice does not start #r4
    const dup = await json(await h.postSlack(third))
    expect(dup).toMatchObject({ result: "duplicate" })
  })

  it("answers unknown slash commands with an ephemeral message", async () => {
    const form =
      "token=x&team_id=T0ACME001&channel_id=C0ALERTS&user_id=U0ONCALL01&command=%2Fsre-snapshot&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1"
    const r = await h.postSlack(form, {
      path: "/slack/commands",
      contentType: "application/x-www-form-urlencoded",
    })
    expect(r.status).toBe(200)
    expect(await json(r)).toEqual({
      response_type: "ephemeral",
      text: expect.stringMatching(/^Unknown command: \/sre-snapshot/),
    })
  })

  it("a failed nudge never fails the delivery", async () => {
    h.slack.failNext("chat.postMessage", "channel_not_found", 3)
    const r = await h.postSlack(mention({ text: "good morning", ts: tsAgo(1000) }))
    expect(r.status).toBe(200)
    expect(await json(r)).toMatchObject({ result: "gated" })
  })

  it("when Slack cannot tell us what was reacted to, answers 503 so Slack retries (the page is not dropped)", async () => {
    h.slack.failNext("conversations.history", "internal_error", 5, 500)
    const r = await h.postSlack(reaction({ channel: "C0ALERTS", ts: "1795784000.000100" }))
    expect(r.status).toBe(503)
    expect(((await json(r)).error as { code: string }).code).toBe("upstream_unavailable")
    const retry = await json(await h.postSlack(reaction({ channel: "C0ALERTS", ts: "1795784000.000100" })))
    expect(retry.investigationId).toBeTypeOf("string")
  })
})

describe("Slack signatures at the edge", () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness()
  })
  afterEach(() => h.close())

  const body = JSON.stringify({ type: "url_verification", challenge: "c" })
  const send = (headers: Record<string, string>, raw = body) =>
    h.request("/slack/events", { method: "POST", headers, body: raw })
  const errorOf = async (r: Response) =>
    ((await r.json()) as { error: { code: string; message: string; requestId: string } }).error

  it("valid → 200; tampered body, wrong secret, 301 s old, missing headers → 401 with a clear body", async () => {
    const now = Date.now()
    const ok = signSlackRequest(slackSecret, now, body)
    expect((await send({ ...ok.headers })).status).toBe(200)

    const tampered = await send({ ...ok.headers }, body.replace('"c"', '"d"'))
    expect(tampered.status).toBe(401)
    expect(await errorOf(tampered)).toMatchObject({
      code: "bad_signature",
      message: "invalid Slack signature",
    })

    const wrong = signSlackRequest("not-the-secret", now, body)
    expect((await errorOf(await send({ ...wrong.headers }))).code).toBe("bad_signature")

    const stale = signSlackRequest(slackSecret, now - 301_000, body)
    const staleResponse = await send({ ...stale.headers })
    expect(staleResponse.status).toBe(401)
    expect((await errorOf(staleResponse)).code).toBe("stale_timestamp")

    const missing = await send({ "content-type": "application/json" })
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).code).toBe("missing_signature")
  })

  it("every response carries x-request-id (the caller's when sane), also in the error body and the log", async () => {
    const r = await send({ "x-request-id": "req-123" })
    expect(r.headers.get("x-request-id")).toBe("req-123")
    expect((await errorOf(r)).requestId).toBe("req-123")
    const generated = await h.request("/healthz", { method: "GET" })
    expect(generated.status).toBe(200)
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
    const notFound = await h.request("/nope", { method: "GET" })
    expect(notFound.status).toBe(404)
    expect(notFound.headers.get("x-request-id")).toBeTruthy()
    expect(h.logs.some((l) => (JSON.parse(l) as { requestId?: string }).requestId === "req-123")).toBe(true)
  })

  it("a body over 1 MiB → 413 with the JSON error body", async () => {
    const big = "x".repeat(1_048_577)
    const r = await h.request("/slack/events", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    })
    expect(r.status).toBe(413)
    expect(await errorOf(r)).toMatchObject({ code: "body_too_large" })
  })
})

describe("unset or empty secrets", () => {
  it.each([
    ["unset", {}],
    ["empty", { SLACK_SIGNING_SECRET: "   ", DISCORD_PUBLIC_KEY: "" }],
  ])("%s → 503 naming the variable, never a check against an empty key", async (_, env) => {
    const h = await makeHarness({ env })
    try {
      const slack = signSlackRequest("", Date.now(), "{}")
      const r = await h.request("/slack/events", { method: "POST", headers: slack.headers, body: "{}" })
      expect(r.status).toBe(503)
      const error = ((await r.json()) as { error: { message: string } }).error
      expect(error.message).toContain("SLACK_SIGNING_SECRET")
      const d = await h.postDiscord({ type: 1, id: "1", application_id: "2" })
      expect(d.status).toBe(503)
      expect(((await d.json()) as { error: { message: string } }).error.message).toContain(
        "DISCORD_PUBLIC_KEY",
      )
    } finally {
      await h.close()
    }
  })
})
