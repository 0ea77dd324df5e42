/**
 * The Slack reader must hand the classifier each piece of an alert exactly once, whatever mix of
 * text, blocks and attachments the integration used (W11), and must never throw on a payload.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  distinctPieces,
  mergeDistinct,
  normaliseForDedup,
} from "../../../src/adapters/chat-text/distinct-text.js"
import { escapeSlack, renderRichText, slackMessageText } from "../../../src/adapters/slack/message-text.js"

/** The `event` of shared/fixtures/webhooks/slack-app-mention.json, copied verbatim. */
const appMentionEvent = {
  type: "app_mention",
  user: "U0ALERTMGR",
  bot_id: "B0ALERTMGR",
  text: "<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)",
  ts: "1795784700.000200",
  channel: "C0ALERTS",
  event_ts: "1795784700.000200",
  blocks: [
    {
      type: "rich_text",
      block_id: "x7Yq",
      elements: [
        {
          type: "rich_text_section",
          elements: [
            { type: "user", user_id: "U0SREBOT" },
            { type: "text", text: " [FIRING:1] KubePodCrashLooping (eks-prod payments)" },
          ],
        },
      ],
    },
  ],
}

const section = (...elements: ReadonlyArray<unknown>) => ({ type: "rich_text_section", elements })
const richText = (...elements: ReadonlyArray<unknown>) => ({ type: "rich_text", elements })
const text = (t: string, style?: Record<string, boolean>) => ({
  type: "text",
  text: t,
  ...(style ? { style } : {}),
})
const mrkdwn = (t: string) => ({ type: "mrkdwn", text: t })

describe("slackMessageText: real message shapes", () => {
  it("reads the fixture app_mention once although text and rich_text carry the same content", () => {
    expect(slackMessageText(appMentionEvent)).toBe(
      "<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)",
    )
  })

  it("reads an Alertmanager attachment with empty text as title, text and fields, without the fallback", () => {
    const message = {
      text: "",
      attachments: [
        {
          color: "danger",
          fallback: "[FIRING:1] KubePodCrashLooping | https://alertmanager.example/#/alerts",
          title: "[FIRING:1] KubePodCrashLooping (payments)",
          title_link: "https://alertmanager.example/#/alerts?receiver=slack",
          text: "*Alert:* Pod payments/payments-api-7d9f is crash looping\n*Severity:* critical",
          fields: [
            { title: "namespace", value: "payments", short: true },
            { title: "cluster", value: "eks-prod", short: true },
          ],
          footer: "alertmanager",
        },
      ],
    }
    expect(slackMessageText(message)).toBe(
      [
        "[FIRING:1] KubePodCrashLooping (payments)",
        "*Alert:* Pod payments/payments-api-7d9f is crash looping\n*Severity:* critical",
        "namespace: payments\ncluster: eks-prod",
      ].join("\n"),
    )
  })

  it("reads a Grafana message with blocks: the header repeating the text is dropped, the rest kept in order", () => {
    const message = {
      text: "[FIRING:1] HighErrorRate checkout",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "[FIRING:1] HighErrorRate checkout" } },
        { type: "section", text: mrkdwn("*Summary:* 5xx ratio above 5% for 10m") },
        { type: "section", fields: [mrkdwn("*Severity:*\ncritical"), mrkdwn("*Cluster:*\neks-prod")] },
        { type: "divider" },
        {
          type: "context",
          elements: [
            { type: "image", image_url: "https://grafana.example/logo.png", alt_text: "logo" },
            mrkdwn("Grafana v11.2 | <https://grafana.example/alerting/1|View alert>"),
          ],
        },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Silence" } }] },
      ],
    }
    expect(slackMessageText(message)).toBe(
      [
        "[FIRING:1] HighErrorRate checkout",
        "*Summary:* 5xx ratio above 5% for 10m",
        "*Severity:*\ncritical\n*Cluster:*\neks-prod",
        "Grafana v11.2 | <https://grafana.example/alerting/1|View alert>",
      ].join("\n"),
    )
  })

  it("keeps both when text and blocks say different things", () => {
    const message = {
      text: "Deploy of checkout finished",
      blocks: [richText(section(text("error rate rising on "), { type: "channel", channel_id: "C0PAY" }))],
    }
    expect(slackMessageText(message)).toBe("Deploy of checkout finished\nerror rate rising on <#C0PAY>")
  })

  it("lets richer blocks replace a shorter text they contain, in the text's place", () => {
    const message = {
      text: "[FIRING:1] DiskFull",
      blocks: [
        richText(section(text("[FIRING:1] DiskFull", { bold: true }), text(" on node-3\n")), {
          type: "rich_text_list",
          style: "bullet",
          elements: [section(text("/var at 97%"))],
        }),
      ],
      attachments: [{ text: "runbook: disk-full" }],
    }
    expect(slackMessageText(message)).toBe(
      "*[FIRING:1] DiskFull* on node-3\n• /var at 97%\nrunbook: disk-full",
    )
  })

  it("uses an attachment's fallback only when the attachment has nothing else", () => {
    expect(slackMessageText({ attachments: [{ fallback: "[RESOLVED] KubeNodeNotReady ip-10-0-1-7" }] })).toBe(
      "[RESOLVED] KubeNodeNotReady ip-10-0-1-7",
    )
    expect(slackMessageText({ attachments: [{ fallback: "short summary", title: "Full title" }] })).toBe(
      "Full title",
    )
  })

  it("reads pretext and attachment blocks, and drops a field already said in the text", () => {
    const message = {
      attachments: [
        {
          pretext: "Grafana alert",
          text: "Severity: critical",
          fields: [{ title: "Severity", value: "critical" }],
          blocks: [{ type: "section", text: mrkdwn("Panel: p99 latency") }],
        },
      ],
    }
    expect(slackMessageText(message)).toBe("Grafana alert\nSeverity: critical\nPanel: p99 latency")
  })

  it("treats Slack's escaped text and raw rich_text characters as the same content", () => {
    const message = {
      text: "latency &gt; 2s &amp; rising",
      blocks: [richText(section(text("latency > 2s & rising")))],
    }
    expect(slackMessageText(message)).toBe("latency &gt; 2s &amp; rising")
  })

  it("does not confuse a word inside a longer word with a repeat", () => {
    expect(
      slackMessageText({ text: "payments broken", blocks: [{ type: "section", text: mrkdwn("ok") }] }),
    ).toBe("payments broken\nok")
  })

  it("answers empty for non-messages and messages without text", () => {
    for (const input of [null, undefined, 42, "text", [], {}, { text: "   " }, { text: 7, blocks: "x" }]) {
      expect(slackMessageText(input)).toBe("")
    }
  })

  it("skips malformed pieces but keeps the well-formed ones next to them", () => {
    const message = {
      text: null,
      blocks: [null, 3, { type: "section", text: 9 }, { type: "header", text: { text: "header kept" } }, "x"],
      attachments: [[], { title: ["no"], text: "also kept", fields: [null, { title: 1, value: "v" }] }],
    }
    expect(slackMessageText(message)).toBe("header kept\nalso kept\nv")
  })
})

describe("renderRichText", () => {
  it("renders every inline element the way Slack writes it in text", () => {
    const rendered = renderRichText([
      section(
        { type: "user", user_id: "U01" },
        text(" "),
        { type: "channel", channel_id: "C02" },
        text(" "),
        { type: "usergroup", usergroup_id: "S03" },
        text(" "),
        { type: "broadcast", range: "here" },
        { type: "broadcast", range: "channel" },
        text(" "),
        { type: "link", url: "https://a.example/x?y=1&z=2" },
        text(" "),
        { type: "link", url: "https://b.example", text: "dashboard" },
        text(" "),
        { type: "emoji", name: "fire" },
        { type: "emoji", name: "thumbsup", skin_tone: 3 },
        text(" "),
        { type: "date", timestamp: 1795784700, format: "{date_short}", fallback: "Nov 26" },
        text(" "),
        { type: "date", timestamp: 1700000000, format: "at {time}" },
        text(" "),
        { type: "color", value: "#ff0000" },
        { type: "team", team_id: "T04" },
        { type: "unknown", text: "hidden" },
      ),
    ])
    expect(rendered).toBe(
      "<@U01> <#C02> <!subteam^S03> <!here><!channel> https://a.example/x?y=1&amp;z=2 " +
        "<https://b.example|dashboard> :fire::thumbsup::skin-tone-3: Nov 26 at 2023-11-14T22:13:20Z #ff0000",
    )
  })

  it("renders styles as mrkdwn, keeping surrounding spaces outside the marks", () => {
    const rendered = renderRichText([
      section(
        text("a "),
        text("bold ", { bold: true }),
        text(" it", { italic: true }),
        text(" "),
        text("gone", { strike: true }),
        text(" "),
        text("kubectl", { code: true }),
        text(" "),
        text("all", { bold: true, italic: true, strike: true, code: true }),
        text("   ", { bold: true }),
        text("<tag>"),
      ),
    ])
    expect(rendered).toBe("a *bold*  _it_ ~gone~ `kubectl` *_~`all`~_*   &lt;tag&gt;")
  })

  it("renders nested lists, quotes and preformatted blocks", () => {
    const rendered = renderRichText([
      section(text("Steps:\n")),
      {
        type: "rich_text_list",
        style: "bullet",
        elements: [section(text("check pods")), section(text("check nodes"))],
      },
      { type: "rich_text_list", style: "bullet", indent: 1, elements: [section(text("ip-10-0-1-7"))] },
      { type: "rich_text_list", style: "ordered", offset: 2, elements: [section(text("roll back"))] },
      { type: "rich_text_quote", elements: [text("first line\nsecond "), text("line", { bold: true })] },
      {
        type: "rich_text_preformatted",
        elements: [text("kubectl get pods -n payments", { code: true }), text("\n")],
      },
      { type: "rich_text_unknown", elements: [text("hidden")] },
    ])
    expect(rendered).toBe(
      [
        "Steps:",
        "• check pods",
        "• check nodes",
        "  • ip-10-0-1-7",
        "3. roll back",
        "> first line",
        "> second *line*",
        "```\nkubectl get pods -n payments\n```",
        "",
      ].join("\n"),
    )
  })
})

describe("normaliseForDedup and distinctPieces", () => {
  it("ignores mentions, link targets, markup, escaping, case and whitespace", () => {
    expect(normaliseForDedup("<@U0SREBOT>  *Disk* _FULL_ on <https://x.example|node-3> &amp; `sda`")).toBe(
      normaliseForDedup("disk full\non node-3 & sda"),
    )
    expect(
      normaliseForDedup("**Runbook:** [disk-full](https://runbooks.example/disk) <t:1795784700:R>"),
    ).toBe("runbook: disk-full")
    expect(normaliseForDedup("Deploy")).not.toBe(normaliseForDedup("Deployed"))
  })

  it("drops repeats, replaces contained pieces in place and keeps order otherwise", () => {
    expect(distinctPieces(["b", "  ", "a", "A!", "b", "a b c", "d"])).toEqual(["a b c", "A!", "d"])
  })

  it("keeps the first of pieces that differ only in their spacing (text and its rich_text block)", () => {
    expect(distinctPieces(["<@U1> a  b\n\nc", " <@U1> a b\nc", "a b c"])).toEqual(["<@U1> a  b\n\nc"])
    // Spacing between words is not spacing inside one: "a b" is not "ab".
    expect(distinctPieces(["a b", "ab"])).toEqual(["a b", "ab"])
  })

  it("appends rather than replaces when replacing would lose text dropped earlier", () => {
    expect(distinctPieces(["a b", "c d", "b c", "x a b y"])).toEqual(["a b", "c d", "x a b y"])
  })
})

const words = fc.constantFrom(
  "disk",
  "full",
  "node-3",
  "FIRING",
  "pods",
  "ok",
  "[1]",
  "*crit*",
  "<@U1>",
  "&amp;",
)
const piece = fc.array(words, { maxLength: 5 }).map((ws) => ws.join(" "))
/** Few short words, so pieces overlap, straddle each other and get replaced often. */
const overlapping = fc
  .array(fc.constantFrom("a", "b", "c", "d", "*a*", "<@U1>"), { minLength: 1, maxLength: 4 })
  .map((ws) => ws.join(" "))
const covers = (hay: string, needle: string) => needle === "" || ` ${hay} `.includes(` ${needle} `)

describe("properties", () => {
  it("never throws and always answers a trimmed string, whatever the input", () => {
    const check = (input: unknown) => {
      const out = slackMessageText(input)
      expect(out).toBe(out.trim())
    }
    fc.assert(fc.property(fc.anything(), check), { seed: 42, numRuns: 300 })
    fc.assert(fc.property(fc.jsonValue(), check), { seed: 42, numRuns: 300 })
    const slackish = fc.record(
      { text: fc.anything(), blocks: fc.array(fc.anything()), attachments: fc.array(fc.anything()) },
      { requiredKeys: [] },
    )
    fc.assert(fc.property(slackish, check), { seed: 42, numRuns: 300 })
  })

  it("reads a field of the wrong type exactly as if it were absent, at every level", () => {
    // The quick as-sent decoder rejects such a node; the lenient one must then drop only that field.
    const wrong = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.constant({ x: 1 }),
    )
    const inline = fc.oneof(
      fc.record(
        {
          type: fc.constant("text"),
          text: fc.string({ maxLength: 10 }),
          style: fc.record({ bold: fc.boolean(), code: fc.boolean() }, { requiredKeys: [] }),
        },
        { requiredKeys: ["type", "text"] },
      ),
      fc.record({ type: fc.constant("user"), user_id: fc.constantFrom("U1", "U2") }),
      fc.record(
        {
          type: fc.constant("link"),
          url: fc.constantFrom("https://a.example/x", "https://b.example"),
          text: fc.string({ maxLength: 6 }),
        },
        { requiredKeys: ["type", "url"] },
      ),
      fc.record(
        {
          type: fc.constant("emoji"),
          name: fc.constantFrom("fire", "ok"),
          skin_tone: fc.integer({ min: 1, max: 6 }),
        },
        { requiredKeys: ["type", "name"] },
      ),
    )
    const message = fc.record({
      text: fc.string({ maxLength: 20 }),
      blocks: fc.array(
        fc.record({
          type: fc.constant("rich_text"),
          elements: fc.array(
            fc.record({
              type: fc.constant("rich_text_section"),
              elements: fc.array(inline, { maxLength: 4 }),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 2 },
      ),
    })
    /** Every object node reachable from `root` (the objects themselves, to edit in place). */
    const nodes = (root: unknown): Array<object> => {
      if (Array.isArray(root)) return root.flatMap(nodes)
      if (typeof root !== "object" || root === null) return []
      return [root, ...Object.keys(root).flatMap((k) => nodes(Reflect.get(root, k)))]
    }
    fc.assert(
      fc.property(message, fc.nat(), fc.nat(), wrong, (m, pick, keyPick, value) => {
        // JSON round trips give plain objects we may edit in place.
        const broken: unknown = JSON.parse(JSON.stringify(m))
        const absent: unknown = JSON.parse(JSON.stringify(m))
        const brokenNodes = nodes(broken)
        const absentNodes = nodes(absent)
        const target = brokenNodes[pick % brokenNodes.length]
        const twin = absentNodes[pick % absentNodes.length]
        if (target === undefined || twin === undefined) return
        const keys = Object.keys(target).filter((k) => k !== "type")
        const key = keys[keyPick % Math.max(1, keys.length)]
        if (key === undefined) return
        // A value of a type the field never has (a list where a list is expected stays a list).
        const current: unknown = Reflect.get(target, key)
        if (Array.isArray(current) === Array.isArray(value) && typeof current === typeof value) return
        Reflect.set(target, key, value)
        Reflect.deleteProperty(twin, key)
        expect(slackMessageText(broken)).toBe(slackMessageText(absent))
      }),
      { seed: 20261127, numRuns: 400 },
    )
  })

  it("reads text plus a rich_text block of the same text as that text, once", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (t) => {
        const message = { text: escapeSlack(t), blocks: [richText(section(text(t)))] }
        expect(slackMessageText(message)).toBe(escapeSlack(t).trim())
      }),
      { seed: 42, numRuns: 300 },
    )
  })

  it("reads a styled rich_text with mentions and links as its plain text twin, once", () => {
    const segment = fc.oneof(
      fc.record({
        kind: fc.constant("text" as const),
        text: fc.string({ maxLength: 12 }),
        style: fc.record({
          bold: fc.boolean(),
          italic: fc.boolean(),
          strike: fc.boolean(),
          code: fc.boolean(),
        }),
      }),
      fc.record({ kind: fc.constant("user" as const), id: fc.stringMatching(/^U[A-Z0-9]{2,8}$/) }),
      fc.record({ kind: fc.constant("link" as const), url: fc.webUrl(), label: fc.string({ maxLength: 8 }) }),
    )
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), (segments) => {
        const plain = segments
          .map((s) =>
            s.kind === "text"
              ? escapeSlack(s.text)
              : s.kind === "user"
                ? `<@${s.id}>`
                : `<${escapeSlack(s.url)}|${escapeSlack(s.label)}>`,
          )
          .join("")
        const rich = segments.map((s) =>
          s.kind === "text"
            ? text(s.text, s.style)
            : s.kind === "user"
              ? { type: "user", user_id: s.id }
              : { type: "link", url: s.url, text: s.label },
        )
        const both = { text: plain, blocks: [richText(section(...rich))], attachments: [{ fallback: plain }] }
        expect(slackMessageText(both)).toBe(plain.trim())
        expect(normaliseForDedup(slackMessageText({ blocks: [richText(section(...rich))] }))).toBe(
          normaliseForDedup(plain),
        )
      }),
      { seed: 42, numRuns: 300 },
    )
  })

  it("loses no piece: every input piece is contained in the merged output", () => {
    fc.assert(
      fc.property(fc.array(overlapping, { maxLength: 8 }), (pieces) => {
        const out = normaliseForDedup(mergeDistinct(pieces))
        for (const p of pieces) expect(covers(out, normaliseForDedup(p))).toBe(true)
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it("is idempotent and unmoved by repeating the content", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, overlapping), { maxLength: 8 }), (pieces) => {
        const once = mergeDistinct(pieces)
        expect(mergeDistinct([once])).toBe(once)
        expect(mergeDistinct([...pieces, ...pieces])).toBe(once)
        expect(slackMessageText({ text: once })).toBe(once)
      }),
      { seed: 42, numRuns: 500 },
    )
  })

  it("reads a message whose blocks and attachments are sent twice like the message sent once", () => {
    const block = fc.oneof(
      piece.map((p) => ({ type: "section", text: mrkdwn(p) })),
      piece.map((p) => richText(section(text(p)))),
      piece.map((p) => ({ type: "header", text: { type: "plain_text", text: p } })),
    )
    const attachment = fc.record({ title: piece, text: piece, fallback: piece })
    fc.assert(
      fc.property(
        piece,
        fc.array(block, { maxLength: 4 }),
        fc.array(attachment, { maxLength: 3 }),
        (t, b, a) => {
          const once = slackMessageText({ text: t, blocks: b, attachments: a })
          expect(slackMessageText({ text: t, blocks: [...b, ...b], attachments: [...a, ...a] })).toBe(once)
        },
      ),
      { seed: 42, numRuns: 300 },
    )
  })
})
