/**
 * All analyzers over one gathered snapshot, correlated per workload: each in-scope workload's
 * findings together (failures, their logs, scheduling, availability, rollout state, probes,
 * autoscaling, then the change that preceded them), then the health of the nodes they run on,
 * then — as low-relevance evidence only, and at most a few — workloads the alert does not name
 * that are failing too. Changes and recovered restarts of unrelated workloads are left out:
 * they would only crowd the scope. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { lowRelevanceNote } from "../../domain/finding-relevance.js"
import type { KubeEvent, Node } from "../../domain/kubernetes.js"
import { severityRank } from "../../domain/severity.js"
import { configReloadFinding } from "./config-reload.js"
import { configuredDependenciesFinding } from "./configured-dependencies.js"
import { type ContainerLog, containerLogFinding } from "./container-logs.js"
import { type AnalysisContext, emptyNodeView, type NodeView, type ScopedWorkload } from "./eks-finding.js"
import { evictionFindings } from "./evictions.js"
import { hpaScaleOutFinding } from "./hpa-scale-out.js"
import { jvmHeapFinding } from "./jvm-heap-exhaustion.js"
import { type NodeTenant, nodeFindings } from "./node-health.js"
import {
  autoscalerFinding,
  failedCreateFinding,
  jobFailureFinding,
  probeFindings,
  sandboxFinding,
  unschedulableFinding,
  volumeFinding,
} from "./pod-events.js"
import { podFailureFindings, probesThatKilled } from "./pod-failures.js"
import { podPlacementFinding } from "./pod-placement.js"
import { probeChangeFinding } from "./probe-changes.js"
import { rolloutFinding } from "./rollout-changes.js"
import { configuredValues } from "./rollout-environment-swap.js"
import { schedulingBystanders } from "./scheduling-bystanders.js"
import {
  availabilityFinding,
  hpaBlindFinding,
  hpaFlappingFinding,
  hpaMaxedFinding,
  rolloutStuckFinding,
  scaledDownFinding,
  scaledToZeroFinding,
} from "./workload-status.js"
import { resourceOf } from "./workloads.js"

export const maxUnrelatedWorkloads = 5

export interface AnalysisInput {
  /** In scope first, best match first. */
  readonly workloads: ReadonlyArray<ScopedWorkload>
  readonly nodes: ReadonlyArray<Node>
  /** The node the alert names, if any. */
  readonly alertNode: string | null
  /** The events read (node events among them, for evictions' pressure evidence). */
  readonly events?: ReadonlyArray<KubeEvent>
  /** Logs read for each workload, keyed by `resourceOf(workload)`. */
  readonly logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>
  readonly ctx: AnalysisContext
}

const present = <A>(xs: ReadonlyArray<A | null>): ReadonlyArray<A> => xs.filter((x): x is A => x !== null)

/** Every finding about one workload, in reading order. */
export const analyzeWorkload = (
  w: ScopedWorkload,
  logs: ReadonlyArray<ContainerLog>,
  ctx: AnalysisContext,
  view: NodeView = emptyNodeView,
): ReadonlyArray<Finding> => {
  // The node view carries the kernel's OOMKilling events that confirm an OOM kill.
  const failures = podFailureFindings(w, ctx, view)
  const restarts = failures.filter((f) => f.kind === "restarts")
  return [
    ...failures.filter((f) => f.kind !== "restarts"),
    ...evictionFindings(w, view, ctx),
    ...present([
      // A JVM's own exit on OutOfMemoryError (exit 3) is an out-of-memory death, not a crash.
      jvmHeapFinding(w, logs),
      containerLogFinding(w, logs),
      unschedulableFinding(w, ctx),
      volumeFinding(w, ctx),
      sandboxFinding(w, ctx),
      failedCreateFinding(w, ctx),
      jobFailureFinding(w, ctx),
      availabilityFinding(w),
      scaledToZeroFinding(w, ctx),
      scaledDownFinding(w, ctx),
      rolloutStuckFinding(w),
    ]),
    ...probeFindings(w, ctx, probesThatKilled(w, ctx)),
    ...present([
      hpaMaxedFinding(w),
      hpaBlindFinding(w, ctx),
      hpaFlappingFinding(w, ctx),
      hpaScaleOutFinding(w, ctx),
      autoscalerFinding(w, ctx),
      rolloutFinding(w, ctx, logs.map((l) => l.text).join("\n")),
      probeChangeFinding(w, ctx, logs.map((l) => l.text).join("\n")),
      // A ConfigMap/Secret changed in place and hot-reloaded: no revision records it.
      configReloadFinding(w, logs, ctx),
    ]),
    ...restarts,
  ]
}

const lowRelevance = (f: Finding): Finding => ({
  ...f,
  severity: severityRank(f.severity) > severityRank("low") ? "low" : f.severity,
  detail: `${f.detail} ${lowRelevanceNote(f.severity)}`,
})

const worst = (fs: ReadonlyArray<Finding>): number => Math.max(-1, ...fs.map((f) => severityRank(f.severity)))

export interface Analysis {
  readonly findings: ReadonlyArray<Finding>
  /** Failing workloads the alert does not name that made it into the findings (low relevance). */
  readonly unrelated: ReadonlyArray<string>
}

export const analyze = (input: AnalysisInput): Analysis => {
  const scoped = input.workloads.filter((w) => w.inScope)
  // Every workload's configuration, for a rollout that moved a value its callers still expect.
  const peerConfig = input.workloads.flatMap((w) =>
    w.deployment === null ? [] : [{ name: w.name, values: configuredValues(w.deployment.spec.template) }],
  )
  const ctx: AnalysisContext = { ...input.ctx, peerConfig }
  const view: NodeView = { nodes: input.nodes, events: input.events ?? [] }
  // What each alerting workload is configured to reach: for scoped workloads only (the unrelated
  // ones below keep only failures).
  const analyzed = scoped.map((w) => ({
    w,
    findings: [
      ...analyzeWorkload(w, input.logs.get(resourceOf(w)) ?? [], ctx, view),
      ...present([configuredDependenciesFinding(w, input.ctx)]),
      // Where its pods run: a node's own limit explains the pods on that node only.
      ...present([podPlacementFinding(w, input.ctx)]),
    ],
  }))
  // A pod elsewhere waiting for a node kind that does not exist, beside a workload short of
  // capacity, is not what a report naming nothing is about (scheduling-bystanders.ts).
  const bystanders = schedulingBystanders(analyzed)
  const inScope = analyzed.flatMap(({ w, findings }) =>
    bystanders.has(w) ? findings.filter((f) => f.severity !== "info").map(lowRelevance) : findings,
  )
  const tenants = (node: string): ReadonlyArray<NodeTenant> =>
    input.workloads.flatMap((workload) =>
      workload.pods.filter((p) => p.spec.nodeName === node).map((pod) => ({ workload, pod })),
    )
  const wanted = new Set([
    ...scoped.flatMap((w) => w.pods.flatMap((p) => (p.spec.nodeName === undefined ? [] : [p.spec.nodeName]))),
    ...(input.alertNode === null ? [] : [input.alertNode]),
  ])
  const nodes = input.nodes
    .filter((n) => wanted.has(n.metadata.name))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .flatMap((n) => nodeFindings(n, tenants(n.metadata.name), n.metadata.name === input.alertNode))
  const unrelated = input.workloads
    .filter((w) => !w.inScope)
    .map((w) => ({
      w,
      // Rated as if in scope, then lowered with a note saying so: the report restores the rating
      // when the causes make this workload the root (a failing dependency).
      // Its crashed containers' logs were read when an in-scope workload is configured to reach it.
      findings: analyzeWorkload(
        { ...w, inScope: true },
        input.logs.get(resourceOf(w)) ?? [],
        ctx,
        view,
      ).filter(
        (f) =>
          f.kind !== "rollout" &&
          f.kind !== "config_change" &&
          f.kind !== "restarts" &&
          f.severity !== "info",
      ),
    }))
    .filter((x) => x.findings.length > 0)
    .sort((a, b) => worst(b.findings) - worst(a.findings) || resourceOf(a.w).localeCompare(resourceOf(b.w)))
    .slice(0, maxUnrelatedWorkloads)
  return {
    findings: distinct([...inScope, ...nodes, ...unrelated.flatMap((x) => x.findings.map(lowRelevance))]),
    unrelated: [...[...bystanders].map(resourceOf), ...unrelated.map((x) => resourceOf(x.w))],
  }
}

/** One of each finding: two workloads can see the same shared events (a CronJob's runs). */
const distinct = (findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> => {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.kind}\u0000${f.resource ?? ""}\u0000${f.title}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
