/**
 * No secret reaches chat. For every secret class the redactor knows, embedded in finding
 * titles, details, excerpts and links as a URL, a JSON record, a log line or a pasted Block
 * Kit payload: nothing of it survives in any Slack block or fallback text or any Discord
 * message — whether the report came from buildReport (redacted there) or straight to the
 * renderer (redacted again on the way out).
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { buildReport } from "../../../src/domain/build-report.js"
import { defaultConfig } from "../../../src/domain/config.js"
import type { IncidentReport } from "../../../src/domain/incident-report.js"
import { renderDiscordReport } from "../../../src/domain/render/discord-report.js"
import { renderSlackReport } from "../../../src/domain/render/slack-report.js"
import { finding, ok, oomContext, oomInput } from "../build-report-support.js"
import { embedded, reportWith, type Secret, secretClasses } from "./report-arbitraries.js"

const limits = defaultConfig.limits

const rendered = (report: IncidentReport): string =>
  [
    ...renderSlackReport(report, limits).map((m) => JSON.stringify(m)),
    ...renderDiscordReport(report, limits),
  ].join("\n")

const filler = fc.string({ unit: "grapheme", maxLength: 30 })

/** A secret in context, and the text fields it goes into (sometimes the bare embedding, so links carry it). */
const carrying = (secret: Secret) =>
  embedded(secret).chain((e) =>
    fc.oneof(
      fc.constant(e),
      fc.tuple(filler, filler).map(([a, b]) => `${a} ${e} ${b}`),
    ),
  )

describe("redaction on the way to chat", () => {
  it.each(secretClasses)("%s (seed 404): never survives a report rendered directly", (_, secretArb) => {
    fc.assert(
      fc.property(
        secretArb.chain((secret) => fc.tuple(fc.constant(secret), reportWith(carrying(secret), 4))),
        ([secret, report]) => {
          const out = rendered(report)
          expect(out).not.toContain(secret.core)
          const carriesFindings = report.evidence.some((b) => b.findings.length > 0)
          if (carriesFindings) expect(out).toContain("[REDACTED]")
        },
      ),
      { seed: 404, numRuns: 40, endOnFailure: true },
    )
  })

  it.each(secretClasses)("%s (seed 505): never survives buildReport then rendering", (_, secretArb) => {
    fc.assert(
      fc.property(
        secretArb.chain((secret) =>
          fc.tuple(
            fc.constant(secret),
            embedded(secret),
            embedded(secret),
            embedded(secret),
            embedded(secret),
          ),
        ),
        ([secret, title, detail, excerpt, link]) => {
          const leaky = finding("eks", {
            title: `payments-api ${title}`,
            detail,
            excerpt,
            link,
            severity: "high",
            service: "payments-api",
          })
          const report = buildReport(
            oomInput({
              context: { ...oomContext, text: `${secret.text} payments-api down\n${oomContext.text}` },
              results: [
                ok("eks", [leaky], { summary: detail }),
                ok("cloudwatch_logs", [], { summary: excerpt }),
              ],
              analysis: { text: title, cites: ["eks#1"], model: "m" },
            }),
          )
          const out = rendered(report)
          expect(JSON.stringify(report)).not.toContain(secret.core)
          expect(out).not.toContain(secret.core)
          expect(out).toContain("[REDACTED]")
        },
      ),
      { seed: 505, numRuns: 40, endOnFailure: true },
    )
  })
})
