/**
 * Routing per config.yaml `runtime` and the environment: the pure route table, the
 * not_configured messages naming the variable to set, and one call through each transport —
 * inline, a plain URL (an agent server on loopback) and AgentCore (the replay).
 */
import { describe, expect, it } from "@effect/vitest"
import { Context, DateTime, Effect, Exit, Layer, Schema } from "effect"
import { makeAgentCard } from "../../../src/adapters/a2a/a2a-schema.js"
import { makeAgentServerApp } from "../../../src/adapters/a2a/agent-server-app.js"
import {
  resolveAgentRoute,
  routingAgentInvokerLayer,
} from "../../../src/adapters/local/routing-agent-invoker.js"
import { AgentsSettings } from "../../../src/domain/config.js"
import { AgentInvoker } from "../../../src/ports/agent-invoker.js"
import { serveAgentCoreReplay } from "../../../src/replay/agentcore.js"
import { serveLoopback } from "../../../src/replay/serve.js"
import { quietRuntime, sampleResult, sampleTask } from "../a2a/a2a-fixtures.js"

const agents = Schema.decodeSync(AgentsSettings)({
  master: { runtime: "inline" },
  eks: { runtime: "agentcore" },
  cloudwatch_logs: { runtime: "url" },
  prometheus: { runtime: "agentcore" },
  slack_scanner: { runtime: "url" },
  discord_scanner: { enabled: false, runtime: "url" },
})
const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/sre_eks-XyZ"
const task = sampleTask({ deadline: DateTime.unsafeMake("2999-01-01T00:00:00Z") })
const deadline = DateTime.unsafeMake(60_000)

const failureOf = <A>(exit: Exit.Exit<A, { readonly reason: string; readonly message: string }>) =>
  Exit.match(exit, {
    onFailure: (cause) =>
      cause._tag === "Fail" ? cause.error : { reason: `cause:${cause._tag}`, message: "" },
    onSuccess: () => ({ reason: "success", message: "" }),
  })

describe("resolveAgentRoute", () => {
  it("reads the runtime from config.yaml and the endpoint from <ID>_AGENT_RUNTIME_ARN / <ID>_AGENT_URL", () => {
    const env = {
      EKS_AGENT_RUNTIME_ARN: ` ${arn} `,
      CLOUDWATCH_LOGS_AGENT_URL: "http://127.0.0.1:9001/",
      PROMETHEUS_AGENT_RUNTIME_ARN: "",
    }
    expect(resolveAgentRoute(agents, env, "master")).toEqual({ _tag: "inline" })
    expect(resolveAgentRoute(agents, env, "incident_history")).toEqual({ _tag: "inline" })
    expect(resolveAgentRoute(agents, env, "eks")).toEqual({ _tag: "agentcore", arn })
    expect(resolveAgentRoute(agents, env, "cloudwatch_logs")).toEqual({
      _tag: "url",
      url: "http://127.0.0.1:9001/",
    })
    expect(resolveAgentRoute(agents, env, "prometheus")).toEqual({
      _tag: "missing",
      message: "PROMETHEUS_AGENT_RUNTIME_ARN is not set (agents.prometheus.runtime is agentcore)",
    })
    expect(resolveAgentRoute(agents, env, "slack_scanner")).toEqual({
      _tag: "missing",
      message: "SLACK_SCANNER_AGENT_URL is not set (agents.slack_scanner.runtime is url)",
    })
    expect(resolveAgentRoute(agents, env, "discord_scanner")).toMatchObject({ _tag: "missing" })
  })
})

describe("routingAgentInvokerLayer", () => {
  it.scoped("sends each agent through its transport, and names what is missing", () =>
    Effect.gen(function* () {
      const card = makeAgentCard({
        name: "logs",
        description: "d",
        version: "0",
        url: "http://x/",
        skills: [],
      })
      const runtime = quietRuntime()
      const server = makeAgentServerApp(
        {
          agentId: "cloudwatch_logs",
          mode: "reply",
          card,
          handle: () => Effect.succeed(sampleResult("cloudwatch_logs")),
        },
        runtime,
      )
      yield* Effect.addFinalizer(() => Effect.promise(() => server.close().then(() => runtime.dispose())))
      const logs = yield* serveLoopback(server.app)
      const replay = yield* serveAgentCoreReplay({ [arn]: { handler: server.app.fetch } })
      const env = { EKS_AGENT_RUNTIME_ARN: arn, CLOUDWATCH_LOGS_AGENT_URL: `${logs.url}/` }

      const context = yield* Layer.build(
        routingAgentInvokerLayer({
          agents,
          env,
          inline: { master: { mode: "accept", handle: () => Effect.succeed(sampleResult("master")) } },
          agentCore: {
            region: "us-east-1",
            endpoint: replay.url,
            credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" },
          },
        }),
      )
      const invoker = Context.get(context, AgentInvoker)
      expect((yield* invoker.invoke("master", task, deadline)).data).toEqual({
        accepted: true,
        investigationId: task.investigationId,
      })
      expect((yield* invoker.invoke("cloudwatch_logs", task, deadline)).data).toMatchObject({
        agent: "cloudwatch_logs",
      })
      // The replay forwards to the same server app, which answers as cloudwatch_logs.
      expect((yield* invoker.invoke("eks", task, deadline)).data).toMatchObject({ agent: "cloudwatch_logs" })
      expect((yield* replay.invocations).map((i) => i.arn)).toEqual([arn])

      const missing = failureOf(yield* Effect.exit(invoker.invoke("prometheus", task, deadline)))
      expect(missing).toMatchObject({ reason: "not_configured" })
      expect(missing.message).toContain("PROMETHEUS_AGENT_RUNTIME_ARN")
      const noHandler = failureOf(yield* Effect.exit(invoker.invoke("incident_history", task, deadline)))
      expect(noHandler).toMatchObject({ reason: "not_configured" })
      expect(noHandler.message).toContain("inline")
      const disabled = failureOf(yield* Effect.exit(invoker.invoke("discord_scanner", task, deadline)))
      expect(disabled.message).toContain("disabled")
    }),
  )

  it.scoped(
    "needs nothing from its environment when no inline agent is given (wires as Layer<AgentInvoker>)",
    () =>
      Effect.gen(function* () {
        const layer: Layer.Layer<AgentInvoker> = routingAgentInvokerLayer({
          agents,
          env: {},
          agentCore: { region: "us-east-1" },
        })
        const invoker = Context.get(yield* Layer.build(layer), AgentInvoker)
        const failure = failureOf(yield* Effect.exit(invoker.invoke("eks", task, deadline)))
        expect(failure).toMatchObject({
          reason: "not_configured",
          message: expect.stringContaining("EKS_AGENT_RUNTIME_ARN"),
        })
      }),
  )
})
