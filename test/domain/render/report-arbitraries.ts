/**
 * Generators for rendering properties: reports with long, unicode, mention-laden texts and many
 * findings, and every secret class the redactor knows, embedded the ways they really show up
 * (a URL, a JSON log record, a log line, a Block-Kit payload someone pasted). Each secret comes
 * with its `core`, the part that must never reach chat.
 */
import { DateTime } from "effect"
import fc from "fast-check"
import { specialists } from "../../../src/domain/agent-id.js"
import type { AgentStatus } from "../../../src/domain/agent-result.js"
import { type Finding, numberFindings } from "../../../src/domain/finding.js"
import type { EvidenceBlock, IncidentReport } from "../../../src/domain/incident-report.js"
import type { Severity } from "../../../src/domain/severity.js"

export const mentions = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<@&123456>",
  "<#C0ALERTS>",
  "@everyone",
  "@here",
]

const word = fc.oneof(
  fc.constantFrom(
    ...mentions,
    "OOMKilled",
    "payments-api",
    "&",
    "<",
    ">",
    "*bold*",
    "`code`",
    "[x](https://e.x)",
    "|",
  ),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 6 }),
)

/** Text from empty to several thousand characters: words, unicode, mentions, markup, a long unbroken run. */
export const messyText = fc.oneof(
  { weight: 3, arbitrary: fc.array(word, { maxLength: 40 }).map((ws) => ws.join(" ")) },
  { weight: 1, arbitrary: fc.array(word, { minLength: 200, maxLength: 900 }).map((ws) => ws.join(" ")) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 7000 }).map((n) => "x&<".repeat(n).slice(0, n)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 400 }) },
)

export interface Secret {
  readonly text: string
  readonly core: string
}

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`))
const upper = (n: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{${n}}$`))
const b64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`))

/** Every class of secret the redactor recognises, with the part that must disappear. */
export const secretClasses: ReadonlyArray<readonly [string, fc.Arbitrary<Secret>]> = [
  ["AWS access key id", upper(16).map((s) => ({ text: `AKIA${s}`, core: `AKIA${s}` }))],
  [
    "AWS secret key",
    fc
      .tuple(
        fc.constantFrom("aws_secret_access_key=", '"aws_secret_access_key": "', "AWS_SECRET_ACCESS_KEY: "),
        alnum(40, 40),
      )
      .map(([k, v]) => ({ text: `${k}${v}`, core: v })),
  ],
  ["bearer token", alnum(20, 40).map((v) => ({ text: `Authorization: Bearer ${v}`, core: v }))],
  [
    "JWT",
    fc
      .tuple(b64url(10, 30), b64url(10, 30), b64url(20, 43))
      .map(([a, b, c]) => ({ text: `eyJ${a}.${b}.${c}`, core: c })),
  ],
  [
    "Slack token",
    fc.tuple(fc.constantFrom("xoxb", "xoxp", "xapp"), alnum(16, 30)).map(([p, v]) => ({
      text: p === "xapp" ? `xapp-1-${v}` : `${p}-2210535565-${v}`,
      core: v,
    })),
  ],
  [
    "Discord bot token",
    fc
      .tuple(fc.constantFrom("M", "N", "O"), alnum(24, 26), alnum(6, 6), alnum(27, 38))
      .map(([p, a, b, c]) => ({ text: `${p}${a}.${b}.${c}`, core: c })),
  ],
  ["Discord interaction token", b64url(30, 60).map((v) => ({ text: `aW50ZXJhY3Rpb246${v}`, core: v }))],
  [
    "Discord webhook URL",
    fc.tuple(fc.stringMatching(/^\d{17,19}$/), b64url(40, 68)).map(([id, v]) => ({
      text: `https://discord.com/api/webhooks/${id}/${v}`,
      core: v,
    })),
  ],
  [
    "password in URL",
    alnum(12, 24).map((v) => ({ text: `postgres://app:${v}@db.internal:5432/pay`, core: v })),
  ],
  [
    "PEM private key",
    fc
      .tuple(fc.constantFrom("RSA ", "EC ", ""), fc.stringMatching(/^[A-Za-z0-9+/]{48,64}$/))
      .map(([kind, body]) => ({
        text: `-----BEGIN ${kind}PRIVATE KEY-----\n${body}\n${body.slice(8)}==\n-----END ${kind}PRIVATE KEY-----`,
        core: body,
      })),
  ],
  [
    "password=/secret=/token= value",
    fc
      .tuple(
        fc.constantFrom("password=", "secret=", "token=", "api_key: ", '"client_secret":"'),
        alnum(12, 30),
      )
      .map(([k, v]) => ({ text: `${k}${v}`, core: v })),
  ],
]

export const anySecret = fc.oneof(...secretClasses.map(([, arb]) => arb))

const jsonString = (s: string) => JSON.stringify(s).slice(1, -1)

/** A secret where it is found in practice: a URL, a JSON record, a log line, a Block Kit payload. */
export const embedded = (secret: Secret): fc.Arbitrary<string> =>
  fc.constantFrom(
    /\s/.test(secret.text)
      ? `see https://runbooks.example.net/x ${secret.text} for details`
      : `https://api.example.net/v1/cb?page=2&q=${secret.text}`,
    `{"level":"error","msg":"upstream auth failed","detail":"${jsonString(secret.text)}"}`,
    `2026-11-27T13:04:12Z ERROR payments-api request failed ${secret.text} (retrying)`,
    `{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"${jsonString(secret.text)} <!channel>"}}]}`,
  )

const severity = fc.constantFrom<Severity>("critical", "high", "medium", "low", "info")
const status = fc.constantFrom<AgentStatus>(
  "ok",
  "ok",
  "ok",
  "error",
  "unhealthy",
  "timeout",
  "disabled",
  "skipped",
)
const instant = fc
  .integer({ min: 1_795_700_000_000, max: 1_795_800_000_000 })
  .map((ms) => DateTime.unsafeMake(ms))

export const findingWith = (text: fc.Arbitrary<string>) =>
  fc.record({
    title: text,
    detail: text,
    severity,
    excerpt: fc.option(text, { nil: null }),
    link: fc.option(fc.oneof(fc.webUrl(), text), { nil: null }),
    observedAt: fc.option(instant, { nil: null }),
  })

const blockWith = (text: fc.Arbitrary<string>, maxFindings: number) =>
  fc.record({
    status,
    summary: text,
    reason: fc.option(text, { nil: null }),
    findings: fc.array(findingWith(text), { maxLength: maxFindings }),
  })

/** Reports as the renderers may receive them (not built by buildReport: nothing is pre-redacted). */
export const reportWith = (text: fc.Arbitrary<string>, maxFindings = 40): fc.Arbitrary<IncidentReport> =>
  fc
    .record({
      agents: fc.subarray(
        specialists.map((s) => s.id),
        { minLength: 0 },
      ),
      blocks: fc.array(blockWith(text, maxFindings), { minLength: 6, maxLength: 6 }),
      headline: text,
      severity,
      title: text,
      impact: text,
      actions: fc.array(text, { maxLength: 6 }),
      revision: fc.integer({ min: 1, max: 4 }),
      analysis: fc.option(
        fc.record({
          text,
          reason: fc.constantFrom(
            null,
            "cites_nothing" as const,
            "unknown_ids" as const,
            "contradicts_top_cause" as const,
          ),
          unknownCites: fc.array(text, { maxLength: 3 }),
        }),
        { nil: null },
      ),
      unknownModel: fc.option(text, { nil: null }),
      at: instant,
    })
    .chain((r) => {
      const evidence: ReadonlyArray<EvidenceBlock> = r.agents.map((agent, i) => {
        const b = r.blocks[i % r.blocks.length] ?? { status: "ok", summary: "", reason: null, findings: [] }
        const findings: ReadonlyArray<Finding> = numberFindings(
          b.findings.map((f) => ({ ...f, id: "", agent, kind: "signal", resource: null, service: null })),
        )
        return { agent, status: b.status, summary: b.summary, reason: b.reason, findings, durationMs: 1000 }
      })
      const ids = evidence.flatMap((b) => b.findings.map((f) => f.id))
      const pick =
        ids.length === 0 ? fc.constant([]) : fc.subarray(ids, { maxLength: Math.min(6, ids.length) })
      return fc
        .tuple(
          fc.array(fc.tuple(text, pick), { maxLength: 3 }),
          pick,
          fc.array(fc.tuple(text, pick), { maxLength: 40 }),
        )
        .map(
          ([causes, cites, timeline]): IncidentReport => ({
            investigationId: "inv-prop-1",
            revision: r.revision,
            headline: r.headline,
            severity: r.severity,
            alert: {
              platform: "slack",
              channel: "C0ALERTS",
              messageId: "1795784700.000200",
              alertTime: r.at,
              title: r.title,
              source: "alertmanager",
              alertName: r.title,
            },
            causes: causes.map(([t, findings]) => ({ text: t, findings })),
            services: ["payments-api"],
            evidence,
            timeline: timeline.map(([t, findings]) => ({ at: r.at, text: t, findings })),
            impact: r.impact,
            actions: r.actions,
            links: evidence.flatMap((b) =>
              b.findings.flatMap((f) => (f.link === null ? [] : [{ label: f.title, url: f.link }])),
            ),
            analysis:
              r.analysis === null
                ? null
                : {
                    ...r.analysis,
                    verdict: r.analysis.reason === null ? ("supported" as const) : ("alternative" as const),
                    cites,
                    model: r.title,
                  },
            footer: {
              durationMs: 42_000,
              inputTokens: 1234,
              outputTokens: 567,
              costUsd: r.unknownModel === null ? 0.0123 : null,
              unknownModels: r.unknownModel === null ? [] : [r.unknownModel],
              agents: [
                { agent: "eks", model: "m-eks", inputTokens: 1000, outputTokens: 500, costUsd: 0.0035 },
                {
                  agent: "master",
                  model: r.unknownModel ?? "m-master",
                  inputTokens: 234,
                  outputTokens: 67,
                  costUsd: r.unknownModel === null ? 0.0088 : null,
                },
              ],
            },
          }),
        )
    })
