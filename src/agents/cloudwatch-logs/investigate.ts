/**
 * The logs agent's plan, deterministic: discover the alert's log groups, query the best few for
 * the window's error lines, then — when the alerting service's own errors blame a dependency by
 * name ("upstream": "carrier-rates") and time allows — find and query that dependency's groups
 * too, since its own errors are often the cause. Everything is bounded by `answerByMs`.
 */

import { Clock, Duration, Effect, Option } from "effect"
import type { AgentResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { awsThrottleOf } from "../../domain/aws-throttling.js"
import { silentFailureCondition } from "../../domain/credential-failure-lines.js"
import { switchSymptomWords } from "../../domain/datastore-failover.js"
import type { Finding } from "../../domain/finding.js"
import { clientErrorOnly } from "../../domain/integration-exceptions.js"
import type { LogCluster } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { dependencySearchName } from "../../domain/log-group-names.js"
import { logOrigin } from "../../domain/log-origin.js"
import { connectTimeoutOf, foreignRefusal } from "../../domain/network-path-change.js"
import { proxyTimeoutFindings } from "../../domain/proxy-timeout.js"
import { reportedErrorCondition } from "../../domain/reported-error.js"
import { sharedJobGroups, streamNamedWith, streamWordsCondition } from "../../domain/shared-job-groups.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import { LogSourceError, type LogSourceService } from "../../ports/log-source.js"
import { sweepAccessDenied } from "./access-denied-sweep.js"
import { auditFindings } from "./audit-findings.js"
import { sweepAwsThrottling } from "./aws-throttle-sweep.js"
import { sweepCacheMemory } from "./cache-memory-sweep.js"
import { databaseStallWords, sweepMigrationLocks } from "./db-lock-sweep.js"
import { discoverDependencyGroups, discoverLogGroups } from "./discover.js"
import { searchClusterWords, sweepDiskWatermarks } from "./disk-watermark-sweep.js"
import { sweepDownstreamCalls } from "./downstream-call-sweep.js"
import { sweepEmptyRuns } from "./empty-run-sweep.js"
import { errorQuery, scopeCondition, scopedErrorQuery, signatureQuery } from "./error-query.js"
import { sweepFailovers } from "./failover-sweep.js"
import { sweepHostKernel } from "./host-kernel-sweep.js"
import { sweepIntegrationExceptions } from "./integration-exception-sweep.js"
import { sweepLambdaInitFailures } from "./lambda-init-sweep.js"
import { type LambdaMemorySweep, namingInvokedFunction, sweepLambdaMemory } from "./lambda-memory-sweep.js"
import { sweepLambdaTimeouts } from "./lambda-timeout-sweep.js"
import { sweepLockHolders } from "./lock-holder-sweep.js"
import { sweepNetworkPaths } from "./network-path-sweep.js"
import { sweepPerformance } from "./performance-sweep.js"
import { besidePoison } from "./poison-bystanders.js"
import { sweepPolicyVerdicts } from "./policy-verdict-sweep.js"
import { sweepProviderLoad } from "./provider-load-sweep.js"
import {
  clustersOf,
  linesOf,
  partsOf,
  type QueryPass,
  queryParts,
  queryPass,
  type Range,
} from "./query-pass.js"
import { redeliveryFindings } from "./redelivery-findings.js"
import { sweepInvocationMessages } from "./redelivery-sweep.js"
import { reportErrorPass } from "./report-error-pass.js"
import { resourceCallerPass, resourceUserPass } from "./resource-user-pass.js"
import { rotationFindings } from "./rotation-findings.js"
import { sweepSchemaChanges } from "./schema-change-sweep.js"
import { inScopeClusters, signatureFindings } from "./signature-findings.js"
import { databaseRefusalPass, silentFailurePass, silentFailureSubjects } from "./silent-failure-pass.js"
import { slowDatabaseWords, sweepSlowQueries } from "./slow-query-sweep.js"

export interface InvestigateOptions {
  readonly logGroupPrefixes: ReadonlyArray<string>
  /** `sources.kubernetes.cluster_name`: stands in when the alert names no cluster. */
  readonly clusterName: string | null
  readonly maxGroups: number
  readonly maxFindings: number
}

export type Outcome = Omit<AgentResult, "agent" | "usage" | "durationMs">

/** Dependencies followed at most, their groups queried at most, and the time a follow-up needs. */
const maxDependencies = 2
const maxDependencyGroups = 3
const followUpMinMs = 3000
const stopGraceMs = 3500

const noGroups: ReadonlyArray<RankedLogGroup> = []
const nothingFollowed = { blamed: [], groups: noGroups, pass: Option.none<QueryPass>() }

const asContext = (f: Finding): Finding => ({ ...f, severity: "info" })
const asSupport = (f: Finding): Finding =>
  f.severity === "critical" || f.severity === "high" ? { ...f, severity: "medium" } : f
const failing = (c: LogCluster): boolean => c.level !== "info" || c.serverError
const unique = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

const incompleteFinding = (source: LogSourceService, pass: QueryPass, range: Range): Finding => ({
  id: "",
  agent: "cloudwatch_logs",
  title: `Logs Insights query did not finish in time: partial results (${pass.outcome.rows.length} rows)`,
  detail:
    `The query over ${pass.groups.join(", ")} was still ${pass.outcome.status} after ${pass.outcome.polls} poll(s); ` +
    `it was stopped${pass.outcome.stopped ? " (StopQuery)" : " by CloudWatch"} so the report is not late, ` +
    "and the signatures rest on the rows it had returned.",
  severity: "info",
  kind: "query_incomplete",
  observedAt: null,
  resource: `loggroup/${pass.groups[0] ?? ""}`,
  service: null,
  link: source.consoleUrl({ logGroups: pass.groups, query: pass.query, ...range }),
  excerpt: null,
})

/** Query the groups of the dependencies the first passes' in-scope errors blame, if time allows. */
const followDependencies = (
  source: LogSourceService,
  task: AgentTask,
  first: ReadonlyArray<QueryPass>,
  names: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
) =>
  Effect.gen(function* () {
    const blamed = unique(
      inScopeClusters(clustersOf(first).filter(failing), task.facts).flatMap((c) => {
        const name = c.dependency === null ? null : dependencySearchName(c.dependency)
        return name === null || names.includes(name) ? [] : [name]
      }),
    ).slice(0, maxDependencies)
    const now = yield* Clock.currentTimeMillis
    if (blamed.length === 0 || first.some((p) => p.incomplete) || answerByMs - now < followUpMinMs) {
      return { blamed, groups: noGroups, pass: Option.none<QueryPass>() }
    }
    const found = yield* discoverDependencyGroups(
      source,
      blamed,
      first.flatMap((p) => p.groups),
    )
    const groups = found.ranked.slice(0, maxDependencyGroups)
    if (groups.length === 0) return { blamed, groups, pass: Option.none<QueryPass>() }
    const pass = yield* queryPass(source, groups, range, answerByMs)
    return { blamed, groups, pass: pass.failed ? Option.none<QueryPass>() : Option.some(pass) }
  })

export const investigate = (
  task: AgentTask,
  source: LogSourceService,
  options: InvestigateOptions,
  answerByMs: number,
): Effect.Effect<Outcome, LogSourceError> =>
  Effect.gen(function* () {
    const range = { startMs: task.alert.window.start.epochMillis, endMs: task.alert.window.end.epochMillis }
    const untilBound = Duration.millis(Math.max(0, answerByMs - (yield* Clock.currentTimeMillis)))
    const discovery = yield* discoverLogGroups(
      source,
      task.facts,
      options.logGroupPrefixes,
      task.alert.text,
      options.clusterName,
    ).pipe(
      Effect.timeoutFail({
        duration: untilBound,
        onTimeout: () =>
          new LogSourceError({
            reason: "unavailable",
            message: "CloudWatch Logs did not answer log-group discovery before the report was due",
          }),
      }),
    )
    const notes: Array<string> = []
    if (discovery.missing.length > 0)
      notes.push(`not found in ${source.region}: ${discovery.missing.join(", ")}`)
    if (task.facts.region !== null && source.region !== "" && task.facts.region !== source.region) {
      notes.push(`the alert names ${task.facts.region}; these logs are from ${source.region}`)
    }
    if (discovery.failures.length > 0) notes.push(`${discovery.failures.length} log-group search(es) failed`)
    const found = discovery.clusters
    if (found.chosen.length > 0) {
      const more = found.skipped.length > 0 ? ` (not ${found.skipped.join(", ")})` : ""
      notes.push(
        `${discovery.plan.cluster === null ? "the alert names no cluster" : `${discovery.plan.cluster} has no log groups here`}; ` +
          `searched the application logs of ${found.chosen.join(", ")}${more} for the alert's names`,
      )
    }
    // A person's report naming nothing: the lines holding the error it quotes (reported-error.ts).
    // Nor an error: the lines of a refused or expired certificate or a refused credential, which
    // fail every call while the pods look healthy (certificate-/credential-failure-lines.ts).
    const byNames =
      scopeCondition(discovery.plan.names, discovery.plan.namespace) ??
      reportedErrorCondition(discovery.plan.phrase ?? null) ??
      (discovery.plan.certificates === true ? silentFailureCondition : null)
    // A shared job group (AWS Batch's) taken for the report's words: its job's streams too.
    const jobWords = discovery.streamWords ?? []
    const streams = streamWordsCondition(jobWords)
    const scope = streams === null ? byNames : byNames === null ? streams : `(${byNames}) or (${streams})`
    const chosen = discovery.ranked.filter((g) => !g.shared || scope !== null).slice(0, options.maxGroups)
    const outcome = (
      status: Outcome["status"],
      findings: ReadonlyArray<Finding>,
      summary: string,
      scanned: ReadonlyArray<string>,
    ): Outcome => ({
      status,
      findings: [...findings],
      summary: [summary, ...notes].filter((s) => s !== "").join("; "),
      reason: null,
      scanned: scanned.map((g) => `loggroup/${g}`),
    })
    // A service timing out on its database: the database's own log may name a migration's table
    // lock (db-lock-sweep.ts). The alert's names and the service-like words a person wrote.
    // Not the cluster's name: it houses a database (below), it is not the service using it.
    const databaseNames = unique([
      ...discovery.plan.names,
      ...task.facts.keywords.filter((k) => k.includes("-")).map((k) => k.toLowerCase()),
    ]).filter((n) => n.toLowerCase() !== discovery.plan.cluster?.toLowerCase())
    // `erring`: the alert is about errors, so a holder of rows is worth the one query even when
    // no line says "timeout" (a migration's lock is asked for only when something stalls).
    const sweepLocks = (stalled: boolean, namespaces: ReadonlyArray<string>, erring = stalled) =>
      Effect.gen(function* () {
        if (!stalled && !erring) return []
        const left = Duration.millis(Math.max(0, answerByMs + stopGraceMs - (yield* Clock.currentTimeMillis)))
        // A database is named after its team (the namespace) or after the product the cluster
        // runs (`inkwell-signdb-prod` in cluster `inkwell-prod`): both house the alert's service.
        const housing = unique([
          ...namespaces,
          ...(discovery.plan.cluster === null ? [] : [discovery.plan.cluster]),
        ])
        return yield* Effect.all(
          [
            stalled
              ? sweepMigrationLocks(source, databaseNames, housing, range, answerByMs)
              : Effect.succeed<ReadonlyArray<Finding>>([]),
            sweepLockHolders(source, databaseNames, housing, range, answerByMs, task.facts.service),
          ],
          { concurrency: 2 },
        ).pipe(
          Effect.map(([migrations, holders]) => [...migrations, ...holders]),
          Effect.timeoutOption(left),
          Effect.map(Option.getOrElse((): ReadonlyArray<Finding> => [])),
          Effect.catchAll(() => {
            notes.push("reading the database's log for lock waits failed")
            return Effect.succeed<ReadonlyArray<Finding>>([])
          }),
        )
      })
    // A table lock shows to users as requests that hang until they time out.
    const alertStalled =
      databaseStallWords.test(task.alert.text) ||
      /\btim(?:ed|ing) out\b|\bhang(?:s|ing)?\b/i.test(task.alert.text)
    // A service answering errors may be failing on rows another session holds: its database's
    // log names the holder (lock-holder-sweep.ts), though the alert says only "5xx".
    const alertErring = alertStalled || /\b5\d\d\b|\b5xx\b|\berrors?\b|\bdeadlock/i.test(task.alert.text)
    // No group of the alert's service here (it logs elsewhere, in pods): its databases may still
    // have recorded its refused logins — a rotated password, connection slots run out — and the
    // passes below read them and the rotation behind them (silent-failure-pass.ts, rotation-findings.ts).
    const refusedUnread =
      chosen.length === 0
        ? yield* databaseRefusalPass(source, discovery.plan.names, [], range, answerByMs).pipe(
            Effect.orElseSucceed((): ReadonlyArray<QueryPass> => []),
          )
        : null
    if (chosen.length === 0 && (refusedUnread ?? []).length === 0) {
      const locks = yield* sweepLocks(
        alertStalled,
        task.facts.namespace === null ? [] : [task.facts.namespace],
        alertErring,
      )
      // A person's report names no group, yet the services' timeouts may say a change closed their path.
      const paths =
        locks.length > 0 || task.facts.source !== "human"
          ? []
          : yield* sweepNetworkPaths(source, [], range, answerByMs).pipe(
              Effect.orElseSucceed((): ReadonlyArray<Finding> => []),
            )
      if (paths.length > 0)
        return outcome("ok", paths, `no log group named after the alert; ${paths[0]?.title ?? ""}`, [])
      // A role AWS refuses (a certificate controller's Route 53 change) is in CloudTrail, whatever
      // group the alert's service logs to (access-denied-sweep.ts).
      const refusals =
        locks.length > 0
          ? []
          : yield* sweepAccessDenied(source, task.alert.text, discovery.plan.names, range, answerByMs).pipe(
              Effect.orElseSucceed((): ReadonlyArray<Finding> => []),
            )
      if (refusals.length > 0)
        return outcome("ok", refusals, `no log group named after the alert; ${refusals[0]?.title ?? ""}`, [])
      if (locks.length === 0) return outcome("ok", [], "no CloudWatch log group relates to this alert", [])
      return outcome(
        "ok",
        locks,
        `no log group named after the alert; its database's log: ${locks[0]?.title ?? ""}`,
        locks.flatMap((f) => (f.resource === null ? [] : [f.resource.replace(/^loggroup\//, "")])),
      )
    }

    const firstAll = yield* queryParts(source, partsOf(chosen, scope), range, answerByMs)
    const firstRead = firstAll.filter((p) => !p.failed)
    // No line names the alarm's resource in a shared group: its users' lines (resource-user-pass.ts).
    const users = yield* resourceUserPass(
      source,
      task.facts,
      discovery.plan.names,
      scope === null ? [] : chosen.filter((g) => g.shared),
      firstRead.filter((p) => p.scope !== null),
      range,
      answerByMs,
    ).pipe(Effect.orElseSucceed((): ReadonlyArray<QueryPass> => []))
    if (users.length > 0) notes.push("no line named the alert's resource; read its users' lines")
    // A person's words found in no line: certificate failures and refused credentials in the shared
    // groups and the databases' logs (silent-failure-pass.ts).
    const silent =
      users.length > 0
        ? []
        : yield* silentFailurePass(
            source,
            task.facts,
            chosen.filter((g) => g.shared),
            firstRead.filter((p) => p.scope !== null),
            range,
            answerByMs,
          ).pipe(Effect.orElseSucceed((): ReadonlyArray<QueryPass> => []))
    if (silent.length > 0)
      notes.push("no line held the report's words; read the certificate failures and refused credentials")
    // Nor a silent failure: the shared groups' errors, whoever logged them (report-error-pass.ts).
    const unnamed =
      users.length > 0
        ? []
        : yield* reportErrorPass(
            source,
            task.facts,
            chosen.filter((g) => g.shared),
            [...firstRead.filter((p) => p.scope !== null), ...silent],
            range,
            answerByMs,
          ).pipe(Effect.orElseSucceed((): ReadonlyArray<QueryPass> => []))
    if (unnamed.length > 0) notes.push("no line held the report's words; read the shared logs' errors")
    // The alert's service logged nothing of its own here: its databases' refused connections.
    const refused =
      silent.length > 0 || users.length > 0 || unnamed.length > 0
        ? []
        : (refusedUnread ??
          (yield* databaseRefusalPass(source, discovery.plan.names, firstRead, range, answerByMs).pipe(
            Effect.orElseSucceed((): ReadonlyArray<QueryPass> => []),
          )))
    if (refused.length > 0)
      notes.push("the alert's service logged nothing of its own; read its databases' refused connections")
    // No error of its own in its groups: its callers' refused calls on it (resource-user-pass.ts).
    const quiet = !clustersOf([...firstRead, ...users, ...silent, ...unnamed, ...refused]).some(
      (c) => c.level === "error" || c.level === "fatal" || c.serverError,
    )
    const callers = quiet
      ? yield* resourceCallerPass(
          source,
          task.facts,
          discovery.plan.names,
          firstRead.flatMap((p) => p.groups),
          range,
          answerByMs,
        ).pipe(Effect.orElseSucceed((): ReadonlyArray<QueryPass> => []))
      : []
    if (callers.length > 0)
      notes.push(`read the calls on the alert's resource in ${callers.flatMap((p) => p.groups).join(", ")}`)
    const first = [...firstRead, ...users, ...silent, ...unnamed, ...refused, ...callers]
    const failedFirst = firstAll.find((p) => p.failed)
    if (failedFirst !== undefined && first.length === 0) {
      return {
        ...outcome(
          "error",
          [],
          "",
          firstAll.flatMap((p) => p.groups),
        ),
        reason: `the Logs Insights query ended ${failedFirst.outcome.status}`,
      }
    }
    if (failedFirst !== undefined)
      notes.push(`the query over ${failedFirst.groups.join(", ")} ended ${failedFirst.outcome.status}`)
    // Past the bound only by what stopping a query there takes (run-query.ts), never more.
    const bound = Duration.millis(Math.max(0, answerByMs + stopGraceMs - (yield* Clock.currentTimeMillis)))
    // A sweep past the answer deadline finds nothing; one that fails finds nothing and says so.
    const bounded = <A, E>(sweep: Effect.Effect<A, E>, none: A, failed: string): Effect.Effect<A> =>
      sweep.pipe(
        Effect.timeoutOption(bound),
        Effect.map(Option.getOrElse(() => none)),
        Effect.catchAll(() => {
          notes.push(failed)
          return Effect.succeed(none)
        }),
      )
    const noFindings: ReadonlyArray<Finding> = []
    const following = bounded(
      followDependencies(source, task, first, discovery.plan.names, range, answerByMs),
      nothingFollowed,
      "following the blamed dependencies failed",
    )
    // The nodes' own kernel limits (a full conntrack table): their pods' timeouts never name
    // them, so the host groups are asked at the same time.
    const clustersToSweep = [
      ...(discovery.plan.cluster === null ? [] : [discovery.plan.cluster]),
      ...found.chosen,
    ]
    const sweeping = bounded(
      sweepHostKernel(source, clustersToSweep, range, answerByMs),
      noFindings,
      "reading the nodes' kernel logs failed",
    )
    // An AWS API refusing a workload the alert does not name (a queue's consumer throttled on
    // its table): the pass scoped to the alert's names never reads it, and its retries are only
    // WARN lines. Asked only when a shared group was read for the alert's names and they logged
    // no error of their own (their own errors are the lead then).
    const ownErrors = clustersOf(first).some(
      (c) => c.level === "error" || c.level === "fatal" || c.serverError,
    )
    const scoped = first.filter((p) => p.scope !== null).flatMap((p) => p.groups)
    // Their own errors an AWS API's refusals (ProvisionedThroughputExceeded): the lead is the
    // throttling, and the sweep is what names the service and the table (or stream, queue) from
    // the lines that carry it, so it reads their groups too.
    const ownThrottled = clustersOf(first).some(
      (c) => (c.level === "error" || c.level === "fatal") && awsThrottleOf(c.example.message) !== null,
    )
    const throttleGroups = ownErrors
      ? ownThrottled
        ? [...new Set(first.flatMap((p) => p.groups))]
        : []
      : scoped
    const throttling = bounded(
      throttleGroups.length === 0
        ? Effect.succeed<ReadonlyArray<Finding>>([])
        : sweepAwsThrottling(
            source,
            throttleGroups,
            range,
            task.alert.window.changesSince.epochMillis,
            answerByMs,
          ),
      noFindings,
      "searching the logs for AWS throttling failed",
    )
    // A third party rate-limiting the alert's services (429): the job or bulk send of ours that
    // drove the calls logs in a group of its own (provider-load-sweep.ts).
    const loading = bounded(
      sweepProviderLoad(
        source,
        {
          read: linesOf(first),
          groups: first.flatMap((p) => p.groups),
          unscoped: ownErrors ? [] : scoped,
          queues: discovery.plan.names,
          range,
        },
        answerByMs,
      ),
      noFindings,
      "searching the logs for what drove a provider's rate limit failed",
    )
    const stalled = alertStalled || linesOf(first).some((l) => databaseStallWords.test(l.message))
    // The namespaces the alert's services run in: a database is often named after its team.
    const namespaces = unique([
      ...(task.facts.namespace === null ? [] : [task.facts.namespace]),
      ...linesOf(first).flatMap((l) => {
        const origin = logOrigin(l.group, l.stream)
        return origin.namespace !== null &&
          origin.service !== null &&
          databaseNames.includes(origin.service.toLowerCase())
          ? [origin.namespace]
          : []
      }),
    ])
    // A NetworkPolicy's dropped flows (DNS, a database port): the agent's lines name no workload,
    // so only the cluster the alert names is asked (policy-verdict-sweep.ts).
    const verdicts = bounded(
      sweepPolicyVerdicts(
        source,
        discovery.plan.cluster === null ? [] : [discovery.plan.cluster],
        range,
        answerByMs,
      ),
      noFindings,
      "reading the network policy agent's verdicts failed",
    )
    // A container at its memory or CPU limit: a leak climbing to its OOM kill logs nothing, the
    // Container Insights performance records say it (performance-sweep.ts).
    const nearLimit = bounded(
      sweepPerformance(source, clustersToSweep, discovery.plan.names, range, answerByMs),
      noFindings,
      "reading the Container Insights performance records failed",
    )
    // A Lambda function ending at its time limit logs no ERROR line (lambda-timeout-sweep.ts).
    const outOfTime = bounded(
      sweepLambdaTimeouts(source, discovery.ranked, range, answerByMs),
      noFindings,
      "reading the Lambda functions' timeouts failed",
    )
    // A Lambda function killed at its memory limit: its callers say only "signal: killed" (lambda-memory-sweep.ts).
    const outOfMemory = bounded(
      sweepLambdaMemory(source, discovery.ranked, linesOf(first), range, answerByMs),
      { findings: [], invokedBy: [] } satisfies LambdaMemorySweep,
      "reading the Lambda functions' memory use failed",
    )
    // A Lambda function that cannot start logs no line of its own, only the runtime's (lambda-init-sweep.ts).
    const notStarting = bounded(
      sweepLambdaInitFailures(source, discovery.ranked, range, answerByMs),
      noFindings,
      "reading the Lambda functions' init failures failed",
    )
    // An API's 5xx say only "Internal server error"; its Lambda's log says which exception (integration-exception-sweep.ts).
    const thrown = bounded(
      sweepIntegrationExceptions(source, discovery.ranked, discovery.plan.names, range, answerByMs),
      noFindings,
      "reading the API's Lambda integrations failed",
    )
    // Nor an exception: the function handled its callee's 503 and answered 502 itself (downstream-call-sweep.ts).
    const calledOut = bounded(
      sweepDownstreamCalls(source, discovery.ranked, linesOf(first), discovery.plan.names, range, answerByMs),
      noFindings,
      "reading the API's Lambda calls to their dependencies failed",
    )
    // A search cluster's full data disk: its nodes' lines name no alert service (disk-watermark-sweep.ts).
    // Asked only when the alert or the lines read speak of a search cluster (its health, shards, a
    // blocked index): an unscoped read of the shared groups is no other alert's business.
    const searchCluster =
      searchClusterWords.test(task.alert.text) ||
      linesOf(first).some((l) => searchClusterWords.test(l.message))
    const watermarks = bounded(
      searchCluster
        ? sweepDiskWatermarks(source, discovery.ranked, range, answerByMs)
        : Effect.succeed(noFindings),
      noFindings,
      "reading the search clusters' disk watermarks failed",
    )
    // Connections timing out on a port a change closed: the change is in CloudTrail, not the service's log (network-path-sweep.ts).
    // When no group of the alert's own was found (a person's report naming no service), the
    // services' groups are listed; when the named service's own lines are connect timeouts to a
    // port (a pool's ETIMEDOUT to its database), a change that closed that path is their cause too.
    const timingOut = linesOf(first).some((l) => connectTimeoutOf(l.message)?.port != null)
    const closing = bounded(
      chosen.length > 0 && !timingOut
        ? Effect.succeed(noFindings)
        : sweepNetworkPaths(source, chosen, range, answerByMs),
      noFindings,
      "reading the network changes behind connection timeouts failed",
    )
    // A role AWS refuses (a certificate controller's Route 53 change): only CloudTrail records it (access-denied-sweep.ts).
    const refusing = bounded(
      sweepAccessDenied(source, task.alert.text, discovery.plan.names, range, answerByMs),
      noFindings,
      "reading CloudTrail's refused calls failed",
    )
    // A cache the alert or the lines read name, at its memory limit in its own engine log, which
    // names no service (cache-memory-sweep.ts).
    const cacheFull = bounded(
      sweepCacheMemory(
        source,
        [task.alert.text, ...linesOf(first).map((l) => l.message)].join("\n"),
        range,
        answerByMs,
      ),
      noFindings,
      "reading the caches' engine logs failed",
    )
    // A scheduled run that ended OK having processed nothing logs no error (empty-run-sweep.ts).
    const emptied = bounded(
      sweepEmptyRuns(source, discovery.ranked, range, answerByMs),
      noFindings,
      "reading the jobs' processed counts failed",
    )
    // A service's database calls slow (pool saturated, timeouts, a latency SLO): its database's
    // own log may show the query scanning a whole table since an index was dropped (slow-query-sweep.ts).
    const slowDb =
      slowDatabaseWords.test(task.alert.text) || linesOf(first).some((l) => slowDatabaseWords.test(l.message))
    const scanning = bounded(
      slowDb
        ? sweepSlowQueries(
            source,
            databaseNames,
            // The cluster the alert names, or the one its service's lines were found in by search.
            unique([
              ...namespaces,
              ...(discovery.plan.cluster === null ? found.chosen : [discovery.plan.cluster]),
            ]),
            range,
            answerByMs,
          )
        : Effect.succeed<ReadonlyArray<Finding>>([]),
      noFindings,
      "reading the database's slow queries failed",
    )
    // A consumer's validation errors naming a field: the producer that changed it, whose group
    // nothing links to the alert, found by the field's name (schema-change-sweep.ts).
    const reshaped = bounded(
      sweepSchemaChanges(source, discovery.ranked, linesOf(first), range, answerByMs),
      noFindings,
      "reading the producers' changes behind the validation errors failed",
    )
    const [
      follow,
      kernel,
      throttled,
      locks,
      loads,
      denials,
      limited,
      timedOut,
      memoryKilled,
      initFailed,
      empty,
      threw,
      closed,
      downstream,
      fullDisks,
      refused403,
      fullCaches,
      slowScans,
      schemaChanges,
    ] = yield* Effect.all(
      [
        following,
        sweeping,
        throttling,
        sweepLocks(stalled, namespaces, stalled || alertErring),
        loading,
        verdicts,
        nearLimit,
        outOfTime,
        outOfMemory,
        notStarting,
        emptied,
        thrown,
        closing,
        calledOut,
        watermarks,
        refusing,
        cacheFull,
        scanning,
        reshaped,
      ],
      { concurrency: 15 },
    )
    // Clients erring the way a primary switch makes them err (resets, READONLY, read-only
    // transactions): the datastores' own events say whether one failed over, and when.
    const switched =
      switchSymptomWords.test(task.alert.text) ||
      linesOf(first).some((l) => switchSymptomWords.test(l.message))
    const failovers = switched
      ? yield* sweepFailovers(source, range, answerByMs).pipe(
          Effect.timeoutOption(
            Duration.millis(Math.max(0, answerByMs + stopGraceMs - (yield* Clock.currentTimeMillis))),
          ),
          Effect.map(Option.getOrElse((): ReadonlyArray<Finding> => [])),
          Effect.catchAll(() => {
            notes.push("reading the datastores' events for a failover failed")
            return Effect.succeed<ReadonlyArray<Finding>>([])
          }),
        )
      : []
    if (failovers.length > 0) notes.push(`datastore failover: ${failovers.map((f) => f.title).join("; ")}`)
    const limits = kernel.filter((f) => f.kind === "node_network_limit")
    const noIps = kernel.filter((f) => f.kind === "pod_ip_shortage")
    if (limits.length > 0) notes.push(`node kernel limits: ${limits.map((f) => f.title).join("; ")}`)
    if (noIps.length > 0) notes.push(`nodes without pod IPs: ${noIps.map((f) => f.title).join("; ")}`)
    const passes = [...first, ...Option.toArray(follow.pass)]
    if (follow.groups.length > 0) {
      const blamer = discovery.plan.names[0] ?? "the alerting service"
      const groups = follow.groups.map((g) => g.name).join(", ")
      notes.push(`followed ${follow.blamed.join(", ")}, blamed by ${blamer}'s own errors, to ${groups}`)
    }
    // The API server's audit events read as events (refused evictions), not as JSON signatures.
    const audit = auditFindings(source, linesOf(passes), range, options.maxFindings)
    const clusters = clustersOf(passes, (l) => !audit.consumed(l))
    const shown = clusters.filter(failing)
    const { findings, omitted } = signatureFindings(shown, {
      facts: task.facts,
      truncated: passes.some((p) => p.truncated),
      dependencies: new Set(follow.blamed),
      kin: new Set([
        ...discovery.ranked.flatMap((g) =>
          g.kin === true && g.service !== null ? [g.service.toLowerCase()] : [],
        ),
        // The services whose certificate failures a person's report stood for.
        ...silentFailureSubjects(silent),
        // The services whose errors a report naming none of them stood for.
        ...silentFailureSubjects(unnamed),
        // The databases refusing the alert's service's connections.
        ...silentFailureSubjects(refused),
        // The jobs of a shared job group whose streams the report's words name (its subject).
        ...linesOf(passes).flatMap((l) => {
          const job = logOrigin(l.group, l.stream).service
          return job !== null && sharedJobGroups.includes(l.group) && streamNamedWith(jobWords, l.stream)
            ? [job.toLowerCase()]
            : []
        }),
      ]),
      link: (c) => {
        const shared = passes.some((p) => p.scope !== null && c.groups.some((g) => p.groups.includes(g)))
        const fallback = shared && scope !== null ? scopedErrorQuery(scope) : errorQuery
        return source.consoleUrl({ logGroups: c.groups, query: signatureQuery(c, fallback), ...range })
      },
      max: options.maxFindings,
    })
    // One message failing at every delivery: a poison message (redelivery-findings.ts).
    // A Lambda consumer names the message on the line where it took it, not where it failed.
    const failed = yield* sweepInvocationMessages(source, linesOf(passes), range, answerByMs).pipe(
      Effect.timeoutOption(Duration.millis(Math.max(0, answerByMs - (yield* Clock.currentTimeMillis)))),
      Effect.map(Option.getOrElse(() => linesOf(passes))),
      Effect.catchAll(() => Effect.succeed(linesOf(passes))),
    )
    const poison = redeliveryFindings(failed, (g) =>
      source.consoleUrl({ logGroups: [g], query: errorQuery, ...range }),
    )
    // A proxy's timeout cutting the alert's services: its 504s name the setting and value.
    const cut = proxyTimeoutFindings("cloudwatch_logs", linesOf(passes), discovery.plan.names)
    // Credentials refused: the rotation they followed, if its function logged it (and time allows).
    const rotations = yield* rotationFindings(source, task, findings).pipe(
      Effect.timeoutOption(Duration.millis(Math.max(0, answerByMs - (yield* Clock.currentTimeMillis)))),
      Effect.map(Option.getOrElse((): ReadonlyArray<Finding> => [])),
    )
    const incomplete = passes.filter((p) => p.incomplete)
    const scanned = [...first.flatMap((p) => p.groups), ...follow.groups.map((g) => g.name)]
    const lines = linesOf(passes).length
    const top = findings[0]
    const auditTop = audit.findings[0]
    const headline =
      top === undefined && auditTop !== undefined
        ? `the API server's audit log: ${auditTop.title}`
        : top === undefined
          ? `no error lines in ${scanned.length} log group(s) between ${utcHhmm(range.startMs)} and ${utcHhmm(range.endMs)} UTC`
          : `${shown.length} error signature(s) in ${lines} line(s) from ${scanned.length} log group(s); top: ${top.title}`
    const summary = [
      headline,
      ...(omitted > 0 ? [`+${omitted} more`] : []),
      ...(clusters.length > shown.length
        ? [`${clusters.length - shown.length} informational signature(s) ignored`]
        : []),
      ...(incomplete.length > 0 ? ["the query did not finish in time: partial results"] : []),
    ].join("; ")
    const extra = incomplete.map((p) => incompleteFinding(source, p, range))
    // A database's refusals read because the alert's service logged nothing: they back what the
    // other agents find about why its slots ran out (a batch job, a leak), at most medium, so the
    // database's own complaint never outranks the reason behind it.
    const refusedBy = new Set(silentFailureSubjects(refused))
    // The rotation behind a database's refusals read for the one service the alert names is that
    // service's change (its pods hold the old secret), not the database's: the causes line it up
    // with what the other agents found about the service.
    const [named, ...others] = discovery.plan.names
    const rotatedFor = (f: Finding): Finding =>
      named !== undefined && others.length === 0 && refusedBy.has((f.service ?? "").toLowerCase())
        ? { ...f, service: named }
        : f
    const closedFor = closed.flatMap((f) => (f.service === null ? [] : [f.service]))
    if (throttled.length > 0) notes.push(`AWS throttling: ${throttled.map((f) => f.title).join("; ")}`)
    if (loads.length > 0) notes.push(`provider rate limit driven by: ${loads.map((f) => f.title).join("; ")}`)
    if (empty.length > 0) notes.push(`a run that processed nothing: ${empty.map((f) => f.title).join("; ")}`)
    return outcome(
      "ok",
      [
        ...failovers,
        ...schemaChanges,
        ...locks,
        ...slowScans,
        ...cut,
        ...audit.findings,
        ...poison,
        ...timedOut,
        ...memoryKilled.findings,
        ...initFailed,
        ...empty,
        ...threw,
        ...downstream,
        ...fullDisks,
        ...refused403,
        ...fullCaches,
        ...findings
          .map(namingInvokedFunction(memoryKilled.invokedBy))
          // A one-off error of another function is no cause beside a stuck queue (poison-bystanders.ts).
          .map(besidePoison(poison, task.facts.service ?? null))
          .map((f) => (refusedBy.has((f.service ?? "").toLowerCase()) ? asSupport(f) : f))
          // A 429 (or 404) at the gateway is no 5xx: with the integration's exception found, it is context.
          .map((f) => (threw.length > 0 && clientErrorOnly(f.excerpt ?? "") ? asContext(f) : f))
          // Another user's refused login (a BI tool's) is no cause of a closed path's timeouts (network-path-change.ts).
          .map((f) =>
            closedFor.length > 0 && foreignRefusal(`${f.title} ${f.excerpt ?? ""}`, closedFor)
              ? asContext(f)
              : f,
          ),
        ...closed,
        ...rotations.map(rotatedFor),
        ...kernel,
        ...limited,
        ...denials,
        ...throttled,
        ...loads,
        ...extra,
      ],
      summary,
      scanned,
    )
  })
