/**
 * A datastore's failover in its role gauges (role-switch-sweep.ts): ElastiCache's IsMaster
 * flipping between two nodes of one cluster is one finding naming who was promoted; PostgreSQL's
 * is_replica flipping to 1 is a demotion. Not: gauges that held their value, a series labelled
 * only by an address.
 */
import { describe, expect, it } from "@effect/vitest"
import { roleFlip, roleSwitchFindings } from "../../../src/agents/prometheus/role-switch-sweep.js"
import type { MetricSeries } from "../../../src/domain/metric-series.js"

const t = (hhmm: string) => Date.parse(`2027-03-01T${hhmm}:00Z`)
const series = (labels: Record<string, string>, values: ReadonlyArray<number>): MetricSeries => ({
  labels,
  samples: values.map((v, i) => ({ t: t(`10:${String(i * 2).padStart(2, "0")}`), v })),
})

describe("roleFlip", () => {
  it("the first change between 0 and 1, and to which", () => {
    expect(roleFlip(series({}, [1, 1, 0, 0]).samples)).toEqual({ atMs: t("10:04"), to: 0 })
    expect(roleFlip(series({}, [0, 0, 1]).samples)).toEqual({ atMs: t("10:04"), to: 1 })
    expect(roleFlip(series({}, [1, 1, 1]).samples)).toBeNull()
  })
})

describe("roleSwitchFindings", () => {
  it("two nodes of one cluster swapping IsMaster: one failover, old primary → new", () => {
    const found = roleSwitchFindings(
      [
        series(
          { __name__: "aws_elasticache_is_master_average", dimension_CacheClusterId: "basket-cache-001" },
          [1, 1, 0],
        ),
        series(
          { __name__: "aws_elasticache_is_master_average", dimension_CacheClusterId: "basket-cache-002" },
          [0, 0, 1],
        ),
        series(
          { __name__: "aws_elasticache_is_master_average", dimension_CacheClusterId: "geo-cache-001" },
          [1, 1, 1],
        ),
      ],
      () => false,
      null,
    )
    expect(found.map((f) => [f.kind, f.service, f.agent])).toEqual([
      ["datastore_failover", "basket-cache", "prometheus"],
    ])
    expect(found[0]?.title).toBe(
      "basket-cache: ElastiCache failover (completed 10:04:00 UTC) — primary basket-cache-001 → basket-cache-002",
    )
  })

  it("a PostgreSQL node becoming a replica is its demotion", () => {
    const found = roleSwitchFindings(
      [series({ __name__: "pg_replication_is_replica", pod: "ledger-pg-0" }, [0, 1, 1])],
      () => true,
      null,
    )
    expect(found[0]?.detail).toContain("flipped to replica")
    expect(found[0]?.service).toBe("ledger-pg-0")
  })

  it("nothing for a series labelled only by an address", () => {
    expect(
      roleSwitchFindings(
        [series({ __name__: "pg_replication_is_replica", instance: "10.0.4.7:9187" }, [0, 1])],
        () => true,
        null,
      ),
    ).toEqual([])
  })
})
