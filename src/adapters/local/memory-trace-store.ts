/**
 * The in-memory TraceStore twin (the demo, and every test that wants to see what an
 * investigation traced): one Ref, updated atomically, so concurrent appends all land. It
 * prepares data exactly like the durable stores (redacted JSON), so assertions on it are
 * assertions on what would be stored. `MemoryTraces` exposes the written headers and events;
 * `failWrites` makes every write fail (logged and counted) for fail-open tests of callers.
 */
import { Context, Effect, Layer, Option, Ref } from "effect"
import type { Platform } from "../../domain/platform.js"
import {
  messageIndexKey,
  newestFirst,
  type TraceEvent,
  type TraceHeader,
  traceEventOrder,
} from "../../domain/trace.js"
import {
  failOpen,
  prepareEvent,
  prepareHeader,
  type TraceEventInput,
  type TraceRecord,
  TraceStore,
  TraceStoreError,
  type TraceStoreService,
} from "../../ports/trace-store.js"

interface Entry {
  /** None until `begin`: like the durable stores, `read` needs the header. */
  readonly header: Option.Option<TraceHeader>
  /** In append order. */
  readonly events: ReadonlyArray<TraceEvent>
}

export interface MemoryTracesService {
  /** Every event written (after redaction), in append order; one investigation's when given. */
  readonly events: (investigationId?: string) => Effect.Effect<ReadonlyArray<TraceEvent>>
  /** Every header written by `begin`, in begin order. */
  readonly headers: Effect.Effect<ReadonlyArray<TraceHeader>>
}

export class MemoryTraces extends Context.Tag("sre-on-call/MemoryTraces")<
  MemoryTraces,
  MemoryTracesService
>() {}

export interface MemoryTraceStoreOptions {
  /** Every begin/append fails (and is swallowed, logged and counted like any write failure). */
  readonly failWrites?: boolean
}

const emptyEntry: Entry = { header: Option.none(), events: [] }

export const makeMemoryTraceStore = (
  options: MemoryTraceStoreOptions = {},
): Effect.Effect<{ readonly store: TraceStoreService; readonly traces: MemoryTracesService }> =>
  Effect.gen(function* () {
    // Map insertion order is begin/first-append order.
    const state = yield* Ref.make<ReadonlyMap<string, Entry>>(new Map())
    const update = (id: string, f: (entry: Entry) => Entry) =>
      Ref.update(state, (entries) => new Map(entries).set(id, f(entries.get(id) ?? emptyEntry)))

    const refuse = options.failWrites
      ? Effect.fail(
          new TraceStoreError({ reason: "unavailable", message: "memory trace store refuses writes" }),
        )
      : Effect.void

    const store: TraceStoreService = {
      begin: (header) =>
        Effect.gen(function* () {
          yield* refuse
          const stored = yield* prepareHeader(header)
          // the first begin fixes the header, as in the durable stores
          yield* update(stored.investigationId, (entry) =>
            Option.isSome(entry.header) ? entry : { ...entry, header: Option.some(stored) },
          )
        }).pipe(failOpen({ operation: "begin", investigationId: header.investigationId })),

      append: (header, input: TraceEventInput) =>
        Effect.gen(function* () {
          yield* refuse
          const stored = yield* prepareHeader(header)
          const event = yield* prepareEvent(stored, input)
          yield* update(stored.investigationId, (entry) => ({ ...entry, events: [...entry.events, event] }))
        }).pipe(failOpen({ operation: "append", investigationId: header.investigationId })),

      read: (investigationId) =>
        Effect.map(Ref.get(state), (entries) => {
          const entry = entries.get(investigationId)
          if (entry === undefined || Option.isNone(entry.header)) return Option.none<TraceRecord>()
          return Option.some<TraceRecord>({
            header: entry.header.value,
            events: [...entry.events].sort(traceEventOrder),
          })
        }),

      findByMessage: (platform: Platform, channel: string, messageId: string) =>
        Effect.map(Ref.get(state), (entries) => {
          const key = messageIndexKey(platform, channel, messageId)
          return [...entries.values()]
            .flatMap((entry) => (Option.isSome(entry.header) ? [entry.header.value] : []))
            .filter((h) => messageIndexKey(h.platform, h.channel, h.messageId) === key)
            .map(({ investigationId, startedAt }) => ({ investigationId, startedAt }))
            .sort(newestFirst)
        }),
    }

    const traces: MemoryTracesService = {
      events: (investigationId) =>
        Effect.map(Ref.get(state), (entries) =>
          investigationId === undefined
            ? [...entries.values()].flatMap((entry) => entry.events)
            : (entries.get(investigationId)?.events ?? []),
        ),
      headers: Effect.map(Ref.get(state), (entries) =>
        [...entries.values()].flatMap((entry) => (Option.isSome(entry.header) ? [entry.header.value] : [])),
      ),
    }
    return { store, traces }
  })

/** Both tags from one store: `TraceStore` for the code under test, `MemoryTraces` for the test. */
export const memoryTraceStoreLayer = (
  options: MemoryTraceStoreOptions = {},
): Layer.Layer<TraceStore | MemoryTraces> =>
  Layer.effectContext(
    Effect.map(makeMemoryTraceStore(options), ({ store, traces }) =>
      Context.make(TraceStore, store).pipe(Context.add(MemoryTraces, traces)),
    ),
  )
