/**
 * A database's own slow-query log, read for the query that got slow because it scans a whole
 * table: PostgreSQL's `log_min_duration_statement` lines ("duration: 3871.224 ms  execute
 * <unnamed>: SELECT … FROM appointments …"), auto_explain's plans under them ("Seq Scan on
 * appointments a … Rows Removed by Filter: 18422731"), MySQL's slow log ("# Query_time: 4.1 …
 * Rows_examined: 18422731"). An index dropped in the same log ("statement: DROP INDEX … idx_x")
 * is what usually turned an index lookup into the scan. A service's pool saturating and its
 * 504s are the effect; the scan is what holds the connections. Pure.
 */
import type { LogLine } from "./log-clusters.js"

export interface SlowScan {
  readonly group: string
  /** The table scanned whole ("appointments"), from the plan or the statement's FROM. */
  readonly table: string
  readonly count: number
  readonly maxMs: number
  readonly firstMs: number
  readonly lastMs: number
  /** Rows a scan read to find a few (auto_explain's Rows Removed by Filter, MySQL's Rows_examined). */
  readonly rowsRead: number | null
  /** The index a DROP INDEX in the same log removed, with when, if the log holds one. */
  readonly droppedIndex: { readonly name: string; readonly atMs: number } | null
  readonly example: string
}

/** A query this slow is a user's wait on its own; faster ones are noise for this question. */
export const slowQueryMs = 1_000
/** Rows read by one query beyond which it is a scan, whatever the plan says. */
const scanRows = 100_000

export const slowQueryFilter =
  "/(?i)(duration: +[0-9.]+ ms|seq scan on|full scan|rows_examined|query_time|statement: +drop index)/"

const duration = /\bduration:\s+([\d.]+)\s*ms\b/i
const mysqlTime = /Query_time:\s*([\d.]+)/i
const seqScan = /\b(?:Seq Scan|Parallel Seq Scan) on ([\w."]+)/i
const removed = /Rows Removed by Filter:\s*(\d+)/i
const examined = /Rows_examined:\s*(\d+)/i
const fromTable = /\bFROM\s+([\w."]+)/i
const dropIndex = /statement:\s+DROP INDEX\s+(?:CONCURRENTLY\s+)?(?:IF EXISTS\s+)?([\w."]+)/i

const bare = (name: string): string => name.replace(/"/g, "").split(".").at(-1) ?? name

const msOf = (message: string): number | null => {
  const d = duration.exec(message)?.[1] ?? null
  if (d !== null) return Number(d)
  const q = mysqlTime.exec(message)?.[1] ?? null
  return q === null ? null : Number(q) * 1000
}

/** The tables a group's slow queries scan whole, slowest first; a query using an index is none. */
export const slowScansOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<SlowScan> => {
  const byKey = new Map<string, Array<{ line: LogLine; ms: number; rows: number | null }>>()
  const drops = new Map<string, { name: string; atMs: number }>()
  const sorted = [...lines].sort((a, b) => a.timestampMs - b.timestampMs)
  for (const line of sorted) {
    const drop = dropIndex.exec(line.message)?.[1]
    if (drop !== undefined && !drops.has(line.group))
      drops.set(line.group, { name: bare(drop), atMs: line.timestampMs })
    const scanned = seqScan.exec(line.message)?.[1]
    const rowsText = removed.exec(line.message)?.[1] ?? examined.exec(line.message)?.[1]
    const rows = rowsText === undefined ? null : Number(rowsText)
    const ms = msOf(line.message)
    const from = fromTable.exec(line.message)?.[1]
    // A plan names the scan; without one, a statement that read too many rows was one.
    const table =
      scanned !== undefined
        ? bare(scanned)
        : rows !== null && rows >= scanRows && from !== undefined
          ? bare(from)
          : null
    if (ms === null || ms < slowQueryMs || table === null) continue
    const key = `${line.group}\u0000${table}`
    byKey.set(key, [...(byKey.get(key) ?? []), { line, ms, rows }])
  }
  // A statement line without its plan counts as the same scan once a plan showed its table scanned.
  for (const line of sorted) {
    const ms = msOf(line.message)
    const from = fromTable.exec(line.message)?.[1]
    if (ms === null || ms < slowQueryMs || from === undefined || seqScan.test(line.message)) continue
    const key = `${line.group}\u0000${bare(from)}`
    const hits = byKey.get(key)
    if (hits === undefined || hits.some((h) => h.line.timestampMs === line.timestampMs)) continue
    hits.push({ line, ms, rows: null })
  }
  return [...byKey.entries()]
    .map(([key, hits]): SlowScan => {
      const [group = "", table = ""] = key.split("\u0000")
      const times = hits.map((h) => h.line.timestampMs)
      const rows = hits.flatMap((h) => (h.rows === null ? [] : [h.rows]))
      const slowest = hits.reduce((a, h) => (h.ms > a.ms ? h : a))
      return {
        group,
        table,
        count: hits.length,
        maxMs: Math.round(slowest.ms),
        firstMs: Math.min(...times),
        lastMs: Math.max(...times),
        rowsRead: rows.length === 0 ? null : Math.max(...rows),
        droppedIndex: drops.get(group) ?? null,
        example: (slowest.line.message.split(/\r?\n/)[0] ?? "").trim(),
      }
    })
    .sort((a, b) => b.maxMs - a.maxMs || a.table.localeCompare(b.table))
}
