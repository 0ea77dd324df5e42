/**
 * The logs agent reads the database's own log when the alert's service times out on it: the RDS
 * groups named with the alert's words are found under `/aws/rds/` and queried for the lock lines,
 * so a migration's DDL queued for AccessExclusiveLock is a finding although the service's own
 * lines never name the instance. Not: a database named otherwise, nor one whose log shows only
 * an app's row lock.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { databaseGroupsOf } from "../../../src/agents/cloudwatch-logs/db-lock-sweep.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

describe("databaseGroupsOf", () => {
  it("the database logs named with one of the alert's distinctive words, tied to that name", () => {
    expect(
      databaseGroupsOf(
        [
          "/aws/rds/instance/ledger-pg-main/postgresql",
          "/aws/rds/instance/ledger-pg-main/upgrade",
          "/aws/rds/cluster/catalog-aurora/postgresql",
          "/aws/rds/instance/shipments-mysql/error",
        ],
        ["ledger-api", "shipment-tracker"],
      ),
    ).toEqual([
      { group: "/aws/rds/instance/ledger-pg-main/postgresql", service: "ledger-api" },
      { group: "/aws/rds/instance/shipments-mysql/error", service: "shipment-tracker" },
    ])
    expect(databaseGroupsOf(["/aws/rds/instance/prod-db/postgresql"], ["api"])).toEqual([])
  })

  it("or named after the namespace the alert's service runs in, as that service's database", () => {
    expect(
      databaseGroupsOf(["/aws/rds/cluster/treasury-aurora/postgresql"], ["payouts-api"], ["treasury"]),
    ).toEqual([{ group: "/aws/rds/cluster/treasury-aurora/postgresql", service: "payouts-api" }])
    expect(
      databaseGroupsOf(["/aws/rds/cluster/treasury-aurora/postgresql"], ["payouts-api"], ["billing"]),
    ).toEqual([])
  })
})

const now = "2027-05-02T09:20:00Z"
const alert = `[FIRING:1] LedgerApiLatencyHigh (prod ledger ledger-api critical)
 - description = ledger-api p99 above 10s: requests canceled by statement timeout
 - namespace = ledger service = ledger-api`
const rds = (iso: string, who: string, pid: number, level: string, text: string) =>
  event(
    iso,
    "ledger-pg-main.0",
    `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC:10.9.1.2(5000):${who}:[${pid}]:${level}:  ${text}`,
  )

describe("the logs agent reads the database's log for a migration's lock", () => {
  it.scoped("a DDL queued for AccessExclusiveLock on ledger-api's database is a migration_lock finding", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(
        [
          {
            name: "/aws/rds/instance/ledger-pg-main/postgresql",
            events: [
              rds(
                "2027-05-02T09:05:01Z",
                "migrate@ledger",
                700,
                "LOG",
                "process 700 still waiting for AccessExclusiveLock on relation 1 of database 2 after 1000.0 ms",
              ),
              rds(
                "2027-05-02T09:05:01Z",
                "migrate@ledger",
                700,
                "DETAIL",
                "Process holding the lock: 650. Wait queue: 700.",
              ),
              rds(
                "2027-05-02T09:05:01Z",
                "migrate@ledger",
                700,
                "STATEMENT",
                "ALTER TABLE payouts ADD COLUMN batch_id bigint",
              ),
              rds(
                "2027-05-02T09:06:00Z",
                "app@ledger",
                711,
                "LOG",
                "process 711 still waiting for RowExclusiveLock on relation 1 of database 2 after 1000.0 ms",
              ),
              rds(
                "2027-05-02T09:06:00Z",
                "app@ledger",
                711,
                "DETAIL",
                "Process holding the lock: 650. Wait queue: 700, 711.",
              ),
            ],
          },
          {
            name: "/aws/rds/instance/catalog-db/postgresql",
            events: [
              rds(
                "2027-05-02T09:05:00Z",
                "m@c",
                5,
                "LOG",
                "statement: ALTER TABLE products ADD COLUMN x int",
              ),
              rds(
                "2027-05-02T09:05:02Z",
                "a@c",
                6,
                "LOG",
                "process 6 still waiting for AccessShareLock on relation 7 of database 8 after 1000.0 ms",
              ),
              rds("2027-05-02T09:05:02Z", "a@c", 6, "DETAIL", "Process holding the lock: 5. Wait queue: 6."),
            ],
          },
        ],
        now,
      )
      const task = taskFor({ text: alert, alertTime: "2027-05-02T09:15:00Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      const locks = result.findings.filter((f) => f.kind === "migration_lock")
      expect(locks.map((f) => f.service)).toEqual(["ledger-pg-main"])
      expect(locks[0]?.title).toContain("ALTER TABLE payouts")
      expect(locks[0]?.title).toContain("waits for AccessExclusiveLock on payouts behind pid 650")
      const queried = replay
        .requests()
        .filter((r) => r.operation === "StartQuery")
        .map((q) => JSON.stringify(q.body))
      // Another product's database is no lock candidate; only the region-wide pass for refused
      // logins (silent-failure-pass.ts: the service logged no line of its own) may read it.
      const refusalPass = (q: string) => q.includes("too\\\\s+many\\\\s+clients")
      expect(queried.some((q) => q.includes("catalog-db") && !refusalPass(q))).toBe(false)
    }),
  )
})

describe("databaseGroupsOf, housed by the cluster's product word", () => {
  it("a database named with the cluster's word is the alert's service's; another product's is not", () => {
    expect(
      databaseGroupsOf(
        ["/aws/rds/cluster/acme-ordersdb-prod/postgresql"],
        ["checkout-api"],
        ["shop", "acme-prod"],
      ),
    ).toEqual([{ group: "/aws/rds/cluster/acme-ordersdb-prod/postgresql", service: "checkout-api" }])
    expect(
      databaseGroupsOf(
        ["/aws/rds/cluster/globex-ordersdb-prod/postgresql"],
        ["checkout-api"],
        ["shop", "acme-prod"],
      ),
    ).toEqual([])
  })
})
