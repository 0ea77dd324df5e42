import { describe, expect, it } from "vitest"
import { connectionHolderFindings } from "../../src/domain/connection-holders.js"
import type { MetricSeries } from "../../src/domain/metric-series.js"

const t0 = Date.parse("2026-03-02T10:00:00Z")
const at = (values: ReadonlyArray<number>) => values.map((v, i) => ({ t: t0 + i * 300_000, v }))
const s = (labels: Record<string, string>, values: ReadonlyArray<number>): MetricSeries => ({
  labels,
  samples: at(values),
})

const find = (series: ReadonlyArray<MetricSeries>) => connectionHolderFindings("prometheus", series, null)

describe("connectionHolderFindings", () => {
  it("names the workload a postgres user maps to, its scale-out and its share of max_connections", () => {
    const found = find([
      s({ __name__: "pg_settings_max_connections", server: "ledger-db-instance-1" }, [400, 400, 400, 400]),
      s(
        { __name__: "pg_stat_activity_count", usename: "invoice_renderer", server: "ledger-db-instance-1" },
        [20, 150, 330, 335],
      ),
      s(
        { __name__: "pg_stat_activity_count", usename: "billing_ro", server: "ledger-db-instance-1" },
        [40, 40, 30, 30],
      ),
      s({ __name__: "kube_deployment_status_replicas", deployment: "invoice-renderer" }, [2, 10, 24, 24]),
      // A decoy that scaled too but whose words no database user carries.
      s({ __name__: "kube_deployment_status_replicas", deployment: "thumbnail-cache" }, [1, 8, 8, 8]),
    ])
    expect(found).toHaveLength(1)
    expect(found[0]?.kind).toBe("connection_holder")
    expect(found[0]?.service).toBe("invoice-renderer")
    expect(found[0]?.excerpt).toBe("invoice-renderer scaled 2 → 24 replicas and holds 335 of 400 connections")
    expect(found[0]?.title).not.toContain("thumbnail-cache")
  })

  it("reads application_name and a statefulset's replicas", () => {
    const found = find([
      s({ __name__: "pg_settings_max_connections", instance: "fleet-pg:9187" }, [200, 200, 200]),
      s(
        {
          __name__: "pg_stat_activity_count",
          application_name: "route-optimizer",
          datname: "fleet",
          instance: "fleet-pg:9187",
        },
        [10, 120, 180],
      ),
      s(
        {
          __name__: "pg_stat_activity_count",
          application_name: "dispatch-api",
          datname: "fleet",
          instance: "fleet-pg:9187",
        },
        [12, 12, 12],
      ),
      s({ __name__: "kube_statefulset_status_replicas", statefulset: "route-optimizer" }, [3, 3, 3]),
    ])
    expect(found.map((f) => f.service)).toEqual(["route-optimizer"])
    expect(found[0]?.excerpt).toBe("route-optimizer holds 180 of 200 connections")
  })

  it("reads MySQL threads by user and names an unmapped user as a database user", () => {
    const found = find([
      s({ __name__: "mysql_global_variables_max_connections", instance: "shop-mysql" }, [150, 150, 150]),
      s(
        {
          __name__: "mysql_info_schema_processlist_by_user",
          mysql_user: "etl_loader",
          instance: "shop-mysql",
        },
        [5, 90, 140],
      ),
    ])
    expect(found).toHaveLength(1)
    expect(found[0]?.service).toBeNull()
    expect(found[0]?.title).toContain("database user etl_loader holds 140 of 150 connections")
  })

  it("finds nothing for a flat user, a database that is not full, or a total without users", () => {
    const limit = s({ __name__: "pg_settings_max_connections", server: "crm-db" }, [300, 300, 300])
    // Flat: the biggest user held most of the slots all along.
    expect(
      find([
        limit,
        s({ __name__: "pg_stat_activity_count", usename: "crm_app", server: "crm-db" }, [270, 275, 280]),
        s({ __name__: "pg_stat_activity_count", usename: "reports", server: "crm-db" }, [5, 5, 5]),
      ]),
    ).toEqual([])
    // Rising, but the database never filled.
    expect(
      find([
        limit,
        s({ __name__: "pg_stat_activity_count", usename: "sync_worker", server: "crm-db" }, [10, 60, 160]),
      ]),
    ).toEqual([])
    // RDS DatabaseConnections names nobody.
    expect(
      find([
        limit,
        s(
          { __name__: "aws_rds_database_connections_average", dbinstance_identifier: "crm-db" },
          [10, 200, 295],
        ),
      ]),
    ).toEqual([])
  })
})
