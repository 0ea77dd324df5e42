/**
 * The eks agent's drill-down tools: read-only looks a model may ask for after the deterministic
 * plan — one container's logs (the previous, crashed instance too), the events about one object,
 * one workload with its rollout history, one node's conditions. Each answers the model a short
 * text and, when what it read is evidence, findings built like the plan's (redacted, no invented
 * links, severities kept modest: the model chose what to read, the deterministic rubric did not).
 */
import { DateTime, Effect, Schema } from "effect"
import type { AgentTask } from "../../domain/agent-task.js"
import type { Finding } from "../../domain/finding.js"
import { eventCount, eventTime, type KubeEvent } from "../../domain/kubernetes.js"
import { revisionOf } from "../../domain/kubernetes-workloads.js"
import { Cluster, type ClusterError } from "../../ports/cluster.js"
import { type AgentTool, agentTool, ToolFailed } from "../agent-tool.js"
import { tellingLines } from "./container-logs.js"
import { eksFinding } from "./eks-finding.js"

const KubeName = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/),
  Schema.annotations({ description: "a Kubernetes object name (lower case, digits, '-', '.')" }),
)

const failed = (what: string) => (e: ClusterError) =>
  new ToolFailed({ message: `${what} failed (${e.reason}): ${e.message}` })

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)
const iso = (t: DateTime.Utc | null): string => (t === null ? "?" : DateTime.formatIso(t))

// ── pod_logs ─────────────────────────────────────────────────────────────────────────────

const PodLogsInput = Schema.Struct({
  namespace: KubeName,
  pod: KubeName,
  container: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(63)).annotations({
    description: "the container name (required: multi-container pods have no default)",
  }),
  previous: Schema.optional(Schema.Boolean).annotations({
    description: "true: the previous (terminated) instance, to see why it crashed",
  }),
  tail_lines: Schema.optional(Schema.Number.pipe(Schema.int(), Schema.between(1, 200))).annotations({
    description: "lines from the end (default 100)",
  }),
})

const shownLines = 40

export const podLogsTool = agentTool({
  name: "pod_logs",
  description: "The last lines of one container's logs, optionally of its previous (crashed) instance.",
  input: PodLogsInput,
  run: (input) =>
    Effect.gen(function* () {
      const cluster = yield* Cluster
      const previous = input.previous ?? false
      const text = yield* cluster
        .podLogs(input.namespace, input.pod, {
          container: input.container,
          previous,
          tailLines: input.tail_lines ?? 100,
          timestamps: true,
        })
        .pipe(Effect.mapError(failed(`reading logs of ${input.namespace}/${input.pod}/${input.container}`)))
      const lines = text.split("\n").filter((l) => l.trim() !== "")
      const telling = tellingLines(text, 6)
      const instance = previous ? "previous" : "current"
      const headline = [...telling].sort((a, b) => b.tier - a.tier)[0]
      const findings: ReadonlyArray<Finding> =
        headline === undefined
          ? []
          : [
              eksFinding({
                kind: "container_logs",
                title: `${input.pod}: ${instance} ${input.container} container logged "${clip(headline.text, 120)}"`,
                detail: `${telling.length} telling line(s) in the last ${lines.length} lines of the ${instance} instance of container ${input.container} (read on request of the drill-down).`,
                severity: headline.tier >= 2 ? "medium" : "low",
                observedAt: headline.at,
                resource: `pod/${input.namespace}/${input.pod}`,
                service: null,
                excerpt: telling.map((l) => l.text).join("\n"),
              }),
            ]
      const shown = lines.slice(-shownLines).map((l) => clip(l, 300))
      return {
        findings,
        text: [
          `${lines.length} line(s) from the ${instance} instance of ${input.namespace}/${input.pod}/${input.container}` +
            (lines.length > shownLines ? ` (last ${shownLines} shown)` : "") +
            ":",
          ...shown,
          telling.length === 0 ? "No error, fatal or warning lines." : `Telling lines: ${telling.length}.`,
        ].join("\n"),
      }
    }),
})

// ── object_events ────────────────────────────────────────────────────────────────────────

const ObjectEventsInput = Schema.Struct({
  namespace: KubeName,
  kind: Schema.Literal(
    "Pod",
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "DaemonSet",
    "Job",
    "HorizontalPodAutoscaler",
    "Node",
  ),
  name: KubeName,
})

/**
 * A finding kind for a warning reason the plan also knows; other reasons use `object_events`.
 * A restart BackOff stays `object_events`: the event does not say why the container died, and
 * `crash_loop` means "not an OOM kill".
 */
const kindOfReason = (reason: string, message: string) => {
  if (reason === "FailedScheduling") return "unschedulable" as const
  if (reason === "Unhealthy") return "probe_failure" as const
  if (reason === "FailedCreate") return "failed_create" as const
  if (reason === "Evicted") return "pod_evicted" as const
  if (reason === "BackOff" && /pull/i.test(message)) return "image_pull" as const
  if (reason === "Failed" && /pull|image/i.test(message)) return "image_pull" as const
  return "object_events" as const
}

const maxEvents = 20

const describeEvent = (e: KubeEvent): string =>
  `${iso(eventTime(e))} [${e.type ?? "?"}] ${e.reason ?? "?"} ×${eventCount(e)}: ${clip(e.message ?? "", 300)}`

export const objectEventsTool = agentTool({
  name: "object_events",
  description:
    "The Kubernetes events about one object (a pod, a workload, a ReplicaSet, a node), newest first.",
  input: ObjectEventsInput,
  run: (input) =>
    Effect.gen(function* () {
      const cluster = yield* Cluster
      const events = yield* cluster
        .listEvents(input.namespace, {
          fieldSelector: `involvedObject.kind=${input.kind},involvedObject.name=${input.name}`,
        })
        .pipe(Effect.mapError(failed(`listing events of ${input.kind} ${input.namespace}/${input.name}`)))
      const newest = [...events].sort(
        (a, b) => (eventTime(b)?.epochMillis ?? 0) - (eventTime(a)?.epochMillis ?? 0),
      )
      const warnings = newest.filter((e) => e.type === "Warning")
      const top = warnings[0]
      const resource =
        input.kind === "Node"
          ? `node/${input.name}`
          : `${input.kind.toLowerCase()}/${input.namespace}/${input.name}`
      const findings: ReadonlyArray<Finding> =
        top === undefined
          ? []
          : [
              eksFinding({
                kind: kindOfReason(top.reason ?? "", top.message ?? ""),
                title: `${input.kind} ${input.name}: ${top.reason ?? "Warning"} ×${eventCount(top)} — ${clip(top.message ?? "", 120)}`,
                detail: `${warnings.length} warning event(s) about ${input.kind} ${input.namespace}/${input.name} (read on request of the drill-down).`,
                severity: "medium",
                observedAt: eventTime(top),
                resource,
                service: null,
                excerpt: warnings.slice(0, 5).map(describeEvent).join("\n"),
              }),
            ]
      return {
        findings,
        text:
          newest.length === 0
            ? `No events about ${input.kind} ${input.namespace}/${input.name} (events expire after about an hour).`
            : [
                `${newest.length} event(s) about ${input.kind} ${input.namespace}/${input.name}, newest first:`,
                ...newest.slice(0, maxEvents).map(describeEvent),
              ].join("\n"),
      }
    }),
})

// ── describe_workload ────────────────────────────────────────────────────────────────────

const DescribeWorkloadInput = Schema.Struct({
  namespace: KubeName,
  kind: Schema.Literal("Deployment", "StatefulSet", "DaemonSet"),
  name: KubeName,
})

const replicasFinding = (
  kind: string,
  namespace: string,
  name: string,
  desired: number,
  ready: number,
): ReadonlyArray<Finding> =>
  desired > 0 && ready < desired
    ? [
        eksFinding({
          kind: "replicas_unavailable",
          title: `${name}: ${ready}/${desired} replicas ready`,
          detail: `${kind} ${namespace}/${name} has ${ready} of ${desired} desired replicas ready (read on request of the drill-down).`,
          severity: ready === 0 ? "high" : "medium",
          observedAt: null,
          resource: `${kind.toLowerCase()}/${namespace}/${name}`,
          service: name,
        }),
      ]
    : []

const describeDeployment = (input: typeof DescribeWorkloadInput.Type, task: AgentTask) =>
  Effect.gen(function* () {
    const cluster = yield* Cluster
    const where = `${input.namespace}/${input.name}`
    const [d, sets] = yield* Effect.all(
      [
        cluster.getDeployment(input.namespace, input.name),
        cluster.listReplicaSets(input.namespace).pipe(Effect.orElseSucceed(() => [])),
      ],
      { concurrency: 2 },
    ).pipe(Effect.mapError(failed(`reading Deployment ${where}`)))
    const desired = d.spec.replicas ?? 1
    const ready = d.status.readyReplicas ?? 0
    const owned = sets
      .filter((rs) =>
        rs.metadata.ownerReferences.some(
          (o) => o.kind === "Deployment" && o.name === input.name && o.controller === true,
        ),
      )
      .map((rs) => ({ rs, revision: revisionOf(rs.metadata) ?? -1 }))
      .sort((a, b) => b.revision - a.revision)
    const images = (rs: (typeof owned)[number]["rs"]) =>
      rs.spec.template.spec.containers.map((c) => `${c.name}=${c.image ?? "?"}`).join(", ")
    const stuck = d.status.conditions.find(
      (c) => c.type === "Progressing" && c.reason === "ProgressDeadlineExceeded",
    )
    const newest = owned[0]
    const rolledAt =
      newest === undefined || newest.rs.metadata.creationTimestamp === undefined
        ? null
        : DateTime.make(newest.rs.metadata.creationTimestamp).pipe((o) =>
            o._tag === "Some" ? DateTime.toUtc(o.value) : null,
          )
    const recent =
      rolledAt !== null &&
      owned.length >= 2 &&
      rolledAt.epochMillis >= task.alert.window.changesSince.epochMillis &&
      rolledAt.epochMillis <= task.alert.window.end.epochMillis
    const findings: Array<Finding> = [
      ...replicasFinding("Deployment", input.namespace, input.name, desired, ready),
    ]
    if (stuck !== undefined)
      findings.push(
        eksFinding({
          kind: "rollout_stuck",
          title: `${input.name}: rollout stuck (ProgressDeadlineExceeded)`,
          detail: clip(stuck.message ?? "the Deployment exceeded its progress deadline", 500),
          severity: "medium",
          observedAt: null,
          resource: `deployment/${where}`,
          service: input.name,
        }),
      )
    if (recent && newest !== undefined && owned[1] !== undefined)
      findings.push(
        eksFinding({
          kind: "rollout",
          title: `${input.name}: rollout to revision ${newest.revision} at ${iso(rolledAt)}`,
          detail: `Revision ${owned[1].revision} (${images(owned[1].rs)}) → ${newest.revision} (${images(newest.rs)}).`,
          severity: "info",
          observedAt: rolledAt,
          resource: `deployment/${where}`,
          service: input.name,
        }),
      )
    return {
      findings,
      text: [
        `Deployment ${where}: desired ${desired}, ready ${ready}, available ${d.status.availableReplicas ?? 0}, updated ${d.status.updatedReplicas ?? 0}; generation ${d.metadata.generation ?? "?"}, observed ${d.status.observedGeneration ?? "?"}.`,
        ...d.status.conditions.map(
          (c) =>
            `condition ${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}: ${clip(c.message ?? "", 200)}`,
        ),
        owned.length === 0
          ? "No ReplicaSet history found."
          : `Rollout history (newest first): ${owned
              .slice(0, 5)
              .map((o) => `rev ${o.revision} at ${o.rs.metadata.creationTimestamp ?? "?"}: ${images(o.rs)}`)
              .join("; ")}`,
      ].join("\n"),
    }
  })

export const describeWorkloadTool = agentTool({
  name: "describe_workload",
  description:
    "One workload's replicas and conditions; for a Deployment also its rollout history (revisions, images, times).",
  input: DescribeWorkloadInput,
  run: (input, task) =>
    Effect.gen(function* () {
      if (input.kind === "Deployment") return yield* describeDeployment(input, task)
      const cluster = yield* Cluster
      const where = `${input.namespace}/${input.name}`
      if (input.kind === "StatefulSet") {
        const all = yield* cluster
          .listStatefulSets(input.namespace)
          .pipe(Effect.mapError(failed(`listing StatefulSets in ${input.namespace}`)))
        const s = all.find((x) => x.metadata.name === input.name)
        if (s === undefined) return yield* new ToolFailed({ message: `no StatefulSet ${where}` })
        const desired = s.spec?.replicas ?? 1
        const ready = s.status?.readyReplicas ?? 0
        return {
          findings: replicasFinding("StatefulSet", input.namespace, input.name, desired, ready),
          text: `StatefulSet ${where}: desired ${desired}, ready ${ready}.`,
        }
      }
      const all = yield* cluster
        .listDaemonSets(input.namespace)
        .pipe(Effect.mapError(failed(`listing DaemonSets in ${input.namespace}`)))
      const s = all.find((x) => x.metadata.name === input.name)
      if (s === undefined) return yield* new ToolFailed({ message: `no DaemonSet ${where}` })
      const desired = s.status?.desiredNumberScheduled ?? 0
      const ready = s.status?.numberReady ?? 0
      return {
        findings: replicasFinding("DaemonSet", input.namespace, input.name, desired, ready),
        text: `DaemonSet ${where}: desired ${desired}, ready ${ready}.`,
      }
    }),
})

// ── node_conditions ──────────────────────────────────────────────────────────────────────

const NodeConditionsInput = Schema.Struct({
  node: Schema.String.pipe(Schema.pattern(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/)).annotations({
    description: "the node name",
  }),
})

const pressure = new Set(["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"])

export const nodeConditionsTool = agentTool({
  name: "node_conditions",
  description: "One node's conditions (Ready, memory/disk/PID pressure), taints and whether it is cordoned.",
  input: NodeConditionsInput,
  run: (input) =>
    Effect.gen(function* () {
      const cluster = yield* Cluster
      const node = yield* cluster
        .getNode(input.node)
        .pipe(Effect.mapError(failed(`reading node ${input.node}`)))
      const conditions = node.status.conditions
      const findings: Array<Finding> = []
      const ready = conditions.find((c) => c.type === "Ready")
      if (ready !== undefined && ready.status !== "True")
        findings.push(
          eksFinding({
            kind: "node_not_ready",
            title: `node ${input.node}: Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ""}`,
            detail: clip(ready.message ?? "the node is not Ready", 500),
            severity: "high",
            observedAt: null,
            resource: `node/${input.node}`,
            service: null,
          }),
        )
      for (const c of conditions.filter((x) => pressure.has(x.type) && x.status === "True"))
        findings.push(
          eksFinding({
            kind: "node_pressure",
            title: `node ${input.node}: ${c.type}`,
            detail: clip(c.message ?? `${c.type} is True`, 500),
            severity: "medium",
            observedAt: null,
            resource: `node/${input.node}`,
            service: null,
          }),
        )
      return {
        findings,
        text: [
          `Node ${input.node}${node.spec.unschedulable === true ? " (cordoned)" : ""}:`,
          ...conditions.map(
            (c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}: ${clip(c.message ?? "", 200)}`,
          ),
          node.spec.taints.length === 0
            ? "No taints."
            : `Taints: ${node.spec.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect ?? ""}`).join(", ")}`,
        ].join("\n"),
      }
    }),
})

export const eksTools: ReadonlyArray<AgentTool<Cluster>> = [
  podLogsTool,
  objectEventsTool,
  describeWorkloadTool,
  nodeConditionsTool,
]
