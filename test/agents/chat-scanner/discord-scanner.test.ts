/**
 * The discord_scanner agent end to end over the Discord replay and the real adapter: the
 * alert's channel plus a configured #deploys, read with `after` only (never with `before`), a
 * deploy announcement and another alert for the service as findings with permalinks, and never
 * our own bot's message, the alert itself or "terror". An empty rate-limit bucket is waited out
 * on the clock; a 429 beyond the budget makes the result say the scan was partial.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, TestClock } from "effect"
import { snowflakeFromTime } from "../../../src/adapters/discord/snowflake.js"
import { makeDiscordScannerAgent } from "../../../src/agents/discord-scanner/discord-scanner-agent.js"
import { type AppConfig, defaultConfig } from "../../../src/domain/config.js"
import { awaitSleep } from "../../adapters/fetch/await-sleep.js"
import { harness, taskFor, type World } from "./scanner-harness.js"

const GUILD = "1345319652556800000"
const ALERTS = "1345319652556800001"
const DEPLOYS = "1345319652556800002"
const BOT = "1345319652556800999"
const at = (iso: string, n = 0) => snowflakeFromTime(Date.parse(iso), n)
const ALERT_ID = at("2026-11-27T13:05:00Z")
const alertText = `[FIRING:1] KubePodCrashLooping (eks-prod payments)
service: payments-api
severity: critical`
const now = "2026-11-27T13:06:00Z"
const task = taskFor({
  platform: "discord",
  channel: ALERTS,
  messageId: ALERT_ID,
  workspace: GUILD,
  text: alertText,
  alertTime: "2026-11-27T13:05:00Z",
  now,
})

const world: World = {
  now,
  discord: {
    [ALERTS]: {
      name: "#alerts",
      messages: [
        {
          id: at("2026-11-27T12:52:00Z"),
          user: "Alertmanager",
          bot: true,
          text: "[FIRING:1] PaymentsApiLatencyHigh payments-api p99 2.1s",
        },
        { id: ALERT_ID, user: "Alertmanager", bot: true, text: alertText },
        {
          id: at("2026-11-27T13:05:20Z"),
          user: "sre-on-call",
          userId: BOT,
          bot: true,
          text: "🔎 Investigating payments-api error",
          replyTo: ALERT_ID,
        },
        { id: at("2026-11-27T13:03:00Z"), user: "lena", text: "payments-api terror movie night?" },
      ],
    },
    [DEPLOYS]: {
      name: "#deploys",
      messages: [
        {
          id: at("2026-11-27T12:59:00Z"),
          user: "deploy-bot",
          bot: true,
          text: "✅ **payments-api** `v2.14.0` → `eks-prod`",
        },
        {
          id: at("2026-11-27T12:30:00Z"),
          user: "deploy-bot",
          bot: true,
          text: "✅ **search-api** `v1.8.1` → `eks-prod`",
        },
      ],
    },
  },
}
const config: AppConfig = {
  ...defaultConfig,
  channels: { slack: [], discord: [{ id: DEPLOYS, name: "#deploys" }] },
}

describe("discord_scanner", () => {
  it.scoped(
    "the announced deploy and the other alert, linked; never ours, the alert or chatter; `after` only",
    () =>
      Effect.gen(function* () {
        const { discord, chat } = yield* harness(world)
        const result = yield* makeDiscordScannerAgent(config)
          .handle(task, { sessionId: null })
          .pipe(Effect.provide(chat))
        expect(result.status).toBe("ok")
        expect(result.scanned).toEqual([`channel/${ALERTS}`, `channel/${DEPLOYS}`])
        expect(result.findings.map((f) => [f.kind, f.severity, f.service])).toEqual([
          ["deploy_announcement", "medium", "payments-api"],
          ["related_alert", "medium", "payments-api"],
        ])
        expect(result.findings[0]?.link).toBe(
          `https://discord.com/channels/${GUILD}/${DEPLOYS}/${at("2026-11-27T12:59:00Z")}`,
        )
        expect(result.findings[1]?.link).toBe(
          `https://discord.com/channels/${GUILD}/${ALERTS}/${at("2026-11-27T12:52:00Z")}`,
        )
        const text = JSON.stringify(result.findings)
        for (const absent of ["Investigating", "terror", "search-api", "KubePodCrashLooping"])
          expect(text).not.toContain(absent)
        const reads = discord.requests().filter((r) => r.operation === "getMessages")
        expect(reads.length).toBeGreaterThanOrEqual(2)
        expect(reads.every((r) => r.query.after !== undefined && r.query.before === undefined)).toBe(true)
      }),
  )

  it.scoped("honours an empty bucket's X-RateLimit-Reset-After before the next page", () =>
    Effect.gen(function* () {
      const many: World = {
        ...world,
        discord: {
          [DEPLOYS]: {
            name: "#deploys",
            messages: Array.from({ length: 120 }, (_, i) => ({
              id: at("2026-11-27T12:40:00Z", i),
              user: "deploy-bot",
              bot: true,
              text: `build ${i} green`,
            })),
          },
        },
      }
      const { discord, chat } = yield* harness(many)
      discord.bucketNext("getMessages", 0, 1.25)
      const fiber = yield* Effect.fork(
        makeDiscordScannerAgent({ ...config, channels: { slack: [], discord: [{ id: DEPLOYS }] } })
          .handle({ ...task, alert: { ...task.alert, platform: "slack" } }, { sessionId: null })
          .pipe(Effect.provide(chat)),
      )
      const nowMs = Date.parse(now)
      yield* awaitSleep((wake) => wake === nowMs + 1250)
      expect(discord.requests().filter((r) => r.operation === "getMessages")).toHaveLength(1)
      yield* TestClock.adjust("1250 millis")
      const result = yield* Fiber.join(fiber)
      expect(result.status).toBe("ok")
      expect(result.summary).toContain("120 message(s) read")
      // Two pages of the evidence window (the second after the reset), one of the earlier lookback,
      // one of the older days read for certificate-expiry warnings.
      expect(discord.requests().filter((r) => r.operation === "getMessages")).toHaveLength(4)
    }),
  )

  it.scoped("a 429 beyond the budget: the result says the scan was throttled", () =>
    Effect.gen(function* () {
      const { discord, chat } = yield* harness(world)
      discord.rateLimitNext("getMessages", 120, 10)
      const result = yield* makeDiscordScannerAgent(config)
        .handle(task, { sessionId: null })
        .pipe(Effect.provide(chat))
      expect(result.status).toBe("ok")
      expect(result.summary).toContain("throttled")
      expect(result.reason).toContain("Discord rate-limited the scan")
    }),
  )
})
