/**
 * The datastores' own record of a failover (domain/datastore-failover.ts), asked once when the
 * alert's service errs the way a primary switch makes clients err (connections reset or
 * terminated, READONLY / read-only writes). The clients' lines never say "failover", and the
 * record is elsewhere: RDS and ElastiCache events an EventBridge rule delivers to a log group
 * (`/aws/events/rds-events`), an ElastiCache or MemoryDB engine log (`/elasticache/<name>/engine-log`).
 * One bounded search of those groups' names, one Logs Insights query for the failover words.
 */
import { Effect } from "effect"
import { failoverFilter, failoverFindingsOfLines } from "../../domain/datastore-failover.js"
import type { Finding } from "../../domain/finding.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export const maxFailoverGroups = 8
const rowLimit = 200

export const failoverQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like ${failoverFilter}`,
  "| sort @timestamp asc",
  `| limit ${rowLimit}`,
].join("\n")

// Where the providers' events and the engines' own logs are kept, by name.
const searches: ReadonlyArray<{ readonly prefix?: string; readonly pattern?: string }> = [
  { prefix: "/aws/events/" },
  { pattern: "events" },
  { pattern: "elasticache" },
  { pattern: "memorydb" },
]

// An EventBridge target group, an AWS events relay, or a cache engine's own log; an application
// whose name merely contains "events" (`/ecs/events-api`) is not one.
const eventsGroup =
  /^\/aws\/events\/|(?:rds|aurora|elasticache|memorydb|redis|docdb|database|db|aws|cloud)[-_/]?events?(?:$|[-_/])|eventbridge/i
const engineGroup = /elasticache|memorydb/i

/** The groups worth asking, provider events first, at most `maxFailoverGroups`. */
export const failoverGroupsOf = (groups: ReadonlyArray<string>): ReadonlyArray<string> => {
  const distinct = [...new Set(groups)].sort()
  return [
    ...distinct.filter((g) => eventsGroup.test(g)),
    ...distinct.filter((g) => !eventsGroup.test(g) && engineGroup.test(g)),
  ].slice(0, maxFailoverGroups)
}

/** Find the event and engine groups and read them for a datastore's failover in the window. */
export const sweepFailovers = (
  source: LogSourceService,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const pages = yield* Effect.forEach(
      searches,
      (s) =>
        source
          .describeLogGroups({ ...s, limit: 50 })
          .pipe(Effect.orElseSucceed(() => ({ groups: [], nextToken: null }))),
      { concurrency: searches.length },
    )
    const groups = failoverGroupsOf(pages.flatMap((p) => p.groups.map((g) => g.name)))
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: failoverQuery },
      answerByMs,
    )
    const lines = linesOf(outcome.rows, groups)
    return failoverFindingsOfLines("cloudwatch_logs", lines, (g) =>
      source.consoleUrl({ logGroups: [g], query: failoverQuery, ...range }),
    )
  })
