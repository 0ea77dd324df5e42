/**
 * A service whose database calls got slow (its pool saturated, its requests timing out, its
 * latency SLO burning) while the database logs the cause in its own group: a query scanning a
 * whole table, often since a migration dropped the index it used (domain/log-slow-query.ts).
 * The service's lines never name the database's log group, so the scoped pass does not read it.
 * One bounded search of `/aws/rds/` for the groups of the alert's databases (db-lock-sweep.ts
 * picks them), one Logs Insights query for the slow-query and DROP INDEX lines.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { type SlowScan, slowQueryFilter, slowScansOf } from "../../domain/log-slow-query.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { readDatabaseLogs } from "./db-lock-sweep.js"
import type { Range } from "./query-pass.js"

export const slowQueryQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like ${slowQueryFilter}`,
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

/** Words in a service's lines or its alert that say its database calls got slow. */
export const slowDatabaseWords =
  /slow query|pool (?:saturated|exhausted)|(?:acquire|connection) timeout|timed out|timeout|latency|\bslo\b|too slow/i

const instanceOf = (group: string): string =>
  /^\/aws\/rds\/(?:instance|cluster)\/([^/]+)\//.exec(group)?.[1] ?? group

/** One finding per table scanned whole: where, how slow, and the index dropped before, if any. */
export const slowScanFinding = (s: SlowScan, service: string, link: string | null): Finding => {
  const db = instanceOf(s.group)
  const dropped =
    s.droppedIndex === null
      ? ""
      : `; index ${s.droppedIndex.name} dropped at ${utcHhmm(s.droppedIndex.atMs)} UTC`
  const rows = s.rowsRead === null ? "" : `, ${s.rowsRead.toLocaleString("en-US")} rows read`
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(
      clipText(
        `slow queries: sequential scan on ${s.table} (${s.maxMs} ms, ×${s.count}) on ${db}${dropped}`,
        240,
      ),
    ),
    detail: redact(
      `${db}'s log shows ${s.count} quer(ies) on ${s.table} taking up to ${s.maxMs} ms from ` +
        `${utcHhmm(s.firstMs)} to ${utcHhmm(s.lastMs)} UTC with a sequential (full table) scan${rows}. ` +
        (s.droppedIndex === null
          ? "A query that reads the whole table holds its connection for seconds: the service's pool fills and its requests time out."
          : `The migration's DROP INDEX ${s.droppedIndex.name} came first: without the index the query reads the whole table, ` +
            "holds its connection for seconds, and the service's pool fills and its requests time out. Recreate the index " +
            "(CREATE INDEX CONCURRENTLY) or roll the migration back."),
    ),
    severity: s.maxMs >= 2 * 1000 || s.droppedIndex !== null ? "high" : "medium",
    kind: "slow_query",
    observedAt: DateTime.unsafeMake(s.firstMs),
    resource: `loggroup/${s.group}`,
    service,
    link,
    excerpt: redact(clipText(s.example, 300)),
  }
}

/** Find the alert's databases' log groups and read them for slow full-table scans. */
export const sweepSlowQueries = (
  source: LogSourceService,
  names: ReadonlyArray<string>,
  namespaces: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const read = yield* readDatabaseLogs(source, names, namespaces, range, answerByMs, slowQueryQuery)
    if (read === null) return []
    const { chosen, lines } = read
    return slowScansOf(lines)
      .slice(0, 2)
      .map((s) =>
        slowScanFinding(
          s,
          chosen.find((c) => c.group === s.group)?.service ?? names[0] ?? s.table,
          source.consoleUrl({ logGroups: [s.group], query: slowQueryQuery, ...range }),
        ),
      )
  })
