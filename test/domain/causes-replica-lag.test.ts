/**
 * A read replica behind its primary, seen by its readers: their lag checks ("reader lag 1096s
 * exceeds soft limit 30s") are WARN lines that never name the replica they read from, while the
 * replica's own lag is measured (a replica_lag finding). The cause names the replica and the
 * readers' lines are its consequence. Not: a reader's lag lines with no replica measured (they
 * stay the reader's own cause), nor a replica measured behind when the subject logs no lag of
 * its own (another team's replica is no cause of an unrelated failure).
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const report = facts({ alertName: null, keywords: ["invoices", "unpaid"], service: null, source: "human" })

const readerLag = (service: string, message: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "medium",
  at: "12:50",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  service,
  title: `${service}: ${message} (×3)`,
})

const replicaLag = (replica: string): Spec => ({
  agent: "prometheus",
  kind: "replica_lag",
  severity: "high",
  at: "12:55",
  resource: `metric/${replica}/aws_rds_replica_lag_average`,
  service: replica,
  title: `${replica}: replica lag 1092 s (~18 min) behind the primary since 12:30 UTC — reads from it are stale`,
})

describe("a read replica behind its primary, seen in its readers' logs", () => {
  it("names the replica, its readers' lag checks as the consequence", () => {
    const causes = causesFor(
      { ...report, service: "ledger-api" },
      numbered([
        readerLag(
          "ledger-api",
          "WARN db.replica lag check: reader lag 488s exceeds soft limit 30s (continuing to read from replica)",
        ),
        replicaLag("books-prod-pg-replica-1"),
      ]),
    )
    expect(causes[0]?.text).toMatch(/^replica lag .* in books-prod-pg-replica-1, causing .* in ledger-api/)
    expect(causes[0]?.findings).toEqual(["prometheus#1", "cloudwatch_logs#1"])
    expect(causes).toHaveLength(1)
  })

  it("reads MySQL's Seconds_Behind_Master and an Aurora reader the same way", () => {
    for (const message of [
      "WARN replica health: Seconds_Behind_Master=734 > 60, reads may be stale",
      "WARN aurora reader replication lag 412000 ms exceeds threshold 5000 ms",
    ]) {
      const causes = causesFor(
        { ...report, service: "catalog-read" },
        numbered([readerLag("catalog-read", message), replicaLag("catalog-aurora-reader-2")]),
      )
      expect(causes[0]?.text, message).toContain("in catalog-aurora-reader-2, causing")
      expect(causes[0]?.text, message).toContain("catalog-read")
    }
  })

  it("keeps a reader's lag lines its own cause when no replica's lag was measured", () => {
    const causes = causesFor(
      { ...report, service: "ledger-api" },
      numbered([readerLag("ledger-api", "WARN reader lag 488s exceeds soft limit 30s")]),
    )
    expect(causes[0]?.text).toMatch(/^replica lag .* in ledger-api/)
  })

  it("does not blame a lagging replica for a subject that logs no lag of its own", () => {
    const causes = causesFor(
      { ...report, service: "ledger-api" },
      numbered([
        {
          agent: "eks",
          kind: "oom_killed",
          severity: "high",
          at: "12:52",
          resource: "pod/ledger/ledger-api-7d9f8c6b5-x2kq9",
          service: "ledger-api",
          title: "ledger-api: container api OOMKilled in 2/4 pods (memory limit 512Mi)",
        },
        replicaLag("books-prod-pg-replica-1"),
      ]),
    )
    expect(causes.map((c) => c.text).join("\n")).not.toContain("books-prod-pg-replica-1")
  })
})
