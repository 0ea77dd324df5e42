/**
 * The file-backed twin: the shared contract on a temp directory per test, plus what only files
 * have — records survive a new store on the same directory, any key maps to one safe file name,
 * writes leave no temp files, and a damaged file is a `corrupt` error for its key alone.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Option } from "effect"
import fc from "fast-check"
import {
  fileDedupStoreLayer,
  fileNameForKey,
  makeFileDedupStore,
} from "../../../src/adapters/local/file-dedup-store.js"
import type { ClaimPolicy } from "../../../src/domain/dedup.js"
import { claimRequest, contractPolicy, dedupStoreContract, T0 } from "../dedup-store-contract.js"

const tempDir = Effect.acquireRelease(
  Effect.promise(() => mkdtemp(join(tmpdir(), "dedup-store-"))),
  (dir) => Effect.promise(() => rm(dir, { recursive: true, force: true })),
)

const freshFileStore = (policy: ClaimPolicy) =>
  Layer.unwrapScoped(Effect.map(tempDir, (dir) => fileDedupStoreLayer({ dir, policy })))

dedupStoreContract({ name: "file", shared: Layer.empty, fresh: freshFileStore })

const KEY_SEED = 7_331

describe("file dedup store", () => {
  it.scoped("records survive a restart: a new store on the same directory sees them", () =>
    Effect.gen(function* () {
      const dir = yield* tempDir
      const first = yield* makeFileDedupStore({ dir, policy: contractPolicy })
      const won = yield* first.claim(claimRequest("slack#C1#1", "inv-1", T0))
      yield* first.transition({ key: "slack#C1#1", investigationId: "inv-1", to: "DISPATCHED", now: T0 + 1 })

      const restarted = yield* makeFileDedupStore({ dir, policy: contractPolicy })
      const seen = yield* restarted.get("slack#C1#1", T0 + 2)
      expect(seen).toEqual(Option.some({ ...won.record, state: "DISPATCHED", updatedAt: T0 + 1 }))
      const again = yield* restarted.claim(claimRequest("slack#C1#1", "inv-2", T0 + 2))
      expect(again._tag).toBe("Duplicate")
      expect(again.record.investigationId).toBe("inv-1")
    }),
  )

  it.scoped("writes leave exactly one JSON file per key and no temp files; release removes it", () =>
    Effect.gen(function* () {
      const dir = yield* tempDir
      const store = yield* makeFileDedupStore({ dir, policy: contractPolicy })
      yield* Effect.all(
        Array.from({ length: 20 }, (_, i) => store.claim(claimRequest(`k${i % 5}`, `inv-${i}`, T0))),
        { concurrency: "unbounded" },
      )
      yield* store.transition({ key: "k0", investigationId: "inv-0", to: "GATED", now: T0 + 1 })
      const files = yield* Effect.promise(() => readdir(dir))
      expect(files.sort()).toEqual(["k0", "k1", "k2", "k3", "k4"].map(fileNameForKey).sort())
      yield* store.release("k1", "inv-1")
      expect(yield* Effect.promise(() => readdir(dir))).not.toContain(fileNameForKey("k1"))
    }),
  )

  it.scoped("a damaged or foreign file is a corrupt error for its key only, not a crash", () =>
    Effect.gen(function* () {
      const dir = yield* tempDir
      const store = yield* makeFileDedupStore({ dir, policy: contractPolicy })
      yield* store.claim(claimRequest("good", "inv-1", T0))
      yield* store.claim(claimRequest("other", "inv-2", T0))
      const write = (key: string, text: string) =>
        Effect.promise(() => writeFile(join(dir, fileNameForKey(key)), text))

      yield* write("broken", "{not json")
      yield* write("wrong-shape", JSON.stringify({ key: "wrong-shape", state: "LOST" }))
      // a valid record, but for another key (a file copied or renamed by hand)
      const other = yield* Effect.promise(() => readFile(join(dir, fileNameForKey("other")), "utf8"))
      yield* write("foreign", other)
      for (const key of ["broken", "wrong-shape", "foreign"]) {
        const got = yield* Effect.either(store.get(key, T0))
        expect(Either.isLeft(got) && got.left.reason).toBe("corrupt")
        const claimed = yield* Effect.either(store.claim(claimRequest(key, "inv-3", T0)))
        expect(Either.isLeft(claimed) && claimed.left.reason).toBe("corrupt")
      }
      expect(Option.isSome(yield* store.get("good", T0))).toBe(true)
    }),
  )

  it.scoped("an unusable directory fails the layer with unavailable", () =>
    Effect.gen(function* () {
      const dir = yield* tempDir
      yield* Effect.promise(() => writeFile(join(dir, "file"), "x"))
      const built = yield* Effect.either(Layer.build(fileDedupStoreLayer({ dir: join(dir, "file", "sub") })))
      expect(Either.isLeft(built) && built.left.reason).toBe("unavailable")
    }),
  )

  it("fileNameForKey: one short, safe, distinct name for any key (fast-check seed 7331)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 600 }),
        fc.string({ unit: "binary", maxLength: 600 }),
        (a, b) => {
          const name = fileNameForKey(a)
          expect(name).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{64}\.json$/)
          expect(name.length).toBeLessThanOrEqual(134)
          if (a !== b) expect(fileNameForKey(b)).not.toBe(name)
        },
      ),
      { seed: KEY_SEED, numRuns: 500 },
    )
    expect(fileNameForKey("../../etc/passwd")).not.toContain("/")
    expect(fileNameForKey("")).toMatch(/^_\./)
  })
})
