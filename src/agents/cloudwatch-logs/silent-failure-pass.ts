/**
 * A person's report whose words named nothing the logs know ("pay-run filings are stuck" reads
 * as a service `pay-run`): the shared groups narrowed to those words read no line at all, so the
 * report's failure is still unread. A certificate that expired, or a credential refused (a
 * rotated database password, an expired client secret), fails every call while the pods look
 * healthy — the failures a report of stuck work most often hides, and ones whose words are few
 * and specific (certificate-failure-lines.ts, credential-failure-lines.ts) — so the same shared
 * groups are read once more for those lines only, and so are the databases' own logs: a refused
 * login is recorded by the server even when the client logs only "database unavailable". The
 * services logging them are the report's subject.
 */
import { Effect } from "effect"
import type { AlertFacts } from "../../domain/alert-facts.js"
import { databaseRefusalCondition, silentFailureCondition } from "../../domain/credential-failure-lines.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { logOrigin } from "../../domain/log-origin.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { groupNamesUnder } from "./group-names.js"
import { type QueryPass, queryPass, type Range } from "./query-pass.js"

/** The managed databases' log groups (RDS instances and Aurora clusters), read at most this many. */
const databaseSearches = [{ prefix: "/aws/rds/instance/" }, { prefix: "/aws/rds/cluster/" }]
const maxDatabaseGroups = 3

/** The databases' log groups in the region (one page each); none when the search fails. */
const databaseGroups = (source: LogSourceService): Effect.Effect<ReadonlyArray<RankedLogGroup>> =>
  groupNamesUnder(source, databaseSearches, 20, 1).pipe(
    Effect.map((found) =>
      found.slice(0, maxDatabaseGroups).map(
        (name): RankedLogGroup => ({
          name,
          score: 0,
          reason: "a database's own log (refused logins)",
          service: null,
          shared: false,
        }),
      ),
    ),
  )

/**
 * The silent-failure pass over `shared` groups and the databases' logs; none unless a person
 * wrote the report, the passes narrowed to its words read nothing, and they were not already
 * narrowed to these lines.
 */
export const silentFailurePass = (
  source: LogSourceService,
  facts: AlertFacts,
  shared: ReadonlyArray<RankedLogGroup>,
  scoped: ReadonlyArray<QueryPass>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<QueryPass>, LogSourceError> =>
  Effect.gen(function* () {
    if (
      facts.source !== "human" ||
      shared.length === 0 ||
      scoped.length === 0 ||
      scoped.some((p) => p.lines.length > 0)
    )
      return []
    // Shared groups already read for these lines (a report naming nothing): the databases only.
    const read = scoped.some((p) => p.scope === silentFailureCondition)
    const databases = yield* databaseGroups(source)
    const groups = [
      ...(read ? [] : shared),
      ...databases.filter((d) => !shared.some((g) => g.name === d.name)),
    ]
    if (groups.length === 0) return []
    const pass = yield* queryPass(source, groups, range, answerByMs, silentFailureCondition)
    return pass.failed || pass.lines.length === 0 ? [] : [pass]
  })

/** The services (lower-case) whose lines a silent-failure pass read: the report's subject. */
export const silentFailureSubjects = (passes: ReadonlyArray<QueryPass>): ReadonlyArray<string> => [
  ...new Set(
    passes.flatMap((p) =>
      p.lines.flatMap(({ line }) => {
        const service = logOrigin(line.group, line.stream).service
        return service === null ? [] : [service.toLowerCase()]
      }),
    ),
  ),
]

/**
 * An alert's service that logged no line of its own in what was read (its logs are elsewhere, or
 * it only times out): the databases' own logs are read for refused connections and logins, since
 * a database out of connection slots records the refusal even when its clients log nothing here.
 * None when the alert names no service or its own lines were read.
 */
export const databaseRefusalPass = (
  source: LogSourceService,
  names: ReadonlyArray<string>,
  read: ReadonlyArray<QueryPass>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<QueryPass>, LogSourceError> =>
  Effect.gen(function* () {
    const own = new Set(names.map((n) => n.toLowerCase()))
    if (own.size === 0) return []
    const spoke = read.some((p) =>
      p.lines.some(({ line }) => {
        const service = logOrigin(line.group, line.stream).service
        return service !== null && own.has(service.toLowerCase())
      }),
    )
    if (spoke) return []
    const databases = (yield* databaseGroups(source)).filter(
      (d) => !read.some((p) => p.groups.includes(d.name)),
    )
    if (databases.length === 0) return []
    const pass = yield* queryPass(source, databases, range, answerByMs, databaseRefusalCondition)
    return pass.failed || pass.lines.length === 0 ? [] : [pass]
  })
