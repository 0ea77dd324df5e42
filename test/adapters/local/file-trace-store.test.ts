/**
 * The file-backed twin: the shared contract on a fresh directory per test, plus what only files
 * have — the exact layout (the S3 keys under `<dir>/`, the index under `<dir>/trace-index/`),
 * traces that survive a new store on the same directory, no temp files left behind, an
 * unwritable directory failing open, and a damaged file read as `corrupt`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { describe, expect, layer } from "@effect/vitest"
import { Context, DateTime, Effect, Either, Layer, Option } from "effect"
import { makeFileTraceStore } from "../../../src/adapters/local/file-trace-store.js"
import { TraceStep } from "../../../src/domain/trace.js"
import { BEFORE_MIDNIGHT, eventsOfEveryStep, headerOf, type StoredObject } from "../s3/trace-fixtures.js"
import { traceStoreContract } from "../s3/trace-store-contract.js"

class TempRoot extends Context.Tag("test/TempRoot")<TempRoot, string>() {}

const tempRoot = Layer.scoped(
  TempRoot,
  Effect.acquireRelease(
    Effect.promise(() => mkdtemp(join(tmpdir(), "trace-store-"))),
    (dir) => Effect.promise(() => rm(dir, { recursive: true, force: true })),
  ),
)

const freshDir = Effect.flatMap(TempRoot, (root) => Effect.promise(() => mkdtemp(join(root, "t-"))))

/** Every file under `dir` (paths relative to it, `/`-separated), with its text. */
const filesUnder = (dir: string) =>
  Effect.promise(async (): Promise<ReadonlyArray<StoredObject>> => {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
    return Promise.all(
      files.map(async (path) => ({
        key: relative(dir, path).split("\\").join("/"),
        text: await readFile(path, "utf8"),
      })),
    )
  })

traceStoreContract({
  name: "file",
  shared: tempRoot,
  fresh: Effect.map(freshDir, (dir) => ({ store: makeFileTraceStore({ dir }), stored: filesUnder(dir) })),
  // the "directory" is below a regular file: every mkdir fails with ENOTDIR
  broken: Effect.gen(function* () {
    const dir = yield* freshDir
    yield* Effect.promise(() => writeFile(join(dir, "not-a-dir"), "x"))
    return makeFileTraceStore({ dir: join(dir, "not-a-dir", "traces") })
  }),
})

layer(tempRoot)("file trace store", (it) => {
  describe("layout", () => {
    it.effect("the S3 layout under the directory, the index beside it, and no temp files", () =>
      Effect.gen(function* () {
        const dir = yield* freshDir
        const store = makeFileTraceStore({ dir })
        const header = headerOf("inv-layout", DateTime.unsafeMake(BEFORE_MIDNIGHT))
        yield* store.begin(header)
        for (const event of yield* eventsOfEveryStep(header.investigationId, 1))
          yield* store.append(header, event)

        const keys = (yield* filesUnder(dir)).map((f) => f.key).sort()
        const prefix = "traces/dt=2025-03-31/investigation_id=inv-layout/"
        expect(keys.filter((k) => k.startsWith("traces/"))).toEqual(
          [
            `${prefix}header.json`,
            ...TraceStep.literals.map(
              (step, i) => `${prefix}events/${String(1 + i).padStart(6, "0")}-${step}.json`,
            ),
          ].sort(),
        )
        const index = keys.filter((k) => !k.startsWith("traces/"))
        expect(index).toHaveLength(2)
        expect(index).toContain("trace-index/investigations/inv-layout.json")
        expect(index.find((k) => k.startsWith("trace-index/messages/"))).toMatch(
          /^trace-index\/messages\/msg_slack_C0ALERTS_1711929590_000100\.[0-9a-f]{64}\.json\/inv-layout\.json$/,
        )
        expect(keys.filter((k) => k.endsWith(".tmp"))).toEqual([])
      }),
    )

    it.effect("traces survive a restart: a new store on the same directory reads and finds them", () =>
      Effect.gen(function* () {
        const dir = yield* freshDir
        const header = headerOf("inv-restart", DateTime.unsafeMake(BEFORE_MIDNIGHT))
        const first = makeFileTraceStore({ dir })
        yield* first.begin(header)
        yield* first.append(header, {
          investigationId: "inv-restart",
          seq: 0,
          at: header.startedAt,
          step: "plan",
          data: [1],
        })

        const restarted = makeFileTraceStore({ dir })
        const record = Option.getOrThrow(yield* restarted.read("inv-restart"))
        expect(record.events.map((e) => [e.seq, e.step, e.data])).toEqual([[0, "plan", [1]]])
        expect(
          (yield* restarted.findByMessage("slack", "C0ALERTS", header.messageId)).map(
            (m) => m.investigationId,
          ),
        ).toEqual(["inv-restart"])
      }),
    )
  })

  it.effect("a damaged event file or index file reads as a corrupt error naming the file", () =>
    Effect.gen(function* () {
      const dir = yield* freshDir
      const store = makeFileTraceStore({ dir })
      const header = headerOf("inv-damaged", DateTime.unsafeMake(BEFORE_MIDNIGHT))
      yield* store.begin(header)
      yield* store.append(header, {
        investigationId: "inv-damaged",
        seq: 0,
        at: header.startedAt,
        step: "plan",
        data: {},
      })
      const event = join(dir, "traces/dt=2025-03-31/investigation_id=inv-damaged/events/000000-plan.json")
      yield* Effect.promise(() => writeFile(event, "{ not json"))
      const damaged = yield* Effect.either(store.read("inv-damaged"))
      expect(Either.isLeft(damaged) && damaged.left.reason).toBe("corrupt")
      expect(Either.isLeft(damaged) && damaged.left.message).toContain("000000-plan.json")

      yield* Effect.promise(() =>
        writeFile(join(dir, "trace-index/investigations/inv-damaged.json"), '{"id":1}'),
      )
      const index = yield* Effect.either(store.read("inv-damaged"))
      expect(Either.isLeft(index) && index.left.reason).toBe("corrupt")
    }),
  )
})
