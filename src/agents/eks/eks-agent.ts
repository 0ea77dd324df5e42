/**
 * The `eks` specialist: a deterministic Kubernetes investigation scoped by the alert's facts, no
 * model. It refuses to inspect a cluster the alert does not name (`skipped`), reads pods and
 * events (the alert's namespace, or every namespace ranked by relevance when it names none),
 * then the workloads of the namespaces that matter, then the nodes and previous container logs
 * of the failing in-scope pods — each step in parallel under a bound, each read allowed to fail
 * on its own. The analyzers turn that into findings correlated per workload. `not_configured`
 * makes the agent `unhealthy`; a forbidden or failed pod listing makes it `error` naming the gap;
 * anything else missing is reported as partial. It never fails and never throws.
 */

import { Cause, Clock, Duration, Effect, Option } from "effect"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage, placeholderResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import type { Node } from "../../domain/kubernetes.js"
import { quotaRefusalOf } from "../../domain/quota-refusal.js"
import { tokenRejections } from "../../domain/token-rejection.js"
import { Cluster, type ClusterError, type ClusterService } from "../../ports/cluster.js"
import { analyze } from "./analyze.js"
import { readCertificates } from "./certificates.js"
import {
  clusterDnsFindings,
  clusterDnsNamespace,
  clusterDnsSelector,
  namesFailToResolve,
} from "./cluster-dns.js"
import { configuredHosts, containersOf } from "./configured-dependencies.js"
import type { ContainerLog } from "./container-logs.js"
import { dependencyNamespaces } from "./dependency-namespaces.js"
import { disruptionBudgetFindings } from "./disruption-budgets.js"
import type { AnalysisContext, ScopedWorkload } from "./eks-finding.js"
import {
  concurrency,
  type Gap,
  type LogTarget,
  logTargets,
  makeReader,
  type Reader,
  readLogs,
  readNodes,
  readWorkloadObjects,
  runningLogTarget,
} from "./gather.js"
import { readHollowBatchRuns } from "./hollow-batch-runs.js"
import { identityRolloutFindings } from "./identity-rollout.js"
import { alertAboutProxy, readIngressController, readIngressRejections } from "./ingress-controller.js"
import { meshMtlsFindings, meshProxyTargets } from "./mesh-mtls.js"
import { readMigrationFailures } from "./migration-failures.js"
import { readMigrationChanges } from "./migration-jobs.js"
import { dependencyHomes, namedDependencies, withDependenciesAsNamed } from "./named-dependencies.js"
import { networkPolicyFindings } from "./network-policies.js"
import { blockedByNotReady, notReadyNodeFindings } from "./not-ready-nodes.js"
import {
  callerNamespaces,
  configuredCallers,
  guardedWorkloads,
  shutOutCallerFindings,
} from "./policy-callers.js"
import { alertTerms, withNodeAsNamed } from "./relevance.js"
import { scheduledJobFindings } from "./scheduled-jobs.js"
import { namespacesToRead, scopeWorkloads } from "./scoping.js"
import { servicePortFindings } from "./service-ports.js"
import { serviceSelectorFindings } from "./service-selectors.js"
import { summarize } from "./summary.js"
import { buildWorkloads, resourceOf, selects } from "./workloads.js"

/** Time kept back from the task deadline to answer with what was read. */
const answerReserveMs = 1000
const maxScanned = 60

/** `arn:aws:eks:us-east-1:123:cluster/eks-prod` and `gke_p_z_eks-prod` → `eks-prod`; lower case. */
export const clusterKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/^arn:aws[a-z-]*:eks:[^:]*:\d*:cluster\//, "")
    .replace(/^gke_[^_]+_[^_]+_/, "")

const rbacHint =
  "the eks agent needs get and list on pods, pods/log, events, nodes, namespaces, deployments, replicasets, statefulsets, daemonsets, horizontalpodautoscalers, services, networkpolicies, poddisruptionbudgets, cronjobs and jobs, and cert-manager's certificates, certificaterequests, orders and challenges"

const describeGap = (g: Gap): string =>
  g.error.reason === "forbidden" ? `RBAC gap: ${g.error.message} (${rbacHint})` : g.error.message

const outcome = (gaps: ReadonlyArray<Gap>): Pick<AgentResult, "status" | "reason"> => {
  const essential = gaps.find((g) => g.essential)
  if (essential?.error.reason === "not_configured")
    return { status: "unhealthy", reason: essential.error.message }
  if (essential !== undefined) return { status: "error", reason: describeGap(essential) }
  const worth = gaps.filter((g) => !g.call.startsWith("logs ") || g.error.reason === "forbidden")
  return worth.length === 0
    ? { status: "ok", reason: null }
    : { status: "ok", reason: `partial: ${worth.map(describeGap).join("; ")}` }
}

const withLogNote = (o: Pick<AgentResult, "status" | "reason">, logsRead: boolean) =>
  logsRead
    ? o
    : {
        ...o,
        reason: [o.reason, "container logs not read: no time left before the deadline"]
          .filter((r) => r !== null)
          .join("; "),
      }

const investigate = (task: AgentTask) =>
  Effect.gen(function* () {
    const cluster = yield* Cluster
    const alerted = task.facts.cluster
    if (
      alerted !== null &&
      cluster.clusterName !== null &&
      clusterKey(alerted) !== clusterKey(cluster.clusterName)
    ) {
      return placeholderResult(
        "eks",
        "skipped",
        `the alert is about cluster ${alerted}; this agent reads cluster ${cluster.clusterName}`,
      )
    }
    const asked = alertTerms(task.facts)
    const reader = yield* makeReader
    const ns = asked.namespace
    const node = asked.node
    const first = yield* Effect.all(
      {
        pods: reader.read(`list pods${ns === null ? "" : ` in ${ns}`}`, cluster.listPods(ns), [], true),
        events: reader.read(`list events${ns === null ? "" : ` in ${ns}`}`, cluster.listEvents(ns), []),
        nodePods:
          ns === null || node === null
            ? Effect.succeed([])
            : reader.read(
                `list pods on ${node}`,
                cluster.listPods(null, { fieldSelector: `spec.nodeName=${node}` }),
                [],
              ),
      },
      { concurrency },
    )
    const early = outcome(yield* reader.gaps)
    if (early.status === "unhealthy")
      return placeholderResult("eks", "unhealthy", early.reason ?? "not configured")
    // The callee the alert blames (its breaker, its timeouts) is in scope too: in such an
    // incident the caller's pods are healthy and the callee's are not (named-dependencies.ts).
    const dependencies = namedDependencies(task.alert.text, task.facts)
    const elsewhere =
      ns === null || dependencies.length === 0
        ? { namespaces: [], pods: [], events: [] }
        : yield* readDependencyNamespaces(cluster, reader, dependencies, ns)
    const seen = new Set(first.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`))
    const pods = [
      ...first.pods,
      ...[...first.nodePods, ...elsewhere.pods].filter(
        (p) => !seen.has(`${p.metadata.namespace}/${p.metadata.name}`),
      ),
    ]
    const events = [...first.events, ...elsewhere.events]
    // "ip-10-50-2-34" in the alert is the node ip-10-50-2-34.eu-central-1.compute.internal.
    const terms = withDependenciesAsNamed(withNodeAsNamed(asked, pods), dependencies)
    const namespaces = ns !== null ? [ns, ...elsewhere.namespaces] : namespacesToRead(terms, pods, events)
    const perNamespace = <A>(
      what: string,
      list: (n: string) => Effect.Effect<ReadonlyArray<A>, ClusterError>,
      where: ReadonlyArray<string> = namespaces,
    ) =>
      Effect.map(
        Effect.forEach(where, (n) => reader.read(`list ${what} in ${n}`, list(n), []), { concurrency: 2 }),
        (lists) => lists.flat(),
      )
    const readAt = yield* Clock.currentTimeMillis
    const [objects, services, networkPolicies, budgets, cronJobs, jobs, certificates] = yield* Effect.all(
      [
        readWorkloadObjects(cluster, reader, namespaces),
        perNamespace("services", cluster.listServices),
        perNamespace("networkpolicies", cluster.listNetworkPolicies),
        perNamespace("poddisruptionbudgets", cluster.listPodDisruptionBudgets),
        // A skipped or suspended run leaves no pod, a deadline-killed run's pod is deleted: the
        // CronJobs and Jobs say what the pods cannot (scheduled-jobs.ts).
        perNamespace("cronjobs", cluster.listCronJobs),
        perNamespace("jobs", cluster.listJobs),
        // A certificate expired or not renewed serves every client a refusal at the handshake
        // while every pod looks healthy (certificates.ts).
        readCertificates(cluster, reader, events, ns, task.alert.text, readAt, task.facts.service),
      ],
      { concurrency: 2 },
    )
    const workloads = scopeWorkloads(terms, buildWorkloads({ ...objects, pods, events }))
    // A controller refused pods by a namespace quota: the quota object says how full it is
    // (read only then — most incidents have no quota to explain).
    const quotaNamespaces = [
      ...new Set(
        events.flatMap((e) =>
          e.reason === "FailedCreate" && quotaRefusalOf(e.message ?? "") !== null
            ? [e.involvedObject.namespace ?? e.metadata.namespace ?? ""]
            : [],
        ),
      ),
    ].filter((n) => n !== "" && namespaces.includes(n))
    const quotas = yield* perNamespace("resourcequotas", cluster.listResourceQuotas, quotaNamespaces)
    const ctx: AnalysisContext = { window: task.alert.window, quotas }
    const nodeNames = [
      ...new Set([
        ...workloads.filter((w) => w.inScope).flatMap((w) => w.pods.flatMap((p) => p.spec.nodeName ?? [])),
        ...(node === null ? [] : [node]),
      ]),
    ].sort()
    const targets = logTargets(workloads, ctx)
    const remainingMs = task.deadline.epochMillis - (yield* Clock.currentTimeMillis) - answerReserveMs
    // Pending pods kept off NotReady nodes run on none: the nodes that refuse them are listed
    // only then (not-ready-nodes.ts), and that one list also gives the pods' own nodes.
    const blocked = blockedByNotReady(workloads, events)
    const nodesRead =
      blocked.length === 0
        ? Effect.map(readNodes(cluster, reader, nodeNames), (own) => ({
            own,
            all: [] as ReadonlyArray<Node>,
          }))
        : Effect.map(reader.read("list nodes", cluster.listNodes(), []), (all) => ({
            own: all.filter((n) => nodeNames.includes(n.metadata.name)),
            all,
          }))
    const [{ own: nodes, all: allNodes }, logs] = yield* Effect.all(
      [
        nodesRead,
        remainingMs <= 0
          ? Effect.succeedNone
          : readLogs(cluster, reader, targets).pipe(Effect.timeoutOption(Duration.millis(remainingMs))),
      ],
      { concurrency: 2 },
    )
    const logsRead = Option.isSome(logs)
    // Dependencies in other namespaces that the in-scope pods' own lines name (their service
    // DNS names): their workloads are read too and analysed as workloads the alert does not name.
    // A mesh's sidecars say what the pods do not: a callee refusing plaintext, peers rejecting
    // each other's certificates (mesh-mtls.ts). The in-scope ones first: their outbound lines
    // name the callee (`outbound|8080||pricing-engine.pricing.svc…`) when the app's do not.
    const ownProxyTargets = meshProxyTargets(workloads.filter((w) => w.inScope))
    const ownProxyLogs = yield* readProxyLogs(cluster, reader, ownProxyTargets, task.deadline.epochMillis)
    const readLogTexts = [
      ...Option.getOrElse(logs, () => new Map<string, ReadonlyArray<ContainerLog>>()).values(),
      ...ownProxyLogs.values(),
    ]
      .flat()
      .map((l) => l.text)
    // Callers refusing tokens (401 jwt issuer invalid): the identity service they check tokens
    // against lives where their issuer/JWKS settings point, often another namespace (identity-rollout.ts).
    const issuerTexts = readLogTexts.some((t) => tokenRejections(t).length > 0)
      ? workloads.filter((w) => w.inScope).flatMap((w) => configuredHosts(containersOf(w)).map((h) => h.host))
      : []
    const nextDoor = dependencyNamespaces([...readLogTexts, ...issuerTexts], namespaces)
    const timeLeft = task.deadline.epochMillis - (yield* Clock.currentTimeMillis) > answerReserveMs
    const nextDoorRead = nextDoor.length > 0 && timeLeft
    // Read together: the dependencies next door, their own policies (a dependency's ingress may
    // refuse the in-scope pods), and — when names do not resolve — the cluster DNS every pod
    // resolves through.
    // What users get through the ingress: its controller says when it cut the workloads' slow
    // requests at its own timeout (ingress-controller.ts).
    const servedNames = [...new Set(workloads.filter((w) => w.inScope).map((w) => w.name))]
    // The Services that front the in-scope pods: an Ingress names those, not the workloads.
    const servedServices = [
      ...new Set([
        ...servedNames,
        ...services.flatMap((svc) => {
          const selector = svc.spec?.selector ?? {}
          return Object.keys(selector).length > 0 &&
            workloads.some(
              (w) =>
                w.inScope &&
                w.namespace === svc.metadata.namespace &&
                w.pods.some((p) => selects(selector, p.metadata.labels)),
            )
            ? [svc.metadata.name]
            : []
        }),
      ]),
    ]
    const [neighbours, neighbourPolicies, dns, proxyCuts, rejected] = yield* Effect.all(
      [
        nextDoorRead ? readNeighbours(cluster, reader, nextDoor) : Effect.succeed([]),
        nextDoorRead
          ? perNamespace("networkpolicies", cluster.listNetworkPolicies, nextDoor)
          : Effect.succeed([]),
        timeLeft && namesFailToResolve(readLogTexts) && !namespaces.includes(clusterDnsNamespace)
          ? readClusterDns(cluster, reader, ctx)
          : Effect.succeed([]),
        timeLeft && servedNames.length > 0 && alertAboutProxy(task.alert.text)
          ? readIngressController(cluster, reader, servedNames, {
              startMs: task.alert.window.start.epochMillis,
              endMs: task.alert.window.end.epochMillis,
            })
          : Effect.succeed([]),
        // Requests the controller refuses at its own limits never reach a pod (ingress-rejections.ts).
        timeLeft && servedServices.length > 0
          ? readIngressRejections(cluster, reader, namespaces, servedServices, {
              startMs: task.alert.window.start.epochMillis,
              endMs: task.alert.window.end.epochMillis,
            })
          : Effect.succeed([]),
      ],
      { concurrency: 4 },
    )
    // Then the callees' sidecars next door (a callee refusing plaintext says so inbound).
    const neighbourProxyTargets = meshProxyTargets(neighbours)
    const neighbourProxyLogs = yield* readProxyLogs(
      cluster,
      reader,
      neighbourProxyTargets,
      task.deadline.epochMillis,
    )
    const allLogs = new Map<string, ReadonlyArray<ContainerLog>>(
      Option.getOrElse(logs, () => new Map<string, ReadonlyArray<ContainerLog>>()),
    )
    for (const [k, v] of [...ownProxyLogs, ...neighbourProxyLogs])
      allLogs.set(k, [...(allLogs.get(k) ?? []), ...v])
    const proxyTargets = [...ownProxyTargets, ...neighbourProxyTargets]
    // A new ingress policy on an in-scope service shuts out callers the alert does not name:
    // their namespace is found from the service's own log and their pods' env, then read with
    // one running pod's log each (policy-callers.ts).
    const guarded = guardedWorkloads(workloads, networkPolicies, ctx)
    const callerNs =
      guarded.length === 0 || !timeLeft
        ? []
        : callerNamespaces(guarded, pods, allLogs, [...namespaces, ...(nextDoorRead ? nextDoor : [])])
    const callers =
      callerNs.length === 0
        ? []
        : configuredCallers(guarded, yield* readNeighbours(cluster, reader, callerNs))
    const callerTargets = callers.flatMap((w) => runningLogTarget(w))
    const callerLogs =
      callerTargets.length === 0 ? new Map() : yield* readLogs(cluster, reader, callerTargets)
    // A migration run elsewhere just before the in-scope lock errors began (migration-jobs.ts).
    const migrations = yield* readMigrationChanges(
      cluster,
      reader,
      workloads,
      Option.getOrElse(logs, () => new Map()),
      ctx,
    )
    // The release's migration Job that failed, when its new pods name a missing column (migration-failures.ts).
    const failedMigrations = yield* readMigrationFailures(cluster, reader, {
      jobs,
      workloads,
      logs: Option.getOrElse(logs, () => new Map()),
      ctx,
    })
    // A run that completed, wrote nothing and published it anyway (hollow-batch-runs.ts).
    const hollowRuns = yield* readHollowBatchRuns(cluster, reader, { jobs, pods, workloads, ctx })
    const analysis = analyze({
      workloads: [...workloads, ...neighbours],
      nodes,
      alertNode: node,
      events,
      logs: Option.getOrElse(logs, () => new Map()),
      ctx,
    })
    // Services that route to none of the in-scope workloads' pods, policies that drop their
    // traffic or refuse their evictions: no pod status shows those.
    const findings = [
      ...analysis.findings,
      ...notReadyNodeFindings(allNodes, blocked),
      ...serviceSelectorFindings(workloads, services, pods),
      ...servicePortFindings(workloads, services),
      ...networkPolicyFindings({
        workloads: [...workloads, ...neighbours],
        policies: [...networkPolicies, ...neighbourPolicies],
        logs: Option.getOrElse(logs, () => new Map()),
        ctx,
      }),
      ...shutOutCallerFindings({ guarded, callers, logs: callerLogs }),
      ...disruptionBudgetFindings(workloads, budgets, nodes, ctx),
      ...scheduledJobFindings({
        terms,
        cronJobs,
        jobs,
        events,
        workloads,
        findings: analysis.findings,
        ctx,
      }),
      ...dns,
      ...proxyCuts,
      ...rejected,
      ...meshMtlsFindings({ workloads: [...workloads, ...neighbours], logs: allLogs, ctx }),
      ...identityRolloutFindings({ workloads: [...workloads, ...neighbours], logs: allLogs, ctx }),
      ...certificates,
      ...migrations,
      ...failedMigrations,
      ...hollowRuns,
    ]
    const scanned = [
      ...(ns === null ? ["namespace/*"] : []),
      ...[...namespaces, ...(neighbours.length === 0 ? [] : nextDoor)].map((n) => `namespace/${n}`),
      ...workloads
        .filter((w) => w.inScope)
        .flatMap((w) => [resourceOf(w), ...w.pods.map((p) => `pod/${w.namespace}/${p.metadata.name}`)]),
      ...nodes.map((n) => `node/${n.metadata.name}`),
      ...[...(logsRead ? targets : []), ...proxyTargets, ...callerTargets].map(
        (t) => `logs/${t.namespace}/${t.pod}/${t.container}${t.previous ? "#previous" : ""}`,
      ),
    ]
    const result: AgentResult = {
      agent: "eks",
      ...withLogNote(outcome(yield* reader.gaps), logsRead || targets.length === 0),
      findings,
      summary: summarize(workloads, findings, terms, ctx, pods.length, analysis.unrelated.length),
      scanned: [...new Set(scanned)].slice(0, maxScanned),
      usage: noUsage,
      durationMs: 0,
    }
    return result
  })

/** Mesh sidecars' current logs, when there are any and time is left (none otherwise). */
const readProxyLogs = (
  cluster: ClusterService,
  reader: Reader,
  targets: ReadonlyArray<LogTarget>,
  deadlineMs: number,
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<ContainerLog>>> =>
  Effect.flatMap(Clock.currentTimeMillis, (now) =>
    targets.length === 0 || deadlineMs - now <= answerReserveMs
      ? Effect.succeed(new Map<string, ReadonlyArray<ContainerLog>>())
      : readLogs(cluster, reader, targets),
  )

/** CoreDNS's pods and their current logs (two pods at most), as findings (cluster-dns.ts). */
const readClusterDns = (cluster: ClusterService, reader: Reader, ctx: AnalysisContext) =>
  Effect.gen(function* () {
    const pods = yield* reader.read(
      `list pods in ${clusterDnsNamespace} (${clusterDnsSelector})`,
      cluster.listPods(clusterDnsNamespace, { labelSelector: clusterDnsSelector }),
      [],
    )
    const targets = pods
      .filter((p) => p.status.phase === "Running")
      .slice(0, 2)
      .map((p) => ({
        workload: "cluster-dns",
        namespace: clusterDnsNamespace,
        pod: p.metadata.name,
        container: p.spec.containers[0]?.name ?? "coredns",
        previous: false,
      }))
    const logs = yield* readLogs(cluster, reader, targets)
    return clusterDnsFindings(pods, logs.get("cluster-dns") ?? [], ctx)
  })

/**
 * Where the dependencies the alert names live, with their pods and events: one cluster-wide pod
 * list (the alert names the callee, not its namespace), then the events of the namespaces found.
 */
const readDependencyNamespaces = (
  cluster: ClusterService,
  reader: Reader,
  dependencies: ReadonlyArray<string>,
  own: string,
) =>
  Effect.gen(function* () {
    const all = yield* reader.read("list pods (named dependencies)", cluster.listPods(null), [])
    const namespaces = dependencyHomes(all, dependencies, own)
    const events = yield* Effect.forEach(
      namespaces,
      (n) => reader.read(`list events in ${n}`, cluster.listEvents(n), []),
      { concurrency: 2 },
    )
    const pods = all.filter(
      (p) => p.metadata.namespace !== undefined && namespaces.includes(p.metadata.namespace),
    )
    return { namespaces, pods, events: events.flat() }
  })

/** The workloads of dependency namespaces, out of the alert's scope (each read may fail alone). */
const readNeighbours = (cluster: ClusterService, reader: Reader, namespaces: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const reads = yield* Effect.forEach(
      namespaces,
      (n) =>
        Effect.all(
          {
            pods: reader.read(`list pods in ${n}`, cluster.listPods(n), []),
            events: reader.read(`list events in ${n}`, cluster.listEvents(n), []),
          },
          { concurrency: 2 },
        ),
      { concurrency: 2 },
    )
    const objects = yield* readWorkloadObjects(cluster, reader, namespaces)
    const built = buildWorkloads({
      ...objects,
      pods: reads.flatMap((r) => r.pods),
      events: reads.flatMap((r) => r.events),
    })
    return built.map((w): ScopedWorkload => ({ ...w, inScope: false, relevance: 0 }))
  })

const handle = (task: AgentTask): Effect.Effect<AgentResult, never, Cluster> =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const result =
      task.task === "investigate"
        ? yield* investigate(task).pipe(
            Effect.catchAllCause((cause) =>
              Effect.as(
                Effect.logError("eks investigation failed").pipe(
                  Effect.annotateLogs({ cause: Cause.pretty(cause) }),
                ),
                placeholderResult("eks", "error", "the Kubernetes investigation failed unexpectedly"),
              ),
            ),
          )
        : placeholderResult("eks", "skipped", `the eks agent does not handle ${task.task} tasks yet`)
    return { ...result, durationMs: (yield* Clock.currentTimeMillis) - started }
  }).pipe(Effect.withSpan("eks.investigate", { attributes: { investigation: task.investigationId } }))

export const eksAgent: InlineAgent<Cluster> = { mode: "reply", handle: (task) => handle(task) }

/** The agent with its Cluster chosen once (built by the composition root), for `InlineAgents<never>`. */
export const eksAgentWith = (cluster: ClusterService): InlineAgent<never> => ({
  mode: "reply",
  handle: (task, ctx) => eksAgent.handle(task, ctx).pipe(Effect.provideService(Cluster, cluster)),
})
