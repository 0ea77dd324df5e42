/**
 * The session holding the locks others wait and deadlock on, followed from the database's log to
 * its workload (log-lock-holder.ts): RDS and stock prefixes, an application_name, a deadlock-only
 * report; decoys: a holder named once, a DDL holder (a migration's, not this finding's).
 */
import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { holderName, lockHoldersOf } from "../../src/domain/log-lock-holder.js"

const t0 = Date.parse("2027-03-02T10:00:00Z")
const group = "/aws/rds/instance/ledger-db/postgresql"
const at = (s: number, message: string, g = group): LogLine => ({
  timestampMs: t0 + s * 1000,
  message,
  stream: "ledger-db",
  group: g,
})
const rds = (user: string, pid: number, text: string) =>
  `2027-03-02 10:00:00 UTC:10.0.0.5(4411):${user}@ledger:[${pid}]:${text}`

describe("lockHoldersOf", () => {
  it("follows the holder pid to its database user (RDS prefix)", () => {
    const found = lockHoldersOf([
      at(
        1,
        rds(
          "ledger_api",
          501,
          "LOG:  process 501 still waiting for ShareLock on transaction 77 after 1000.1 ms",
        ),
      ),
      at(1, rds("ledger_api", 501, "DETAIL:  Process holding the lock: 300. Wait queue: 501, 502.")),
      at(5, rds("ledger_api", 501, "ERROR:  canceling statement due to lock timeout")),
      at(9, rds("ledger_api", 610, "ERROR:  deadlock detected")),
      at(
        9,
        rds(
          "ledger_api",
          610,
          "DETAIL:  Process 610 waits for ShareLock on transaction 77; blocked by process 300. Process 300 waits for ShareLock on transaction 91; blocked by process 610. Process 610: UPDATE accounts SET x = 1 Process 300: UPDATE accounts SET y = 2",
        ),
      ),
      at(
        20,
        rds(
          "settlement_batch",
          300,
          "LOG:  duration: 9.1 ms  statement: UPDATE accounts SET settled = true WHERE id = 4",
        ),
      ),
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      pid: "300",
      user: "settlement_batch",
      deadlocks: 1,
      timeouts: 1,
      waiters: 3,
    })
    expect(found[0]?.statement).toMatch(/UPDATE accounts SET settled/)
    expect(found[0] && holderName(found[0])).toBe("settlement_batch")
  })

  it("prefers an application_name (stock prefix) and takes a deadlock's query when the holder logs none", () => {
    const stock = (pid: number, text: string) => `2027-03-02 10:00:00.000 UTC [${pid}] app@shop ${text}`
    const found = lockHoldersOf([
      at(
        1,
        stock(
          41,
          "LOG:  process 41 still waiting for RowExclusiveLock on relation 1 of database 5 after 1000 ms",
        ),
      ),
      at(1, stock(41, "DETAIL:  Process holding the lock: 12. Wait queue: 41.")),
      at(
        2,
        stock(12, "LOG:  connection authorized: user=app database=shop application_name=invoice-exporter"),
      ),
      at(3, stock(44, "ERROR:  deadlock detected")),
      at(
        3,
        stock(
          44,
          "DETAIL:  Process 44 waits for ShareLock on transaction 8; blocked by process 12. Process 12: SELECT * FROM invoices FOR UPDATE",
        ),
      ),
    ])
    expect(found[0]).toMatchObject({ pid: "12", application: "invoice-exporter" })
    expect(found[0] && holderName(found[0])).toBe("invoice-exporter")
    expect(found[0]?.statement).toMatch(/FOR UPDATE/)
  })

  it("names the pid when the holder's lines are not in the log", () => {
    const found = lockHoldersOf([
      at(1, rds("api", 7, "DETAIL:  Process holding the lock: 99. Wait queue: 7.")),
      at(2, rds("api", 8, "DETAIL:  Process holding the lock: 99. Wait queue: 8.")),
    ])
    expect(found[0] && holderName(found[0])).toBe("pid 99")
  })

  it("ignores a holder named once and a migration's DDL holding the table", () => {
    expect(
      lockHoldersOf([at(1, rds("api", 7, "DETAIL:  Process holding the lock: 99. Wait queue: 7."))]),
    ).toEqual([])
    expect(
      lockHoldersOf([
        at(1, rds("api", 7, "DETAIL:  Process holding the lock: 99. Wait queue: 7.")),
        at(2, rds("api", 8, "DETAIL:  Process holding the lock: 99. Wait queue: 8.")),
        at(0, rds("migrator", 99, "LOG:  statement: ALTER TABLE accounts ADD COLUMN note text")),
      ]),
    ).toEqual([])
  })
})
