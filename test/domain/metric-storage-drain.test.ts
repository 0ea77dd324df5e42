/**
 * A database running out of storage, read from its metrics: RDS free storage (YACE,
 * cloudwatch-exporter, Percona names) falling toward zero, a replication slot's retained WAL and a
 * database's size growing — not free storage that stays steady, a slot with a small constant lag,
 * nor a database growing at its usual pace.
 */
import { describe, expect, it } from "vitest"
import { storageDrainFindings } from "../../src/domain/metric-storage-drain.js"

const GiB = 1024 ** 3
const hour = 3_600_000
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * hour, v: v * GiB }))
const windowStart = 4 * hour

describe("storageDrainFindings", () => {
  it("cloudwatch-exporter free storage falling to almost nothing: high, naming the database", () => {
    const [f, ...rest] = storageDrainFindings(
      "prometheus",
      [
        {
          labels: { __name__: "aws_rds_free_storage_space_average", dbinstance_identifier: "ledger-pg-main" },
          samples: at(90, 70, 48, 20, 6, 0.3),
        },
      ],
      windowStart,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.service).toBe("ledger-pg-main")
    expect(f?.title).toContain("ledger-pg-main: free storage fell from 90 GiB at 00:00 UTC to 0.3 GiB")
  })

  it("YACE's minimum with its dimension label, and Percona's with allocated: the share of allocated", () => {
    const findings = storageDrainFindings(
      "prometheus",
      [
        {
          labels: {
            __name__: "aws_rds_free_storage_space_minimum",
            dimension_DBInstanceIdentifier: "orders-mysql",
          },
          samples: at(400, 380, 300, 250, 190, 150),
        },
        {
          labels: { __name__: "rds_free_storage_bytes", instance: "quotes-db" },
          samples: at(40, 30, 20, 10, 5, 4),
        },
        {
          labels: { __name__: "rds_allocated_storage_bytes", instance: "quotes-db" },
          samples: at(200, 200, 200, 200, 200, 200),
        },
      ],
      windowStart,
      null,
    )
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["quotes-db", "high"],
      ["orders-mysql", "medium"],
    ])
    expect(findings[0]?.title).toContain("(2 % of allocated)")
  })

  it("a replication slot holding ever more WAL, by name, and a database grown by many GiB: medium", () => {
    const findings = storageDrainFindings(
      "prometheus",
      [
        {
          labels: {
            __name__: "pg_replication_slots_pg_wal_lsn_diff",
            server: "events-db:5432",
            slot_name: "debezium_events",
          },
          samples: at(0.1, 2, 9, 17, 26, 35),
        },
        {
          labels: { __name__: "pg_database_size_bytes", server: "events-db:5432", datname: "events" },
          samples: at(100, 104, 110, 118, 124, 131),
        },
      ],
      windowStart,
      null,
    )
    expect(findings.map((f) => f.severity)).toEqual(["medium", "medium"])
    expect(findings.map((f) => f.title).join("\n")).toContain(
      "events-db: replication slot debezium_events holds 35 GiB of WAL",
    )
    expect(findings.map((f) => f.title).join("\n")).toContain("events-db: database events grew to 131 GiB")
  })

  it("decoys: steady free storage, a slot's small constant lag, usual growth, a fall that ended before the window", () => {
    expect(
      storageDrainFindings(
        "prometheus",
        [
          {
            labels: { __name__: "aws_rds_free_storage_space_average", dbinstance_identifier: "a" },
            samples: at(50, 49, 51, 50, 49, 50),
          },
          {
            labels: { __name__: "aws_rds_oldest_replication_slot_lag_average", dbinstance_identifier: "a" },
            samples: at(0.02, 0.03, 0.02, 0.02, 0.03, 0.02),
          },
          {
            labels: { __name__: "pg_database_size_bytes", datname: "b", server: "b" },
            samples: at(500, 501, 502, 503, 504, 505),
          },
          {
            labels: { __name__: "aws_rds_free_storage_space_average", dbinstance_identifier: "c" },
            samples: at(50, 2, 1),
          },
        ],
        windowStart,
        null,
      ),
    ).toEqual([])
  })
})
