/**
 * Another service's own client certificate refused by the peer it calls is that service's
 * failure, rated low whatever the alert (so cause inference can follow the alerting service's
 * configured dependency to it) — while an unrelated service's other errors stay info.
 */
import { describe, expect, it } from "@effect/vitest"
import { signatureFindings } from "../../../src/agents/cloudwatch-logs/signature-findings.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { clusterLogLines, type LogLine } from "../../../src/domain/log-clusters.js"

const app = "/aws/containerinsights/eks-prod/application"
const line = (second: number, stream: string, message: string): LogLine => ({
  timestampMs: Date.UTC(2031, 2, 10, 14, 0, second),
  stream,
  message,
  group: app,
})
const facts = extractFacts(
  "[FIRING:1] StaleQuotes\nnamespace: trading\nservice: quote-api",
  defaultConfig.severity.labels,
)
const rated = (lines: ReadonlyArray<LogLine>) =>
  signatureFindings(clusterLogLines(lines), { facts, link: () => null, truncated: false }).findings.map(
    (f) => [f.service, f.severity],
  )

describe("a client certificate refused by the peer", () => {
  it("is low for the service that logs it, in any stack's words", () => {
    expect(
      rated([
        line(
          1,
          "rate-feed-6c9f7d8b4-q7x2m_trading_rate-feed",
          "ERROR pull failed: remote error: tls: expired certificate",
        ),
      ]),
    ).toEqual([["rate-feed", "low"]])
    expect(
      rated([
        line(
          2,
          "rate-feed-6c9f7d8b4-q7x2m_trading_rate-feed",
          "ERROR [SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired",
        ),
      ]),
    ).toEqual([["rate-feed", "low"]])
  })
  it("while the same service's other errors, unrelated to the alert, stay info", () => {
    expect(
      rated([
        line(3, "rate-feed-6c9f7d8b4-q7x2m_trading_rate-feed", "ERROR index rebuild failed: disk quota"),
      ]),
    ).toEqual([["rate-feed", "info"]])
  })
})
