/**
 * The file-backed twin: the shared contract on a fresh directory per store, records that
 * survive a new store on the same directory, no temp files left behind, a damaged file skipped
 * (not a failure), and an unusable directory leaving the memory off rather than failing.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import {
  fileIncidentStoreLayer,
  makeFileIncidentStore,
} from "../../../src/adapters/local/file-incident-store.js"
import { IncidentStore } from "../../../src/ports/incident-store.js"
import { current, query, right } from "../../domain/incident-support.js"
import { incidentStoreContract } from "../incident-store-contract.js"

const dirs: Array<string> = []
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

const freshDir = Effect.promise(async () => {
  const dir = await mkdtemp(join(tmpdir(), "incidents-"))
  dirs.push(dir)
  return dir
})

incidentStoreContract(
  "file",
  Effect.flatMap(freshDir, (dir) => Effect.orDie(makeFileIncidentStore({ dir }))),
)

describe("file incident store", () => {
  it.effect("keeps records across stores on the same directory, with no temp files left", () =>
    Effect.gen(function* () {
      const dir = yield* freshDir
      const first = yield* makeFileIncidentStore({ dir })
      yield* first.record(right)
      const second = yield* makeFileIncidentStore({ dir })
      const found = yield* second.similar(query, { limit: 3, exclude: current })
      expect(found.matches[0]?.incident).toEqual(right)
      const names = yield* Effect.promise(() => readdir(dir))
      expect(names).toHaveLength(1)
      expect(names.every((n) => n.endsWith(".json") && !n.startsWith("."))).toBe(true)
    }),
  )

  it.effect("skips a damaged file and still answers", () =>
    Effect.gen(function* () {
      const dir = yield* freshDir
      const store = yield* makeFileIncidentStore({ dir })
      yield* store.record(right)
      yield* Effect.promise(() => writeFile(join(dir, "broken.json"), "{not json", "utf8"))
      yield* Effect.promise(() => writeFile(join(dir, "wrong.json"), JSON.stringify({ id: "x" }), "utf8"))
      const found = yield* store.similar(query, { limit: 3, exclude: current })
      expect(found.matches.map((m) => m.incident.id)).toEqual([right.id])
      expect(found.considered).toBe(1)
    }),
  )

  it.effect("a directory it cannot create leaves the store not configured, with the reason", () =>
    Effect.gen(function* () {
      const dir = yield* freshDir
      const blocker = join(dir, "a-file")
      yield* Effect.promise(() => writeFile(blocker, "x", "utf8"))
      const store = yield* IncidentStore.pipe(
        Effect.provide(fileIncidentStoreLayer({ dir: join(blocker, "sub") })),
      )
      const outcome = yield* Effect.either(store.similar(query, { limit: 3, exclude: current }))
      expect(Either.isLeft(outcome) && outcome.left.reason).toBe("not_configured")
    }),
  )
})
