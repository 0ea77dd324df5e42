/**
 * Structured log lines read as text: a shipper's envelope is opened (Fluent Bit, Docker,
 * Container Insights), an application's JSON record becomes `LEVEL message (status, code,
 * error)` with pino/bunyan numeric levels and the usual level words, and anything else —
 * plain text, JSON that is not a log record, broken JSON — is left exactly as it was.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { readableLogMessage } from "../../src/domain/log-structured.js"

describe("readableLogMessage", () => {
  it.each([
    // Fluent Bit / containerd envelope around a Spring Boot line
    [
      '{"time":"2027-06-03T19:49:10.65Z","stream":"stdout","_p":"F","log":"2027-06-03T19:49:10.310Z ERROR 1 --- [main] c.z.h.p.HikariPool : HikariPool-1 - Connection is not available, request timed out after 30000ms.\\n"}',
      "2027-06-03T19:49:10.310Z ERROR 1 --- [main] c.z.h.p.HikariPool : HikariPool-1 - Connection is not available, request timed out after 30000ms.",
    ],
    // pino inside a Container Insights envelope, with the provider's status and code
    [
      JSON.stringify({
        log: JSON.stringify({
          level: 50,
          time: 1,
          msg: "sms send failed",
          status: 401,
          code: 20003,
          err: { message: "Authenticate" },
        }),
        kubernetes: { pod_name: "notify-sms-5d9f8-abcde" },
      }),
      "ERROR sms send failed (status 401, code 20003, error: Authenticate)",
    ],
    ['{"level":60,"msg":"cannot bind port 8080"}', "FATAL cannot bind port 8080"],
    ['{"level":40,"msg":"slow query"}', "WARN slow query"],
    [
      '{"level":"error","ts":1.7e9,"caller":"db/pool.go:88","msg":"too many connections","error":"Error 1040: Too many connections"}',
      "ERROR too many connections (error: Error 1040: Too many connections)",
    ],
    ['{"levelname":"WARNING","message":"retrying upstream"}', "WARN retrying upstream"],
    [
      '{"level":"fatal","msg":"config validation failed","errors":["STRIPE_WEBHOOK_SECRET: Required"]}',
      "FATAL config validation failed (errors: STRIPE_WEBHOOK_SECRET: Required)",
    ],
    [
      '{"level":"error","msg":"payment authorization failed","upstream":"payments-gateway.payments.svc.cluster.local:9090","error":"rpc error: code = DeadlineExceeded"}',
      "ERROR payment authorization failed (upstream payments-gateway.payments.svc.cluster.local:9090, error: rpc error: code = DeadlineExceeded)",
    ],
    // an AWS service event as EventBridge writes it to a log group
    [
      '{"version":"0","detail-type":"RDS DB Cluster Event","source":"aws.rds","detail":{"Message":"A failover for the DB cluster has begun.","SourceIdentifier":"core-aurora-prod","EventID":"RDS-EVENT-0072"}}',
      "RDS DB Cluster Event: A failover for the DB cluster has begun. (core-aurora-prod)",
    ],
    [
      '{"detail-type":"ECS Task State Change","source":"aws.ecs","detail":{"group":"service:report-export-api","stoppedReason":"OutOfMemoryError: Container killed due to memory usage"}}',
      "ECS Task State Change: OutOfMemoryError: Container killed due to memory usage (service:report-export-api)",
    ],
    // a third party the call went to, and why the record failed, in words of their own
    [
      '{"level":"error","event":"provider request failed","provider":"paynetix","host":"api.paynetix.com","status":503}',
      "ERROR provider request failed (upstream paynetix, status 503)",
    ],
    [
      '{"level":"error","event":"checkout payment failed","reason":"provider_unavailable"}',
      "ERROR checkout payment failed (error: provider_unavailable)",
    ],
    // a timestamp before the record (kubectl logs --timestamps, a runtime) is kept
    [
      '2027-04-14T14:57:31.402Z {"level":"error","msg":"failed to persist cart"}',
      "2027-04-14T14:57:31.402Z ERROR failed to persist cart",
    ],
    ['{"severity":"CRITICAL","message":"disk full","statusCode":507}', "FATAL disk full (status 507)"],
    // a message that already says the error is not repeated
    [
      '{"level":"error","msg":"upstream failed: connect ECONNREFUSED","error":"connect ECONNREFUSED"}',
      "ERROR upstream failed: connect ECONNREFUSED",
    ],
  ])("%s → %s", (line, readable) => {
    expect(readableLogMessage(line)).toBe(readable)
  })

  it.each([
    "ERROR plain text line",
    '{"metric":"cpu","value":0.93}',
    '{"level":"error"',
    "{not json}",
    '["level","error"]',
    "",
  ])("leaves %j as it is", (line) => {
    expect(readableLogMessage(line)).toBe(line)
  })

  it("is total (answers a string, never throws), whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ log: JSON.stringify(v) })),
        ),
        (line) => {
          const out = readableLogMessage(line)
          expect(typeof out).toBe("string")
        },
      ),
      { seed: 20261127, numRuns: 500 },
    )
  })
})

describe("Lambda's own report lines", () => {
  it("lead with the outcome and error type, so a clipped title still says what failed", () => {
    expect(
      readableLogMessage(
        "REPORT RequestId: 0d8b7c3a\tDuration: 311.07 ms\tBilled Duration: 312 ms\tMemory Size: 256 MB\tMax Memory Used: 64 MB\tStatus: error\tError Type: Runtime.ImportModuleError",
      ),
    ).toBe(
      "Lambda invocation error: Runtime.ImportModuleError — REPORT RequestId: 0d8b7c3a Duration: 311.07 ms Billed Duration: 312 ms Memory Size: 256 MB Max Memory Used: 64 MB",
    )
    expect(readableLogMessage("INIT_REPORT Init Duration: 298.64 ms\tPhase: init\tStatus: timeout")).toMatch(
      /^Lambda init timeout — INIT_REPORT/,
    )
  })

  it("a successful or plain report stays as it was", () => {
    const ok = "REPORT RequestId: 6f1c\tDuration: 84.21 ms\tBilled Duration: 85 ms"
    expect(readableLogMessage(ok)).toBe(ok)
  })
})
