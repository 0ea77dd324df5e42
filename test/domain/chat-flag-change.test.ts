/**
 * A feature flag turned, read from chat: the change of the subject named like it; with a person's
 * report naming no service, the flag itself (a site code like CVG-02 in the text is no service);
 * another service's flag, or a flag change outside the lookback, is no finding.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { flagChangeRead } from "../../src/domain/chat-flag-change.js"
import type { HistoryMessage } from "../../src/domain/chat-history.js"
import { scanChat, subjectNames } from "../../src/domain/chat-scan.js"
import { defaultConfig } from "../../src/domain/config.js"

const alertTime = DateTime.unsafeMake("2026-11-27T13:05:00Z")
const window = investigationWindow(alertTime, {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})
const alert = { platform: "slack" as const, channel: "C0SUPPORT", messageId: "1795784700.000200", window }

const msg = (at: string, text: string, author = "LaunchDarkly"): HistoryMessage => ({
  channel: "C0FLAGS",
  messageId: `m-${at}`,
  threadId: null,
  postedAt: DateTime.unsafeMake(at),
  text,
  author: { id: "U0LD", name: author, bot: true },
  own: false,
})

const scan = (alertText: string, messages: ReadonlyArray<HistoryMessage>) =>
  scanChat({
    alert,
    facts: extractFacts(alertText, defaultConfig.severity.labels),
    channels: [{ id: "C0FLAGS", name: "#feature-flags" }],
    messages,
    maxFindings: 10,
  })

const turned = (key: string, at = "2026-11-27T12:58:00Z") =>
  msg(at, `Ana Lee changed flag \`${key}\` in *Production*: turned targeting ON (was: RNO-03 pilot only)`)

describe("flagChangeRead", () => {
  it("is the change of the subject named like the flag", () => {
    const read = flagChangeRead(
      "Unleash: feature toggle *quote-batching* enabled in production",
      "unleash-bot",
      ["quote-engine"],
      "#flags",
      "line",
    )
    expect(read?.service).toBe("quote-engine")
    expect(read?.title).toContain("Feature flag `quote-batching` changed (Unleash)")
  })

  it("is the flag itself when the alert names no subject", () => {
    expect(flagChangeRead("turned on flag `tax-rounding-v2` in prod", null, [], "#flags", "l")?.service).toBe(
      "tax-rounding-v2",
    )
  })

  it("is nothing for a named alert whose subject the flag is not named like", () => {
    expect(
      flagChangeRead("turned on flag `tax-rounding-v2` in prod", null, ["search-api"], "#f", "l"),
    ).toBeNull()
  })

  it("is nothing when no flag changed", () => {
    expect(flagChangeRead("deployed search-api v2.1.0", null, ["search-api"], "#f", "l")).toBeNull()
  })
})

describe("scanChat and a person's report naming no service", () => {
  const report =
    "pick lists will not print at RNO-03 and SLC-11 — every print says 'reservation failed, try again'"

  it("takes no site code for a service", () => {
    expect(subjectNames(extractFacts(report, defaultConfig.severity.labels))).toEqual([])
  })

  it("finds the flag turned in the lookback, as the flag's change", () => {
    const { matches } = scan(report, [turned("stock-reserve-batching")])
    expect(matches.map((m) => [m.kind, m.service])).toEqual([
      ["deploy_announcement", "stock-reserve-batching"],
    ])
    expect(matches[0]?.title).toMatch(
      /^Feature flag `stock-reserve-batching` changed \(LaunchDarkly\) in #feature-flags/,
    )
  })

  it("finds no deploy, no chatter, and no flag turned before the lookback", () => {
    const { matches } = scan(report, [
      msg("2026-11-27T12:50:00Z", "Argo CD: wms-ui synced to v8.2.0", "argocd"),
      msg("2026-11-27T12:55:00Z", "anyone up for lunch?", "bob"),
      turned("stock-reserve-batching", "2026-11-26T20:00:00Z"),
    ])
    expect(matches).toEqual([])
  })
})
