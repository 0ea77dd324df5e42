/**
 * The slack_scanner agent end to end over the Slack replay and the real adapter: the alert's
 * channel plus a configured #deploys, more than one page of history, a deploy announced in a
 * thread reply, another alert for the same service, and what must never be a finding — our own
 * bot's notice, the alert itself, "terror" (not "error"), other services, the old. Then the
 * throttled read stated in the result, no token (unhealthy), and the findings cap.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeSlackScannerAgent } from "../../../src/agents/slack-scanner/slack-scanner-agent.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { type AppConfig, defaultConfig } from "../../../src/domain/config.js"
import { harness, taskFor, type World } from "./scanner-harness.js"

const ALERT_TS = "1795784700.000200"
const alertText = `[FIRING:1] KubePodCrashLooping (eks-prod payments)
*Alert:* Pod payments/payments-api-6c9f7d8b4-q7x2m (api) is in waiting state (reason: "CrashLoopBackOff").
service: payments-api
severity: critical`
const now = "2026-11-27T13:06:00Z"
const task = taskFor({
  platform: "slack",
  channel: "C0ALERTS",
  messageId: ALERT_TS,
  workspace: "T0REPLAY",
  text: alertText,
  alertTime: "2026-11-27T13:05:00Z",
  now,
})
const t = (iso: string, micros = "000100") => `${Date.parse(iso) / 1000}.${micros}`

/** 210 lunch messages: history comes in two pages of 200. */
const chatter = Array.from({ length: 210 }, (_, i) => ({
  ts: t("2026-11-27T12:40:00Z", String(1000 + i).padStart(6, "0")),
  user: "U0RANDOM",
  text: `lunch plans ${i}`,
}))

const world: World = {
  now,
  slack: {
    C0ALERTS: {
      name: "#alerts-prod",
      messages: [
        ...chatter,
        {
          ts: t("2026-11-27T12:50:00Z"),
          user: "U0AM",
          bot: true,
          text: "[FIRING:1] PaymentsHighErrorRate payments-api 5xx above 5% - `warning`",
        },
        {
          ts: ALERT_TS,
          user: "U0AM",
          bot: true,
          text: alertText,
          replies: [
            {
              ts: t("2026-11-27T13:05:30Z"),
              user: "U0SREBOT",
              botId: "B0SREBOT",
              text: "🔎 Investigation started: payments-api error",
            },
          ],
        },
        { ts: t("2026-11-27T13:02:00Z"), user: "U0DANA", text: "payments-api terror movie night tonight?" },
        {
          ts: t("2026-11-27T13:03:00Z"),
          user: "U0AM",
          bot: true,
          text: "[FIRING:1] HighErrorRate search-api",
        },
      ],
    },
    C0DEPLOYS: {
      name: "#deploys",
      messages: [
        {
          ts: t("2026-11-27T05:00:00Z"),
          user: "U0CI",
          bot: true,
          text: "deployed payments-api v2.13.0 to eks-prod",
        },
        {
          ts: t("2026-11-27T12:58:00Z"),
          user: "U0CI",
          bot: true,
          text: "deploy train 13:00 starting",
          replies: [
            {
              ts: t("2026-11-27T13:01:00Z"),
              user: "U0CI",
              bot: true,
              text: "deployed *payments-api* v2.14.0 to eks-prod",
            },
          ],
        },
        {
          ts: t("2026-11-27T12:30:00Z"),
          user: "U0CI",
          bot: true,
          text: "deployed search-api v1.8.1 to eks-prod",
        },
      ],
    },
  },
}

const config: AppConfig = {
  ...defaultConfig,
  channels: { slack: [{ id: "C0DEPLOYS", name: "#deploys" }], discord: [] },
}
const run = (t: AgentTask, c: AppConfig = config) =>
  Effect.gen(function* () {
    const { slack, chat } = yield* harness(world)
    const result = yield* makeSlackScannerAgent(c).handle(t, { sessionId: null }).pipe(Effect.provide(chat))
    return { slack, result }
  })

describe("slack_scanner", () => {
  it.scoped(
    "finds the announced deploy (in a thread) and the other alert; never ours, the alert or chatter",
    () =>
      Effect.gen(function* () {
        const { slack, result } = yield* run(task)
        expect(result.status).toBe("ok")
        expect(result.scanned).toEqual(["channel/C0ALERTS", "channel/C0DEPLOYS"])
        expect(result.findings.map((f) => [f.kind, f.severity, f.service])).toEqual([
          ["deploy_announcement", "medium", "payments-api"],
          ["related_alert", "medium", "payments-api"],
        ])
        const [deploy, other] = result.findings
        expect(deploy?.title).toContain("#deploys")
        expect(deploy?.detail).toContain("(thread reply)")
        expect(deploy?.resource).toBe("channel/C0DEPLOYS")
        expect(deploy?.observedAt?.epochMillis).toBe(Date.parse("2026-11-27T13:01:00Z"))
        expect(deploy?.link).toMatch(/^https:\/\/replay\.slack\.com\/archives\/C0DEPLOYS\/p\d+\?thread_ts=/)
        expect(other?.excerpt).toContain("PaymentsHighErrorRate")
        expect(other?.link).toMatch(/\/archives\/C0ALERTS\/p/)
        const text = JSON.stringify(result.findings)
        for (const absent of [
          "Investigation started",
          "terror",
          "search-api",
          "v2.13.0",
          "KubePodCrashLooping",
        ])
          expect(text).not.toContain(absent)
        expect(result.summary).toContain("2 related message(s) in 2 channel(s)")
        expect(result.reason).toBeNull()
        // The alert channel's evidence window (212 top-level messages) came in two pages, then one
        // page of the earlier change lookback, then one of the older days read for certificate-expiry
        // warnings; both threads were read.
        const history = slack.requests().filter((r) => r.operation === "conversations.history")
        const alertPages = history.filter((r) => r.query.channel === "C0ALERTS")
        expect(alertPages).toHaveLength(4)
        expect(alertPages[1]?.query.cursor).toBeTruthy()
        expect(slack.requests().filter((r) => r.operation === "conversations.replies")).toHaveLength(2)
      }),
  )

  it.scoped("throttled by Slack: the result says the scan was partial", () =>
    Effect.gen(function* () {
      const { slack, chat } = yield* harness(world)
      // #deploys stays throttled past what one call may wait; the alert channel reads fine.
      slack.rateLimitNext("conversations.replies", 60, 3)
      const result = yield* makeSlackScannerAgent(config)
        .handle(task, { sessionId: null })
        .pipe(Effect.provide(chat))
      expect(result.status).toBe("ok")
      expect(result.summary).toContain("throttled")
      expect(result.summary).toContain("partial")
      expect(result.reason).toContain("rate-limited")
    }),
  )

  it.scoped("no Slack token: unhealthy, saying why", () =>
    Effect.gen(function* () {
      const { chat } = yield* harness({ ...world, tokens: { slack: false, discord: true } })
      const result = yield* makeSlackScannerAgent(config)
        .handle(task, { sessionId: null })
        .pipe(Effect.provide(chat))
      expect(result.status).toBe("unhealthy")
      expect(result.reason).toContain("SLACK_BOT_TOKEN")
      expect(result.findings).toEqual([])
    }),
  )

  it.scoped("caps the findings at limits.findings_shown_per_agent and says how many more", () =>
    Effect.gen(function* () {
      const capped = { ...config, limits: { ...config.limits, findings_shown_per_agent: 1 } }
      const { result } = yield* run(task, capped)
      expect(result.findings.map((f) => f.kind)).toEqual(["deploy_announcement"])
      expect(result.summary).toContain("+1 more not shown")
    }),
  )

  it.scoped("an alert on Discord with no Slack channel configured: skipped", () =>
    Effect.gen(function* () {
      const discordTask = taskFor({
        platform: "discord",
        channel: "1345319652556800002",
        messageId: "1575472311828480000",
        workspace: null,
        text: alertText,
        alertTime: "2026-11-27T13:05:00Z",
        now,
      })
      const { result } = yield* run(discordTask, defaultConfig)
      expect(result.status).toBe("skipped")
    }),
  )
})
