/**
 * The Discord reader must see embeds-only alerts (the original read `content` only) and must not
 * hand the classifier the same summary twice when a bot repeats it in content and embed.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { normaliseForDedup } from "../../../src/adapters/chat-text/distinct-text.js"
import { discordMessageText } from "../../../src/adapters/discord/message-text.js"

/** `data.resolved.messages[target_id]` of shared/fixtures/webhooks/discord-message-command.json, verbatim. */
const contextMenuTarget = {
  id: "1575473947607040000",
  channel_id: "1345319652556800001",
  author: { id: "1058897343283200007", username: "Alertmanager", bot: true },
  content:
    "[FIRING:1] KubeContainerWaiting\nAlert: pod/billing-worker-84c6d9f7b5-m3n4p in namespace billing has been in waiting state for longer than 5 minutes.",
  timestamp: "2026-11-26T11:31:00.000000+00:00",
  embeds: [],
  attachments: [],
  mentions: [],
  type: 0,
}

describe("discordMessageText: real message shapes", () => {
  it("reads a content-only message (the fixture's context-menu target)", () => {
    expect(discordMessageText(contextMenuTarget)).toBe(
      "[FIRING:1] KubeContainerWaiting\nAlert: pod/billing-worker-84c6d9f7b5-m3n4p in namespace billing " +
        "has been in waiting state for longer than 5 minutes.",
    )
  })

  it("reads an embeds-only Alertmanager message: title, description, fields", () => {
    const message = {
      content: "",
      embeds: [
        {
          type: "rich",
          title: "[FIRING:2] KubePodCrashLooping",
          url: "https://alertmanager.example/#/alerts",
          description: "**Alert:** payments-api is crash looping\n**Severity:** critical",
          color: 15158332,
          fields: [
            { name: "namespace", value: "payments", inline: true },
            { name: "\u200b", value: "2 pods affected", inline: true },
          ],
        },
      ],
    }
    expect(discordMessageText(message)).toBe(
      [
        "[FIRING:2] KubePodCrashLooping",
        "**Alert:** payments-api is crash looping\n**Severity:** critical",
        "namespace: payments\n2 pods affected",
      ].join("\n"),
    )
  })

  it("reads a Grafana message (content repeats the embed title) with author and footer, once each", () => {
    const message = {
      content: "**[FIRING:1]** HighLatency checkout",
      embeds: [
        {
          author: { name: "Grafana Alerting", icon_url: "https://grafana.example/a.png" },
          title: "[FIRING:1] HighLatency checkout",
          description: "p99 above 2s for 10m. [Runbook](https://runbooks.example/latency)",
          footer: { text: "Grafana v11.2.0", icon_url: "https://grafana.example/f.png" },
        },
      ],
    }
    expect(discordMessageText(message)).toBe(
      [
        "**[FIRING:1]** HighLatency checkout",
        "Grafana Alerting",
        "p99 above 2s for 10m. [Runbook](https://runbooks.example/latency)",
        "Grafana v11.2.0",
      ].join("\n"),
    )
  })

  it("reads content duplicated in an embed description once", () => {
    const message = {
      content: "Disk 95% full on node-3",
      embeds: [{ description: "disk 95%   full on node-3" }, { description: "Disk 95% full on node-3" }],
    }
    expect(discordMessageText(message)).toBe("Disk 95% full on node-3")
  })

  it("lets a richer embed description replace shorter content it contains", () => {
    const message = {
      content: "<@&1234> DiskFull",
      embeds: [{ description: "DiskFull on node-3: /var at 97%" }],
    }
    expect(discordMessageText(message)).toBe("DiskFull on node-3: /var at 97%")
  })

  it("reads a forwarded message from its snapshot", () => {
    const message = {
      content: "",
      message_snapshots: [
        { message: { content: "[FIRING:1] NodeNotReady", embeds: [{ title: "ip-10-0-1-7" }] } },
      ],
    }
    expect(discordMessageText(message)).toBe("[FIRING:1] NodeNotReady\nip-10-0-1-7")
  })

  it("answers empty for non-messages and skips malformed embeds", () => {
    for (const input of [null, 1, "x", [], {}, { content: 5, embeds: {} }, { embeds: [null, "e", []] }]) {
      expect(discordMessageText(input)).toBe("")
    }
    expect(
      discordMessageText({ embeds: [7, { title: 3, description: "kept", fields: [1, { value: "v" }] }] }),
    ).toBe("kept\nv")
  })
})

describe("properties", () => {
  it("never throws and always answers a trimmed string, whatever the input", () => {
    const check = (input: unknown) => {
      const out = discordMessageText(input)
      expect(out).toBe(out.trim())
    }
    fc.assert(fc.property(fc.anything(), check), { seed: 42, numRuns: 300 })
    fc.assert(fc.property(fc.jsonValue(), check), { seed: 42, numRuns: 300 })
    const discordish = fc.record(
      { content: fc.anything(), embeds: fc.array(fc.anything()), message_snapshots: fc.array(fc.anything()) },
      { requiredKeys: [] },
    )
    fc.assert(fc.property(discordish, check), { seed: 42, numRuns: 300 })
  })

  it("reads content repeated as an embed's title and description exactly once", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (c) => {
        const message = { content: c, embeds: [{ title: c, description: c }] }
        expect(discordMessageText(message)).toBe(c.trim())
      }),
      { seed: 42, numRuns: 300 },
    )
  })

  it("keeps every piece of an embed in the output", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 30 })
    const embed = fc.record({
      title: text,
      description: text,
      author: fc.record({ name: text }),
      footer: fc.record({ text: text }),
      fields: fc.array(fc.record({ name: text, value: text }), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(text, fc.array(embed, { maxLength: 3 }), (content, embeds) => {
        const out = ` ${normaliseForDedup(discordMessageText({ content, embeds }))} `
        const pieces = [
          content,
          ...embeds.flatMap((e) => [e.title, e.description, e.author.name, e.footer.text]),
        ]
        for (const p of pieces) {
          const norm = normaliseForDedup(p)
          expect(norm === "" || out.includes(` ${norm} `)).toBe(true)
        }
      }),
      { seed: 42, numRuns: 300 },
    )
  })
})
