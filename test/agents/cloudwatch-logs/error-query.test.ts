/**
 * The logs agent's error query, run by the same Logs Insights engine the replay serves: error
 * words, 5xx, and klog's E/F lines that name no error word ("SSL certificate expired"), bare or
 * inside a container runtime's JSON; INFO and WARN lines without an error word stay out.
 */
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { errorQuery } from "../../../src/agents/cloudwatch-logs/error-query.js"
import { parseInsightsQuery } from "../../../src/domain/log-insights-parse.js"
import { runInsights } from "../../../src/domain/log-insights-run.js"

const matches = (messages: ReadonlyArray<string>): ReadonlyArray<string> => {
  const commands = Either.getOrThrow(parseInsightsQuery(errorQuery))
  const events = messages.map((m, i) => ({
    "@timestamp": `2027-01-18 07:05:${String(10 + i).padStart(2, "0")}.000`,
    "@message": m,
    "@logStream": "s",
    "@log": "g",
  }))
  return runInsights(commands, events).rows.map((r) => r["@message"] ?? "")
}

describe("errorQuery", () => {
  it("keeps a gateway's WARN rejections with a 401/403 and its stats counting rejections", () => {
    const wanted = [
      'WARN authn reject method=GET path=/v2/me status=401 client=ios reason="jwt: iss not in allowed issuers"',
      "INFO authn stats window=60s accepted=412 rejected=6538 top_reason=issuer_mismatch(6519)",
      '{"level":"warn","msg":"rejected","status":403,"reason":"audience"}',
    ]
    const kept = matches([...wanted, "INFO GET /v2/me 200 3ms", "INFO rejecting nothing, all clear"])
    expect([...kept].sort()).toEqual([...wanted].sort())
  })

  it("keeps a traceback shipped one line per event: its header and its exception, not decoys", () => {
    const wanted = [
      "Traceback (most recent call last):",
      "ValueError: invalid literal for int() with base 10: '14.2'",
      "KeyError: 'reading_kwh'",
      "java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING",
      "TypeError: Cannot read properties of undefined (reading 'id')",
    ]
    const kept = matches([
      ...wanted,
      '  File "/var/task/ingest/parse.py", line 23, in parse_reading',
      'level=info msg="retrying"',
      "INFO batch done records=100 stored=100",
    ])
    expect([...kept].sort()).toEqual([...wanted].sort())
  })

  it("keeps error lines and klog's E lines, drops the rest", () => {
    const klog =
      'E0118 07:05:41.218337 7 backend_ssl.go:61] "SSL certificate expired" host="status-api.example.net"'
    const json = '{"log":"E0118 07:05:42.1 7 ssl.go:12] certificate rotation pending","stream":"stderr"}'
    const kept = matches([
      "ERROR upstream payments-api unavailable",
      klog,
      json,
      "I0118 07:05:43.0 1 main.go:9] synced",
      "INFO request served in 3ms",
      "x509: certificate has expired or is not yet valid",
    ])
    expect([...kept].sort()).toEqual(
      [
        klog,
        json,
        "ERROR upstream payments-api unavailable",
        "x509: certificate has expired or is not yet valid",
      ].sort(),
    )
  })

  it("keeps a failed health check and a run skipped behind a held lock, not a passing check", () => {
    const failedCheck =
      '10.30.14.7 - - [03/Sep/2026:09:21:31 +0000] "GET /health HTTP/1.1" 404 0 2ms "-" "ELB-HealthChecker/2.0"'
    const skipped =
      'WARN lock "invoice-export" held by invoice-export-29897630-x7k2p since 05:50:06Z (ttl=none), skipping run'
    const kept = matches([
      failedCheck,
      '10.30.14.7 - - [03/Sep/2026:09:21:41 +0000] "GET /health HTTP/1.1" 200 2 1ms "-" "ELB-HealthChecker/2.0"',
      skipped,
      "INFO run finished exported=1874",
    ])
    expect([...kept].sort()).toEqual([failedCheck, skipped].sort())
  })

  it("keeps a check that states a limit exceeded (a replica's lag at WARN), not a check within it", () => {
    const lag =
      "WARN  db.replica lag check: reader lag 903s exceeds soft limit 30s (continuing to read from replica)"
    const exceeded = "WARN payload size 6.2MB exceeded the 5MB limit, request rejected"
    const kept = matches([lag, exceeded, "INFO db.replica lag check: reader lag 0.4s (limit 30s)"])
    expect([...kept].sort()).toEqual([exceeded, lag].sort())
  })
})
