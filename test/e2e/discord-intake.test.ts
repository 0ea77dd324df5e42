/**
 * Discord intake end to end over the interactions endpoint: Ed25519-signed deliveries through
 * the Hono app, the real Discord platform adapter against the Discord replay, the in-process
 * queue and dispatcher, and a recording master.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { snowflakeFromTime } from "../../src/adapters/discord/snowflake.js"
import { signDiscordRequest } from "../../src/cli/synthetic.js"
import { discordSeed, type Harness, makeHarness } from "../support/intake-harness.js"

const channelId = "1345319652556800001"
const applicationId = "1246387765248000004"

const messageCommand = (token: string, id: string) => ({
  id,
  application_id: applicationId,
  type: 2,
  guild_id: "1246387765248000003",
  channel_id: channelId,
  member: { user: { id: "1058897343283200006", username: "dana", bot: false }, roles: [] },
  token,
  version: 1,
  data: {
    id: "1345319652556800005",
    name: "Investigate alert",
    type: 3,
    target_id: "1575473947607040000",
    resolved: {
      messages: {
        "1575473947607040000": {
          id: "1575473947607040000",
          channel_id: channelId,
          author: { id: "1058897343283200007", username: "Alertmanager", bot: true },
          content:
            "[FIRING:1] KubeContainerWaiting\nAlert: pod/billing-worker-84c6d9f7b5-m3n4p in namespace billing has been in waiting state for longer than 5 minutes.",
          timestamp: "2026-11-26T11:31:00.000000+00:00",
          embeds: [],
          attachments: [],
          mentions: [],
          type: 0,
        },
      },
    },
  },
})

const slash = (token: string, id: string, text: string, name = "investigate") => ({
  id,
  application_id: applicationId,
  type: 2,
  guild_id: "1246387765248000003",
  channel_id: channelId,
  member: { user: { id: "1058897343283200006", username: "dana" }, roles: [] },
  token,
  version: 1,
  data: { id: "1345319652556800006", name, type: 1, options: [{ name: "text", type: 3, value: text }] },
})

const json = async (r: Response) => (await r.json()) as Record<string, unknown>

describe("Discord intake", () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness({
      discordChannels: {
        [channelId]: {
          messages: [
            {
              id: "1575473947607040000",
              timestamp: "2026-11-26T11:31:00Z",
              user: "Alertmanager",
              bot: true,
              text: "[FIRING:1] KubeContainerWaiting",
            },
          ],
        },
      },
    })
  })
  afterEach(() => h.close())

  it("answers PING with PONG", async () => {
    const r = await h.postDiscord({
      id: "1575474471895040000",
      application_id: applicationId,
      type: 1,
      token: "t",
      version: 1,
    })
    expect(r.status).toBe(200)
    expect(await json(r)).toEqual({ type: 1 })
  })

  it("the message command defers, then dispatch edits the response into 'Investigating…' and reacts 👀", async () => {
    const token = "aW50ZXJhY3Rpb246MTU3NTQ3NDQ1MDkyMzUyMDAwMDpzZWNyZXQtdG9rZW4tdmFsdWU"
    h.discord.registerInteraction({ applicationId, token, channelId })
    const r = await h.postDiscord(messageCommand(token, snowflakeFromTime(Date.now())))
    expect(r.status).toBe(200)
    expect(await json(r)).toEqual({ type: 5 })
    const [inv] = await h.waitForInvocations(1)
    const alert = inv?.task.alert
    expect(alert?.platform).toBe("discord")
    expect(alert?.trigger).toBe("message_command")
    expect(alert?.messageId).toBe("1575473947607040000")
    expect(alert?.threadId).toBe("1575473947607040000")
    expect(alert?.text).toContain("KubeContainerWaiting")
    expect(alert?.author).toEqual({ id: "1058897343283200007", name: "Alertmanager", bot: true })
    expect(alert?.alertTime.toJSON()).toBe("2026-11-26T11:31:00.000Z")
    const edits = h.discord
      .requests()
      .filter((q) => q.method === "PATCH" && q.path.endsWith("/messages/@original"))
    expect(edits).toHaveLength(1)
    expect(edits[0]?.body).toMatchObject({ content: "🔎 Investigating…" })
    expect(h.discord.requests().some((q) => q.method === "PUT" && q.path.includes("/reactions/"))).toBe(true)
    // The interaction token never leaves intake/dispatch: not in the task, not in any log line.
    expect(JSON.stringify(inv?.task)).not.toContain(token)
    expect(h.logs.join("\n")).not.toContain(token)
  })

  it("/investigate text: defers and anchors the thread on the response message", async () => {
    const token = "slash-token-0123456789"
    const original = h.discord.registerInteraction({ applicationId, token, channelId })
    const r = await h.postDiscord(
      slash(token, snowflakeFromTime(Date.now()), "checkout returning 502s since the 13:00 deploy"),
    )
    expect(await json(r)).toEqual({ type: 5 })
    const [inv] = await h.waitForInvocations(1)
    expect(inv?.task.alert.trigger).toBe("command")
    expect(inv?.task.alert.text).toBe("checkout returning 502s since the 13:00 deploy")
    expect(inv?.task.alert.threadId).toBe(original.id)
  })

  it("a second 'Investigate alert' on the same message answers privately instead of starting again", async () => {
    h.discord.registerInteraction({ applicationId, token: "first-token-000000", channelId })
    await h.postDiscord(messageCommand("first-token-000000", snowflakeFromTime(Date.now())))
    await h.waitForInvocations(1)
    const second = await json(
      await h.postDiscord(messageCommand("second-token-00000", snowflakeFromTime(Date.now(), 1))),
    )
    expect(second).toMatchObject({ type: 4, data: { flags: 64 } })
    expect(String((second.data as { content: string }).content)).toMatch(/already/)
    expect(await h.invocations()).toHaveLength(1)
  })

  it("never investigates empty text: empty /investigate, a message without text, unknown commands, components", async () => {
    const cases = [
      slash("t1-000000000000", snowflakeFromTime(Date.now()), "   "),
      slash("t2-000000000000", snowflakeFromTime(Date.now(), 1), "db slow", "status"),
      {
        ...messageCommand("t3-000000000000", snowflakeFromTime(Date.now(), 2)),
        data: {
          name: "Investigate alert",
          type: 3,
          target_id: "1",
          resolved: { messages: { "1": { id: "1", content: "", embeds: [] } } },
        },
      },
      {
        id: snowflakeFromTime(Date.now(), 3),
        application_id: applicationId,
        type: 3,
        token: "t4-000000000000",
        data: { custom_id: "x" },
      },
    ]
    for (const c of cases) {
      const r = await h.postDiscord(c)
      expect(r.status).toBe(200)
      const body = await json(r)
      expect(body).toMatchObject({ type: 4, data: { flags: 64 } })
    }
    expect(await h.invocations()).toHaveLength(0)
  })

  it("rejects a bad signature and a stale timestamp with 401", async () => {
    const body = JSON.stringify({ id: "1", application_id: applicationId, type: 1 })
    const signed = await signDiscordRequest(discordSeed, Date.now(), body)
    const tampered = await h.request("/discord/interactions", {
      method: "POST",
      headers: signed.headers,
      body: body.replace('"type":1', '"type":2'),
    })
    expect(tampered.status).toBe(401)
    expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe("bad_signature")
    const stale = await signDiscordRequest(discordSeed, Date.now() - 301_000, body)
    const old = await h.request("/discord/interactions", { method: "POST", headers: stale.headers, body })
    expect(old.status).toBe(401)
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe("stale_timestamp")
    const other = await signDiscordRequest("1".repeat(64), Date.now(), body)
    expect(
      (await h.request("/discord/interactions", { method: "POST", headers: other.headers, body })).status,
    ).toBe(401)
  })
})
