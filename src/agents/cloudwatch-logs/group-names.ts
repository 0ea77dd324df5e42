/**
 * The log groups under each of a sweep's searches (a prefix or a pattern), one page each. A
 * sweep is extra evidence beside the agent's own passes: a listing that fails finds no groups
 * rather than failing the agent.
 */
import { Effect } from "effect"
import type { DescribeLogGroupsRequest, LogSourceService } from "../../ports/log-source.js"

export const groupNamesUnder = (
  source: LogSourceService,
  searches: ReadonlyArray<Omit<DescribeLogGroupsRequest, "limit" | "nextToken">>,
  limit: number,
  concurrency: number,
): Effect.Effect<ReadonlyArray<string>> =>
  Effect.forEach(
    searches,
    (s) =>
      source.describeLogGroups({ ...s, limit }).pipe(
        Effect.map((p) => p.groups.map((g) => g.name)),
        Effect.orElseSucceed((): ReadonlyArray<string> => []),
      ),
    { concurrency },
  ).pipe(Effect.map((pages) => pages.flat()))

/** Cluster names as log groups spell them (lower case, nothing a group name could not hold), once each. */
export const clusterGroupNames = (clusters: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...new Set(clusters.map((c) => c.toLowerCase()).filter((c) => /^[a-z0-9][a-z0-9._-]*$/.test(c))),
]

/** Where CloudTrail delivers to CloudWatch Logs: the console's default names and the old one. */
export const cloudTrailPrefixes = ["aws-cloudtrail-logs", "/aws/cloudtrail", "CloudTrail/"] as const

/** The CloudTrail log groups in the region, each once (one page per prefix); none when the search fails. */
export const cloudTrailGroups = (source: LogSourceService): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(
    groupNamesUnder(
      source,
      cloudTrailPrefixes.map((prefix) => ({ prefix })),
      10,
      3,
    ),
    (names) => [...new Set(names)],
  )
