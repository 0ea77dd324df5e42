/**
 * The file-backed IncidentStore twin for `npm start -- --serve`: one JSON file per incident
 * under a directory (`.sre-on-call/incidents/`), written to a temp file and renamed into place
 * (atomic on POSIX), so a record survives restarts and a half-written file is never read.
 * `similar` reads and decodes every file (one host's history is small) and ranks them with the
 * shared pure ranking; a file that does not decode is skipped with a warning, never a failure.
 */
import { mkdir, readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { Effect, Layer, Option, Schema } from "effect"
import { IncidentRecord, isExcluded } from "../../domain/incident-record.js"
import { rankIncidents } from "../../domain/incident-similarity.js"
import {
  IncidentStore,
  IncidentStoreError,
  type IncidentStoreService,
  notConfiguredIncidentStore,
} from "../../ports/incident-store.js"
import { fileNameForKey } from "./file-dedup-store.js"
import { replaceFile } from "./synced-temp.js"

export interface FileIncidentStoreOptions {
  /** e.g. `.sre-on-call/incidents`; created when missing */
  readonly dir: string
}

const StoredIncident = Schema.parseJson(IncidentRecord)

const unavailable = (operation: string, path: string) => (cause: unknown) =>
  new IncidentStoreError({
    reason: "unavailable",
    message: `${operation} ${path} failed: ${String(cause)}`,
    cause,
  })

export const makeFileIncidentStore = (
  options: FileIncidentStoreOptions,
): Effect.Effect<IncidentStoreService, IncidentStoreError> =>
  Effect.gen(function* () {
    const { dir } = options
    yield* Effect.tryPromise({
      try: () => mkdir(dir, { recursive: true }),
      catch: unavailable("creating incident directory", dir),
    })

    const record = (incident: IncidentRecord) => {
      const path = join(dir, fileNameForKey(incident.id))
      const text = Schema.encodeSync(StoredIncident)(incident)
      return Effect.tryPromise({
        try: () => replaceFile(path, text),
        catch: unavailable("writing", path),
      }).pipe(Effect.withSpan("FileIncidentStore.record"))
    }

    const readOne = (path: string) =>
      Effect.tryPromise({ try: () => readFile(path, "utf8"), catch: unavailable("reading", path) }).pipe(
        Effect.flatMap((text) => Schema.decode(StoredIncident)(text)),
        Effect.map(Option.some),
        Effect.catchTag("ParseError", (e) =>
          Effect.logWarning("skipping an incident file that does not decode", {
            path,
            error: e.message,
          }).pipe(Effect.as(Option.none<IncidentRecord>())),
        ),
      )

    const all = Effect.tryPromise({ try: () => readdir(dir), catch: unavailable("listing", dir) }).pipe(
      Effect.flatMap((names) =>
        Effect.forEach(
          names.filter((n) => n.endsWith(".json") && !n.startsWith(".")),
          (n) => readOne(join(dir, n)),
          { concurrency: 16 },
        ),
      ),
      Effect.map((found) => found.flatMap(Option.toArray)),
    )

    return IncidentStore.of({
      record,
      similar: (query, opts) =>
        all.pipe(
          Effect.map((records) => ({
            matches: rankIncidents(query, records, opts),
            considered: records.filter((r) => !isExcluded(r, opts.exclude)).length,
          })),
          Effect.withSpan("FileIncidentStore.similar"),
        ),
    })
  })

/**
 * The store as a layer that never fails to build: a directory it cannot create leaves the
 * incident memory off (the agent answers `unhealthy` with the reason), never the whole service.
 */
export const fileIncidentStoreLayer = (options: FileIncidentStoreOptions): Layer.Layer<IncidentStore> =>
  Layer.effect(
    IncidentStore,
    makeFileIncidentStore(options).pipe(
      Effect.catchAll((e) =>
        Effect.logWarning("incident store unavailable", { error: e.message }).pipe(
          Effect.as(notConfiguredIncidentStore(e.message)),
        ),
      ),
    ),
  )
