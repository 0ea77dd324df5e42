/**
 * One pass of the logs agent: the error query over some log groups, bounded by when the agent
 * must answer, its rows clustered into signatures (each group's own service, when its name
 * says so, naming lines whose stream does not).
 */
import { Effect } from "effect"
import { clusterLogLines, type LogCluster } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { errorQuery, lineOf, queryRowLimit } from "./error-query.js"
import { type QueryOutcome, runInsightsQuery } from "./run-query.js"

export interface Range {
  readonly startMs: number
  readonly endMs: number
}

export interface QueryPass {
  readonly groups: ReadonlyArray<string>
  readonly outcome: QueryOutcome
  readonly clusters: ReadonlyArray<LogCluster>
  readonly lines: number
  /** The query hit its row limit: counts are lower bounds. */
  readonly truncated: boolean
  /** Stopped at the bound, or timed out in CloudWatch: the rows are partial. */
  readonly incomplete: boolean
  /** CloudWatch failed or cancelled the query itself (not us). */
  readonly failed: boolean
}

export const queryPass = (
  source: LogSourceService,
  chosen: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
): Effect.Effect<QueryPass, LogSourceError> =>
  Effect.gen(function* () {
    const groups = chosen.map((g) => g.name)
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: errorQuery },
      answerByMs,
    )
    const serviceOf = new Map(chosen.map((g) => [g.name, g.service]))
    const lines = outcome.rows.flatMap((r) => {
      const line = lineOf(r, groups)
      return line === null ? [] : [line]
    })
    return {
      groups,
      outcome,
      clusters: clusterLogLines(lines, (g) => serviceOf.get(g) ?? null),
      lines: lines.length,
      truncated: outcome.rows.length >= queryRowLimit,
      incomplete: outcome.stopped || outcome.status === "Timeout",
      failed: outcome.status === "Failed" || (outcome.status === "Cancelled" && !outcome.stopped),
    }
  })
