/**
 * A schema migration run as a Kubernetes Job shortly before a workload's lock errors began
 * (`schema_migration`, a change): a trigger, index or constraint it created makes ordinary
 * transactions take row locks in a new order — deadlocks, lock timeouts — while the migration
 * itself "completed" fine. The Job usually runs in another namespace (the owning team's), so it
 * is read across namespaces, and only when an in-scope workload's own lines name lock errors:
 * most incidents have no migration to explain. Its log says what it created ("CREATE TRIGGER
 * trg_…"), the words a DBA would search the database's log for. The finding is the workload's
 * change, so cause inference lays the locks at the migration's door (causes-chain.ts). Pure but
 * for `readMigrationChanges`.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { instantOf } from "../../domain/kubernetes.js"
import type { Job } from "../../domain/kubernetes-batch.js"
import type { ClusterService } from "../../ports/cluster.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, hhmm, type ScopedWorkload } from "./eks-finding.js"
import type { Reader } from "./gather.js"
import { resourceOf } from "./workloads.js"

/** A database's words for transactions blocking each other (Postgres, MySQL, SQL Server, ORMs). */
export const lockErrorWords =
  /deadlock detected|deadlock found|\bdeadlock\b|lock wait timeout|lock timeout|could not obtain lock|\b40P01\b|\b55P03\b|\b1213\b.*deadlock|LockNotAvailable|still waiting for \w*lock/i

const migrationWords = /migrat|schema[-_ ]?(?:change|update)|flyway|liquibase|alembic|db[-_]?upgrade/i

/** A Job that runs a schema migration: its name, labels, image or arguments say so. */
export const isMigrationJob = (job: Job): boolean => {
  const containers = job.spec.template?.spec.containers ?? []
  const words = [
    job.metadata.name,
    ...Object.entries(job.metadata.labels).flat(),
    ...containers.flatMap((c) => [c.image ?? "", ...(c.args ?? [])]),
  ]
  return words.some((w) => migrationWords.test(w))
}

/** The migration's id: a `migration` label, a `--target` argument, else the number in its name. */
export const migrationIdOf = (job: Job): string | null => {
  const label = job.metadata.labels.migration ?? job.metadata.labels["migration-id"]
  if (label !== undefined && label !== "") return label
  const args = (job.spec.template?.spec.containers ?? []).flatMap((c) => c.args ?? [])
  const target = args.findIndex((a) => /^--?(?:target|to|version|revision)$/.test(a))
  const after = target === -1 ? undefined : args[target + 1]
  if (after !== undefined) return after
  return /(?:^|[-_])(\d{3,})(?:[-_]|$)/.exec(job.metadata.name)?.[1] ?? null
}

const objectKinds =
  /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(TRIGGER|FUNCTION|PROCEDURE|INDEX|TABLE|VIEW|RULE)\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][\w$.]*(?:\(\))?)/gi
const altered =
  /\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?([A-Za-z_][\w$.]*)\s+ADD\s+(CONSTRAINT|COLUMN|FOREIGN KEY)?/gi

/** "trigger trg_sync_stock", "function sync_stock_on_reservation()": what a migration's log says it created. */
export const schemaObjectsOf = (log: string): ReadonlyArray<string> => {
  const created = [...log.matchAll(objectKinds)].map((m) => `${(m[1] ?? "").toLowerCase()} ${m[2] ?? ""}`)
  const changed = [...log.matchAll(altered)].map((m) => `table ${m[1] ?? ""} altered`)
  return [...new Set([...created, ...changed])].slice(0, 4)
}

/** When the in-scope workloads' lock errors began: their earliest log line that names one. */
export const lockErrorsSince = (logs: ReadonlyArray<ContainerLog>): number | null => {
  const times = logs.flatMap((l) =>
    l.text.split("\n").flatMap((line) => {
      if (!lockErrorWords.test(line)) return []
      const t = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/.exec(line)?.[0]
      const ms = t === undefined ? Number.NaN : Date.parse(t)
      return Number.isFinite(ms) ? [ms] : []
    }),
  )
  return times.length === 0 ? null : Math.min(...times)
}

/** A migration this long before the first lock error can still be why (a trigger bites at once). */
export const migrationLeadMs = 2 * 3_600_000

export const migrationChangeFinding = (
  w: ScopedWorkload,
  job: Job,
  log: string,
  locksSinceMs: number,
  ctx: AnalysisContext,
): Finding | null => {
  const done = instantOf(job.status.completionTime ?? job.status.startTime)
  if (done === null || done.epochMillis > locksSinceMs || locksSinceMs - done.epochMillis > migrationLeadMs)
    return null
  if (done.epochMillis > ctx.window.end.epochMillis) return null
  const id = migrationIdOf(job)
  const objects = schemaObjectsOf(log)
  const where = `Job ${job.metadata.namespace ?? "?"}/${job.metadata.name}`
  const gapMin = Math.max(0, Math.round((locksSinceMs - done.epochMillis) / 60_000))
  return eksFinding({
    kind: "schema_migration",
    title:
      `migration ${id ?? job.metadata.name} (${where}) completed at ${hhmm(done)} UTC` +
      `${objects.length === 0 ? "" : `, created ${objects.join(", ")}`} — ${gapMin} min before ${w.name}'s lock errors`,
    detail:
      `${where} ran a schema migration that finished at ${hhmm(done)} UTC; ${w.name}'s own lines name deadlocks or ` +
      `lock timeouts from ${new Date(locksSinceMs).toISOString().slice(11, 16)} UTC on. ` +
      "A trigger, index or constraint a migration adds changes which rows ordinary transactions lock and in what " +
      "order: the migration succeeds, the application's transactions start deadlocking. Revert or fix the migration " +
      "(lock rows in a fixed order, drop the trigger) rather than retrying the transactions.",
    severity: "medium",
    observedAt: done,
    // The workload's change, filed under the workload: the Job runs in another team's namespace,
    // and the title names it (a finding scoped by the Job's namespace would never join the locks).
    resource: resourceOf(w),
    service: w.name,
    excerpt: objects.length === 0 ? null : objects.join("; "),
  })
}

/**
 * The last 200 lines of a Job's latest attempt (its newest pod's first container): the error a
 * failed migration is stuck on, or what a finished one changed. "" when it has no pod or log.
 */
export const jobLog = (cluster: ClusterService, reader: Reader, job: Job): Effect.Effect<string> =>
  Effect.gen(function* () {
    const ns = job.metadata.namespace ?? ""
    const pods = yield* reader.read(
      `list pods of job ${ns}/${job.metadata.name}`,
      cluster.listPods(ns, { labelSelector: `job-name=${job.metadata.name}` }),
      [],
    )
    const pod = [...pods].sort((a, b) =>
      (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? ""),
    )[0]
    const container = pod?.spec.containers[0]?.name
    if (pod === undefined || container === undefined) return ""
    return yield* reader.read(
      `logs ${ns}/${pod.metadata.name}/${container}`,
      cluster.podLogs(ns, pod.metadata.name, { container, tailLines: 200 }),
      "",
    )
  })

/**
 * The migration Jobs of every namespace that finished shortly before the in-scope workloads'
 * lock errors, with their pods' logs: read only when such errors are there.
 */
export const readMigrationChanges = (
  cluster: ClusterService,
  reader: Reader,
  workloads: ReadonlyArray<ScopedWorkload>,
  logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>,
  ctx: AnalysisContext,
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.gen(function* () {
    const subject = workloads.find((w) => w.inScope && lockErrorsSince(logsOf(w, logs)) !== null)
    const since = subject === undefined ? null : lockErrorsSince(logsOf(subject, logs))
    if (subject === undefined || since === null) return []
    const jobs = (yield* reader.read("list jobs (all namespaces)", cluster.listJobs(null), [])).filter(
      (j) => isMigrationJob(j) && (j.status.succeeded ?? 0) > 0,
    )
    const found = yield* Effect.forEach(
      jobs.slice(0, 3),
      (job) =>
        Effect.map(jobLog(cluster, reader, job), (log) =>
          migrationChangeFinding(subject, job, log, since, ctx),
        ),
      { concurrency: 2 },
    )
    return found.filter((f): f is Finding => f !== null)
  })

const logsOf = (w: ScopedWorkload, logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>) =>
  logs.get(resourceOf(w)) ?? []
