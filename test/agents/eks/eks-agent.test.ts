/**
 * The eks agent end to end over the real adapter and the Kubernetes replay: the oom-after-deploy
 * world (OOMKilled, the heap line from the previous container, the rollout that raised the batch
 * size), an alert with no namespace that still finds its workload and keeps the red herring low,
 * the cluster check, not-configured and RBAC outcomes, partial reads, the failing container of
 * a multi-container pod, a node alert, the deadline, and a defect that still yields a result.
 * The TestClock sits at the scenario's `now`.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { kubernetesClusterLayer } from "../../../src/adapters/kubernetes/kubernetes-cluster-layer.js"
import { clusterKey, eksAgent, eksAgentWith } from "../../../src/agents/eks/eks-agent.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { rollbackTarget } from "../../../src/domain/report-actions.js"
import { inScope, scopeOf } from "../../../src/domain/report-scope.js"
import { Cluster, notConfiguredCluster } from "../../../src/ports/cluster.js"
import { type KubernetesReplayInput, makeKubernetesReplay } from "../../../src/replay/kubernetes.js"
import { oomAfterDeploy } from "./fixtures/scenarios.js"
import { oomAlertText, taskFor } from "./fixtures/tasks.js"
import { nodeWorld, sidecarWorld } from "./fixtures/worlds.js"

const atScenarioNow = TestClock.setTime(Date.parse("2026-11-27T13:10:00Z"))

const run = (
  world: KubernetesReplayInput,
  task: AgentTask,
  prepare: (r: { forbid: (p: string) => void }) => void = () => {},
) =>
  Effect.gen(function* () {
    yield* atScenarioNow
    const replay = yield* makeKubernetesReplay(world)
    prepare(replay)
    const result = yield* eksAgent
      .handle(task, { sessionId: null })
      .pipe(Effect.provide(kubernetesClusterLayer({ kubeconfig: replay.kubeconfig })))
    return { result, replay }
  })

const byKind = <F extends { readonly kind: string }>(
  findings: ReadonlyArray<F>,
  kind: string,
): ReadonlyArray<F> => findings.filter((f) => f.kind === kind)

describe("eksAgent on oom-after-deploy", () => {
  it.scoped("OOMKilled payments-api, the heap line from its previous container, the rollout 6 → 7", () =>
    Effect.gen(function* () {
      const task = taskFor(oomAlertText)
      const { result } = yield* run(oomAfterDeploy, task)
      expect([result.agent, result.status, result.reason]).toEqual(["eks", "ok", null])
      expect(result.summary).toBe(
        "payments/payments-api: 2/2 pods CrashLoopBackOff (OOMKilled), rollout to revision 7 at 13:01",
      )
      const [oom] = byKind(result.findings, "oom_killed")
      expect(oom?.severity).toBe("critical")
      expect([oom?.service, oom?.title]).toEqual([
        "payments-api",
        "payments-api: container api OOMKilled in 2/2 pods (memory limit 512Mi), 11 restarts",
      ])
      const [logs] = byKind(result.findings, "container_logs")
      expect(logs?.excerpt).toContain(
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
      )
      expect(logs?.severity).toBe("high")
      const [rollout] = byKind(result.findings, "rollout")
      expect(rollout?.detail).toContain(
        "image v2.13.2 → v2.14.0; env SETTLEMENT_BATCH_SIZE 1000 → 5000; revision 6 → 7 at 13:01:02Z",
      )
      expect(rollout === undefined ? null : rollbackTarget(rollout)).toEqual({
        revision: "6",
        image: "v2.13.2",
      })
      expect(byKind(result.findings, "replicas_unavailable").map((f) => f.severity)).toEqual(["critical"])
      expect(result.findings.some((f) => /reports-cron|ImagePull/i.test(`${f.title} ${f.detail}`))).toBe(
        false,
      )
      const scope = scopeOf(task.facts)
      expect(result.findings.every((f) => inScope(scope, f))).toBe(true)
      expect(result.scanned).toContain("logs/payments/payments-api-6c9f7d8b4-q7x2m/api#previous")
      expect(result.findings.every((f) => f.agent === "eks" && f.id === "" && f.link === null)).toBe(true)
    }),
  )

  it.scoped("an alert naming no namespace still finds payments-api first; the red herring stays low", () =>
    Effect.gen(function* () {
      const task = taskFor("<@U0SREBOT> payments-api keeps restarting since the deploy, checkout is failing")
      expect(task.facts.namespace).toBeNull()
      const { result, replay } = yield* run(oomAfterDeploy, task)
      expect(result.status).toBe("ok")
      expect(result.summary.startsWith("payments/payments-api: 2/2 pods CrashLoopBackOff (OOMKilled)")).toBe(
        true,
      )
      expect(result.findings[0]?.kind).toBe("oom_killed")
      expect(result.findings[0]?.severity).toBe("critical")
      const herring = result.findings.filter((f) => f.resource?.startsWith("pod/batch/"))
      expect(herring.map((f) => [f.kind, f.severity])).toEqual([["image_pull", "low"]])
      expect(herring[0]?.detail).toContain("Low relevance")
      // It says what it would rate in scope, so a report whose cause is about it can restore that.
      expect(herring[0]?.detail).toMatch(/; (?:critical|high|medium) if it is in scope\.\)$/)
      expect(result.findings.at(-1)).toBe(herring[0])
      const scope = scopeOf(task.facts)
      expect(herring.every((f) => !inScope(scope, f))).toBe(true)
      expect(
        replay
          .requests()
          .map((r) => r.path)
          .slice(0, 2)
          .sort(),
      ).toEqual(["/api/v1/events", "/api/v1/pods"])
    }),
  )
})

describe("eksAgent outcomes", () => {
  it.scoped("an alert about another cluster is skipped with the reason, before any API call", () =>
    Effect.gen(function* () {
      const { result, replay } = yield* run(
        oomAfterDeploy,
        taskFor(oomAlertText.replaceAll("eks-prod", "eks-staging")),
      )
      expect([result.status, result.reason]).toEqual([
        "skipped",
        "the alert is about cluster eks-staging; this agent reads cluster eks-prod",
      ])
      expect(replay.requests()).toEqual([])
      expect(clusterKey("arn:aws:eks:us-east-1:412345678901:cluster/EKS-Prod")).toBe("eks-prod")
    }),
  )

  it.scoped("no kubeconfig → unhealthy with the reason (the agent with its Cluster chosen once)", () =>
    Effect.gen(function* () {
      yield* atScenarioNow
      const result = yield* eksAgentWith(notConfiguredCluster()).handle(taskFor(oomAlertText), {
        sessionId: null,
      })
      expect([result.status, result.reason, result.findings]).toEqual([
        "unhealthy",
        "no kubeconfig found; set KUBECONFIG or run in a cluster",
        [],
      ])
    }),
  )

  it.scoped("pods forbidden → error naming the RBAC gap, keeping what could be read", () =>
    Effect.gen(function* () {
      const { result } = yield* run(oomAfterDeploy, taskFor(oomAlertText), (r) =>
        r.forbid("/api/v1/namespaces/payments/pods"),
      )
      expect(result.status).toBe("error")
      expect(result.reason).toContain(
        'RBAC gap: list pods in payments: HTTP 403: pods is forbidden: User "system:serviceaccount:sre-on-call:sre-on-call" cannot list resource "pods"',
      )
      expect(result.reason).toContain("needs get and list on pods, pods/log, events")
      expect(byKind(result.findings, "replicas_unavailable").map((f) => f.severity)).toEqual(["critical"])
      expect(byKind(result.findings, "rollout")).toHaveLength(1)
    }),
  )

  it.scoped("a non-essential read forbidden (HPAs) → ok, partial, with every finding kept", () =>
    Effect.gen(function* () {
      const { result } = yield* run(oomAfterDeploy, taskFor(oomAlertText), (r) =>
        r.forbid("/apis/autoscaling/**"),
      )
      expect(result.status).toBe("ok")
      expect(result.reason).toMatch(
        /^partial: RBAC gap: list hpas in payments: HTTP 403: horizontalpodautoscalers is forbidden/,
      )
      expect(result.findings.map((f) => f.kind)).toEqual([
        "oom_killed",
        "container_logs",
        "replicas_unavailable",
        "rollout",
        // where its pods run (info): a node's own limit explains the pods on that node only
        "pod_placement",
      ])
    }),
  )

  it.scoped("past the deadline the container logs are not read, and the result says so", () =>
    Effect.gen(function* () {
      const { result, replay } = yield* run(
        oomAfterDeploy,
        taskFor(oomAlertText, "2026-11-27T13:05:00Z", "2026-11-27T13:10:00.500Z"),
      )
      expect(result.status).toBe("ok")
      expect(result.reason).toBe("container logs not read: no time left before the deadline")
      expect(byKind(result.findings, "container_logs")).toEqual([])
      expect(byKind(result.findings, "oom_killed")).toHaveLength(1)
      expect(replay.requests().some((r) => r.operation === "get pods/log")).toBe(false)
    }),
  )

  it.scoped("an unexpected defect still yields an error result, never a failure", () =>
    Effect.gen(function* () {
      const broken = Layer.succeed(Cluster, {
        ...notConfiguredCluster(),
        clusterName: "eks-prod",
        listPods: () => Effect.die(new Error("boom")),
      })
      const result = yield* eksAgent
        .handle(taskFor(oomAlertText), { sessionId: null })
        .pipe(Effect.provide(broken))
      expect([result.status, result.reason]).toEqual([
        "error",
        "the Kubernetes investigation failed unexpectedly",
      ])
    }),
  )
})

describe("eksAgent on other worlds", () => {
  it.scoped(
    "a multi-container pod: reads the failing container's previous logs, not the healthy sidecar's",
    () =>
      Effect.gen(function* () {
        const { result, replay } = yield* run(
          sidecarWorld,
          taskFor("[FIRING:1] KubePodCrashLooping namespace: finance deployment: ledger"),
        )
        const logCalls = replay.requests().filter((r) => r.operation === "get pods/log")
        expect(logCalls.map((r) => r.query)).toEqual([
          { container: "app", previous: "true", tailLines: "100" },
        ])
        const [crash] = byKind(result.findings, "crash_loop")
        expect([crash?.severity, crash?.title]).toEqual([
          "critical",
          "ledger: container app CrashLoopBackOff in 1/1 pod (Error (exit 1, application error)), 8 restarts",
        ])
        expect(byKind(result.findings, "container_logs")[0]?.excerpt).toContain(
          "remaining connection slots are reserved",
        )
        expect(result.findings.some((f) => f.title.includes("envoy"))).toBe(false)
      }),
  )

  it.scoped("a node alert: the node NotReady (high) and what runs on it", () =>
    Effect.gen(function* () {
      const { result } = yield* run(
        nodeWorld,
        taskFor("[FIRING:1] KubeNodeNotReady node: ip-10-0-9-9.ec2.internal cluster: eks-prod"),
      )
      const [notReady] = byKind(result.findings, "node_not_ready")
      expect([notReady?.severity, notReady?.resource]).toEqual(["high", "node/ip-10-0-9-9.ec2.internal"])
      expect(notReady?.title).toBe(
        "node ip-10-0-9-9.ec2.internal: Unknown (NodeStatusUnknown) — runs 1 scanned pod of search/search-indexer",
      )
      expect(byKind(result.findings, "replicas_unavailable").map((f) => [f.service, f.severity])).toEqual([
        ["search-indexer", "high"],
      ])
      expect(result.scanned).toContain("node/ip-10-0-9-9.ec2.internal")
    }),
  )
})
