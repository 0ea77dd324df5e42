/**
 * The records a failing Lambda consumer took: its failure lines ("Invoke Error {TypeError …}")
 * carry only the invocation's request id, while the message id and receive count are on the
 * INFO line where it took the record — a line no error query reads. When a function failed
 * several times under request ids, its group is read again for lines stating a message id, so
 * a poison message (log-invocation-message.ts, message-redelivery.ts) shows as one.
 */
import { Effect } from "effect"
import type { LogLine } from "../../domain/log-clusters.js"
import { withInvocationMessage } from "../../domain/log-invocation-message.js"
import { lambdaRequestIdOf } from "../../domain/log-lambda-prefix.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const maxGroups = 4
// Failing invocations a group needs before its records are worth reading: a poison message fails
// at each delivery, so fewer than this is no redelivery (message-redelivery.ts `minFailures`).
const minFailingInvocations = 3

export const messageIdQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)message[_-]?id|msg[_-]?id/",
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

/** The failing lines with the message their invocation took (unchanged when none is found). */
export const sweepInvocationMessages = (
  source: LogSourceService,
  failures: ReadonlyArray<LogLine>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<LogLine>, LogSourceError> =>
  Effect.gen(function* () {
    const invocations = new Map<string, Set<string>>()
    for (const line of failures) {
      const request = lambdaRequestIdOf(line.message)
      if (request === null) continue
      invocations.set(line.group, (invocations.get(line.group) ?? new Set()).add(request))
    }
    const groups = [...invocations.entries()]
      .filter(([, requests]) => requests.size >= minFailingInvocations)
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, maxGroups)
      .map(([group]) => group)
    if (groups.length === 0) return failures
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: messageIdQuery },
      answerByMs,
    )
    return withInvocationMessage(failures, linesOf(outcome.rows, groups))
  })
