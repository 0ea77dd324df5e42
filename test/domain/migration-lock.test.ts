/**
 * A schema migration's table lock read from a database's own log: PostgreSQL's lock queue in
 * RDS's prefix (a DDL queued behind a long transaction, a DDL holding the lock while a table
 * rewrite runs), MySQL's metadata lock, the statement and table in each DDL form, the tool and
 * migration id, and the red herrings (a row lock between two apps' sessions, CREATE INDEX
 * CONCURRENTLY, autovacuum) that are not it.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import type { Finding } from "../../src/domain/finding.js"
import type { LogLine } from "../../src/domain/log-clusters.js"
import {
  databaseStallWords,
  ddlOf,
  explainsStall,
  migrationLockFindings,
  migrationOf,
} from "../../src/domain/migration-lock.js"

const group = "/aws/rds/instance/ledger-pg-main/postgresql"
const pg = (iso: string, who: string, pid: number, level: string, text: string, g = group): LogLine => ({
  timestampMs: Date.parse(iso),
  message: `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC:10.9.1.2(50000):${who}:[${pid}]:${level}:  ${text}`,
  stream: "ledger-pg-main.0",
  group: g,
})
const noLink = () => null

describe("ddlOf", () => {
  it("reads the table of each DDL form that takes a strong lock", () => {
    expect(ddlOf('alter table "public"."accounts" add column "tier" text')?.table).toBe("accounts")
    expect(ddlOf("ALTER TABLE ONLY payouts ALTER COLUMN amount TYPE numeric(20,4)")?.table).toBe("payouts")
    expect(ddlOf("CREATE UNIQUE INDEX idx_payouts_ref ON payouts (ref)")?.table).toBe("payouts")
    expect(ddlOf("TRUNCATE TABLE staging_events")?.table).toBe("staging_events")
    expect(ddlOf("ALTER TABLE `shipments` ADD COLUMN carrier_ref varchar(64)")?.table).toBe("shipments")
  })

  it("is not a DDL when the index is built CONCURRENTLY or the statement is ordinary", () => {
    expect(ddlOf("CREATE INDEX CONCURRENTLY idx_a ON accounts (email)")).toBeNull()
    expect(ddlOf("SELECT id FROM accounts WHERE id = $1")).toBeNull()
    expect(ddlOf("INSERT INTO payouts (ref) VALUES ($1)")).toBeNull()
  })
})

describe("migrationOf", () => {
  it("names the tool and the migration's id in each tool's words", () => {
    expect(migrationOf('[flyway] Migrating schema "ledger" to version "77 - add payout ref"')).toEqual({
      tool: "flyway",
      id: "77",
    })
    expect(migrationOf("V88__widen_amount.sql started")?.id).toBe("V88")
    expect(migrationOf("INFO Running upgrade 1a2b3c4d5e6f -> 0f9e8d7c6b5a, widen status")).toEqual({
      tool: "alembic",
      id: "0f9e8d7c6b5a",
    })
    expect(migrationOf("running 20270101120000_add_tier_to_accounts.js")?.id).toBe(
      "20270101120000_add_tier_to_accounts",
    )
    expect(migrationOf("Waiting for changelog lock....")?.tool).toBe("liquibase")
    expect(migrationOf("deployed payments-api v3.2.1 to prod")).toBeNull()
  })
})

describe("migrationLockFindings", () => {
  it("names a DDL queued for AccessExclusiveLock behind a long transaction, and the queries queued behind it", () => {
    const lines = [
      pg(
        "2027-05-02T09:00:01Z",
        "ledger_migrate@ledger",
        700,
        "LOG",
        "process 700 still waiting for AccessExclusiveLock on relation 1 of database 2 after 1000.1 ms",
      ),
      pg(
        "2027-05-02T09:00:01Z",
        "ledger_migrate@ledger",
        700,
        "DETAIL",
        "Process holding the lock: 650. Wait queue: 700.",
      ),
      pg(
        "2027-05-02T09:00:01Z",
        "ledger_migrate@ledger",
        700,
        "STATEMENT",
        "ALTER TABLE payouts ADD COLUMN batch_id bigint",
      ),
      pg(
        "2027-05-02T09:00:04Z",
        "ledger_app@ledger",
        711,
        "LOG",
        "process 711 still waiting for RowExclusiveLock on relation 1 of database 2 after 1000.0 ms",
      ),
      pg(
        "2027-05-02T09:00:04Z",
        "ledger_app@ledger",
        711,
        "DETAIL",
        "Processes holding the lock: 650. Wait queue: 700, 705, 708, 711.",
      ),
      pg(
        "2027-05-02T09:00:09Z",
        "ledger_app@ledger",
        711,
        "ERROR",
        "canceling statement due to statement timeout",
      ),
    ]
    const [f, ...rest] = migrationLockFindings("cloudwatch_logs", lines, noLink)
    expect(rest).toEqual([])
    expect(f?.kind).toBe("migration_lock")
    expect(f?.service).toBe("ledger-pg-main")
    expect(f?.severity).toBe("critical")
    expect(f?.title).toContain("ALTER TABLE payouts ADD COLUMN batch_id bigint")
    expect(f?.title).toContain("waits for AccessExclusiveLock on payouts behind pid 650")
    expect(f?.title).toContain("3 queries queued behind it")
  })

  it("names a DDL holding the lock (a table rewrite) that every later query waits for", () => {
    const lines = [
      pg(
        "2027-05-02T09:10:00Z",
        "deployer@ledger",
        900,
        "LOG",
        "statement: ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(24,6)",
      ),
      pg(
        "2027-05-02T09:10:02Z",
        "api@ledger",
        910,
        "LOG",
        "process 910 still waiting for AccessShareLock on relation 5 of database 2 after 1000.2 ms",
      ),
      pg(
        "2027-05-02T09:10:02Z",
        "api@ledger",
        910,
        "DETAIL",
        "Process holding the lock: 900. Wait queue: 910.",
      ),
    ]
    const [f] = migrationLockFindings("cloudwatch_logs", lines, noLink)
    expect(f?.title).toContain("holds AccessExclusiveLock on accounts")
    expect(f?.title).toContain("1 query queued behind it")
    expect(f?.severity).toBe("high")
  })

  it("reads PostgreSQL's stock `%m [%p]` prefix as well as RDS's", () => {
    const stock = (iso: string, pid: number, who: string, level: string, text: string): LogLine => ({
      timestampMs: Date.parse(iso),
      message: `${iso.slice(0, 10)} ${iso.slice(11, 19)}.120 UTC [${pid}] ${who} ${level}:  ${text}`,
      stream: "postgres-0",
      group: "/aws/rds/instance/shop-pg/postgresql",
    })
    const lines = [
      stock(
        "2027-05-02T09:30:00Z",
        41,
        "flyway@shop",
        "LOG",
        "process 41 still waiting for AccessExclusiveLock on relation 9 of database 3 after 1000.0 ms",
      ),
      stock(
        "2027-05-02T09:30:00Z",
        41,
        "flyway@shop",
        "DETAIL",
        "Process holding the lock: 12. Wait queue: 41, 43.",
      ),
      stock(
        "2027-05-02T09:30:00Z",
        41,
        "flyway@shop",
        "STATEMENT",
        "ALTER TABLE carts DROP COLUMN legacy_ref",
      ),
    ]
    const [f] = migrationLockFindings("cloudwatch_logs", lines, noLink)
    expect(f?.title).toContain(
      "(flyway, pid 41) waits for AccessExclusiveLock on carts behind pid 12; 1 query queued",
    )
  })

  it("reads MySQL's metadata lock with the DDL in the processlist", () => {
    const lines: ReadonlyArray<LogLine> = [
      "| 41 | migrator | Query | 310 | Waiting for table metadata lock | ALTER TABLE shipments ADD COLUMN carrier_ref varchar(64) |",
      "| 52 | app | Query | 29 | Waiting for table metadata lock | SELECT * FROM shipments WHERE id = 7 |",
      "| 53 | app | Query | 28 | Waiting for table metadata lock | UPDATE shipments SET state = 'x' WHERE id = 9 |",
    ].map((message, i) => ({
      timestampMs: Date.parse("2027-05-02T10:00:00Z") + i,
      message,
      stream: "s",
      group: "/aws/rds/instance/fleet-mysql/general",
    }))
    const [f] = migrationLockFindings("cloudwatch_logs", lines, noLink)
    expect(f?.title).toContain("metadata lock on shipments")
    expect(f?.title).toContain("2 queries queued behind it")
  })

  it("is nothing for a row lock between two app sessions, CREATE INDEX CONCURRENTLY or autovacuum", () => {
    const lines = [
      pg(
        "2027-05-02T11:00:00Z",
        "api@ledger",
        1,
        "LOG",
        "process 1 still waiting for ShareLock on transaction 99 after 1000.0 ms",
      ),
      pg("2027-05-02T11:00:00Z", "api@ledger", 1, "DETAIL", "Process holding the lock: 2. Wait queue: 1."),
      pg(
        "2027-05-02T11:00:00Z",
        "api@ledger",
        1,
        "STATEMENT",
        "UPDATE accounts SET balance = balance - 1 WHERE id = 3",
      ),
      pg(
        "2027-05-02T11:00:05Z",
        "deployer@ledger",
        3,
        "LOG",
        "statement: CREATE INDEX CONCURRENTLY idx_x ON accounts (email)",
      ),
      pg(
        "2027-05-02T11:00:06Z",
        "@",
        4,
        "LOG",
        'automatic vacuum of table "ledger.public.accounts": index scans: 1',
      ),
    ]
    expect(migrationLockFindings("cloudwatch_logs", lines, noLink)).toEqual([])
  })

  it("keeps each database's queue apart", () => {
    const other = "/aws/rds/cluster/catalog-aurora/postgresql"
    const lines = [
      pg("2027-05-02T12:00:00Z", "m@c", 5, "LOG", "statement: CREATE INDEX idx_sku ON products (sku)", other),
      pg(
        "2027-05-02T12:00:01Z",
        "a@c",
        6,
        "LOG",
        "process 6 still waiting for RowExclusiveLock on relation 7 of database 8 after 1000.0 ms",
        other,
      ),
      pg("2027-05-02T12:00:01Z", "a@c", 6, "DETAIL", "Process holding the lock: 5. Wait queue: 6.", other),
      pg(
        "2027-05-02T12:00:02Z",
        "a@l",
        6,
        "LOG",
        "process 6 still waiting for RowExclusiveLock on relation 7 of database 8 after 1000.0 ms",
      ),
    ]
    const found = migrationLockFindings("cloudwatch_logs", lines, noLink)
    expect(found.map((f) => f.service)).toEqual(["catalog-aurora"])
    expect(found[0]?.title).toContain("on products")
  })
})

describe("explainsStall", () => {
  const lock: Finding = {
    id: "cloudwatch_logs#1",
    agent: "cloudwatch_logs",
    title:
      "schema migration `ALTER TABLE payouts …` on ledger-pg-main waits for AccessExclusiveLock on payouts",
    detail: "",
    severity: "critical",
    kind: "migration_lock",
    observedAt: DateTime.unsafeMake(0),
    resource: `loggroup/${group}`,
    service: "ledger-pg-main",
    link: null,
    excerpt: null,
  }
  const timeout = {
    ...lock,
    id: "eks#1",
    kind: "container_logs",
    title: "ledger-api: ERROR canceling statement due to statement timeout",
    service: "ledger-api",
  }
  const oom = { ...timeout, title: "ledger-api: OOMKilled" }

  it("ties the lock to a service named like the database whose queries time out", () => {
    expect(explainsStall(lock, [timeout], ["ledger-api"])).toBe(true)
  })

  it("or to the service the logs agent found it the database of (by its namespace)", () => {
    const housed = { ...lock, service: "treasury-aurora", detail: "The database of payouts-api. In …" }
    expect(explainsStall(housed, [timeout], ["payouts-api"])).toBe(true)
    expect(explainsStall(housed, [timeout], ["ledger-api"])).toBe(false)
  })

  it("not to a service named otherwise, nor to one failing some other way", () => {
    expect(explainsStall(lock, [timeout], ["catalog-api"])).toBe(false)
    expect(explainsStall(lock, [oom], ["ledger-api"])).toBe(false)
    expect(explainsStall({ ...lock, kind: "log_signature" }, [timeout], ["ledger-api"])).toBe(false)
  })

  it("hears each client's words for a statement the database canceled", () => {
    for (const words of [
      "psycopg.errors.QueryCanceled",
      "code 57014",
      "org.hibernate.QueryTimeoutException",
      "canceling statement due to lock timeout",
    ])
      expect(databaseStallWords.test(words)).toBe(true)
    expect(databaseStallWords.test("request timeout 5000ms")).toBe(false)
  })
})

describe("migrationLockFindings: one event holding the whole report", () => {
  const g = "/aws/rds/cluster/acme-ordersdb-prod/postgresql"
  const event = (iso: string, pid: number, who: string, text: string): LogLine => ({
    timestampMs: Date.parse(iso),
    message: `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC:10.1.1.1(4000):${who}:[${pid}]:${text}`,
    stream: "acme-ordersdb-prod-1.0",
    group: g,
  })

  it("reads the DETAIL and STATEMENT lines of a multi-line event (a plain CREATE INDEX holding ShareLock)", () => {
    const [f] = migrationLockFindings(
      "cloudwatch_logs",
      [
        event(
          "2027-04-01T10:00:00Z",
          900,
          "migrator@orders",
          "LOG:  statement: CREATE INDEX orders_state_idx ON orders (state);",
        ),
        event(
          "2027-04-01T10:00:02Z",
          910,
          "app@orders",
          "LOG:  process 910 still waiting for RowExclusiveLock on relation 5 of database 6 after 1000.1 ms\nDETAIL:  Process holding the lock: 900. Wait queue: 910, 911, 912.\nSTATEMENT:  INSERT INTO orders (id) VALUES ($1)",
        ),
      ],
      noLink,
    )
    expect(f?.title).toContain("CREATE INDEX orders_state_idx")
    expect(f?.title).toContain("holds ShareLock on orders; 3 queries queued")
    expect(f?.detail).toContain("every later write on the table")
  })

  it("a MySQL-style ALTER in the stock prefix, its wait queue on the DETAIL line of one event", () => {
    const [f] = migrationLockFindings(
      "cloudwatch_logs",
      [
        {
          timestampMs: Date.parse("2027-04-01T10:00:00Z"),
          message:
            "2027-04-01 10:00:00.1 UTC [300] deploy@shop LOG:  statement: ALTER TABLE carts ADD COLUMN promo text",
          stream: "s",
          group: g,
        },
        {
          timestampMs: Date.parse("2027-04-01T10:00:05Z"),
          message:
            "2027-04-01 10:00:05.1 UTC [301] web@shop LOG:  process 301 still waiting for AccessShareLock on relation 1 of database 2 after 1000.0 ms\n  DETAIL:  Process holding the lock: 300. Wait queue: 301.",
          stream: "s",
          group: g,
        },
      ],
      noLink,
    )
    expect(f?.title).toContain("ALTER TABLE carts")
  })

  it("decoys: a routine autovacuum line, a lock wait that cleared in 2 s", () => {
    expect(
      migrationLockFindings(
        "cloudwatch_logs",
        [
          event(
            "2027-04-01T10:00:00Z",
            50,
            "rdsadmin@orders",
            'LOG:  automatic vacuum of table "orders.public.orders": index scans: 1',
          ),
          event(
            "2027-04-01T10:01:00Z",
            60,
            "migrator@orders",
            "LOG:  statement: ALTER TABLE orders ADD COLUMN note text",
          ),
          event(
            "2027-04-01T10:01:01Z",
            61,
            "app@orders",
            "LOG:  process 61 still waiting for RowExclusiveLock on relation 5 of database 6 after 1000.0 ms\nDETAIL:  Process holding the lock: 60. Wait queue: 61.",
          ),
          event(
            "2027-04-01T10:01:02Z",
            61,
            "app@orders",
            "LOG:  process 61 acquired RowExclusiveLock on relation 5 of database 6 after 2001.3 ms",
          ),
        ],
        noLink,
      ),
    ).toEqual([])
  })
})
