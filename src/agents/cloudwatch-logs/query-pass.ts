/**
 * One pass of the logs agent: the error query over some log groups, bounded by when the agent
 * must answer, its rows read as log lines — the whole error query for groups the alert leads to,
 * the one narrowed to the alert's names for shared groups (a found cluster's application logs),
 * both at once when a round has both. The lines of several passes cluster together into
 * signatures, each event counted once (each group's own service, when its name says so, naming
 * lines whose stream does not).
 */
import { Effect } from "effect"
import { clusterLogLines, type LogCluster, type LogLine } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { errorQuery, lineOf, queryRowLimit, scopedErrorQuery } from "./error-query.js"
import { type QueryOutcome, runInsightsQuery } from "./run-query.js"

export interface Range {
  readonly startMs: number
  readonly endMs: number
}

/** A line and what identifies its event (`@ptr`), so passes that overlap count it once. */
export interface KeyedLine {
  readonly key: string
  readonly line: LogLine
}

export interface QueryPass {
  readonly groups: ReadonlyArray<string>
  /** The service each group is dedicated to, when its name says so. */
  readonly services: ReadonlyMap<string, string | null>
  /** The condition the error lines were narrowed by (shared groups), else null. */
  readonly scope: string | null
  readonly query: string
  readonly outcome: QueryOutcome
  readonly lines: ReadonlyArray<KeyedLine>
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
  scope: string | null = null,
): Effect.Effect<QueryPass, LogSourceError> =>
  Effect.gen(function* () {
    const groups = chosen.map((g) => g.name)
    const query = scope === null ? errorQuery : scopedErrorQuery(scope)
    const outcome = yield* runInsightsQuery(source, { logGroups: groups, ...range, query }, answerByMs)
    const lines = outcome.rows.flatMap((r) => {
      const line = lineOf(r, groups)
      if (line === null) return []
      const key =
        r["@ptr"] ?? `${line.group}\u0000${line.stream}\u0000${line.timestampMs}\u0000${line.message}`
      return [{ key, line }]
    })
    return {
      groups,
      services: new Map(chosen.map((g) => [g.name, g.service])),
      scope,
      query,
      outcome,
      lines,
      truncated: outcome.rows.length >= queryRowLimit,
      incomplete: outcome.stopped || outcome.status === "Timeout",
      failed: outcome.status === "Failed" || (outcome.status === "Cancelled" && !outcome.stopped),
    }
  })

export interface Part {
  readonly groups: ReadonlyArray<RankedLogGroup>
  readonly scope: string | null
}

/** The groups as the passes to run: the open ones whole, the shared ones narrowed by `scope` (dropped without one). */
export const partsOf = (chosen: ReadonlyArray<RankedLogGroup>, scope: string | null): ReadonlyArray<Part> => {
  const open = chosen.filter((g) => !g.shared)
  const shared = scope === null ? [] : chosen.filter((g) => g.shared)
  return [
    ...(open.length > 0 ? [{ groups: open, scope: null }] : []),
    ...(shared.length > 0 ? [{ groups: shared, scope }] : []),
  ]
}

/** Run the parts at once. */
export const queryParts = (
  source: LogSourceService,
  parts: ReadonlyArray<Part>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<QueryPass>, LogSourceError> =>
  Effect.forEach(parts, (p) => queryPass(source, p.groups, range, answerByMs, p.scope), {
    concurrency: "unbounded",
  })

/** The distinct lines of some passes. */
export const linesOf = (passes: ReadonlyArray<QueryPass>): ReadonlyArray<LogLine> => {
  const seen = new Set<string>()
  return passes.flatMap((p) =>
    p.lines.flatMap(({ key, line }) => {
      if (seen.has(key)) return []
      seen.add(key)
      return [line]
    }),
  )
}

/** The signatures of some passes' lines together (those `keep` accepts: others were read as findings of their own). */
export const clustersOf = (
  passes: ReadonlyArray<QueryPass>,
  keep: (line: LogLine) => boolean = () => true,
): ReadonlyArray<LogCluster> => {
  const services = new Map(passes.flatMap((p) => [...p.services]))
  return clusterLogLines(linesOf(passes).filter(keep), (g) => services.get(g) ?? null)
}
