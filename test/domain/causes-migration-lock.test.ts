/**
 * A migration's table lock as a cause: the database named like the alerting service, whose own
 * log shows the migration's DDL and its lock queue, leads the cause with the service's statement
 * timeouts under it — not "a change followed by timeouts" beside it; a lock on a database named
 * otherwise, or a service failing another way, stays out of the cause.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const ledgerFacts = facts({ alertName: "LedgerApiLatencyHigh", namespace: "ledger", service: "ledger-api" })

const lock: Spec = {
  agent: "cloudwatch_logs",
  kind: "migration_lock",
  severity: "critical",
  at: "12:51",
  resource: "loggroup//aws/rds/instance/ledger-pg-main/postgresql",
  service: "ledger-pg-main",
  title:
    "schema migration `ALTER TABLE payouts ADD COLUMN batch_id bigint` on ledger-pg-main (migrate, pid 700) waits for AccessExclusiveLock on payouts behind pid 650; 7 queries queued behind it (lock queue)",
}
const timeouts: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "12:58",
  resource: "loggroup//aws/containerinsights/prod/application",
  service: "ledger-api",
  title:
    "ledger-api: ERROR QueryFailedError: canceling statement due to statement timeout (status 503) (×12)",
}
const announcement: Spec = {
  agent: "slack_scanner",
  kind: "deploy_announcement",
  severity: "medium",
  at: "12:50",
  resource: "channel/C1",
  service: "ledger-api",
  title:
    "Change to ledger-api announced in #deploys: argocd sync ledger-prod — PreSync hook Job ledger-db-migrate",
}
const oom: Spec = {
  ...timeouts,
  agent: "eks",
  kind: "oom_killed",
  resource: "pod/ledger/ledger-api-6d8f-abcde",
  title: "ledger-api-6d8f-abcde OOMKilled, 4 restarts",
}

describe("a migration's table lock", () => {
  it("leads the cause, naming the migration, the lock and the table, with the service's timeouts under it", () => {
    const [top, ...rest] = causesFor(ledgerFacts, numbered([lock, timeouts, announcement]))
    expect(top?.text).toMatch(
      /^schema migration on payouts in the lock queue \(waiting for AccessExclusiveLock\)/,
    )
    expect(top?.text).toContain("ALTER TABLE payouts")
    expect(top?.text).toContain("causing timeouts in ledger-api")
    expect(rest.map((c) => c.text).filter((t) => /statement timeout/.test(t))).toEqual([])
  })

  it("says the migration holds the lock when the lines say so", () => {
    const holding = {
      ...lock,
      title:
        "schema migration `ALTER TABLE payouts ALTER COLUMN amount TYPE numeric` on ledger-pg-main (migrate, pid 700) holds AccessExclusiveLock on payouts; 3 queries queued behind it (lock queue)",
    }
    const [top] = causesFor(ledgerFacts, numbered([holding, timeouts]))
    expect(top?.text).toMatch(/^schema migration holding AccessExclusiveLock on payouts/)
  })

  it("is not cited for a service named otherwise, nor for one failing another way", () => {
    const catalog = facts({
      alertName: "CatalogApiLatencyHigh",
      namespace: "catalog",
      service: "catalog-api",
    })
    const catalogTimeouts = {
      ...timeouts,
      service: "catalog-api",
      title: timeouts.title.replace("ledger-api", "catalog-api"),
    }
    const [other] = causesFor(catalog, numbered([lock, catalogTimeouts]))
    expect(other?.text).not.toMatch(/migration|lock/i)
    const [crash] = causesFor(ledgerFacts, numbered([lock, oom]))
    expect(crash?.text).not.toMatch(/migration|lock/i)
  })
})
