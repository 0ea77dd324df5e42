/**
 * A database's own deadlock and lock-wait counts: Postgres, MySQL and RDS (a gauge) deadlocks
 * rising in the window — not a counter that rose as much in the hour before, nor a few.
 */
import { describe, expect, it } from "vitest"
import { datastoreLockFindings } from "../../src/domain/datastore-locks.js"

const minute = 60_000
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 10 * minute, v }))
const windowStart = 60 * minute

describe("datastoreLockFindings", () => {
  it("pg_stat_database_deadlocks rising from flat, with ungranted locks: high, named, since", () => {
    const [f, ...rest] = datastoreLockFindings(
      "prometheus",
      [
        {
          labels: { __name__: "pg_stat_database_deadlocks", datname: "ledger", instance: "ledger-pg-1:9187" },
          samples: at(5, 5, 5, 5, 5, 5, 40, 120, 260),
        },
        {
          labels: {
            __name__: "pg_locks_count",
            datname: "ledger",
            mode: "rowexclusivelock",
            granted: "false",
          },
          samples: at(0, 0, 1, 0, 0, 1, 20, 35, 31),
        },
        {
          labels: { __name__: "pg_locks_count", datname: "ledger", mode: "accesssharelock" },
          samples: at(90, 90, 90, 90, 90, 90, 90, 90, 90),
        },
      ],
      windowStart,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.kind).toBe("datastore_locks")
    expect(f?.title).toBe(
      "ledger (ledger-pg-1): 255 deadlocks since 01:00 UTC (0 in the hour before); 35 lock waits (1 before) — lock contention",
    )
  })

  it("MySQL's InnoDB counter and RDS's Deadlocks gauge", () => {
    const findings = datastoreLockFindings(
      "prometheus",
      [
        {
          labels: {
            __name__: "mysql_info_schema_innodb_metrics_lock_lock_deadlocks_total",
            instance: "shop-mysql:9104",
          },
          samples: at(2, 2, 2, 3, 3, 3, 30, 60, 90),
        },
        {
          labels: { __name__: "aws_rds_deadlocks_average", dbinstance_identifier: "billing-aurora-1" },
          samples: at(0, 0, 0, 0, 0, 0, 0.5, 2.4, 3),
        },
      ],
      windowStart,
      null,
    )
    expect(findings.map((f) => f.service).sort()).toEqual(["billing-aurora-1", "shop-mysql"])
    expect(findings.find((f) => f.service === "billing-aurora-1")?.title).toContain("deadlocks at up to 3/s")
  })

  it("decoys: deadlocks as frequent the hour before, a handful, locks granted", () => {
    const findings = datastoreLockFindings(
      "prometheus",
      [
        {
          labels: { __name__: "pg_stat_database_deadlocks", datname: "steady" },
          samples: at(0, 40, 80, 120, 160, 200, 240, 280, 320),
        },
        {
          labels: { __name__: "pg_stat_database_deadlocks", datname: "few" },
          samples: at(1, 1, 1, 1, 1, 1, 2, 3, 4),
        },
        {
          labels: { __name__: "pg_locks_count", datname: "held", granted: "true" },
          samples: at(0, 0, 0, 0, 0, 0, 50, 80, 90),
        },
      ],
      windowStart,
      null,
    )
    expect(findings).toEqual([])
  })
})
