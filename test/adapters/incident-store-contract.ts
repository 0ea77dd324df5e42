/**
 * What every IncidentStore does, whatever it stores in: the right past incident first among the
 * distractors, never the investigation asking nor one of its own alert message, a record
 * replaced by a later one with the same id, the thread link kept, and an empty store saying it
 * knows nothing (considered 0).
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { IncidentStoreService } from "../../src/ports/incident-store.js"
import { at, corpus, current, query, right } from "../domain/incident-support.js"

export const incidentStoreContract = (name: string, make: Effect.Effect<IncidentStoreService>) =>
  describe(`${name}: IncidentStore contract`, () => {
    const seeded = Effect.gen(function* () {
      const store = yield* make
      for (const r of corpus) yield* store.record(r)
      return store
    })

    it.effect("ranks the right past incident first and never returns the current one", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
        const store = yield* seeded
        const found = yield* store.similar(query, { limit: 10, exclude: current })
        const ids = found.matches.map((m) => m.incident.id)
        expect(ids[0]).toBe(right.id)
        expect(ids).not.toContain("inv-current")
        expect(ids).not.toContain("inv-older-same-thread")
        expect(found.considered).toBeGreaterThanOrEqual(3)
        // The link comes back exactly as recorded.
        expect(found.matches[0]?.incident.link).toBe(right.link)
      }),
    )

    it.effect("returns the current investigation to nobody else (the exclusion is what hides it)", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
        const store = yield* seeded
        const found = yield* store.similar(query, {
          limit: 10,
          exclude: { investigationId: "another", alert: null },
        })
        expect(found.matches.map((m) => m.incident.id)).toContain("inv-current")
      }),
    )

    it.effect("replaces a record with a later one of the same id", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
        const store = yield* seeded
        yield* store.record({
          ...right,
          title: "revised title",
          link: "https://chat.example.com/thread/revised",
        })
        const found = yield* store.similar(query, { limit: 10, exclude: current })
        const mine = found.matches.filter((m) => m.incident.id === right.id)
        expect(mine).toHaveLength(1)
        expect(mine[0]?.incident.title).toBe("revised title")
        expect(mine[0]?.incident.link).toBe("https://chat.example.com/thread/revised")
      }),
    )

    it.effect("an empty store considers nothing", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
        const store = yield* make
        const found = yield* store.similar(query, { limit: 3, exclude: current })
        expect(found).toEqual({ matches: [], considered: 0 })
      }),
    )
  })
