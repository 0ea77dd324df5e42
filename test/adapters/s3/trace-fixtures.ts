/**
 * Fixtures shared by the TraceStore tests: the harness types, a header and events of every
 * step (stamped from Clock, so TestClock decides the day), instants around midnight, encoded
 * records for exact comparisons, and the fail-open counter's current value.
 */
import { DateTime, Effect, type Layer, Metric, Schema } from "effect"
import {
  TraceEvent,
  type TraceHeader,
  TraceHeader as TraceHeaderSchema,
  TraceStep,
} from "../../../src/domain/trace.js"
import {
  type TraceEventInput,
  type TraceRecord,
  type TraceStoreService,
  traceWriteFailures,
} from "../../../src/ports/trace-store.js"

export interface StoredObject {
  /** The S3 key, or the path relative to the store's directory. */
  readonly key: string
  readonly text: string
}

export interface TraceStoreUnderTest {
  readonly store: TraceStoreService
  /** Everything the store wrote, raw (absent for the memory twin). */
  readonly stored?: Effect.Effect<ReadonlyArray<StoredObject>>
}

export interface TraceStoreHarness<R, E> {
  readonly name: string
  /** Built once for the suite (servers); `Layer.empty` when nothing is shared. */
  readonly shared: Layer.Layer<R, E>
  /** A fresh, empty store for one test. */
  readonly fresh: Effect.Effect<TraceStoreUnderTest, never, R>
  /** A store whose every write fails (no bucket, no table, an unwritable directory…). */
  readonly broken: Effect.Effect<TraceStoreService, never, R>
}

/** 2025-03-31T23:59:50Z: ten seconds before midnight. */
export const BEFORE_MIDNIGHT = Date.UTC(2025, 2, 31, 23, 59, 50)

export const headerOf = (investigationId: string, startedAt: DateTime.Utc, messageId = "1711929590.000100") =>
  ({
    investigationId,
    startedAt,
    platform: "slack",
    channel: "C0ALERTS",
    messageId,
    dedupKey: `slack#C0ALERTS#${messageId}`,
  }) satisfies TraceHeader

/** One event per step, numbered from `from`, stamped with the clock's time. */
export const eventsOfEveryStep = (investigationId: string, from = 0) =>
  Effect.forEach(TraceStep.literals, (step, i) =>
    Effect.map(
      DateTime.now,
      (at): TraceEventInput => ({
        investigationId,
        seq: from + i,
        at,
        step,
        data: { step, n: i, nested: { list: [1, "two", null, true] }, note: `step ${step}` },
      }),
    ),
  )

export const encodeRecord = (record: TraceRecord) => ({
  header: Schema.encodeSync(TraceHeaderSchema)(record.header),
  events: record.events.map((e) => Schema.encodeSync(TraceEvent)(e)),
})

export const failureCount = Effect.map(Metric.value(traceWriteFailures), (state) => state.count)
