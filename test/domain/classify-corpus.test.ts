/**
 * The gate against labelled corpora: the public fixture (a verbatim copy of
 * shared/fixtures/classification.jsonl) and our own larger, harder one. Every alert must be
 * investigated; at least 90 % of chatter gated. The known misses are listed, so a change that
 * gates more or less than before shows up here by name.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { classify } from "../../src/domain/classify.js"
import { ClassifierSettings } from "../../src/domain/config.js"

const settings = Schema.decodeSync(ClassifierSettings)({})

const Row = Schema.Struct({
  label: Schema.Literal("alert", "chatter"),
  text: Schema.String,
  source: Schema.optional(Schema.String),
})
const Rows = Schema.Array(Schema.parseJson(Row))

const load = (name: string) =>
  Schema.decodeUnknownSync(Rows)(
    readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== ""),
  )

const score = (rows: ReturnType<typeof load>) => {
  const results = rows.map((row) => ({ row, c: classify({ text: row.text, trigger: "mention" }, settings) }))
  const alerts = results.filter((r) => r.row.label === "alert")
  const chatter = results.filter((r) => r.row.label === "chatter")
  const investigated = alerts.filter((r) => r.c.decision === "investigate").length
  const gated = chatter.filter((r) => r.c.decision === "gate").length
  const falseAlarms = chatter.length - gated
  return {
    alerts: alerts.length,
    investigated,
    chatter: chatter.length,
    gated,
    missedChatter: chatter.filter((r) => r.c.decision !== "gate").map((r) => r.row.text),
    recall: investigated / alerts.length,
    precision: investigated / (investigated + falseAlarms),
  }
}

describe("public fixture (shared/fixtures/classification.jsonl)", () => {
  const s = score(load("classification.jsonl"))

  it("investigates all 20 alerts", () => {
    expect(s.alerts).toBe(20)
    expect(s.investigated).toBe(20)
  })

  it("gates all 15 chatter lines (threshold: 90 %)", () => {
    expect(s.chatter).toBe(15)
    expect(s.gated).toBe(15)
    expect(s.gated / s.chatter).toBeGreaterThanOrEqual(0.9)
  })
})

describe("extra corpus (test/fixtures/classification-extra.jsonl)", () => {
  const rows = load("classification-extra.jsonl")
  const s = score(rows)

  it("is large and covers every alert source named in the design", () => {
    expect(rows.length).toBeGreaterThanOrEqual(150)
    const sources = new Set(rows.map((r) => r.source))
    for (const source of [
      "alertmanager",
      "grafana",
      "cloudwatch",
      "datadog",
      "pagerduty",
      "opsgenie",
      "sentry",
      "uptime",
      "human",
    ])
      expect(sources).toContain(source)
  })

  it("investigates every alert", () => {
    expect(s.alerts).toBe(147)
    expect(s.investigated).toBe(147)
  })

  it("gates at least 90 % of chatter; the misses are the known hard ones", () => {
    expect(s.chatter).toBe(111)
    expect(s.gated).toBe(110)
    expect(s.gated / s.chatter).toBeGreaterThanOrEqual(0.9)
    // Reminiscing about an incident reads like one; investigating it costs a report, not a page.
    expect(s.missedChatter).toEqual(["<@U0SREBOT> omg that outage last night was wild 😅"])
  })

  it("reports precision and recall of 'investigate' for alerts", () => {
    console.log(
      `classifier on extra corpus: recall ${(s.recall * 100).toFixed(1)} %, precision ${(s.precision * 100).toFixed(1)} %, ` +
        `chatter gated ${s.gated}/${s.chatter}`,
    )
    expect(s.recall).toBe(1)
    expect(s.precision).toBeGreaterThanOrEqual(0.97)
  })
})
