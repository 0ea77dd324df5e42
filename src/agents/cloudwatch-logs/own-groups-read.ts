/**
 * The alert's own log groups (its functions and services, not shared ones) read back further
 * than the incident window with one query: a function's or a daily job's last runs may be hours
 * before the alert. The sweeps that read them — Lambda timeouts, Lambda init failures, runs that
 * processed nothing — differ only in which of those groups, how far back and what they filter.
 */
import { Effect } from "effect"
import type { LogLine } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export interface OwnGroupsRead {
  readonly query: string
  /** How far before the window's end the read starts (the window's own start when earlier). */
  readonly lookbackMs: number
  readonly maxGroups: number
  /** Only Lambda functions' groups (`/aws/lambda/…`). */
  readonly lambdaOnly: boolean
}

/** The groups read, the span read (for a console link) and their lines; no groups, no query. */
export const readOwnGroups = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
  read: OwnGroupsRead,
): Effect.Effect<
  { readonly groups: ReadonlyArray<string>; readonly span: Range; readonly lines: ReadonlyArray<LogLine> },
  LogSourceError
> =>
  Effect.gen(function* () {
    const groups = ranked
      .filter((g) => !g.shared && (!read.lambdaOnly || /^\/aws\/lambda\//i.test(g.name)))
      .map((g) => g.name)
      .slice(0, read.maxGroups)
    const span = { startMs: Math.min(range.startMs, range.endMs - read.lookbackMs), endMs: range.endMs }
    if (groups.length === 0) return { groups, span, lines: [] }
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...span, query: read.query },
      answerByMs,
    )
    return { groups, span, lines: linesOf(outcome.rows, groups) }
  })
