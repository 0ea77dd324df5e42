/**
 * The in-memory IncidentStore twin: scenario runs (seeded from the scenario's `history:`),
 * tests and the demo. One Ref, so concurrent records all land; `similar` ranks every stored
 * incident (a process holds few), with the same pure ranking as every other store.
 */
import { Effect, Layer, Ref } from "effect"
import type { IncidentRecord } from "../../domain/incident-record.js"
import { isExcluded } from "../../domain/incident-record.js"
import { rankIncidents } from "../../domain/incident-similarity.js"
import { IncidentStore, type IncidentStoreService } from "../../ports/incident-store.js"

export const makeMemoryIncidentStore = (
  seed: ReadonlyArray<IncidentRecord> = [],
): Effect.Effect<IncidentStoreService> =>
  Effect.gen(function* () {
    const state = yield* Ref.make<ReadonlyMap<string, IncidentRecord>>(new Map(seed.map((r) => [r.id, r])))
    return IncidentStore.of({
      record: (incident) => Ref.update(state, (m) => new Map(m).set(incident.id, incident)),
      similar: (query, options) =>
        Effect.map(Ref.get(state), (m) => {
          const all = [...m.values()]
          return {
            matches: rankIncidents(query, all, options),
            considered: all.filter((r) => !isExcluded(r, options.exclude)).length,
          }
        }),
    })
  })

export const memoryIncidentStoreLayer = (
  seed: ReadonlyArray<IncidentRecord> = [],
): Layer.Layer<IncidentStore> => Layer.effect(IncidentStore, makeMemoryIncidentStore(seed))
