/**
 * The file-backed DedupStore twin for `npm start -- --serve` (one host, one process): one JSON
 * file per key, so claims survive a restart. Writes go to a temp file and are renamed over
 * the record (atomic on POSIX), and every read-modify-write runs under one Semaphore, so a
 * claim is atomic within the process. Files are decoded with Schema on every read: a damaged
 * file is a `corrupt` error for that key, never a crash. Semantics are the memory twin's steps.
 */

import { createHash } from "node:crypto"
import { mkdir, readFile, unlink } from "node:fs/promises"
import { join } from "node:path"
import { Effect, Layer, Option, ParseResult, Schema } from "effect"
import { type ClaimPolicy, type ClaimRequest, DedupRecord, defaultClaimPolicy } from "../../domain/dedup.js"
import {
  DedupStore,
  DedupStoreError,
  type DedupStoreService,
  type TransitionRequest,
} from "../../ports/dedup-store.js"
import { claimStep, liveRecord, releaseAllowed, transitionStep } from "./memory-dedup-store.js"
import { replaceFile } from "./synced-temp.js"

export interface FileDedupStoreOptions {
  /** e.g. `.sre-on-call/dedup`; created when missing */
  readonly dir: string
  readonly policy?: ClaimPolicy
}

/**
 * A file name for any key: a readable slug (lossy) plus the key's SHA-256 (unique), so keys
 * with `/`, `..`, unicode or any length map to one short, safe name inside the directory.
 */
export const fileNameForKey = (key: string): string => {
  const slug = key.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64)
  const hash = createHash("sha256").update(key, "utf8").digest("hex")
  return `${slug === "" ? "_" : slug}.${hash}.json`
}

const StoredRecord = Schema.parseJson(DedupRecord)

const errorCode = (cause: unknown): unknown =>
  cause instanceof Error && "code" in cause ? cause.code : undefined

const unavailable = (operation: string, path: string) => (cause: unknown) =>
  new DedupStoreError({
    reason: "unavailable",
    message: `${operation} ${path} failed: ${String(cause)}`,
    cause,
  })

export const makeFileDedupStore = (
  options: FileDedupStoreOptions,
): Effect.Effect<DedupStoreService, DedupStoreError> =>
  Effect.gen(function* () {
    const { dir } = options
    const policy = options.policy ?? defaultClaimPolicy
    yield* Effect.tryPromise({
      try: () => mkdir(dir, { recursive: true }),
      catch: unavailable("creating dedup directory", dir),
    })
    const lock = yield* Effect.makeSemaphore(1)
    const pathOf = (key: string) => join(dir, fileNameForKey(key))

    const readText = (path: string): Effect.Effect<Option.Option<string>, DedupStoreError> =>
      Effect.tryPromise({ try: () => readFile(path, "utf8"), catch: (cause) => cause }).pipe(
        Effect.map((text) => Option.some(text)),
        Effect.catchAll((cause) =>
          errorCode(cause) === "ENOENT"
            ? Effect.succeed(Option.none<string>())
            : Effect.fail(unavailable("reading", path)(cause)),
        ),
      )

    const decode = (key: string, path: string, text: string): Effect.Effect<DedupRecord, DedupStoreError> =>
      Schema.decode(StoredRecord)(text).pipe(
        Effect.mapError(
          (error) =>
            new DedupStoreError({
              reason: "corrupt",
              message: `dedup file ${path} does not decode: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
              cause: error,
            }),
        ),
        Effect.filterOrFail(
          (record) => record.key === key,
          (record) =>
            new DedupStoreError({
              reason: "corrupt",
              message: `dedup file ${path} holds key ${record.key}, expected ${key}`,
            }),
        ),
      )

    const read = (key: string): Effect.Effect<Option.Option<DedupRecord>, DedupStoreError> => {
      const path = pathOf(key)
      return readText(path).pipe(
        Effect.flatMap(
          Option.match({
            onNone: () => Effect.succeed(Option.none<DedupRecord>()),
            onSome: (text) => Effect.asSome(decode(key, path, text)),
          }),
        ),
      )
    }

    const write = (record: DedupRecord): Effect.Effect<void, DedupStoreError> => {
      const path = pathOf(record.key)
      const text = JSON.stringify(Schema.encodeSync(DedupRecord)(record))
      return Effect.tryPromise({ try: () => replaceFile(path, text), catch: unavailable("writing", path) })
    }

    const remove = (key: string): Effect.Effect<void, DedupStoreError> => {
      const path = pathOf(key)
      return Effect.tryPromise({ try: () => unlink(path), catch: (cause) => cause }).pipe(
        Effect.catchAll((cause) =>
          errorCode(cause) === "ENOENT" ? Effect.void : Effect.fail(unavailable("deleting", path)(cause)),
        ),
      )
    }

    /** Read-modify-write under the lock; uninterruptible so no write lands after the lock is gone. */
    const exclusive = <A>(body: Effect.Effect<A, DedupStoreError>) =>
      lock.withPermits(1)(Effect.uninterruptible(body))

    const claim = (req: ClaimRequest) =>
      exclusive(
        Effect.gen(function* () {
          const result = claimStep(yield* read(req.key), req, policy)
          if (result._tag === "Claimed") yield* write(result.record)
          return result
        }),
      ).pipe(Effect.withSpan("FileDedupStore.claim"))

    const get = (key: string, now: number) =>
      read(key).pipe(
        Effect.map((existing) => liveRecord(existing, now)),
        Effect.withSpan("FileDedupStore.get"),
      )

    const transition = (req: TransitionRequest) =>
      exclusive(
        Effect.gen(function* () {
          const moved = transitionStep(yield* read(req.key), req)
          if (Option.isNone(moved)) return false
          yield* write(moved.value)
          return true
        }),
      ).pipe(Effect.withSpan("FileDedupStore.transition"))

    const release = (key: string, investigationId: string) =>
      exclusive(
        Effect.gen(function* () {
          if (releaseAllowed(yield* read(key), investigationId)) yield* remove(key)
        }),
      ).pipe(Effect.withSpan("FileDedupStore.release"))

    return { claim, get, transition, release }
  })

export const fileDedupStoreLayer = (
  options: FileDedupStoreOptions,
): Layer.Layer<DedupStore, DedupStoreError> => Layer.effect(DedupStore, makeFileDedupStore(options))
