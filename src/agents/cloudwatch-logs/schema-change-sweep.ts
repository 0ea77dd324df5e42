/**
 * A consumer's validation errors naming a field (log-schema-change.ts), read back to the producer
 * that changed it: the field's name is searched in the functions' and services' groups from a
 * while before the first rejection, so a producer logging its mapper or schema change ("ndc_code
 * -> ndc, emitting schema_version=3.1") is found though nothing links its name to the alert's.
 * The same read brings in the consumer's own group (a Step Functions task's Lambda, whose lines
 * carry the full error) when the pipeline's log was all the first pass found.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { logOrigin } from "../../domain/log-origin.js"
import { maxLeadMs, rejectionsOf, schemaChangesOf } from "../../domain/log-schema-change.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { groupNamesUnder } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

/** Where producers and consumers log: functions and container services (one page each). */
const prefixes = ["/aws/lambda/", "/ecs/", "/aws/ecs/"]
const pageSize = 50
/** Logs Insights reads at most 50 groups per query. */
const maxGroups = 50
const maxFields = 3

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

export const fieldQuery = (fields: ReadonlyArray<string>): string =>
  [
    "fields @timestamp, @message, @logStream, @log",
    `| filter @message like /${fields.map(escapeRegex).join("|")}/`,
    "| sort @timestamp desc",
    "| limit 1000",
  ].join("\n")

// A validation failure that may not name the field (a state machine's "240 validation errors for
// ClaimBatch"): the consumer's own group, read for its full errors, names it.
const validationWords =
  /validation ?errors?|validationerror|schema validation|failed validation|field required/i
/** How far a consumer's rejection may be from the failure it stands behind. */
const besideMs = 90_000

export const validationQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)validation ?error|field required|required property|unrecognized field|missing required/",
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

export const sweepSchemaChanges = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  read: ReadonlyArray<LogLine>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const failures = read.filter((l) => validationWords.test(l.message))
    if (failures.length === 0) return []
    const listed = yield* groupNamesUnder(
      source,
      prefixes.map((prefix) => ({ prefix })),
      pageSize,
      3,
    )
    const groups = [...new Set([...ranked.filter((g) => !g.shared).map((g) => g.name), ...listed])].slice(
      0,
      maxGroups,
    )
    // The rejections read, else those the consumers logged beside the failures read (the Lambda a
    // Step Functions task ran rejects the batch the second before the execution fails).
    const named = rejectionsOf(read)
    const beside =
      named.length > 0 || groups.length === 0
        ? []
        : linesOf(
            (yield* runInsightsQuery(
              source,
              { logGroups: groups, ...range, query: validationQuery },
              answerByMs,
            )).rows,
            groups,
          ).filter((l) => failures.some((f) => Math.abs(f.timestampMs - l.timestampMs) <= besideMs))
    const first = named.length > 0 ? named : rejectionsOf(beside)
    if (first.length === 0) return []
    const fields = first.map((r) => r.field).slice(0, maxFields)
    const earliest = Math.min(...first.map((r) => r.firstMs))
    const span = { startMs: Math.min(range.startMs, earliest - maxLeadMs), endMs: range.endMs }
    const query = fieldQuery(fields)
    const outcome = yield* runInsightsQuery(source, { logGroups: groups, ...span, query }, answerByMs)
    const seen = new Set<string>()
    const lines = [...read, ...beside, ...linesOf(outcome.rows, groups)].filter((l) => {
      const key = `${l.group}\u0000${l.timestampMs}\u0000${l.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    // The consumer's own group's lines join the pipeline's: its rejections start the clock.
    // The alert's own failing thing (the state machine, the API) the change is reported under: the
    // producer is named by nothing the alert says, the failure it caused is.
    const failed = failures[0]
    const subject =
      failed === undefined
        ? null
        : (ranked.find((g) => g.name === failed.group)?.service ??
          logOrigin(failed.group, failed.stream).service)
    return schemaChangesOf(rejectionsOf(lines), lines).map((c): Finding => {
      const lead = Math.round((c.rejection.firstMs - c.atMs) / 60_000)
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          `${subject === null || subject === c.consumer ? "" : `${subject}: `}upstream ${c.producer} changed field ${c.field} at ${utcHhmm(c.atMs)} UTC, ${lead} min before ` +
            `${c.consumer}'s schema validation errors on ${c.field} (${c.rejection.count} line(s))`,
        ),
        detail: redact(
          `${c.producer} logged "${clipText(c.line.trim(), 240)}" at ${utcHhmm(c.atMs)} UTC; from ` +
            `${utcHhmm(c.rejection.firstMs)} UTC ${c.consumer} rejected its input with validation errors naming ` +
            `${c.field} (${c.rejection.groups.join(", ")}). The producer's change of the field is the cause; the ` +
            "consumer's validation errors and the failures downstream of them are its effect. Roll the producer " +
            "back or teach the consumer the new schema.",
        ),
        severity: "high",
        kind: "producer_schema_change",
        observedAt: DateTime.unsafeMake(c.atMs),
        resource: `loggroup/${c.producerGroup}`,
        // The producer stays in the title: as the service, the change would fall out of the alert's scope.
        service: subject === null ? c.producer : null,
        link: source.consoleUrl({ logGroups: [c.producerGroup], query, ...span }),
        excerpt: redact(clipText(`${c.line.trim()}\n${c.rejection.example.trim()}`, 400)),
      }
    })
  })
