/**
 * The TraceStore contract, shared by every adapter (memory, file, S3 + DynamoDB on s3rver +
 * dynalite): the same writes must read back the same, lookups by message come newest first,
 * an investigation crossing midnight stays under its start date, concurrent appends all land,
 * no secret survives into what is stored, and a broken store never fails a write (it logs a
 * warning, without secrets, and counts the failure). Time comes from TestClock.
 */
import { expect, layer } from "@effect/vitest"
import { DateTime, Effect, Option, Schema, TestClock } from "effect"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import { TraceHeader, TraceStep } from "../../../src/domain/trace.js"
import {
  BEFORE_MIDNIGHT,
  encodeRecord,
  eventsOfEveryStep,
  failureCount,
  headerOf,
  type TraceStoreHarness,
} from "./trace-fixtures.js"
import { secretCorpus, secretValues } from "./trace-secrets.js"

export const traceStoreContract = <R, E>(harness: TraceStoreHarness<R, E>): void => {
  layer(harness.shared)(`TraceStore contract: ${harness.name}`, (it) => {
    it.effect("begin + an event of every step read back as written; an unknown id reads as none", () =>
      Effect.gen(function* () {
        const { store } = yield* harness.fresh
        yield* TestClock.setTime(BEFORE_MIDNIGHT)
        const header = headerOf("inv-roundtrip", yield* DateTime.now)
        yield* store.begin(header)
        const events = yield* eventsOfEveryStep(header.investigationId)
        for (const event of events) yield* store.append(header, event)

        const record = yield* store.read(header.investigationId)
        expect(Option.map(record, encodeRecord)).toEqual(
          Option.some({
            header: Schema.encodeSync(TraceHeader)(header),
            events: events.map((e) => ({ ...e, at: DateTime.formatIso(e.at) })),
          }),
        )
        expect(Option.getOrThrow(record).events.map((e) => e.step)).toEqual(TraceStep.literals)
        expect(yield* store.read("inv-unknown")).toEqual(Option.none())
        expect(yield* store.read("../inv-roundtrip")).toEqual(Option.none())
      }),
    )

    it.effect("findByMessage lists every investigation of that message, newest first, and only those", () =>
      Effect.gen(function* () {
        const { store } = yield* harness.fresh
        const at = (ms: number) => DateTime.unsafeMake(BEFORE_MIDNIGHT + ms)
        // begun out of order; two on the same instant are ordered by id, descending
        yield* store.begin(headerOf("inv-b", at(60_000)))
        yield* store.begin(headerOf("inv-a", at(0)))
        yield* store.begin(headerOf("inv-d", at(120_000)))
        yield* store.begin(headerOf("inv-c", at(120_000)))
        yield* store.begin(headerOf("inv-other", at(180_000), "1711929999.000200"))

        const found = yield* store.findByMessage("slack", "C0ALERTS", "1711929590.000100")
        expect(found.map((m) => [m.investigationId, DateTime.formatIso(m.startedAt)])).toEqual([
          ["inv-d", "2025-04-01T00:01:50.000Z"],
          ["inv-c", "2025-04-01T00:01:50.000Z"],
          ["inv-b", "2025-04-01T00:00:50.000Z"],
          ["inv-a", "2025-03-31T23:59:50.000Z"],
        ])
        expect(yield* store.findByMessage("discord", "C0ALERTS", "1711929590.000100")).toEqual([])
        expect(yield* store.findByMessage("slack", "C0ALERTS", "nope")).toEqual([])
      }),
    )

    it.effect("an investigation crossing midnight stays under its start date", () =>
      Effect.gen(function* () {
        const { store, stored } = yield* harness.fresh
        yield* TestClock.setTime(BEFORE_MIDNIGHT)
        const header = headerOf("inv-midnight", yield* DateTime.now)
        yield* store.begin(header)
        yield* store.append(header, {
          investigationId: header.investigationId,
          seq: 0,
          at: yield* DateTime.now,
          step: "plan",
          data: {},
        })
        yield* TestClock.adjust("20 seconds") // 00:00:10 the next day
        const late = yield* eventsOfEveryStep(header.investigationId, 1)
        for (const event of late) yield* store.append(header, event)

        const record = Option.getOrThrow(yield* store.read(header.investigationId))
        expect(record.events).toHaveLength(late.length + 1)
        expect(DateTime.formatIso(record.events.at(-1)?.at ?? header.startedAt)).toBe(
          "2025-04-01T00:00:10.000Z",
        )
        if (stored !== undefined) {
          const keys = (yield* stored).map((o) => o.key).filter((k) => k.startsWith("traces/"))
          expect(keys).toHaveLength(late.length + 2) // events + header.json
          for (const key of keys)
            expect(key).toMatch(/^traces\/dt=2025-03-31\/investigation_id=inv-midnight\//)
        }
      }),
    )

    it.effect(
      "the first begin fixes the header: a later writer's header with another start files under the first",
      () =>
        Effect.gen(function* () {
          const { store, stored } = yield* harness.fresh
          yield* TestClock.setTime(BEFORE_MIDNIGHT)
          const first = headerOf("inv-writers", yield* DateTime.now) // intake/dispatch
          yield* store.begin(first)
          yield* store.append(first, {
            investigationId: "inv-writers",
            seq: 0,
            at: yield* DateTime.now,
            step: "dispatch",
            data: 0,
          })
          yield* TestClock.adjust("20 seconds")
          const later = headerOf("inv-writers", yield* DateTime.now) // the master's own clock, after midnight
          yield* store.begin(later)
          yield* store.append(later, {
            investigationId: "inv-writers",
            seq: 10,
            at: yield* DateTime.now,
            step: "plan",
            data: 10,
          })

          const record = Option.getOrThrow(yield* store.read("inv-writers"))
          expect(DateTime.formatIso(record.header.startedAt)).toBe("2025-03-31T23:59:50.000Z")
          expect(record.events.map((e) => [e.seq, e.step])).toEqual([
            [0, "dispatch"],
            [10, "plan"],
          ])
          const found = yield* store.findByMessage("slack", "C0ALERTS", first.messageId)
          expect(found.map((m) => [m.investigationId, DateTime.formatIso(m.startedAt)])).toEqual([
            ["inv-writers", "2025-03-31T23:59:50.000Z"],
          ])
          if (stored !== undefined) {
            const keys = (yield* stored).map((o) => o.key).filter((k) => k.startsWith("traces/"))
            expect(keys).toHaveLength(3)
            for (const key of keys)
              expect(key).toMatch(/^traces\/dt=2025-03-31\/investigation_id=inv-writers\//)
          }
        }),
    )

    it.effect("concurrent appends of one investigation keep every event", () =>
      Effect.gen(function* () {
        const { store } = yield* harness.fresh
        const header = headerOf("inv-concurrent", yield* DateTime.now)
        yield* store.begin(header)
        const at = yield* DateTime.now
        yield* Effect.forEach(
          Array.from({ length: 40 }, (_, seq) => seq),
          (seq) =>
            store.append(header, {
              investigationId: header.investigationId,
              seq,
              at,
              step: "agent_reply",
              data: { seq },
            }),
          { concurrency: "unbounded", discard: true },
        )
        const record = Option.getOrThrow(yield* store.read(header.investigationId))
        expect(record.events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, seq) => seq))
        expect(record.events.map((e) => e.data)).toEqual(Array.from({ length: 40 }, (_, seq) => ({ seq })))
      }),
    )

    it.effect("no secret of any class survives into a stored event or object", () =>
      Effect.gen(function* () {
        const { store, stored } = yield* harness.fresh
        const header = headerOf("inv-secrets", yield* DateTime.now)
        yield* store.begin(header)
        const at = yield* DateTime.now
        yield* Effect.forEach(secretCorpus, (data, seq) =>
          store.append(header, {
            investigationId: header.investigationId,
            seq,
            at,
            step: "agent_reply",
            data,
          }),
        )
        const record = Option.getOrThrow(yield* store.read(header.investigationId))
        expect(record.events).toHaveLength(secretCorpus.length)
        const texts = [
          JSON.stringify(encodeRecord(record)),
          ...(stored === undefined ? [] : (yield* stored).map((o) => o.text)),
        ]
        for (const text of texts) {
          for (const secret of secretValues) expect(text).not.toContain(secret)
        }
        expect(texts.join("\n")).toContain("[REDACTED]")
        // what is not a secret survives
        expect(JSON.stringify(record.events)).toContain("payments-api-6c9f7d8b4-q7x2m")
      }),
    )

    it.effect("a broken store never fails a write: each failure is counted and logged, without secrets", () =>
      Effect.gen(function* () {
        const store = yield* harness.broken
        const lines: Array<string> = []
        const before = yield* failureCount
        const header = headerOf("inv-broken", yield* DateTime.now)
        yield* Effect.gen(function* () {
          yield* store.begin(header)
          const at = yield* DateTime.now
          yield* store.append(header, {
            investigationId: header.investigationId,
            seq: 0,
            at,
            step: "failure",
            data: secretCorpus,
          })
        }).pipe(Effect.provide(captureLoggerLayer(lines)))
        expect((yield* failureCount) - before).toBe(2)
        const warnings = lines.filter((l) => l.includes('"level":"WARN"'))
        expect(warnings).toHaveLength(2)
        for (const line of warnings) {
          expect(line).toContain('"investigationId":"inv-broken"')
          for (const secret of secretValues) expect(line).not.toContain(secret)
        }
      }),
    )
  })
}
