/**
 * A heavy data operation announced against a database: "kicking off the ledger-backfill … 4
 * shards against the primary", "bulk import into orders-db", "REINDEX on the invoices table",
 * "VACUUM FULL", "load test against staging-db". It loads the primary and lags its replicas, so
 * a report of stale reads or slow queries — naming no service — lines up with it. Pure.
 */

// The operation: a backfill, a bulk write, an index rebuild, a vacuum, a big migration, a load test.
const heavyOperation =
  /\b(?:back-?fill\w*|bulk[ -](?:import|insert|update|delete|load|write)\w*|re-?index\w*|vacuum\w*|mass[ -]update\w*|data migration|load[ -]test\w*|re-?sync\w*|repartition\w*)\b/i
// Against a database: its role or its engine.
const database =
  /\b(?:primary|replica|writer|database|db|postgres\w*|mysql|aurora|rds|mongo\w*|table|shards?)\b|[a-z0-9]-(?:db|pg|rds|aurora|mysql)\b/i
// Started or running — not planned, not finished long ago.
const underWay = /\b(?:kick\w* off|start\w*|running|now|launch\w*|began|begin\w*|in progress|underway)\b/i

/** The operation's own name when it has one (`ledger-backfill`), else its word. */
const nameOf = (text: string): string => {
  const named = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:back-?fill|import|reindex|migration|load-?test)\b/i.exec(
    text,
  )
  return (named?.[0] ?? heavyOperation.exec(text)?.[0] ?? "data operation").toLowerCase()
}

/** The operation `text` announces as under way against a database, or null. */
export const dataOperationAnnounced = (text: string): string | null =>
  heavyOperation.test(text) && database.test(text) && underWay.test(text) ? nameOf(text) : null
