/**
 * The in-memory twin: the shared contract, plus what other tests rely on — `MemoryTraces`
 * shows every written event (already redacted) and header, one investigation's or all, and
 * `failWrites` makes every write fail open, so callers can prove a trace never blocks them.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer, Option } from "effect"
import {
  MemoryTraces,
  makeMemoryTraceStore,
  memoryTraceStoreLayer,
} from "../../../src/adapters/local/memory-trace-store.js"
import { TraceStore } from "../../../src/ports/trace-store.js"
import { BEFORE_MIDNIGHT, failureCount, headerOf } from "../s3/trace-fixtures.js"
import { secrets } from "../s3/trace-secrets.js"
import { traceStoreContract } from "../s3/trace-store-contract.js"

traceStoreContract({
  name: "memory",
  shared: Layer.empty,
  fresh: Effect.map(makeMemoryTraceStore(), ({ store }) => ({ store })),
  broken: Effect.map(makeMemoryTraceStore({ failWrites: true }), ({ store }) => store),
})

describe("memory trace store", () => {
  it.effect("MemoryTraces exposes the redacted events, per investigation or all, and the headers", () =>
    Effect.gen(function* () {
      const store = yield* TraceStore
      const traces = yield* MemoryTraces
      const at = DateTime.unsafeMake(BEFORE_MIDNIGHT)
      const a = headerOf("inv-a", at)
      const b = headerOf("inv-b", at, "2")
      yield* store.begin(a)
      yield* store.append(a, {
        investigationId: "inv-a",
        seq: 0,
        at,
        step: "plan",
        data: { password: secrets.jsonPassword },
      })
      // an append without begin is still visible to the test, but not readable (no header, as in S3)
      yield* store.append(b, { investigationId: "inv-b", seq: 0, at, step: "dispatch", data: null })
      yield* store.append(a, { investigationId: "inv-a", seq: 1, at, step: "report", data: "done" })

      expect((yield* traces.events("inv-a")).map((e) => [e.seq, e.step, e.data])).toEqual([
        [0, "plan", { password: "[REDACTED]" }],
        [1, "report", "done"],
      ])
      expect((yield* traces.events()).map((e) => e.investigationId)).toEqual(["inv-a", "inv-a", "inv-b"])
      expect(yield* traces.events("inv-none")).toEqual([])
      expect((yield* traces.headers).map((h) => h.investigationId)).toEqual(["inv-a"])
      expect(Option.isNone(yield* store.read("inv-b"))).toBe(true)
    }).pipe(Effect.provide(memoryTraceStoreLayer())),
  )

  it.effect("failWrites: nothing is stored, nothing fails, every write is counted", () =>
    Effect.gen(function* () {
      const store = yield* TraceStore
      const traces = yield* MemoryTraces
      const before = yield* failureCount
      const header = headerOf("inv-fail", DateTime.unsafeMake(BEFORE_MIDNIGHT))
      yield* store.begin(header)
      yield* store.append(header, {
        investigationId: "inv-fail",
        seq: 0,
        at: header.startedAt,
        step: "plan",
        data: {},
      })
      expect((yield* failureCount) - before).toBe(2)
      expect(yield* traces.events()).toEqual([])
      expect(yield* traces.headers).toEqual([])
    }).pipe(Effect.provide(memoryTraceStoreLayer({ failWrites: true }))),
  )
})
