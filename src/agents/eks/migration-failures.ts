/**
 * A release's schema migration Job that failed (`migration_failed`, a change): the new pods of
 * the same release query a column or table the migration was to create ("column … does not
 * exist", UndefinedColumn, "no such table", "Unknown column") and crash. The crash loop is the
 * effect; the migration's own error (a NOT NULL on rows not backfilled, a duplicate key, a
 * timeout) is why the schema is missing, and what must be fixed before the rollout can settle.
 * Read only when an in-scope workload's own lines name a missing schema object, and only a Job
 * of the same release: named after the workload or labelled with its app, running the image
 * the workload runs now (an older failed Job, another service's Job, is not this release's),
 * started within the change lookback. Pure but for `readMigrationFailures`.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { instantOf } from "../../domain/kubernetes.js"
import type { Job } from "../../domain/kubernetes-batch.js"
import type { ClusterService } from "../../ports/cluster.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, hhmm, type ScopedWorkload } from "./eks-finding.js"
import type { Reader } from "./gather.js"
import { isMigrationJob, jobLog } from "./migration-jobs.js"
import { resourceOf } from "./workloads.js"

/** A database's (or an ORM's) words for a query naming a column or table the schema lacks. */
export const missingSchemaWords =
  /UndefinedColumn|UndefinedTable|\bcolumn [\w."`]+ does not exist|\brelation "?[\w.]+"? does not exist|no such (?:column|table)\b|Unknown column\b|Table '[^']+' doesn't exist|ER_BAD_FIELD_ERROR|ER_NO_SUCH_TABLE|Invalid column name|Invalid object name/i

/** The first line of the logs that names a missing column or table, trimmed; null when none does. */
export const missingSchemaLine = (logs: ReadonlyArray<ContainerLog>): string | null => {
  for (const log of logs)
    for (const line of log.text.split("\n"))
      if (missingSchemaWords.test(line)) return line.trim().slice(0, 200)
  return null
}

/** What is missing, without the exception's prefix: "column enrollments.cohort_id does not exist". */
export const missingWhat = (line: string): string =>
  line.replace(/^.*?\b[\w.]*(?:Error|Exception|UndefinedColumn|UndefinedTable)\b:\s*/, "").slice(0, 120)

/** A raised error as a runtime prints it ("IntegrityError: …", "ERROR: …", "FATAL: …"). */
const raised = /\b[\w.]*(?:Error|Exception|Violation)\b:\s*\S|\b(?:ERROR|FATAL|PANIC)\b:?\s+\S/
const failedWords = /\b(?:error|exception|violat|fatal|failed|denied|timeout|timed out|abort)/i
// A traceback's connective lines name no error of their own.
const connective = /^Traceback|^File "|^The above exception|^During handling of the above/i

/** The migration's last error line ("IntegrityError: column "x" … contains null values"). */
export const migrationErrorOf = (log: string): string | null => {
  const lines = log
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !connective.test(l))
  const error = lines.filter((l) => raised.test(l)).at(-1) ?? lines.filter((l) => failedWords.test(l)).at(-1)
  return error?.slice(0, 200) ?? null
}

/** Failed (a Failed condition, failed pods and none succeeded) or not complete yet. */
export const failedOrPending = (job: Job): boolean => {
  const failed = job.status.conditions.some((c) => c.type === "Failed" && c.status === "True")
  const complete = job.status.conditions.some((c) => c.type === "Complete" && c.status === "True")
  return !complete && (failed || (job.status.succeeded ?? 0) === 0)
}

const appKeys = ["app", "app.kubernetes.io/name", "app.kubernetes.io/instance", "release"]

const imagesOf = (w: ScopedWorkload): ReadonlySet<string> =>
  new Set(
    [
      ...(w.deployment?.spec.template?.spec.containers ?? []),
      ...w.pods.flatMap((p) => p.spec.containers),
    ].flatMap((c) => (c.image === undefined ? [] : [c.image])),
  )

const repoOf = (image: string): string => image.replace(/@.*$/, "").replace(/:[^:/]+$/, "")

/**
 * The Job belongs to the workload's release: named after it or labelled with its app, and where
 * it runs the workload's repository, the very image the workload runs now.
 */
export const sameRelease = (job: Job, w: ScopedWorkload): boolean => {
  const labels = job.metadata.labels
  const named =
    job.metadata.name.startsWith(`${w.name}-`) ||
    appKeys.some((k) => labels[k] !== undefined && labels[k] === w.name)
  if (!named) return false
  const images = imagesOf(w)
  const jobImages = (job.spec.template?.spec.containers ?? []).flatMap((c) =>
    c.image === undefined ? [] : [c.image],
  )
  const sameRepo = jobImages.filter((j) => [...images].some((i) => repoOf(i) === repoOf(j)))
  return sameRepo.length === 0 || sameRepo.some((j) => images.has(j))
}

export const migrationFailureFinding = (
  w: ScopedWorkload,
  job: Job,
  missing: string,
  error: string | null,
  ctx: AnalysisContext,
): Finding | null => {
  const started = instantOf(job.metadata.creationTimestamp ?? job.status.startTime)
  if (started === null) return null
  const from = Math.min(ctx.window.changesSince.epochMillis, ctx.window.start.epochMillis)
  if (started.epochMillis < from || started.epochMillis > ctx.window.end.epochMillis) return null
  const failed = job.status.conditions.find((c) => c.type === "Failed" && c.status === "True")
  const state =
    failed === undefined
      ? "has not completed"
      : `failed${failed.reason === undefined ? "" : ` (${failed.reason})`}`
  const where = `Job ${job.metadata.namespace ?? "?"}/${job.metadata.name}`
  return eksFinding({
    kind: "migration_failed",
    title:
      `migration ${where} started ${hhmm(started)} UTC ${state}` +
      `${error === null ? "" : `: ${error}`} — ${w.name}'s new pods fail on the schema it did not create ` +
      `(${missingWhat(missing)})`,
    detail:
      `${where}, the schema migration of ${w.name}'s release, ${state}` +
      `${error === null ? "" : ` with "${error}"`}. ${w.name}'s own lines name the missing column or table: ` +
      `"${missing}". The crash loop is the effect: the release's code expects the schema the migration was ` +
      "to create. Fix the migration (backfill before NOT NULL, …) and re-run it, or roll the release back.",
    severity: w.inScope ? "high" : "low",
    observedAt: started,
    // The workload's change, filed under the workload so that it joins the crash loop.
    resource: resourceOf(w),
    service: w.name,
    excerpt: error,
  })
}

/**
 * The failed migration Jobs of the in-scope workloads' release, with their pods' last error:
 * read only when those workloads' own lines name a missing column or table.
 */
export const readMigrationFailures = (
  cluster: ClusterService,
  reader: Reader,
  input: {
    readonly jobs: ReadonlyArray<Job>
    readonly workloads: ReadonlyArray<ScopedWorkload>
    readonly logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>
    readonly ctx: AnalysisContext
  },
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.gen(function* () {
    const subjects = input.workloads.flatMap((w) => {
      const missing = w.inScope ? missingSchemaLine(input.logs.get(resourceOf(w)) ?? []) : null
      return missing === null ? [] : [{ w, missing }]
    })
    const pairs = subjects.flatMap(({ w, missing }) =>
      input.jobs
        .filter((j) => isMigrationJob(j) && failedOrPending(j) && sameRelease(j, w))
        .map((job) => ({ w, missing, job })),
    )
    const found = yield* Effect.forEach(
      pairs.slice(0, 3),
      ({ w, missing, job }) =>
        // The latest attempt's words: its error is the one the release is stuck on.
        Effect.map(jobLog(cluster, reader, job), (log) =>
          migrationFailureFinding(w, job, missing, migrationErrorOf(log), input.ctx),
        ),
      { concurrency: 2 },
    )
    return found.filter((f): f is Finding => f !== null)
  })
