/**
 * The Slack rendering of the OOM-after-deploy report, read as an on-call engineer reads it, and
 * the edge cases: untrusted text escaped, long sections split on line boundaries, a report over
 * 50 blocks continued in follow-up messages, chat scanners capped with "+N more".
 */
import { describe, expect, it } from "vitest"
import { placeholderResult } from "../../../src/domain/agent-result.js"
import { buildReport } from "../../../src/domain/build-report.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { renderSlackReport, type SlackMessage } from "../../../src/domain/render/slack-report.js"
import { at, finding, ok, oomInput } from "../build-report-support.js"

const limits = defaultConfig.limits

const textsOf = (m: SlackMessage): ReadonlyArray<string> =>
  m.blocks.flatMap((b) => {
    const text = b.text
    const elements = b.elements
    const own = typeof text === "object" && text !== null && "text" in text ? [String(text.text)] : []
    const inner = Array.isArray(elements) ? elements.map((e: { text?: unknown }) => String(e.text)) : []
    return [...own, ...inner]
  })

const allText = (ms: ReadonlyArray<SlackMessage>) => ms.flatMap(textsOf).join("\n")

describe("renderSlackReport: the OOM-after-deploy report", () => {
  const messages = renderSlackReport(buildReport(oomInput()), limits)
  const text = allText(messages)

  it("one message: header, context, then sections; the fallback names severity and headline", () => {
    expect(messages).toHaveLength(1)
    const [m] = messages
    expect(m?.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "🚨 Incident Report", emoji: true },
    })
    expect(m?.blocks[1]).toEqual({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: "*🔴 CRITICAL* · *Alert:* KubePodCrashLooping · *Investigation:* `inv-oom-1`",
        },
      ],
    })
    expect(m?.text).toBe(
      "🚨 Incident Report [critical]: payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts — after the rollout at 13:01 UTC (investigation inv-oom-1)",
    )
  })

  it("causes with their ids, evidence per agent with status markers, findings with deep links", () => {
    expect(text).toContain(
      "*Suspected causes*\n1. rollout of payments-api v2.14.0 at 13:01 UTC (SETTLEMENT_BATCH_SIZE 1000→5000) followed by OOMKilled (out of memory) in payments-api: payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts; ",
    )
    expect(text).toContain("(eks#3, cloudwatch_logs#1, eks#2, slack_scanner#1, eks#4)")
    expect(text).toContain(
      "• *eks#3* [high] payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts — last terminated OOMKilled (exit 137) at 13:08:08; limit 512Mi <https://console.aws.amazon.com/eks/home#/clusters/eks-prod/pods/payments-api-6c9f7d8b4-q7x2m|view>",
    )
    expect(text).toContain("☸️ *Kubernetes (EKS)* ✅")
    expect(text).toContain(
      "📈 *Prometheus* 🩺 unhealthy: PROMETHEUS_URL is not set — check its configuration",
    )
    expect(text).toContain("🎮 *Discord channels* 🚫 disabled in this deployment")
    expect(text).toContain("📚 *Past incidents* ⏳ still running")
    expect(text.indexOf("Kubernetes (EKS)")).toBeLessThan(text.indexOf("CloudWatch Logs"))
  })

  it("timeline, impact, actions, links and the footer", () => {
    expect(text).toContain(
      "*Timeline (UTC)*\n• 13:01:02 Kubernetes (EKS): payments-api rolled out revision 7 (eks#2)",
    )
    expect(text).toContain("• 13:05:00 Alert posted: KubePodCrashLooping\n")
    expect(text).toContain("*Recommended actions*\n1. Roll back payments-api to revision 6 (image v2.13.2)")
    expect(text).toContain("*Links*\n• <https://console.aws.amazon.com/")
    const [footer, usage] = messages[0]?.blocks.slice(-2) ?? []
    expect(footer).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "⏱ 42.5 s · 4,000 in / 700 out tokens · $0.0185 · inv-oom-1" }],
    })
    expect(usage).toEqual({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: "Model use: eks (us.anthropic.claude-haiku-4-5-20251001-v1:0) 1,000 in / 200 out · $0.0020; master (us.anthropic.claude-sonnet-4-6) 3,000 in / 500 out · $0.0165",
        },
      ],
    })
  })
})

describe("renderSlackReport: edge cases", () => {
  it("an unpriced model is named, never shown as free; an alternative analysis is marked", () => {
    const report = buildReport(
      oomInput({
        masterUsage: [{ model: "mystery-model", inputTokens: 1, outputTokens: 1 }],
        analysis: { text: "DNS, maybe\nsecond line", cites: [], model: "haiku" },
      }),
    )
    const text = allText(renderSlackReport(report, limits))
    expect(text).toContain("cost unknown (model mystery-model not priced)")
    expect(text).toContain(
      "*🧠 Alternative hypothesis (not supported by the evidence: it cites no finding)*\nDNS, maybe\nsecond line\n_model haiku · not used for the suspected causes_",
    )
  })

  it("untrusted text is escaped: broadcast and user mentions stay inert", () => {
    const f = finding("eks", {
      title: "<!channel> <@U123> & <!here> <https://evil.example|click>",
      severity: "high",
      link: "https://e.x/a?b=1&c=<2>|x",
    })
    const text = allText(renderSlackReport(buildReport(oomInput({ results: [ok("eks", [f])] })), limits))
    expect(text).toContain(
      "&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;!here&gt; &lt;https://evil.example|click&gt;",
    )
    expect(text).toContain("<https://e.x/a?b=1&amp;c=%3C2%3E%7Cx|view>")
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/)
  })

  it("a long evidence section becomes several blocks, split on line boundaries, every finding kept", () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      finding("cloudwatch_logs", { title: `signature ${i} ${"z".repeat(60)}`, severity: "medium" }),
    )
    const [m, ...rest] = renderSlackReport(
      buildReport(oomInput({ results: [ok("cloudwatch_logs", many)] })),
      limits,
    )
    expect(rest).toEqual([])
    const sections = (m === undefined ? [] : textsOf(m)).filter((t) => t.includes("signature"))
    expect(sections.length).toBeGreaterThan(2)
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(3000)
      for (const line of s.split("\n"))
        if (line.startsWith("•"))
          expect(line).toMatch(/^• \*cloudwatch_logs#\d+\* \[medium\] signature \d+ z+$/)
    }
    for (let i = 1; i <= 120; i++) expect(sections.join("\n")).toContain(`*cloudwatch_logs#${i}*`)
  })

  it("over 50 blocks: follow-up messages marked (continued), each ≤ 50 blocks, nothing dropped", () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      finding("eks", {
        title: `pod-${i} ${"w".repeat(400)}`,
        severity: "low",
        observedAt: at("2026-11-27T13:00:00Z"),
      }),
    )
    const messages = renderSlackReport(buildReport(oomInput({ results: [ok("eks", many)] })), limits)
    expect(messages.length).toBeGreaterThan(1)
    for (const [i, m] of messages.entries()) {
      expect(m.blocks.length).toBeLessThanOrEqual(50)
      if (i > 0) {
        expect(m.blocks[0]).toEqual({
          type: "context",
          elements: [{ type: "mrkdwn", text: "(continued) Incident Report `inv-oom-1`" }],
        })
        expect(m.text).toBe(`(continued ${i + 1}/${messages.length}) Incident Report inv-oom-1`)
      }
    }
    const text = allText(messages)
    for (let i = 1; i <= 400; i++) expect(text).toContain(`*eks#${i}*`)
  })

  it("chat scanners show findings_shown_per_agent findings and say how many more", () => {
    const chatter = Array.from({ length: 25 }, (_, i) =>
      finding("slack_scanner", { title: `message ${i}`, severity: "low" }),
    )
    const report = buildReport(
      oomInput({
        results: [ok("slack_scanner", chatter), placeholderResult("eks", "error", "timeout calling the API")],
      }),
    )
    const text = allText(renderSlackReport(report, limits))
    expect(text.match(/\*slack_scanner#\d+\*/g)).toHaveLength(20)
    expect(text).toContain("_+5 more from Slack channels (in the investigation trace)_")
    expect(text).toContain("☸️ *Kubernetes (EKS)* ⚠️ data unavailable: timeout calling the API")
  })
})
