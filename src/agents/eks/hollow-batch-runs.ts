/**
 * A batch run that reported success while its own log shows every write failed: a reindex, an
 * export, a load that ran to exit 0 with `indexed=0 failed=2318442`, then did what a good run
 * does next — swapped an alias onto what it built, promoted a table, deleted the previous copy.
 * Kubernetes says Complete and every pod of the readers is Ready; the readers serve nothing ("no
 * results for anything") and only the run's log says why. So the runs of the in-scope namespaces
 * that completed since the change lookback are read (a finished Job's pod is kept for its logs)
 * and judged here, pure: a zero-writes line, failures beside it, and a publish step after it.
 *
 * A run that wrote nothing because there was nothing new (no failures), or that failed and
 * stopped before publishing, is no such finding: the first is normal, the second is a failed
 * Job the pods' own analysis reports.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { instantOf, type Pod } from "../../domain/kubernetes.js"
import type { Job } from "../../domain/kubernetes-batch.js"
import type { ClusterService } from "../../ports/cluster.js"
import { containersOf } from "./configured-dependencies.js"
import { type AnalysisContext, eksFinding, type ScopedWorkload } from "./eks-finding.js"
import type { Reader } from "./gather.js"
import { resourceOf } from "./workloads.js"

/** `indexed=0`, `written: 0`, `0 documents indexed`, `loaded 0 rows`: the run wrote nothing. */
const zeroWrites =
  /\b(?:indexed|written|wrote|inserted|loaded|imported|upserted|copied|stored|exported|docs?_written|rows_written)\s*[=:]\s*0\b|\b0 (?:documents|docs|rows|records|items|objects) (?:were )?(?:indexed|written|inserted|loaded|imported|copied|stored)\b|\b(?:indexed|wrote|inserted|loaded|imported|copied|stored) 0 (?:documents|docs|rows|records|items|objects)\b/i

/** `failed=2318442`, `1000/1000 items failed`, `errors: 12`: writes were attempted and refused. */
const failedWrites =
  /\b(?:failed|errors|rejected|batches_failed|failures)\s*[=:]\s*[1-9]\d*|\b(\d+)\/\1 (?:items|documents|docs|rows|records|writes) (?:failed|rejected)\b|\ball \d+ (?:batches|items|writes|documents|rows) (?:failed|rejected)\b/i

/**
 * What a good run does once it has built its copy: points the readers at it (an alias swapped,
 * a table renamed or promoted, a pointer published) or deletes the previous one.
 */
const publishes =
  /\balias\b[^\n]{0,80}\b(?:swapped|switched|pointed|repointed|moved|updated|flipped)\b|\b(?:swapped|switched|repointed|flipped)\b[^\n]{0,40}\balias\b|\b(?:deleted|dropped|removed|purged) (?:the )?(?:previous|old|prior)\b|\b(?:promoted|published|swapped in|cut over)\b/i

const maxRuns = 3
const tailLines = 300

export interface HollowRun {
  readonly zero: string
  readonly failed: string
  readonly published: ReadonlyArray<string>
}

const stripInstant = (line: string): string =>
  line.replace(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\s+/, "").trim()

/** The log's lines that show a run wrote nothing, failed writing, and published anyway; else null. */
export const hollowRun = (log: string): HollowRun | null => {
  const lines = log.split("\n").map(stripInstant)
  // The last tally (`bulk finished indexed=0`) says more than a progress line on the way.
  const zeroAt = lines.findLastIndex((l) => zeroWrites.test(l))
  if (zeroAt < 0) return null
  const failed = lines.find((l) => failedWrites.test(l))
  // Published after it knew it had written nothing: before, it may have been another copy.
  const published = lines.slice(zeroAt + 1).filter((l) => publishes.test(l))
  const zero = lines[zeroAt]
  if (failed === undefined || published.length === 0 || zero === undefined) return null
  return { zero, failed, published: published.slice(0, 3) }
}

/** The CronJob a Job was created by, else the Job itself: the name people know the batch by. */
const batchName = (job: Job): string =>
  job.metadata.ownerReferences.find((o) => o.kind === "CronJob")?.name ?? job.metadata.name

/** Names a published line may carry (`listings-live`, `orders_v2`): words with a dash, dot or underscore. */
const namesIn = (text: string): ReadonlyArray<string> =>
  (text.toLowerCase().match(/[a-z0-9]+(?:[-_.][a-z0-9]+)+/g) ?? []).filter((n) => n.length >= 5)

/**
 * The in-scope workload that reads what the run published: its env names the alias, table or
 * index the run swapped (`LISTINGS_ALIAS=listings-live`). The finding is filed under it, as its
 * change, so it joins that workload's symptoms; none such files it under the run itself.
 */
export const readerOf = (run: HollowRun, workloads: ReadonlyArray<ScopedWorkload>): ScopedWorkload | null => {
  const published = new Set(run.published.flatMap(namesIn))
  return (
    workloads.find(
      (w) =>
        w.inScope &&
        w.kind !== "Job" &&
        containersOf(w).some((c) =>
          c.env.some((e) => namesIn(String(e.value ?? "")).some((n) => published.has(n))),
        ),
    ) ?? null
  )
}

export const hollowRunFinding = (
  job: Job,
  run: HollowRun,
  reader: ScopedWorkload | null,
  ctx: AnalysisContext,
): Finding => {
  const ns = job.metadata.namespace ?? ""
  const batch = batchName(job)
  const done = instantOf(job.status.completionTime) ?? ctx.window.end
  return eksFinding({
    kind: "hollow_batch_run",
    title:
      `${batch} run ${job.metadata.name} completed but wrote nothing (${run.zero}) and still published: ` +
      run.published.join("; "),
    detail:
      `Job ${ns}/${job.metadata.name} reports Complete, yet its log shows every write failed ("${run.failed}") ` +
      `and then the run published its empty result (${run.published.join("; ")}). ` +
      (reader === null ? "Whatever reads it now " : `${reader.name}, which reads it, now `) +
      "reads an empty copy while every pod is healthy. Point the readers back at the previous copy (or " +
      "restore it) and rerun the batch once the writes' failure is fixed; make the run refuse to publish " +
      "a copy with no documents.",
    severity: "high",
    observedAt: done,
    resource: reader === null ? `job/${ns}/${job.metadata.name}` : resourceOf(reader),
    service: reader === null ? batch : reader.name,
    excerpt: [run.zero, run.failed, ...run.published].join("\n"),
  })
}

/** A Job's pods: by `job-name` label or controller reference. */
const podsOf = (job: Job, pods: ReadonlyArray<Pod>): ReadonlyArray<Pod> =>
  pods.filter(
    (p) =>
      p.metadata.namespace === job.metadata.namespace &&
      (p.metadata.labels["job-name"] === job.metadata.name ||
        p.metadata.ownerReferences.some((o) => o.kind === "Job" && o.name === job.metadata.name)),
  )

/**
 * The runs completed in the in-scope workloads' namespaces since the change lookback, latest
 * first, read and judged (at most `maxRuns`, one pod each).
 */
export const readHollowBatchRuns = (
  cluster: ClusterService,
  reader: Reader,
  input: {
    readonly jobs: ReadonlyArray<Job>
    readonly pods: ReadonlyArray<Pod>
    readonly workloads: ReadonlyArray<ScopedWorkload>
    readonly ctx: AnalysisContext
  },
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.gen(function* () {
    const { jobs, pods, workloads, ctx } = input
    const namespaces = new Set(workloads.filter((w) => w.inScope).map((w) => w.namespace))
    const since = ctx.window.changesSince.epochMillis
    const until = ctx.window.end.epochMillis
    const runs = jobs
      .map((job) => ({ job, done: instantOf(job.status.completionTime)?.epochMillis ?? null }))
      .filter(
        (r): r is { job: Job; done: number } =>
          namespaces.has(r.job.metadata.namespace ?? "") &&
          (r.job.status.succeeded ?? 0) > 0 &&
          r.done !== null &&
          r.done >= since &&
          r.done <= until,
      )
      .sort((a, b) => b.done - a.done)
      .slice(0, maxRuns)
    const found = yield* Effect.forEach(
      runs,
      ({ job }) =>
        Effect.gen(function* () {
          const ns = job.metadata.namespace ?? ""
          const pod = podsOf(job, pods)[0]
          const container = pod?.spec.containers[0]?.name
          if (pod === undefined || container === undefined) return null
          const log = yield* reader.read(
            `logs ${ns}/${pod.metadata.name}/${container}`,
            cluster.podLogs(ns, pod.metadata.name, { container, tailLines }),
            "",
          )
          const run = hollowRun(log)
          return run === null ? null : hollowRunFinding(job, run, readerOf(run, workloads), ctx)
        }),
      { concurrency: 2 },
    )
    return found.filter((f): f is Finding => f !== null)
  })
