/**
 * A person's report whose words no line holds ("Book a visit spins then fails") and that no
 * silent failure explains (no refused certificate or credential): the failing workload still
 * logged its errors, in the cluster's shared application group, under a name the report never
 * says. So the shared groups are read once more with the whole error query, as for a named
 * service, and the signatures ranked as usual: the fresh ERROR burst leads, WARN and INFO lines
 * (a cache client reconnecting) stay low, and an old crash loop's lines are background to the
 * cause inference (causes-background.ts). Only a burst is read so: a workload that logged one
 * line in the window (a crash loop's single attempt since its last back-off, a mailer's one
 * refused send) is no failure a wave of reports stands for, and with no name to match it would
 * otherwise be the report's subject. The services logging a burst are the report's subject.
 */
import { Effect } from "effect"
import type { AlertFacts } from "../../domain/alert-facts.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { logOrigin } from "../../domain/log-origin.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { type KeyedLine, type QueryPass, queryPass, type Range } from "./query-pass.js"

/** The fewest lines a workload logs in the window for its errors to be a burst (see above). */
export const minBurstLines = 3

const serviceOf = (l: KeyedLine): string | null => logOrigin(l.line.group, l.line.stream).service

/** The pass's lines of the workloads that logged a burst; the rest are dropped. */
const burstsOf = (pass: QueryPass): QueryPass => {
  const counts = new Map<string, number>()
  for (const l of pass.lines) {
    const service = serviceOf(l)
    if (service !== null) counts.set(service, (counts.get(service) ?? 0) + 1)
  }
  const lines = pass.lines.filter((l) => (counts.get(serviceOf(l) ?? "") ?? 0) >= minBurstLines)
  return { ...pass, lines }
}

/**
 * The unscoped error pass over `shared` groups; none unless a person wrote the report, every
 * pass before it (narrowed to its words, the silent failures) read no line, and it names no
 * namespace (whose own groups were read whole already).
 */
export const reportErrorPass = (
  source: LogSourceService,
  facts: AlertFacts,
  shared: ReadonlyArray<RankedLogGroup>,
  before: ReadonlyArray<QueryPass>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<QueryPass>, LogSourceError> =>
  Effect.gen(function* () {
    if (facts.source !== "human" || facts.namespace !== null || shared.length === 0) return []
    if (before.some((p) => p.lines.length > 0)) return []
    const pass = yield* queryPass(source, shared, range, answerByMs, null)
    if (pass.failed) return []
    const bursts = burstsOf(pass)
    return bursts.lines.length === 0 ? [] : [bursts]
  })
