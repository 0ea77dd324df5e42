/**
 * A database's own log, asked one question when the alert's service is timing out on its
 * database: is a schema migration holding, or queued for, a table's strong lock
 * (domain/migration-lock.ts)? The service's lines say only "canceling statement due to statement
 * timeout" and never name the database's log group, so the scoped pass does not read it; and
 * even when it does, its error filter drops the STATEMENT lines that name the migration's DDL.
 * One bounded search of `/aws/rds/`, the groups of the instances named with the alert's words
 * (`billing-db-prod` for `billing-api`), one Logs Insights query for the lock lines.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { sharedWords } from "../../domain/log-group-kin.js"
import { serviceOfGroup } from "../../domain/log-origin.js"
import { migrationLockFilter, migrationLockFindings } from "../../domain/migration-lock.js"

export { databaseStallWords } from "../../domain/migration-lock.js"

import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export const maxDatabaseGroups = 3
const rowLimit = 500

export const migrationLockQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like ${migrationLockFilter}`,
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

/** A database's log group: PostgreSQL's log, MySQL's error/general/slow-query logs. */
const databaseGroup = /^\/aws\/rds\/(?:instance|cluster)\/[^/]+\/(?:postgresql|error|general|slowquery)$/i

/**
 * The database groups named with one of `names`' distinctive words, or with the word of a
 * namespace they run in (`treasury-aurora` for `payouts-api` in `treasury`), each with the name
 * it is the database of; at most `maxDatabaseGroups`.
 */
export const databaseGroupsOf = (
  groups: ReadonlyArray<string>,
  names: ReadonlyArray<string>,
  namespaces: ReadonlyArray<string> = [],
): ReadonlyArray<{ readonly group: string; readonly service: string }> =>
  [...new Set(groups.filter((g) => databaseGroup.test(g)))]
    .flatMap((group) => {
      const instance = serviceOfGroup(group)
      if (instance === null) return []
      const named = names.find((n) => sharedWords(instance, n).length >= 1)
      const housed =
        names[0] !== undefined && namespaces.some((ns) => sharedWords(instance, ns).length >= 1)
          ? names[0]
          : undefined
      const service = named ?? housed
      return service === undefined ? [] : [{ group, service }]
    })
    .sort((a, b) => a.group.localeCompare(b.group))
    .slice(0, maxDatabaseGroups)

/**
 * The alert's databases' log groups (named with its words or housed by its namespaces) read with
 * one query: the groups chosen, each with the service it answers to, and their lines; nothing
 * when the alert names nothing or no database group is its.
 */
export const readDatabaseLogs = (
  source: LogSourceService,
  names: ReadonlyArray<string>,
  namespaces: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
  query: string,
) =>
  Effect.gen(function* () {
    if (names.length === 0) return null
    const page = yield* source
      .describeLogGroups({ prefix: "/aws/rds/", limit: 50 })
      .pipe(Effect.orElseSucceed(() => ({ groups: [], nextToken: null })))
    const chosen = databaseGroupsOf(
      page.groups.map((g) => g.name),
      names,
      namespaces,
    )
    if (chosen.length === 0) return null
    const groups = chosen.map((c) => c.group)
    const outcome = yield* runInsightsQuery(source, { logGroups: groups, ...range, query }, answerByMs)
    return { chosen, lines: linesOf(outcome.rows, groups) }
  })

/** Find the alert's databases' log groups and read them for a migration's table lock. */
export const sweepMigrationLocks = (
  source: LogSourceService,
  names: ReadonlyArray<string>,
  namespaces: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const read = yield* readDatabaseLogs(source, names, namespaces, range, answerByMs, migrationLockQuery)
    if (read === null) return []
    const { chosen, lines } = read
    return migrationLockFindings(
      "cloudwatch_logs",
      lines,
      (g) => source.consoleUrl({ logGroups: [g], query: migrationLockQuery, ...range }),
      (g) => chosen.find((c) => c.group === g)?.service ?? null,
    )
  })
