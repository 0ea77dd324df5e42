/**
 * The Discord rendering: markdown that reads like the Slack report, messages within 2,000
 * characters split on section then line boundaries with "(continued)" markers, a single
 * over-long line hard-wrapped without loss, and mentions in untrusted text neutralised.
 */
import { describe, expect, it } from "vitest"
import { buildReport } from "../../../src/domain/build-report.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { continued, renderDiscordReport } from "../../../src/domain/render/discord-report.js"
import { finding, ok, oomInput } from "../build-report-support.js"

const limits = defaultConfig.limits
const discordInput = (over: Parameters<typeof oomInput>[0] = {}) =>
  oomInput({ context: { ...oomInput().context, platform: "discord" }, ...over })

describe("renderDiscordReport: the OOM-after-deploy report", () => {
  const messages = renderDiscordReport(buildReport(discordInput()), limits)
  const text = messages.join("\n")

  it("starts with the title, severity, alert and id; every message fits; later ones say (continued)", () => {
    expect(messages[0]).toMatch(
      /^🚨 \*\*Incident Report\*\* — \*\*🔴 CRITICAL\*\*\n\*\*Alert:\*\* KubePodCrashLooping · \*\*Investigation:\*\* `inv-oom-1`\n/,
    )
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000)
    for (const m of messages.slice(1)) expect(m.startsWith(continued)).toBe(true)
  })

  it("findings in bold ids with non-unfurling links; sections in the Slack order", () => {
    expect(text).toContain(
      "• **eks#3** [high] payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts — last terminated OOMKilled (exit 137) at 13:08:08; limit 512Mi [view](<https://console.aws.amazon.com/eks/home#/clusters/eks-prod/pods/payments-api-6c9f7d8b4-q7x2m>)",
    )
    const order = [
      "**Suspected causes**",
      "**Evidence**",
      "**Timeline (UTC)**",
      "**Impact**",
      "**Recommended actions**",
      "**Links**",
      "_⏱ 42.5 s",
    ]
    const positions = order.map((h) => text.indexOf(h))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })
})

describe("renderDiscordReport: limits and mentions", () => {
  it("splits on section boundaries first: no section is cut when it fits a message", () => {
    const messages = renderDiscordReport(buildReport(discordInput()), {
      ...limits,
      discord_message_chars: 700,
    })
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(700)
    const bodies = messages.map((m) => (m.startsWith(continued) ? m.slice(continued.length) : m))
    for (const heading of ["**Timeline (UTC)**", "**Recommended actions**", "**Links**"]) {
      const holder = bodies.find((b) => b.includes(heading))
      expect(
        holder === undefined ? -1 : holder.indexOf(heading) === 0 || holder.includes(`\n\n${heading}`),
      ).toBe(true)
    }
  })

  it("a single line longer than a message is hard-wrapped across messages, nothing lost", () => {
    const huge = `payments-api ${"heap-out-of-memory-".repeat(120)}`
    const analysis = { text: huge, cites: ["eks#3"], model: "haiku" }
    const messages = renderDiscordReport(buildReport(discordInput({ analysis })), limits)
    const holders = messages.filter((m) => m.includes("heap-out-of-memory-heap"))
    expect(holders.length).toBe(2)
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000)
    const joined = messages.map((m) => (m.startsWith(continued) ? m.slice(continued.length) : m)).join("")
    expect(joined).toContain(huge)
  })

  it("@everyone and @here are broken; user, role and channel mentions are neutralised", () => {
    const f = finding("eks", {
      title: "@everyone @here <@123456> <@!42> <@&777> <#999> [click](https://evil.example)",
      severity: "high",
    })
    const text = renderDiscordReport(buildReport(discordInput({ results: [ok("eks", [f])] })), limits).join(
      "\n",
    )
    expect(text).toContain(
      "@\u200beveryone @\u200bhere <\u200b@123456> <\u200b@!42> <\u200b@&777> <\u200b#999> [click]\u200b(",
    )
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d|\]\(https:\/\/evil/)
  })
})
