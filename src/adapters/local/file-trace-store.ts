/**
 * The file-backed TraceStore twin for `npm start -- --serve`: the S3 layout under a directory
 * (`<dir>/traces/dt=<START date>/investigation_id=<id>/{header.json,events/…}`), and the
 * DynamoDB index as small files under `<dir>/trace-index/` (`investigations/<id>.json`,
 * `messages/<message>/<id>.json`), so lookups never scan the archive. Every file is written to
 * a temp file and renamed into place (atomic on POSIX), one file per event, so concurrent
 * appends never lose one; the investigation's index file is created only if absent (a hard
 * link), so the first `begin` fixes the header and its partition for every later writer.
 * Writes are fail-open; everything read back is decoded with Schema.
 */
import { link, mkdir, readdir, readFile, rename } from "node:fs/promises"
import { dirname, join } from "node:path"
import { Effect, Layer, Option, ParseResult, Schema } from "effect"
import type { Platform } from "../../domain/platform.js"
import {
  encodeTraceEvent,
  encodeTraceHeader,
  eventKey,
  eventsPrefix,
  headerKey,
  messageIndexKey,
  newestFirst,
  sameHeader,
  seqOfEventName,
  TraceEventJson,
  type TraceHeader,
  TraceHeaderJson,
  TraceInvestigationId,
  traceEventOrder,
} from "../../domain/trace.js"
import {
  failOpen,
  makeHeaderCache,
  prepareEvent,
  prepareHeader,
  type TraceEventInput,
  type TraceMatch,
  type TraceRecord,
  TraceStore,
  TraceStoreError,
  type TraceStoreService,
} from "../../ports/trace-store.js"
import { fileNameForKey } from "./file-dedup-store.js"
import { withSyncedTemp } from "./synced-temp.js"

export interface FileTraceStoreOptions {
  /** e.g. `.sre-on-call`; traces go under `<dir>/traces/`, created when missing */
  readonly dir: string
  /** A write gives up after this long (default 5 s). */
  readonly writeTimeoutMs?: number
}

const MatchJson = Schema.parseJson(
  Schema.Struct({ investigationId: TraceInvestigationId, startedAt: Schema.DateTimeUtc }),
)

const isValidId = Schema.is(TraceInvestigationId)

const errorCode = (cause: unknown): unknown =>
  cause instanceof Error && "code" in cause ? cause.code : undefined

const unavailable = (what: string) => (cause: unknown) =>
  new TraceStoreError({ reason: "unavailable", message: `${what} failed: ${String(cause)}`, cause })

const corrupt = (path: string) => (error: ParseResult.ParseError) =>
  new TraceStoreError({
    reason: "corrupt",
    message: `trace file ${path} does not decode: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
    cause: error,
  })

/** Absent (ENOENT) → none; any other failure is an error. */
const orAbsent = <A>(what: string, run: () => Promise<A>): Effect.Effect<Option.Option<A>, TraceStoreError> =>
  Effect.tryPromise({ try: run, catch: (cause) => cause }).pipe(
    Effect.map(Option.some),
    Effect.catchAll((cause) =>
      errorCode(cause) === "ENOENT" ? Effect.succeedNone : Effect.fail(unavailable(what)(cause)),
    ),
  )

/** A complete temp file beside `path` (synced), handed to `place`; the temp is always removed. */
const viaTempFile = <A>(path: string, text: string, place: (temp: string) => Promise<A>) =>
  Effect.tryPromise({
    try: async () => {
      await mkdir(dirname(path), { recursive: true })
      return await withSyncedTemp(path, text, place)
    },
    catch: unavailable(`writing ${path}`),
  })

/** Write `text` at `path` atomically: renamed over whatever was there. */
export const writeFileAtomic = (path: string, text: string): Effect.Effect<void, TraceStoreError> =>
  viaTempFile(path, text, (temp) => rename(temp, path))

/** Create `path` with `text` unless it exists (a hard link never replaces): false when it did. */
export const createFileAtomic = (path: string, text: string): Effect.Effect<boolean, TraceStoreError> =>
  viaTempFile(path, text, (temp) =>
    link(temp, path).then(
      () => true,
      (cause: unknown) => {
        if (errorCode(cause) === "EEXIST") return false
        throw cause
      },
    ),
  )

export const makeFileTraceStore = (options: FileTraceStoreOptions): TraceStoreService => {
  const { dir } = options
  const headers = makeHeaderCache()
  const timeout = options.writeTimeoutMs === undefined ? {} : { timeoutMs: options.writeTimeoutMs }
  const investigationPath = (id: string) => join(dir, "trace-index", "investigations", `${id}.json`)
  const messageDir = (platform: Platform, channel: string, messageId: string) =>
    join(dir, "trace-index", "messages", fileNameForKey(messageIndexKey(platform, channel, messageId)))

  const readDecoded = <A>(path: string, schema: Schema.Schema<A, string>) =>
    orAbsent(`reading ${path}`, () => readFile(path, "utf8")).pipe(
      Effect.flatMap(
        Option.match({
          onNone: () => Effect.succeedNone,
          onSome: (text) => Effect.asSome(Effect.mapError(Schema.decode(schema)(text), corrupt(path))),
        }),
      ),
    )

  /** The investigation's fixed header: remembered, else its index file's, else this one. */
  const fixedHeader = (stored: TraceHeader) => {
    const known = headers.get(stored.investigationId)
    if (known !== undefined) return Effect.succeed(known)
    return readDecoded(investigationPath(stored.investigationId), TraceHeaderJson).pipe(
      Effect.tap(
        Option.match({ onNone: () => Effect.void, onSome: (h) => Effect.sync(() => headers.set(h)) }),
      ),
      Effect.map(Option.getOrElse(() => stored)),
      Effect.orElseSucceed(() => stored),
    )
  }

  const begin = (header: TraceHeader) =>
    Effect.gen(function* () {
      const stored = yield* prepareHeader(header)
      const text = encodeTraceHeader(stored)
      const created = yield* createFileAtomic(investigationPath(stored.investigationId), text)
      const fixed = created ? stored : yield* fixedHeader(stored)
      headers.set(fixed)
      if (!sameHeader(fixed, stored)) {
        return yield* Effect.logDebug("trace already begun with another header; the first one holds", {
          investigationId: stored.investigationId,
        })
      }
      const match = Schema.encodeSync(MatchJson)({
        investigationId: fixed.investigationId,
        startedAt: fixed.startedAt,
      })
      const { platform, channel, messageId } = fixed
      yield* Effect.all(
        [
          writeFileAtomic(join(dir, headerKey(fixed)), text),
          writeFileAtomic(
            join(messageDir(platform, channel, messageId), `${fixed.investigationId}.json`),
            match,
          ),
        ],
        { concurrency: 2, discard: true },
      )
    }).pipe(
      failOpen({ operation: "begin", investigationId: header.investigationId, ...timeout }),
      Effect.withSpan("FileTraceStore.begin"),
    )

  const append = (header: TraceHeader, input: TraceEventInput) =>
    Effect.gen(function* () {
      const stored = yield* fixedHeader(yield* prepareHeader(header))
      const event = yield* prepareEvent(stored, input)
      yield* writeFileAtomic(join(dir, eventKey(stored, event.seq, event.step)), encodeTraceEvent(event))
    }).pipe(
      failOpen({ operation: "append", investigationId: header.investigationId, ...timeout }),
      Effect.withSpan("FileTraceStore.append"),
    )

  const read = (investigationId: string) =>
    Effect.gen(function* () {
      if (!isValidId(investigationId)) return Option.none<TraceRecord>()
      const found = yield* readDecoded(investigationPath(investigationId), TraceHeaderJson)
      if (Option.isNone(found)) return Option.none<TraceRecord>()
      const header = found.value
      const eventsDir = join(dir, eventsPrefix(header))
      const names = Option.getOrElse(
        yield* orAbsent(`listing ${eventsDir}`, () => readdir(eventsDir)),
        (): ReadonlyArray<string> => [],
      ).filter((name) => seqOfEventName(name) !== undefined)
      const events = yield* Effect.forEach(
        names,
        (name) => {
          const path = join(eventsDir, name)
          return readDecoded(path, TraceEventJson).pipe(
            Effect.flatMap((event) =>
              Option.isSome(event) && event.value.investigationId === investigationId
                ? Effect.succeed(event.value)
                : Effect.fail(
                    new TraceStoreError({
                      reason: "corrupt",
                      message: `${path} vanished or names another id`,
                    }),
                  ),
            ),
          )
        },
        { concurrency: 8 },
      )
      return Option.some<TraceRecord>({ header, events: [...events].sort(traceEventOrder) })
    }).pipe(Effect.withSpan("FileTraceStore.read"))

  const findByMessage = (platform: Platform, channel: string, messageId: string) =>
    Effect.gen(function* () {
      const path = messageDir(platform, channel, messageId)
      const names = Option.getOrElse(
        yield* orAbsent(`listing ${path}`, () => readdir(path)),
        (): ReadonlyArray<string> => [],
      ).filter((name) => name.endsWith(".json") && !name.startsWith("."))
      const matches = yield* Effect.forEach(names, (name) => readDecoded(join(path, name), MatchJson), {
        concurrency: 8,
      })
      return matches
        .flatMap((m): ReadonlyArray<TraceMatch> => (Option.isSome(m) ? [m.value] : []))
        .sort(newestFirst)
    }).pipe(Effect.withSpan("FileTraceStore.findByMessage"))

  return { begin, append, read, findByMessage }
}

export const fileTraceStoreLayer = (options: FileTraceStoreOptions): Layer.Layer<TraceStore> =>
  Layer.succeed(TraceStore, makeFileTraceStore(options))
