/**
 * scanChat over a job paused by hand (chat-workload-pause.ts): said in a thread reply long before
 * the change lookback and never resumed, it is the change behind a staleness alert about what the
 * job feeds — not when it was resumed later, proposed only, or about another workload.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import type { HistoryMessage } from "../../src/domain/chat-history.js"
import { scanChat } from "../../src/domain/chat-scan.js"
import { defaultConfig } from "../../src/domain/config.js"

const window = investigationWindow(DateTime.unsafeMake("2026-11-27T09:00:00Z"), {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})
const alert = { platform: "slack" as const, channel: "C0ALERTS", messageId: "a1", window }

let n = 0
const msg = (at: string, text: string, over: Partial<HistoryMessage> = {}): HistoryMessage => ({
  channel: "C0OPS",
  messageId: `m${++n}`,
  threadId: null,
  postedAt: DateTime.unsafeMake(at),
  text,
  author: { id: "U0P", name: "pat", bot: false },
  own: false,
  ...over,
})

const scan = (messages: ReadonlyArray<HistoryMessage>) =>
  scanChat({
    alert,
    facts: extractFacts(
      "[Alerting] StockLevelsStale\nLabels:\n - alertname = StockLevelsStale\n - service = inventory-api\nAnnotations:\n - summary = stock levels served by inventory-api are 10h old",
      defaultConfig.severity.labels,
    ),
    channels: [{ id: "C0OPS", name: "#ops" }],
    messages,
    maxFindings: 20,
  }).matches

const parent = msg("2026-11-26T22:00:00Z", "Migrating the warehouse DB tonight, expect a blip")
const reply = (text: string, at = "2026-11-26T22:10:00Z") => msg(at, text, { threadId: parent.messageId })

describe("a job paused by hand", () => {
  it("a thread reply 11 h before the alert, not resumed → a medium change under the job's name", () => {
    const found = scan([parent, reply("paused stock-sync for now, will resume after the migration")])
    expect(found.map((m) => [m.kind, m.service, m.severity])).toEqual([
      ["deploy_announcement", "stock-sync", "medium"],
    ])
    expect(found[0]?.title).toContain("stock-sync paused / suspended by hand in #ops")
  })

  it("decoys: resumed later, only proposed, another workload paused", () => {
    expect(
      scan([
        parent,
        reply("paused stock-sync for now"),
        msg("2026-11-27T01:00:00Z", "migration done, unsuspended stock-sync"),
      ]),
    ).toEqual([])
    expect(scan([parent, reply("we should suspend stock-sync during the migration")])).toEqual([])
    expect(scan([parent, reply("suspended report-mailer for now")])).toEqual([])
  })
})
