/**
 * A person's report whose words the logs do not know (silent-failure-pass.ts): the shared groups
 * narrowed to those words read nothing, so they are read again for certificate failures, and the
 * service logging them is the report's subject (rated in scope). Decoys: a report whose words
 * the logs do know stays on those lines; an alert from a tool is not read for certificates; a
 * handshake that merely timed out is no certificate failure.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeCloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2031-06-05T02:45:00Z"
const alertTime = "2031-06-05T02:41:00Z"
const app = "/aws/containerinsights/eks-prod-west/application"
const groupsWith = (lines: ReadonlyArray<readonly [string, string, string]>) => [
  { name: app, events: lines.map(([t, stream, message]) => event(t, stream, message)) },
  { name: "/aws/eks/eks-prod-west/cluster", events: [] },
]
const decoys: ReadonlyArray<readonly [string, string, string]> = [
  [
    "2031-06-05T02:20:00Z",
    "quote-web-5c9d7f8b6d-9qf2m_web_portal",
    "ERROR upstream connect timeout: TLS handshake timed out",
  ],
  [
    "2031-06-05T02:25:00Z",
    "mailer-6b8c9d7f4-zx2qw_notify_mailer",
    "ERROR smtp send failed: 421 try again later",
  ],
]

const run = (text: string, lines: ReadonlyArray<readonly [string, string, string]>) =>
  Effect.gen(function* () {
    const { source } = yield* harness(groupsWith(lines), now)
    const task = taskFor({ text, alertTime, now })
    return yield* makeCloudWatchLogsAgent()
      .handle(task, { sessionId: null })
      .pipe(Effect.provideService(LogSource, source))
  })

describe("the certificate pass of a person's report", () => {
  it.scoped(
    "Go's 'remote error: tls: expired certificate' from a gateway the report never names (words read as a name)",
    () =>
      Effect.gen(function* () {
        const result = yield* run(
          "<@U0SREBOT> customers say their pay-run filings are stuck on Submitting since 2am, can someone look?",
          [
            ...decoys,
            [
              "2031-06-05T02:30:00Z",
              "levy-gateway-84d6b9c7f5-lm4rz_tax_gateway",
              'level=error msg="submit failed" err="Post https://partner.example.gov/v3: remote error: tls: expired certificate"',
            ],
            [
              "2031-06-05T02:35:00Z",
              "levy-gateway-84d6b9c7f5-p7t9c_tax_gateway",
              'level=error msg="submit failed" err="Post https://partner.example.gov/v3: remote error: tls: expired certificate"',
            ],
          ],
        )
        expect(result.summary).toContain("read the certificate failures")
        const top = result.findings[0]
        expect([top?.service, top?.severity]).toEqual(["levy-gateway", "high"])
        for (const f of result.findings) expect(f.title).not.toMatch(/quote-web|mailer/)
      }),
  )
  it.scoped("Java's CertificateExpiredException in a worker, reported in other words", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "<@U0SREBOT> the claims-batch export hasn't reached the insurer since 2am, nothing on their side",
        [
          ...decoys,
          [
            "2031-06-05T02:31:00Z",
            "insurer-sync-7d6c5b4a39-kk2jp_claims_worker",
            "ERROR javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertificateExpiredException: NotAfter: Thu Jun 05 02:00:00 UTC 2031",
          ],
        ],
      )
      expect(result.findings[0]?.service).toBe("insurer-sync")
      expect(result.findings[0]?.severity).toBe("high")
    }),
  )
  it.scoped("decoy: words the logs know keep the pass on their lines; no certificate pass", () =>
    Effect.gen(function* () {
      const result = yield* run("<@U0SREBOT> quote-web is throwing errors for customers since 2am", [
        ...decoys,
        [
          "2031-06-05T02:30:00Z",
          "levy-gateway-84d6b9c7f5-lm4rz_tax_gateway",
          "ERROR remote error: tls: expired certificate",
        ],
      ])
      expect(result.summary).not.toContain("read the certificate failures")
      for (const f of result.findings) expect(f.title).not.toContain("levy-gateway")
    }),
  )
  it.scoped("decoy: only a handshake that timed out is no certificate failure: nothing found", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "<@U0SREBOT> customers say their pay-run filings are stuck on Submitting since 2am, can someone look?",
        decoys,
      )
      expect(result.findings.filter((f) => f.severity === "high")).toEqual([])
    }),
  )
})
