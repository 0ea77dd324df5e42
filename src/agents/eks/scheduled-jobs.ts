/**
 * Scheduled jobs that did not run, could not finish or ran at a bad time, from the CronJobs and
 * Jobs themselves (a skipped run leaves no pod, a Job killed at its deadline has its pod deleted):
 *
 * - a CronJob suspended (`spec.suspend: true`): no run is created at all;
 * - a CronJob whose runs are skipped because the previous one is still active
 *   (concurrencyPolicy Forbid, the controller's JobAlreadyActive event): the hung run and since when;
 * - a run that failed with no pod left to show it (DeadlineExceeded), with the other batch run
 *   that was active all along beside it (a lock or table both need);
 * - a run started shortly before the alert and still going against a host the alerting
 *   workload is configured to use (a backup's pg_dump on the service's database at peak).
 *
 * Only CronJobs the alert is about are judged (a suspended CronJob nobody asked about is a
 * choice, not an incident). Pure.
 */
import type { DateTime } from "effect"
import { cronJobOf } from "../../domain/alert-facts-names.js"
import type { Finding } from "../../domain/finding.js"
import type { Container } from "../../domain/kubernetes.js"
import { eventTime, instantOf, type KubeEvent } from "../../domain/kubernetes.js"
import type { CronJob, Job } from "../../domain/kubernetes-batch.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import { containersOf } from "./configured-dependencies.js"
import {
  type AnalysisContext,
  eksFinding,
  observedNow,
  ongoingAt,
  type ScopedWorkload,
} from "./eks-finding.js"
import { type AlertTerms, inScopeOf, relevance } from "./relevance.js"
import { resourceOf } from "./workloads.js"

export interface ScheduledJobsInput {
  readonly terms: AlertTerms
  readonly cronJobs: ReadonlyArray<CronJob>
  readonly jobs: ReadonlyArray<Job>
  readonly events: ReadonlyArray<KubeEvent>
  readonly workloads: ReadonlyArray<ScopedWorkload>
  /** Findings already made: a failed run the pods' own analysis reported is not reported twice. */
  readonly findings: ReadonlyArray<Finding>
  readonly ctx: AnalysisContext
}

const nsOf = (o: { readonly metadata: { readonly namespace?: string | undefined } }): string =>
  o.metadata.namespace ?? ""

/** The CronJob that created a Job: its controller reference, else its `<cronjob>-<minute>` name. */
export const ownerCronJob = (job: Job): string | null =>
  job.metadata.ownerReferences.find((r) => r.kind === "CronJob")?.name ?? cronJobOf(job.metadata.name)

const iso = (t: DateTime.Utc): string =>
  `${new Date(t.epochMillis).toISOString().slice(0, 16).replace("T", " ")} UTC`

const hm = (t: DateTime.Utc): string => `${utcHhmm(t.epochMillis)} UTC`

/** `1d 0h40m`, `3h05m`, `12m`. */
export const duration = (ms: number): string => {
  const m = Math.max(0, Math.floor(ms / 60_000))
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  const mm = String(m % 60).padStart(2, "0")
  return d > 0 ? `${d}d ${h}h${mm}m` : h > 0 ? `${h}h${mm}m` : `${m % 60}m`
}

/** The CronJobs the alert is about: by name or label, a run of them named, else its namespace. */
export const cronJobsInScope = (
  terms: AlertTerms,
  cronJobs: ReadonlyArray<CronJob>,
  workloads: ReadonlyArray<ScopedWorkload>,
  /** Only those the alert's words or names match, not every CronJob of its namespace. */
  matched = false,
): ReadonlySet<CronJob> => {
  const runsInScope = new Set(
    workloads.filter((w) => w.inScope && w.kind === "Job").flatMap((w) => cronJobOf(w.name) ?? []),
  )
  const named = (c: CronJob) =>
    [...terms.names].some((n) => cronJobOf(n) === c.metadata.name) || runsInScope.has(c.metadata.name)
  const scored = cronJobs.map((c) => ({
    candidate: {
      cronJob: c,
      namespace: nsOf(c),
      name: c.metadata.name,
      labelValues: Object.values(c.metadata.labels).map((v) => v.toLowerCase()),
      podNames: [],
      nodeNames: [],
    },
    score: 0,
  }))
  const withScores = scored.map((s) => ({
    ...s,
    score: relevance(terms, s.candidate) + (named(s.candidate.cronJob) ? 100 : 0),
  }))
  const ofNamespace = withScores.filter(
    (s) => terms.namespace === null || s.candidate.namespace.toLowerCase() === terms.namespace,
  )
  const inScope = inScopeOf(terms, ofNamespace)
  return new Set(
    ofNamespace
      .filter((s) => inScope.has(s.candidate) && (!matched || s.score > 0))
      .map((s) => s.candidate.cronJob),
  )
}

const runsOf = (c: CronJob, jobs: ReadonlyArray<Job>): ReadonlyArray<Job> =>
  jobs.filter((j) => nsOf(j) === nsOf(c) && ownerCronJob(j) === c.metadata.name)

const startOf = (j: Job): DateTime.Utc | null =>
  instantOf(j.status.startTime) ?? instantOf(j.metadata.creationTimestamp)

const isActive = (j: Job): boolean =>
  (j.status.active ?? 0) > 0 ||
  (j.status.completionTime === undefined &&
    !j.status.conditions.some((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True"))

const schedule = (c: CronJob): string =>
  c.spec.schedule === undefined
    ? ""
    : ` (schedule "${c.spec.schedule}"${c.spec.timeZone === undefined ? "" : ` ${c.spec.timeZone}`})`

/** `spec.suspend: true` on a CronJob the alert is about: the controller creates no run at all. */
export const suspendedFinding = (c: CronJob, ctx: AnalysisContext): Finding | null => {
  if (c.spec.suspend !== true) return null
  const last = instantOf(c.status.lastScheduleTime)
  const lastOk = instantOf(c.status.lastSuccessfulTime)
  const since = last === null ? "no run recorded" : `last run scheduled ${iso(last)}`
  return eksFinding({
    kind: "cronjob_suspended",
    title: `${c.metadata.name}: CronJob suspended (spec.suspend: true) — no scheduled run is created; ${since}${schedule(c)}`,
    detail:
      `CronJob ${nsOf(c)}/${c.metadata.name} has spec.suspend: true, so the controller skips every scheduled time until it is resumed. ` +
      `Last scheduled: ${last === null ? "never" : iso(last)}; last successful: ${lastOk === null ? "never" : iso(lastOk)}.`,
    severity: "high",
    observedAt: observedNow(ctx),
    resource: `cronjob/${nsOf(c)}/${c.metadata.name}`,
    service: c.metadata.name,
    excerpt: "spec.suspend: true",
  })
}

const hungAfterMs = 60 * 60_000
const hungFactor = 3

/** How long the latest completed run took; null when none is known. */
export const lastRunMs = (runs: ReadonlyArray<Job>): number | null => {
  const done = runs
    .flatMap((j) => {
      const s = startOf(j)?.epochMillis
      const e = instantOf(j.status.completionTime)?.epochMillis
      return s === undefined || e === undefined || e < s ? [] : [{ s, e }]
    })
    .sort((a, b) => b.e - a.e)[0]
  return done === undefined ? null : done.e - done.s
}

/** The controller's words for a run it did not start because the last is still active. */
const skippedRun = /jobalreadyactive|prior execution is (?:still )?running|already (?:has an )?active/i

/**
 * Runs skipped because the previous run never finished (concurrencyPolicy Forbid): the
 * JobAlreadyActive events, the active run and how long it has been running.
 */
export const blockedFinding = (
  c: CronJob,
  jobs: ReadonlyArray<Job>,
  events: ReadonlyArray<KubeEvent>,
  ctx: AnalysisContext,
): Finding | null => {
  const skipped = events
    .filter(
      (e) =>
        e.involvedObject.kind === "CronJob" &&
        e.involvedObject.name === c.metadata.name &&
        (e.involvedObject.namespace ?? e.metadata.namespace ?? "") === nsOf(c) &&
        skippedRun.test(`${e.reason ?? ""} ${e.message ?? ""}`),
    )
    .sort((a, b) => (eventTime(b)?.epochMillis ?? 0) - (eventTime(a)?.epochMillis ?? 0))
  const activeNames = new Set(c.status.active.flatMap((r) => (r.name === undefined ? [] : [r.name])))
  const active = runsOf(c, jobs)
    .filter((j) => activeNames.has(j.metadata.name) || isActive(j))
    .sort((a, b) => (startOf(a)?.epochMillis ?? 0) - (startOf(b)?.epochMillis ?? 0))
  const [hung] = active
  const [latest] = skipped
  if (hung === undefined) return null
  const now = ctx.now ?? ctx.window.end
  // The controller's events expire after an hour; without them, a run under Forbid going far
  // longer than the last completed one is what the next scheduled times are waiting on.
  const hungStart = startOf(hung)
  const usual = lastRunMs(runsOf(c, jobs))
  const overdue =
    c.spec.concurrencyPolicy === "Forbid" &&
    hungStart !== null &&
    usual !== null &&
    now.epochMillis - hungStart.epochMillis >= Math.max(hungAfterMs, usual * hungFactor)
  // Without either, an active run is only a run in progress.
  if (latest === undefined && !overdue) return null
  const started = startOf(hung)
  const running =
    started === null ? "" : ` since ${iso(started)} (${duration(now.epochMillis - started.epochMillis)})`
  const deadline = hung.spec.activeDeadlineSeconds
  return eksFinding({
    kind: "cronjob_blocked",
    title: `${c.metadata.name}: run skipped, prior run still running (${latest === undefined ? "" : "JobAlreadyActive, "}concurrencyPolicy ${c.spec.concurrencyPolicy ?? "Forbid"}) — ${hung.metadata.name} active${running}`,
    detail:
      (latest === undefined
        ? `Under concurrencyPolicy Forbid no run starts while one is active, and the last completed run took ${duration(usual ?? 0)}. `
        : `The CronJob controller did not start a new run: ${latest.message ?? latest.reason ?? ""} (×${skipped.length}). `) +
      `Job ${hung.metadata.name} is still active${running}; ${deadline === undefined ? "it has no activeDeadlineSeconds, so nothing stops a hung run" : `its activeDeadlineSeconds is ${deadline}`}.`,
    severity: "high",
    observedAt: ongoingAt([latest === undefined ? null : eventTime(latest)], ctx),
    resource: `cronjob/${nsOf(c)}/${c.metadata.name}`,
    service: c.metadata.name,
    excerpt: latest?.message ?? null,
  })
}

/** Another batch run active for the whole of `run` (started before it ended, not finished before it began). */
const alongside = (run: Job, others: ReadonlyArray<Job>): Job | null => {
  const start = startOf(run)?.epochMillis
  if (start === undefined) return null
  return (
    others
      .filter((o) => {
        const s = startOf(o)?.epochMillis
        const end = instantOf(o.status.completionTime)?.epochMillis ?? Number.POSITIVE_INFINITY
        return s !== undefined && s <= start && end > start
      })
      .sort((a, b) => (startOf(a)?.epochMillis ?? 0) - (startOf(b)?.epochMillis ?? 0))[0] ?? null
  )
}

const failedReasons = /DeadlineExceeded|BackoffLimitExceeded/

/**
 * A run of an in-scope CronJob that failed in the window and left no pod to analyse (the Job
 * controller deletes a deadline-killed run's pods): why, and the other run active beside it.
 */
export const failedRunFinding = (
  c: CronJob,
  jobs: ReadonlyArray<Job>,
  ctx: AnalysisContext,
): Finding | null => {
  const failed = runsOf(c, jobs)
    .flatMap((j) => {
      const cond = j.status.conditions.find(
        (k) => k.type === "Failed" && k.status === "True" && failedReasons.test(k.reason ?? ""),
      )
      const at = instantOf(cond?.lastTransitionTime)
      return cond === undefined || at === null ? [] : [{ job: j, cond, at }]
    })
    .filter((x) => x.at.epochMillis >= ctx.window.start.epochMillis - 6 * 3600_000)
    .sort((a, b) => b.at.epochMillis - a.at.epochMillis)
  const [last] = failed
  if (last === undefined) return null
  const others = jobs.filter((j) => nsOf(j) === nsOf(c) && ownerCronJob(j) !== c.metadata.name)
  const beside = alongside(last.job, others)
  const besideStart = beside === null ? null : startOf(beside)
  const besideText =
    beside === null
      ? ""
      : ` (${ownerCronJob(beside) === null ? "" : `CronJob ${ownerCronJob(beside)}, `}running since ${besideStart === null ? "before it" : hm(besideStart)}${isActive(beside) ? ", still active" : ""}: a lock or resource both use?)`
  const deadline = last.job.spec.activeDeadlineSeconds
  return eksFinding({
    kind: "job_failed",
    title: `${c.metadata.name}: Job ${last.job.metadata.name} ${last.cond.reason ?? "Failed"}${beside === null ? "" : ` blocked beside ${beside.metadata.name}`}${besideText} — ${last.cond.message ?? ""}${deadline === undefined ? "" : ` (activeDeadlineSeconds ${deadline})`}`,
    detail:
      `Job ${nsOf(c)}/${last.job.metadata.name} of CronJob ${c.metadata.name} failed at ${iso(last.at)} (${last.cond.reason ?? "Failed"}); its pods are gone.` +
      (beside === null
        ? ""
        : ` Job ${beside.metadata.name} was active for the whole run; a run that waits the whole deadline is usually blocked on something the other holds (a table lock, a file, a quota).`),
    severity: "high",
    observedAt: last.at,
    resource: `job/${nsOf(c)}/${last.job.metadata.name}`,
    service: c.metadata.name,
    excerpt: last.cond.message ?? null,
  })
}

// A DNS name of three labels or more anywhere in a value: `PGHOST=db.x.rds.amazonaws.com`,
// `jdbc:postgresql://db.x.rds.amazonaws.com:5432/orders` (a scheme with a colon in it).
const hostWords = /(?<![\w.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){2,}(?![\w-])/gi
// Shared by everything in a cluster or a cloud region: not a sign two workloads compete.
const commonHosts =
  /^(?:kubernetes\.default|localhost)|\.svc$|^(?:[\w-]+\.)?(?:s3|sts|sqs|sns|logs|monitoring|ecr|dkr)\.[\w.-]*amazonaws\.com$|^\d+\.\d+\.\d+\.\d+$/i

// A variable holding where to connect (`DATABASE_URL`, `PGHOST`, `REDIS_DSN`), read from a Secret.
const addressFromSecret =
  /(?:URLS?|URIS?|HOSTS?|DSN|ENDPOINTS?|ADDR|ADDRESS|BROKERS?|CONNECTION(?:_STRING)?)$/i

/**
 * The hosts the containers' env values name, whatever the variable or URL scheme; an address
 * kept in a Secret is that Secret (`Secret ledger-db`): two workloads reading the same one
 * connect to the same place (`ledger-db (Secret)`).
 */
export const hostsNamed = (containers: ReadonlyArray<Container>): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const c of containers)
    for (const e of c.env) {
      const secret = e.valueFrom?.secretKeyRef?.name
      if (secret !== undefined && addressFromSecret.test(e.name) && !out.has(`${secret} (Secret)`))
        out.set(`${secret} (Secret)`, e.name)
      if (typeof e.value !== "string" || e.value.length > 2_000) continue
      for (const m of e.value.matchAll(hostWords)) {
        const host = m[0].toLowerCase().replace(/\.+$/, "")
        if (!commonHosts.test(host) && !out.has(host)) out.set(host, e.name)
      }
    }
  return out
}

/**
 * Batch runs started shortly before the alert and still running against a host an in-scope
 * workload is configured to use (its database, its cache): the run competes with the service
 * for it. A finding about the workload, so its timeouts and latency are read as this run's.
 */
export const overlappingRunFindings = (
  workloads: ReadonlyArray<ScopedWorkload>,
  cronJobs: ReadonlyArray<CronJob>,
  jobs: ReadonlyArray<Job>,
  ctx: AnalysisContext,
): ReadonlyArray<Finding> => {
  const from = ctx.window.start.epochMillis - (ctx.window.end.epochMillis - ctx.window.start.epochMillis)
  const until = ctx.window.end.epochMillis
  const recent = jobs.filter((j) => {
    const s = startOf(j)?.epochMillis
    return s !== undefined && s >= from && s <= until && isActive(j) && ownerCronJob(j) !== null
  })
  return workloads
    .filter((w) => w.inScope && w.kind !== "Job")
    .flatMap((w) => {
      const uses = hostsNamed(containersOf(w))
      if (uses.size === 0) return []
      // One finding per CronJob: its earliest recent run, and how many of its runs are active.
      const firstRuns = [
        ...new Map(
          // Latest first, so the earliest run of each CronJob is the one kept.
          [...recent]
            .sort((a, b) => (startOf(b)?.epochMillis ?? 0) - (startOf(a)?.epochMillis ?? 0))
            .map((j) => [`${nsOf(j)}/${ownerCronJob(j)}`, j]),
        ).values(),
      ]
      return firstRuns.flatMap((j) => {
        const owner = ownerCronJob(j) ?? ""
        const c = cronJobs.find((x) => x.metadata.name === owner && nsOf(x) === nsOf(j))
        const template =
          j.spec.template?.spec?.containers ?? c?.spec.jobTemplate?.spec?.template?.spec?.containers ?? []
        const shared = [...hostsNamed(template)].find(([host]) => uses.has(host))
        const started = startOf(j)
        if (shared === undefined || started === null) return []
        const active = jobs.filter(
          (x) => nsOf(x) === nsOf(j) && ownerCronJob(x) === owner && isActive(x),
        ).length
        const piled =
          active > 1
            ? ` with ${active} runs active at once (overlapping, concurrencyPolicy ${c?.spec.concurrencyPolicy ?? "Allow"})`
            : ""
        return [
          eksFinding({
            kind: "batch_overlap",
            title: `${w.name}: CronJob ${owner}${piled} running against ${shared[0]}, which ${w.name} uses — run ${j.metadata.name} started ${hm(started)}, still active${c === undefined ? "" : schedule(c)}`,
            detail:
              `Job ${nsOf(j)}/${j.metadata.name} (CronJob ${owner}) has been running since ${iso(started)} and is configured to reach ${shared[0]} (${shared[1]}), ` +
              `which ${w.kind} ${w.namespace}/${w.name} also uses: a batch run at this hour competes with the service for it.`,
            severity: "high",
            observedAt: started,
            resource: resourceOf(w),
            service: w.name,
          }),
        ]
      })
    })
}

/** Every scheduled-job finding for the CronJobs the alert is about (see the module header). */
export const scheduledJobFindings = (input: ScheduledJobsInput): ReadonlyArray<Finding> => {
  const scoped = cronJobsInScope(input.terms, input.cronJobs, input.workloads)
  // A suspended CronJob is often a choice: only one the alert names or describes is suspect.
  const named = cronJobsInScope(input.terms, input.cronJobs, input.workloads, true)
  const reported = new Set(input.findings.filter((f) => f.kind === "job_failed").map((f) => f.service ?? ""))
  const present = <A>(xs: ReadonlyArray<A | null>): ReadonlyArray<A> => xs.filter((x): x is A => x !== null)
  return [
    ...[...scoped].flatMap((c) =>
      present([
        named.has(c) ? suspendedFinding(c, input.ctx) : null,
        blockedFinding(c, input.jobs, input.events, input.ctx),
        reported.has(c.metadata.name) ? null : failedRunFinding(c, input.jobs, input.ctx),
      ]),
    ),
    ...overlappingRunFindings(input.workloads, input.cronJobs, input.jobs, input.ctx),
  ]
}
