/**
 * The AgentInvoker the composition root wires: per agent, the transport `config.yaml` names
 * (`runtime: inline | agentcore | url`), with the endpoint from the environment as in the
 * original — `<ID>_AGENT_RUNTIME_ARN` or `<ID>_AGENT_URL`, upper-case id. A missing or empty
 * variable is `not_configured` with a message naming it, so the operator sees what to set; the
 * routing is decided once, at layer build, never by a model. The AgentCore client is built only
 * when some agent uses AgentCore.
 */
import { Effect, Layer } from "effect"
import { AgentId } from "../../domain/agent-id.js"
import type { AgentsSettings } from "../../domain/config.js"
import { AgentInvoker, type AgentInvokerService } from "../../ports/agent-invoker.js"
import { notConfigured } from "../a2a/invocation.js"
import { makeUrlAgentInvoker, type UrlInvokerOptions } from "../a2a/url-agent-invoker.js"
import { type AgentCoreClientOptions, makeAgentCoreInvoker } from "../agentcore/agentcore-invoker.js"
import { type InlineAgents, makeInlineAgentInvoker } from "./inline-agent-invoker.js"

export type AgentRoute =
  | { readonly _tag: "inline" }
  | { readonly _tag: "agentcore"; readonly arn: string }
  | { readonly _tag: "url"; readonly url: string }
  | { readonly _tag: "missing"; readonly message: string }

export const arnVariable = (agent: AgentId) => `${agent.toUpperCase()}_AGENT_RUNTIME_ARN`
export const urlVariable = (agent: AgentId) => `${agent.toUpperCase()}_AGENT_URL`

/** Pure: where `agent` is reached, from config.yaml's agents section and the environment. */
export const resolveAgentRoute = (
  agents: AgentsSettings,
  env: Readonly<Record<string, string | undefined>>,
  agent: AgentId,
): AgentRoute => {
  const settings = agents[agent]
  if (!settings.enabled) {
    return { _tag: "missing", message: `agent ${agent} is disabled in config.yaml (agents.${agent}.enabled)` }
  }
  const fromEnv = (name: string) => (env[name] ?? "").trim()
  switch (settings.runtime) {
    case "inline":
      return { _tag: "inline" }
    case "agentcore": {
      const arn = fromEnv(arnVariable(agent))
      return arn === ""
        ? {
            _tag: "missing",
            message: `${arnVariable(agent)} is not set (agents.${agent}.runtime is agentcore)`,
          }
        : { _tag: "agentcore", arn }
    }
    case "url": {
      const url = fromEnv(urlVariable(agent))
      return url === ""
        ? { _tag: "missing", message: `${urlVariable(agent)} is not set (agents.${agent}.runtime is url)` }
        : { _tag: "url", url }
    }
  }
}

export interface RoutingInvokerOptions<R> {
  readonly agents: AgentsSettings
  readonly env: Readonly<Record<string, string | undefined>>
  /** Agents this process can run inline (their handlers); others configured inline are not_configured. */
  readonly inline?: InlineAgents<R>
  /** Region and (for tests) endpoint/credentials of the AgentCore client. */
  readonly agentCore: AgentCoreClientOptions & { readonly qualifier?: string }
  readonly url?: Omit<UrlInvokerOptions, "urlFor" | "describeMissing">
}

export const routingAgentInvokerLayer = <R = never>(
  options: RoutingInvokerOptions<R>,
): Layer.Layer<AgentInvoker, never, R> =>
  Layer.scoped(
    AgentInvoker,
    Effect.gen(function* () {
      const routes = new Map(
        AgentId.literals.map((a) => [a, resolveAgentRoute(options.agents, options.env, a)]),
      )
      const routeOf = (agent: AgentId): AgentRoute =>
        routes.get(agent) ?? { _tag: "missing", message: `unknown agent ${agent}` }
      const inline = yield* makeInlineAgentInvoker(options.inline ?? {})
      const agentCore = [...routes.values()].some((r) => r._tag === "agentcore")
        ? yield* makeAgentCoreInvoker({
            ...options.agentCore,
            arnFor: (a) => {
              const route = routeOf(a)
              return route._tag === "agentcore" ? route.arn : null
            },
          })
        : null
      const url = makeUrlAgentInvoker({
        ...options.url,
        urlFor: (a) => {
          const route = routeOf(a)
          return route._tag === "url" ? route.url : null
        },
      })
      const invoke: AgentInvokerService["invoke"] = (agent, task, deadline) => {
        const route = routeOf(agent)
        switch (route._tag) {
          case "missing":
            return Effect.fail(notConfigured(agent, route.message))
          case "inline":
            return inline.invoke(agent, task, deadline)
          case "agentcore":
            return agentCore === null
              ? Effect.fail(notConfigured(agent, `${arnVariable(agent)} is not set`))
              : agentCore.invoke(agent, task, deadline)
          case "url":
            return url.invoke(agent, task, deadline)
        }
      }
      yield* Effect.logInfo("agent routes").pipe(
        Effect.annotateLogs(Object.fromEntries([...routes].map(([a, r]) => [a, r._tag]))),
      )
      return AgentInvoker.of({ invoke })
    }),
  )
