/** The in-memory twin: the shared contract, and a store seeded at construction (scenario `history:`). */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeMemoryIncidentStore } from "../../../src/adapters/local/memory-incident-store.js"
import { corpus, current, query, right } from "../../domain/incident-support.js"
import { incidentStoreContract } from "../incident-store-contract.js"

incidentStoreContract("memory", makeMemoryIncidentStore())

describe("memory incident store", () => {
  it.effect("starts with its seed", () =>
    Effect.gen(function* () {
      const store = yield* makeMemoryIncidentStore(corpus)
      const found = yield* store.similar(query, { limit: 3, exclude: current })
      expect(found.matches[0]?.incident.id).toBe(right.id)
      expect(found.considered).toBe(corpus.length - 2)
    }),
  )
})
