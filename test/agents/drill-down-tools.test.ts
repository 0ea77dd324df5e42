/**
 * The drill-down tools the agent-level tests do not call, over the real adapters and replays:
 * node_conditions on a node that stopped reporting, list_log_groups and logs_insights_query on
 * the oom-after-deploy logs (a pattern narrows the lines; the window is the task's; a pattern
 * that could break out of the query's regex is refused before any call), and a pod whose logs
 * cannot be read answers the model an error naming what failed.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { kubernetesClusterLayer } from "../../src/adapters/kubernetes/kubernetes-cluster-layer.js"
import { listLogGroupsTool, logsInsightsQueryTool } from "../../src/agents/cloudwatch-logs/tools.js"
import { nodeConditionsTool, podLogsTool } from "../../src/agents/eks/tools.js"
import type { Cluster } from "../../src/ports/cluster.js"
import { LogSource } from "../../src/ports/log-source.js"
import { makeKubernetesReplay } from "../../src/replay/kubernetes.js"
import { harness, taskFor } from "./cloudwatch-logs/agent-harness.js"
import { oomAlertText, oomAlertTime, oomCloudWatch, oomNow } from "./cloudwatch-logs/oom-scenario.js"
import { nodeWorld } from "./eks/fixtures/worlds.js"

const task = taskFor({ text: oomAlertText, alertTime: oomAlertTime, now: oomNow })

const onCluster = <A, E>(effect: Effect.Effect<A, E, Cluster>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse(oomNow))
    const replay = yield* makeKubernetesReplay(nodeWorld)
    return yield* effect.pipe(Effect.provide(kubernetesClusterLayer({ kubeconfig: replay.kubeconfig })))
  })

const onLogs = <A, E>(effect: Effect.Effect<A, E, LogSource>) =>
  Effect.gen(function* () {
    const { replay, source } = yield* harness(oomCloudWatch.log_groups, oomNow)
    const out = yield* effect.pipe(Effect.provideService(LogSource, source))
    return { out, replay }
  })

describe("eks drill-down tools", () => {
  it.scoped("node_conditions: a node that stopped reporting is NotReady, high", () =>
    Effect.gen(function* () {
      const out = yield* onCluster(nodeConditionsTool.call({ node: "ip-10-0-9-9.ec2.internal" }, task))
      expect(out.findings.map((f) => [f.kind, f.severity, f.resource, f.title])).toEqual([
        [
          "node_not_ready",
          "high",
          "node/ip-10-0-9-9.ec2.internal",
          "node ip-10-0-9-9.ec2.internal: Ready=Unknown (NodeStatusUnknown)",
        ],
      ])
      expect(out.text).toContain("Taints: node.kubernetes.io/unreachable:NoExecute")
    }),
  )

  it.scoped("pod_logs of a pod that does not exist answers an error naming the read", () =>
    Effect.gen(function* () {
      const error = yield* onCluster(
        Effect.flip(podLogsTool.call({ namespace: "payments", pod: "nope-1", container: "api" }, task)),
      )
      expect(error.message).toMatch(/^reading logs of payments\/nope-1\/api failed \(not_found\)/)
    }),
  )
})

describe("cloudwatch_logs drill-down tools", () => {
  it.scoped("list_log_groups answers names only", () =>
    Effect.gen(function* () {
      const { out } = yield* onLogs(listLogGroupsTool.call({ prefix: "/aws/" }, task))
      expect(out.findings).toEqual([])
      expect(out.text.split("\n")).toEqual([
        "2 log group(s) under /aws/:",
        "/aws/containerinsights/eks-prod/application",
        "/aws/eks/eks-prod/cluster",
      ])
    }),
  )

  it.scoped("logs_insights_query narrows by pattern within the task's window and rates the signatures", () =>
    Effect.gen(function* () {
      const { out, replay } = yield* onLogs(
        logsInsightsQueryTool.call(
          { log_groups: ["/aws/containerinsights/eks-prod/application"], pattern: "heap limit" },
          task,
        ),
      )
      expect(out.findings.map((f) => [f.kind, f.service, f.severity])).toEqual([
        ["log_signature", "payments-api", "high"],
      ])
      expect(out.findings[0]?.title).toContain("(×4)")
      expect(out.text).toMatch(/^4 row\(s\), 1 signature\(s\)/)
      const start = replay.requests().find((r) => r.operation === "StartQuery")
      expect(JSON.stringify(start?.body)).toContain("filter @message like /(?i)heap limit/")
      expect(start?.body).toMatchObject({
        startTime: task.alert.window.start.epochMillis / 1000,
        endTime: task.alert.window.end.epochMillis / 1000,
      })
    }),
  )

  it.scoped("a pattern that could end the regex is refused before any call", () =>
    Effect.gen(function* () {
      const { out, replay } = yield* onLogs(
        Effect.flip(
          logsInsightsQueryTool.call(
            { log_groups: ["/aws/eks/eks-prod/cluster"], pattern: "x/ | stats count()" },
            task,
          ),
        ),
      )
      expect(out.message).toMatch(/^invalid input for logs_insights_query: pattern: /)
      expect(replay.requests()).toEqual([])
    }),
  )
})
