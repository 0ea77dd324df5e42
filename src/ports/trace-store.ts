/**
 * The append-only investigation archive: a header per investigation (indexed by the alert
 * message) and its events, for post-mortems. Writes are FAIL-OPEN: `begin` and `append` never
 * fail — a failure is logged at warning (with the investigation id, never the data) and
 * counted in `trace_write_failures` — because a trace must never block or fail a report.
 * Reads (`read`, `findByMessage`) do fail with `TraceStoreError`: their callers are tools.
 *
 * The writer numbers its events (`seq`) and stamps them from Clock (`at`); the store files
 * each one under the START date of the investigation's first header, one object per event
 * (concurrent appends never overwrite each other), and redacts the data (`toTraceData`)
 * before it is written anywhere. A write gives up after a timeout (default 5 s).
 */
import {
  Cause,
  Context,
  type DateTime,
  Duration,
  Effect,
  Metric,
  type Option,
  type ParseResult,
  Schema,
} from "effect"
import type { Platform } from "../domain/platform.js"
import { redact } from "../domain/redact.js"
import { redactHeader, type TraceEvent, TraceHeader, type TraceStep, toTraceData } from "../domain/trace.js"

export class TraceStoreError extends Schema.TaggedError<TraceStoreError>()("TraceStoreError", {
  reason: Schema.Literal("unavailable", "corrupt"),
  message: Schema.String,
  cause: Schema.optional(Schema.Defect),
}) {}

/** What a caller appends: a TraceEvent whose data is any JSON-able value (redacted on write). */
export interface TraceEventInput {
  readonly investigationId: string
  /** Per investigation, increasing in the order this writer appends (the caller counts). */
  readonly seq: number
  readonly at: DateTime.Utc
  readonly step: TraceStep
  readonly data: unknown
}

export interface TraceRecord {
  readonly header: TraceHeader
  /** By time, then seq (`traceEventOrder`): several writers each number their own. */
  readonly events: ReadonlyArray<TraceEvent>
}

export interface TraceMatch {
  readonly investigationId: string
  readonly startedAt: DateTime.Utc
}

export interface TraceStoreService {
  /**
   * Write the header and the index entries (by investigation, by message). The FIRST begin of
   * an investigation fixes its header, so its start date (and partition) is one for every
   * writer; a later begin with another header changes nothing. Never fails.
   */
  readonly begin: (header: TraceHeader) => Effect.Effect<void>
  /** Write one event under the partition of the investigation's fixed header. Never fails. */
  readonly append: (header: TraceHeader, event: TraceEventInput) => Effect.Effect<void>
  readonly read: (investigationId: string) => Effect.Effect<Option.Option<TraceRecord>, TraceStoreError>
  /** Every investigation of one message, newest first. */
  readonly findByMessage: (
    platform: Platform,
    channel: string,
    messageId: string,
  ) => Effect.Effect<ReadonlyArray<TraceMatch>, TraceStoreError>
}

export class TraceStore extends Context.Tag("sre-on-call/TraceStore")<TraceStore, TraceStoreService>() {}

/** Trace writes that failed (and were swallowed). Read with `Metric.value(traceWriteFailures)`. */
export const traceWriteFailures = Metric.counter("trace_write_failures", {
  description: "trace writes (begin/append) that failed and were dropped",
  incremental: true,
})

const describeCause = (cause: Cause.Cause<unknown>): string => {
  const error = Cause.squash(cause)
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

export interface FailOpenOptions {
  readonly operation: "begin" | "append"
  readonly investigationId: string
  /** Give up after this long (default 5 s): a hung store must not hold a report either. */
  readonly timeoutMs?: number
}

/** Run a trace write so that it cannot fail: failures and defects are logged and counted. */
export const failOpen =
  (options: FailOpenOptions) =>
  <E, R>(write: Effect.Effect<void, E, R>): Effect.Effect<void, never, R> =>
    write.pipe(
      Effect.timeoutFail({
        duration: Duration.millis(options.timeoutMs ?? 5_000),
        onTimeout: () => new TraceStoreError({ reason: "unavailable", message: "trace write timed out" }),
      }),
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.void
          : Metric.increment(traceWriteFailures).pipe(
              Effect.zipRight(
                Effect.logWarning("trace write failed; the investigation continues without it", {
                  investigationId: options.investigationId,
                  operation: options.operation,
                  error: redact(describeCause(cause)),
                }),
              ),
            ),
      ),
    )

/** The header as stored: checked (the id becomes a path segment) and redacted. */
export const prepareHeader = (header: TraceHeader): Effect.Effect<TraceHeader, ParseResult.ParseError> =>
  Effect.map(Schema.validate(TraceHeader)(header), redactHeader)

/** The event as stored: for this header's investigation, its data made JSON and redacted. */
export const prepareEvent = (
  header: TraceHeader,
  input: TraceEventInput,
): Effect.Effect<TraceEvent, TraceStoreError | Cause.UnknownException> =>
  input.investigationId === header.investigationId
    ? Effect.map(
        Effect.try(() => toTraceData(input.data)),
        (data) => ({ ...input, data }),
      )
    : Effect.fail(
        new TraceStoreError({
          reason: "corrupt",
          message: `event of ${input.investigationId} appended under the header of ${header.investigationId}`,
        }),
      )

/**
 * The fixed header of the investigations this store instance has seen (least recently used
 * forgotten beyond `capacity`; a forgotten one is looked up again), so appends land under the
 * partition of the first begin even when a later writer's header carries another start.
 */
export interface HeaderCache {
  readonly get: (investigationId: string) => TraceHeader | undefined
  readonly set: (header: TraceHeader) => void
}

export const makeHeaderCache = (capacity = 1_000): HeaderCache => {
  const headers = new Map<string, TraceHeader>()
  return {
    get: (investigationId) => {
      const header = headers.get(investigationId)
      if (header !== undefined) {
        headers.delete(investigationId)
        headers.set(investigationId, header)
      }
      return header
    },
    set: (header) => {
      headers.delete(header.investigationId)
      headers.set(header.investigationId, header)
      for (const oldest of headers.keys()) {
        if (headers.size <= capacity) break
        headers.delete(oldest)
      }
    },
  }
}

/** Tracing switched off (no bucket/table configured): writes vanish, reads find nothing. */
export const offTraceStore: TraceStoreService = {
  begin: () => Effect.void,
  append: () => Effect.void,
  read: () => Effect.succeedNone,
  findByMessage: () => Effect.succeed([]),
}
