/**
 * A datastore's failover relayed to chat (chat-failover.ts, through scanChat): an events bot's
 * ElastiCache or RDS notification in the window is a `datastore_failover` about the datastore,
 * whichever service the alert names. Not: maintenance announced for later, a person wondering
 * about failovers, a notification from before the change lookback.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { failoverMatch } from "../../src/domain/chat-failover.js"
import type { HistoryMessage } from "../../src/domain/chat-history.js"
import { scanChat } from "../../src/domain/chat-scan.js"
import { defaultConfig } from "../../src/domain/config.js"

const alertTime = DateTime.unsafeMake("2026-11-27T13:05:00Z")
const window = investigationWindow(alertTime, {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})
const facts = extractFacts(
  "[FIRING:1] QuoteApiErrors (prod pricing)\nservice: quote-api\nseverity: critical",
  defaultConfig.severity.labels,
)
const alert = { platform: "slack" as const, channel: "C0ALERTS", messageId: "1795784700.000200", window }

let n = 0
const msg = (at: string, text: string, bot = true): HistoryMessage => ({
  channel: "C0AWS",
  messageId: `m${++n}`,
  threadId: null,
  postedAt: DateTime.unsafeMake(at),
  text,
  author: { id: "U0AWS", name: bot ? "aws-chatbot" : "dana", bot },
  own: false,
})
const from = window.changesSince.epochMillis
const to = window.end.epochMillis

describe("failoverMatch", () => {
  it("an events bot's ElastiCache failover: the datastore, its phase and the promoted node", () => {
    const m = failoverMatch(
      msg(
        "2026-11-27T12:51:00Z",
        "*ElastiCache Notification | eu-west-1*\nReplicationGroup *quotes-cache*: `ElastiCache:FailoverComplete` — quotes-cache-002 is now the primary",
      ),
      "#aws-notifications",
      from,
      to,
    )
    expect(m).toMatchObject({ kind: "datastore_failover", severity: "medium", service: "quotes-cache" })
    expect(m?.title).toContain("ElastiCache failover completed")
    expect(m?.title).toContain("primary quotes-cache-002")
  })

  it("an RDS notification a person pasted with its event code", () => {
    const m = failoverMatch(
      msg(
        "2026-11-27T12:58:00Z",
        "fyi from the console: RDS-EVENT-0049 Multi-AZ instance failover completed. (billing-mysql)",
        false,
      ),
      "#dba",
      from,
      to,
    )
    expect(m?.service).toBe("billing-mysql")
  })

  it.each([
    [
      "2026-11-27T12:40:00Z",
      "📅 Reminder: ElastiCache maintenance for quotes-cache tonight 02:00 UTC; a failover may happen",
      true,
    ],
    ["2026-11-27T12:40:00Z", "did quotes-cache fail over? do we have a runbook for redis failover", false],
    ["2026-11-27T05:00:00Z", "ReplicationGroup quotes-cache: ElastiCache:FailoverComplete", true],
  ])("not a failover record: %s %s", (at, text, bot) => {
    expect(failoverMatch(msg(at, text, bot), "#x", from, to)).toBeNull()
  })
})

describe("scanChat", () => {
  it("reports the failover although the message never names the alert's service", () => {
    const scan = scanChat({
      alert,
      facts,
      channels: [{ id: "C0AWS", name: "#aws-notifications" }],
      messages: [
        msg(
          "2026-11-27T12:51:00Z",
          "ElastiCache `quotes-cache` — ElastiCache:FailoverComplete — Failover from primary node quotes-cache-001 to replica node quotes-cache-002 completed",
        ),
      ],
      maxFindings: 5,
    })
    expect(scan.matches.map((m) => [m.kind, m.service])).toEqual([["datastore_failover", "quotes-cache"]])
  })
})
