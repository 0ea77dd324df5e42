/**
 * A shared group (a cluster's application logs) read for an alarm's resource when no line names
 * it. An alarm on a queue's age names the queue (`wms-scan-events-prod.fifo`), and its consumer
 * (`scan-events-consumer`) logs its own failures without ever writing the queue's name, so the
 * pass narrowed to the alert's names reads nothing. Then the same groups are read once unscoped,
 * and only the lines of the resource's users are kept: a workload named with the resource's words
 * as its consumer or kin (log-group-kin.ts), or one whose AWS error names the resource
 * (aws-resource-user.ts). Everyone else's errors in the group stay unread, as before.
 */
import { Effect } from "effect"
import type { AlertFacts } from "../../domain/alert-facts.js"
import { alertResourceKind, alertResourceNames, isCallOnResource } from "../../domain/aws-resource-user.js"
import type { LogLine } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { isConsumerKin, isKin, kinSearches } from "../../domain/log-group-kin.js"
import { logOrigin, serviceOfGroup } from "../../domain/log-origin.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { scopeCondition } from "./error-query.js"
import { groupNamesUnder } from "./group-names.js"
import { type QueryPass, queryPass, type Range } from "./query-pass.js"

/** Whether a line is one of a user of the resource `names` name (see the module header). */
export const isResourceUserLine = (line: LogLine, names: ReadonlyArray<string>): boolean => {
  const owner = logOrigin(line.group, line.stream).service?.toLowerCase() ?? null
  if (owner !== null && names.some((n) => isKin(owner, n) || isConsumerKin(owner, n))) return true
  return owner !== null && isCallOnResource(line.message, names)
}

/**
 * The unscoped pass over `shared` groups, its lines narrowed to the resource's users; none when
 * the scoped passes read any line (the alert's names were found) or the alert names nothing.
 */
export const resourceUserPass = (
  source: LogSourceService,
  facts: AlertFacts,
  names: ReadonlyArray<string>,
  shared: ReadonlyArray<RankedLogGroup>,
  scoped: ReadonlyArray<QueryPass>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<QueryPass>, LogSourceError> =>
  Effect.gen(function* () {
    const resource = [...new Set([...names.map((n) => n.toLowerCase()), ...alertResourceNames(facts)])]
    if (shared.length === 0 || resource.length === 0 || scoped.some((p) => p.lines.length > 0)) return []
    const pass = yield* queryPass(source, shared, range, answerByMs)
    if (pass.failed) return []
    const lines = pass.lines.filter((k) => isResourceUserLine(k.line, resource))
    return lines.length === 0 ? [] : [{ ...pass, lines }]
  })

/** Callers' groups queried at most (one Logs Insights query). */
export const maxCallerGroups = 20

// A cluster's shared groups are read for the resource's users above, never here.
const clusterGroup = /^\/aws\/containerinsights\/|^\/aws\/eks\//

/**
 * An alarm on an AWS resource whose own groups logged no error (a Lambda's throttled invocations
 * never run, so never reach its log group): the groups named with the resource's words (another
 * function of the same product, `invoice-batch-dispatcher` for `invoice-pdf-renderer`) and the
 * account's Lambda groups, at most `maxCallerGroups` in one query, read for lines naming the
 * resource; only their calls on it that AWS refused are kept.
 */
export const resourceCallerPass = (
  source: LogSourceService,
  facts: AlertFacts,
  names: ReadonlyArray<string>,
  scanned: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<QueryPass>, LogSourceError> =>
  Effect.gen(function* () {
    const resource = [...new Set([...names.map((n) => n.toLowerCase()), ...alertResourceNames(facts)])]
    const condition = scopeCondition(resource, null)
    if (alertResourceKind(facts) === null || resource.length === 0 || condition === null) return []
    // Groups named with its words first, then the account's functions (callers are often Lambdas).
    const searches = [...kinSearches(resource).map((s) => ({ pattern: s.value })), { prefix: "/aws/lambda/" }]
    const found = yield* groupNamesUnder(source, searches, 50, 4)
    const groups = [...new Set(found)]
      .filter((g) => !scanned.includes(g) && !clusterGroup.test(g))
      .slice(0, maxCallerGroups)
    if (groups.length === 0) return []
    const ranked: ReadonlyArray<RankedLogGroup> = groups.map((name) => ({
      name,
      score: 1,
      reason: "named with the alert's resource's words",
      service: serviceOfGroup(name),
      shared: true,
    }))
    const pass = yield* queryPass(source, ranked, range, answerByMs, condition)
    if (pass.failed) return []
    const lines = pass.lines.filter((k) => isCallOnResource(k.line.message, resource))
    return lines.length === 0 ? [] : [{ ...pass, lines }]
  })
