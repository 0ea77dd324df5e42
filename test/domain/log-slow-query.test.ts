import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { apiStem } from "../../src/domain/log-group-discovery.js"
import { slowScansOf } from "../../src/domain/log-slow-query.js"

const g = "/aws/rds/instance/shop-db-1/postgresql"
const at = (s: number, message: string, group = g): LogLine => ({
  timestampMs: s * 1000,
  message,
  stream: "x",
  group,
})
const pg = (ms: number, rest: string) =>
  `2026-01-01 00:00:00 UTC:10.0.0.1(1):app@shop:[42]:LOG:  duration: ${ms} ms  ${rest}`

describe("slowScansOf", () => {
  it("names the table auto_explain scans, the slowest duration and the dropped index", () => {
    const scans = slowScansOf([
      at(
        1,
        "2026-01-01 00:00:00 UTC:10.0.0.1(1):migrator@shop:[7]:LOG:  statement: DROP INDEX CONCURRENTLY IF EXISTS idx_orders_customer",
      ),
      at(
        10,
        pg(
          2500.5,
          "plan:\n\tQuery Text: SELECT * FROM orders WHERE customer_id = $1\n\t->  Seq Scan on orders o  (cost=0..1)\n\t  Rows Removed by Filter: 9000000",
        ),
      ),
      at(20, pg(3100.2, "execute <unnamed>: SELECT * FROM orders WHERE customer_id = $1")),
    ])
    expect(scans).toHaveLength(1)
    expect(scans[0]).toMatchObject({ table: "orders", maxMs: 3100, count: 2, rowsRead: 9000000 })
    expect(scans[0]?.droppedIndex?.name).toBe("idx_orders_customer")
  })
  it("reads MySQL's slow log by its rows examined", () => {
    const scans = slowScansOf([
      at(
        5,
        "# Query_time: 4.2  Lock_time: 0.0 Rows_sent: 3  Rows_examined: 5400000\nSELECT * FROM invoices WHERE account = 7;",
        "/aws/rds/cluster/billing/slowquery",
      ),
    ])
    expect(scans[0]).toMatchObject({ table: "invoices", maxMs: 4200 })
  })
  it("ignores fast scans and slow queries that use an index (decoys)", () => {
    expect(slowScansOf([at(1, pg(40, "plan:\n\t->  Seq Scan on tiny_lookup  (cost=0..1)"))])).toHaveLength(0)
    expect(slowScansOf([at(1, pg(2400, "plan:\n\t->  Index Scan using idx_a on orders"))])).toHaveLength(0)
  })
})

describe("apiStem", () => {
  it("strips the API and stage words", () => {
    expect(apiStem("labels-api-prod")).toEqual(["labels"])
    expect(apiStem("payments_gateway_staging")).toEqual(["payments"])
    expect(apiStem("checkout")).toEqual([])
  })
})
