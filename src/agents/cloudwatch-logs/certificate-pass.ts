/**
 * A person's report whose words named nothing the logs know ("pay-run filings are stuck" reads
 * as a service `pay-run`): the shared groups narrowed to those words read no line at all, so the
 * report's failure is still unread. A certificate that expired fails every call at the handshake
 * while the pods look healthy — the one failure a report of stuck work most often hides, and one
 * whose words are few and specific (certificate-failure-lines.ts) — so the same shared groups are
 * read once more for those lines only. The services logging them are the report's subject.
 */
import { Effect } from "effect"
import type { AlertFacts } from "../../domain/alert-facts.js"
import { certificateFailureCondition } from "../../domain/certificate-failure-lines.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { logOrigin } from "../../domain/log-origin.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { type QueryPass, queryPass, type Range } from "./query-pass.js"

/**
 * The certificate pass over `shared` groups; none unless a person wrote the report, the passes
 * narrowed to its words read nothing, and they were not already narrowed to certificate lines.
 */
export const certificatePass = (
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
      scoped.some((p) => p.lines.length > 0 || p.scope === certificateFailureCondition)
    )
      return []
    const pass = yield* queryPass(source, shared, range, answerByMs, certificateFailureCondition)
    return pass.failed || pass.lines.length === 0 ? [] : [pass]
  })

/** The services (lower-case) whose lines a certificate pass read: the report's subject. */
export const certificateSubjects = (passes: ReadonlyArray<QueryPass>): ReadonlyArray<string> => [
  ...new Set(
    passes.flatMap((p) =>
      p.lines.flatMap(({ line }) => {
        const service = logOrigin(line.group, line.stream).service
        return service === null ? [] : [service.toLowerCase()]
      }),
    ),
  ),
]
