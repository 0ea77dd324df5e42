/**
 * A service's own connection pool exhausted, in the words of stacks other than HikariCP and
 * SQLAlchemy (causes-modes.ts, causes-labels.ts): pgbouncer's max_client_conn refusal,
 * node-postgres' pool wait, a Go or pgx pool acquire, the metric sweep's full pool. Each is the
 * "connections" mode and the cause names the pool; a pool that merely started or warmed up is not.
 */
import { describe, expect, it } from "vitest"
import { modeLabel } from "../../src/domain/causes-labels.js"
import { modeOf } from "../../src/domain/causes-modes.js"
import { finding } from "./build-report-support.js"

const f = (title: string, kind = "log_signature") =>
  finding("cloudwatch_logs", { kind, title, severity: "high", detail: "" })

describe("connection pool exhaustion in other stacks' words", () => {
  it.each([
    ["pgbouncer", "ERROR pgbouncer: no more connections allowed (max_client_conn)"],
    ["node-postgres", "Error: timeout exceeded when trying to connect at Pool._pulseQueue"],
    ["pgx", 'level=error msg="query failed" err="failed to acquire connection: context deadline exceeded"'],
    ["the metric sweep", "fleet-router: connection pool full with requests waiting (100%)"],
    ["HikariCP", "HikariPool-1 - Connection is not available, request timed out after 30000ms"],
    ["SQLAlchemy", "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached"],
  ])("%s → connections, labelled as the pool", (_stack, title) => {
    const evidence = f(
      title,
      title.includes("full with requests waiting") ? "metric_anomaly" : "log_signature",
    )
    expect(modeOf(evidence)).toBe("connections")
    expect(modeLabel("connections", [evidence])).toContain("connection pool exhausted")
  })

  it.each([
    "INFO HikariPool-1 - Start completed.",
    "WARN POS terminal pool warming up, 0/12 terminals registered",
    "INFO redis: reconnected to queue-001:6379",
  ])("decoy: %j is no pool exhaustion", (title) => {
    expect(modeOf(f(title))).not.toBe("connections")
  })
})
