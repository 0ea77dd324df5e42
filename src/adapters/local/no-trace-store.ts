/**
 * Tracing switched off (no bucket/table configured): writes are dropped, reads find nothing.
 * Chosen explicitly by the composition root, so "off" is a decision, not a failure to count.
 */
import { Effect, Layer, Option } from "effect"
import { TraceStore } from "../../ports/trace-store.js"

export const noTraceStoreLayer = Layer.succeed(
  TraceStore,
  TraceStore.of({
    begin: () => Effect.void,
    append: () => Effect.void,
    read: () => Effect.succeed(Option.none()),
    findByMessage: () => Effect.succeed([]),
  }),
)
