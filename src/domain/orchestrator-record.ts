/**
 * After the report: remember the incident, so the next similar alert finds it. The record
 * carries the facts, the top causes and the thread link — always a link: the platform's
 * permalink of the report when it answers in time, else one built from the ids. Fail-open: a
 * failed or slow write is logged and counted (`incidentRecordFailures`), never fails or holds the
 * report; a deployment without a store skips it quietly.
 */
import { Cause, DateTime, Duration, Effect, Metric } from "effect"
import type { ChatPlatformsService } from "../ports/chat-platform.js"
import { IncidentStoreError, type IncidentStoreService } from "../ports/incident-store.js"
import type { AgentTask } from "./agent-task.js"
import type { MessageRef } from "./dedup.js"
import { alertRefOf, fallbackThreadLink, recordOfReport } from "./incident-record.js"
import type { IncidentReport } from "./incident-report.js"
import { redact } from "./redact.js"

/** Incident records that failed (and were swallowed). Read with `Metric.value(incidentRecordFailures)`. */
export const incidentRecordFailures = Metric.counter("incident_record_failures", {
  description: "finished investigations whose incident record could not be written",
  incremental: true,
})

export interface RecorderOptions {
  readonly incidents: IncidentStoreService
  readonly chats: ChatPlatformsService
  readonly task: AgentTask
  /** Per call: the permalink lookup, then the write (default 5 s). */
  readonly timeoutMs?: number
}

/** The report's thread: the permalink of the report message, else a link built from the ids. */
const threadLink = (options: RecorderOptions, posted: ReadonlyArray<MessageRef>) => {
  const { task, chats } = options
  const alert = alertRefOf(task)
  const first = posted[0]
  const built =
    first !== undefined && alert.platform === "discord"
      ? fallbackThreadLink(
          { ...alert, channel: first.channel, messageId: first.messageId, threadId: null },
          task.alert.workspace,
        )
      : fallbackThreadLink(alert, task.alert.workspace)
  if (first === undefined) return Effect.succeed(built)
  return chats[alert.platform].permalink(first, task.alert.workspace).pipe(
    Effect.timeout(Duration.millis(options.timeoutMs ?? 5_000)),
    Effect.filterOrFail((url) => /^https?:\/\/\S+$/.test(url)),
    Effect.orElseSucceed(() => built),
  )
}

export const makeRecorder =
  (options: RecorderOptions) =>
  (report: IncidentReport, posted: ReadonlyArray<MessageRef>): Effect.Effect<void> =>
    Effect.gen(function* () {
      const link = yield* threadLink(options, posted)
      const record = recordOfReport(options.task, report, link, yield* DateTime.now)
      yield* options.incidents.record(record).pipe(
        Effect.timeoutFail({
          duration: Duration.millis(options.timeoutMs ?? 5_000),
          onTimeout: () =>
            new IncidentStoreError({ reason: "unavailable", message: "incident record timed out" }),
        }),
      )
    }).pipe(
      Effect.catchAllCause((cause) => {
        if (Cause.isInterruptedOnly(cause)) return Effect.void
        const error = Cause.squash(cause)
        if (error instanceof IncidentStoreError && error.reason === "not_configured")
          return Effect.logDebug("no incident store: the incident is not remembered")
        return Metric.increment(incidentRecordFailures).pipe(
          Effect.zipRight(
            Effect.logWarning("could not record the incident; the report stands", {
              investigationId: options.task.investigationId,
              error: redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
            }),
          ),
        )
      }),
      Effect.withSpan("Orchestrator.recordIncident"),
    )
