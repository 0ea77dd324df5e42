/**
 * The short texts intake and dispatch post themselves: one link dialect per platform (Slack
 * mrkdwn `<url|label>`, Discord markdown `[label](url)`), DONE vs running, with and without a
 * permalink, and the "investigate again" hint each platform can actually act on.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import type { DedupRecord, DedupState } from "../../src/domain/dedup.js"
import {
  alreadyInvestigated,
  couldNotStart,
  investigatingText,
  unknownCommand,
} from "../../src/domain/intake-messages.js"

const record = (state: DedupState, investigationId = "inv-01JDABC"): DedupRecord => ({
  key: "slack#C0ALERTS#1795784000.000100",
  state,
  investigationId,
  claimedAt: 1_795_784_000_000,
  updatedAt: 1_795_784_000_000,
  expiresAt: 1_795_870_400_000,
  triggerId: "1795784000.000100",
  report: state === "DONE" ? { channel: "C0ALERTS", messageId: "1795784100.000200" } : null,
})

const url = "https://acme.slack.com/archives/C0ALERTS/p1795784100000200"

describe("alreadyInvestigated", () => {
  it("DONE with a link: Slack mrkdwn link to the report and the Slack 'investigate again' hint", () => {
    const text = alreadyInvestigated("slack", record("DONE"), url)
    expect(text).toBe(
      `📎 This alert was already investigated: see <${url}|the report>. To start a fresh one, mention me here with *investigate again*.`,
    )
  })

  it("DONE with a link on Discord: markdown link, and the /investigate hint (Discord has no 'again' mention)", () => {
    const discordUrl = "https://discord.com/channels/1/2/3"
    const text = alreadyInvestigated("discord", record("DONE"), discordUrl)
    expect(text).toBe(
      `📎 This alert was already investigated: see [the report](${discordUrl}). To start a fresh one, use \`/investigate text:\` with the alert text.`,
    )
    expect(text).not.toContain("<")
    expect(text).not.toContain("investigate again")
  })

  it("DONE without a link points at this thread", () => {
    expect(alreadyInvestigated("slack", record("DONE"), null)).toMatch(
      /^📎 This alert was already investigated: see in this thread\. To start a fresh one/,
    )
    expect(alreadyInvestigated("discord", record("DONE"), null)).toMatch(
      /^📎 This alert was already investigated: see in this thread\. To start a fresh one, use `\/investigate text:`/,
    )
  })

  it("running (RECEIVED/DISPATCHED) names the investigation id and where the report will go", () => {
    for (const state of ["RECEIVED", "DISPATCHED"] as const) {
      const withoutLink = alreadyInvestigated("slack", record(state, "inv-42"), null)
      expect(withoutLink).toBe(
        "⏳ An investigation of this alert is already running (id `inv-42`); its report will be posted in this thread. To start a fresh one, mention me here with *investigate again*.",
      )
      const slackLinked = alreadyInvestigated("slack", record(state, "inv-42"), url)
      expect(slackLinked).toContain(`its report will be posted at <${url}|this thread>.`)
      const discordLinked = alreadyInvestigated("discord", record(state, "inv-42"), url)
      expect(discordLinked).toContain(`its report will be posted at [this thread](${url}).`)
      expect(discordLinked).toContain("`/investigate text:`")
    }
  })

  it("the running text never claims the alert was already investigated, and DONE never says running", () => {
    expect(alreadyInvestigated("slack", record("DISPATCHED"), url)).not.toContain("already investigated")
    expect(alreadyInvestigated("slack", record("DONE"), url)).not.toContain("running")
  })

  it("property: the link appears exactly once, in the platform's own syntax, for every state and url", () => {
    const states = fc.constantFrom<DedupState>("RECEIVED", "DISPATCHED", "DONE", "GATED")
    const urls = fc.webUrl()
    fc.assert(
      fc.property(
        states,
        urls,
        fc.constantFrom("slack" as const, "discord" as const),
        (state, u, platform) => {
          const text = alreadyInvestigated(platform, record(state), u)
          const slackLinks = text.split(`<${u}|`).length - 1
          const discordLinks = text.split(`](${u})`).length - 1
          expect(platform === "slack" ? [slackLinks, discordLinks] : [discordLinks, slackLinks]).toEqual([
            1, 0,
          ])
          expect(text).toContain(platform === "slack" ? "*investigate again*" : "/investigate text:")
        },
      ),
      { seed: 20_260_611, numRuns: 200 },
    )
  })
})

describe("the other intake texts", () => {
  it("investigating, could not start (with the id), unknown command (named, or '(none)')", () => {
    expect(investigatingText).toBe("🔎 Investigating…")
    expect(couldNotStart("inv-7")).toBe(
      "⚠️ I could not start the investigation (id `inv-7`). The alert is still in this channel; please try again or investigate manually.",
    )
    expect(unknownCommand("/sre-snapshot")).toMatch(/^Unknown command: \/sre-snapshot\. Mention me/)
    expect(unknownCommand("")).toMatch(/^Unknown command: \(none\)\./)
  })
})
