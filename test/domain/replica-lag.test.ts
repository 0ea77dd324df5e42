/**
 * Replica lag read from its series: an RDS, Postgres, MySQL or MongoDB replica minutes behind
 * (high when it grew many times over the window) — not a steady lag of seconds, a spike that
 * recovered before the window, nor a Kafka consumer's lag.
 */
import { describe, expect, it } from "vitest"
import { replicaLagFindings } from "../../src/domain/replica-lag.js"
import { isReplicaLagLine } from "../../src/domain/replica-lag-lines.js"

const minute = 60_000
const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 10 * minute, v }))
const windowStart = 40 * minute

describe("replicaLagFindings", () => {
  it("an RDS replica's lag grown from under a second to minutes: high, named, with its onset", () => {
    const [f, ...rest] = replicaLagFindings(
      "prometheus",
      [
        {
          labels: { __name__: "aws_rds_replica_lag_average", dbinstance_identifier: "books-pg-ro-2" },
          samples: at(0.3, 12, 140, 420, 800, 1100),
        },
      ],
      windowStart,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.kind).toBe("replica_lag")
    expect(f?.title).toContain(
      "books-pg-ro-2: replica lag 1100 s (~18 min) behind the primary since 00:20 UTC",
    )
  })

  it("Postgres, MySQL and Aurora (milliseconds) variants, each its own replica", () => {
    const findings = replicaLagFindings(
      "prometheus",
      [
        {
          labels: { __name__: "pg_replication_lag", server: "orders-db-standby:5432" },
          samples: at(1, 1, 2, 90, 95, 100),
        },
        {
          labels: { __name__: "mysql_slave_status_seconds_behind_master", instance: "catalog-mysql-r1:9104" },
          samples: at(0, 0, 30, 200, 500, 900),
        },
        {
          labels: {
            __name__: "aws_rds_aurora_replica_lag_maximum",
            dbinstance_identifier: "fleet-aurora-r3",
          },
          samples: at(20, 25, 30, 40_000, 200_000, 400_000),
        },
      ],
      windowStart,
      null,
    )
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["catalog-mysql-r1", "high"],
      ["fleet-aurora-r3", "high"],
      ["orders-db-standby", "medium"],
    ])
  })

  it("a steady lag of minutes that did not grow is medium", () => {
    const [f] = replicaLagFindings(
      "prometheus",
      [
        {
          labels: { __name__: "mongodb_mongod_replset_member_replication_lag", name: "rs0-2" },
          samples: at(70, 75, 80, 72, 78, 74),
        },
      ],
      windowStart,
      null,
    )
    expect(f?.severity).toBe("medium")
  })

  it("decoys: a steady 2 s lag, a spike recovered an hour before, a Kafka consumer's lag", () => {
    expect(
      replicaLagFindings(
        "prometheus",
        [
          {
            labels: { __name__: "aws_rds_replica_lag_average", dbinstance_identifier: "calm-ro" },
            samples: at(2, 2, 2, 2, 2, 2),
          },
          {
            labels: { __name__: "aws_rds_replica_lag_average", dbinstance_identifier: "spiky-ro" },
            samples: at(900, 40, 1, 1, 1, 1),
          },
          {
            labels: { __name__: "kafka_consumergroup_lag", consumergroup: "billing", topic: "invoices" },
            samples: at(10, 100, 1000, 10_000, 50_000, 90_000),
          },
          {
            labels: { __name__: "kafka_consumer_replication_lag", instance: "k1" },
            samples: at(0, 0, 0, 500, 900, 1200),
          },
        ],
        windowStart,
        null,
      ),
    ).toEqual([])
  })
})

describe("isReplicaLagLine", () => {
  it("readers' and engines' wordings, not a consumer's lag", () => {
    expect(isReplicaLagLine("WARN db.replica lag check: reader lag 1096s exceeds soft limit 30s")).toBe(true)
    expect(isReplicaLagLine("Seconds_Behind_Master: 912")).toBe(true)
    expect(isReplicaLagLine("replication lag on standby is 400s")).toBe(true)
    expect(isReplicaLagLine("consumer group billing lag 90000 on topic invoices")).toBe(false)
  })
})
