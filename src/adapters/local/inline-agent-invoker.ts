/**
 * AgentInvoker for agents that run in this process (`npm start`, tests, `runtime: inline`).
 * Each call still round-trips through the A2A codec and the same endpoint function the agent
 * server runs, so an inline agent decodes, meters, bounds and fails exactly like one behind
 * AgentCore: a handler defect is a JSON-RPC internal error (→ `rejected`), never a crash. The
 * caller's deadline bounds the call on Effect's Clock; accept-mode work (the master) runs in
 * the layer's scope and is interrupted when the layer is released.
 */
import { Duration, Effect, Either, Layer, Ref, type Scope } from "effect"
import { AgentId } from "../../domain/agent-id.js"
import { AgentInvoker, type AgentInvokerService } from "../../ports/agent-invoker.js"
import {
  type A2AEndpoint,
  type AgentEndpointSpec,
  makeA2AEndpoint,
  makeEndpointEnv,
} from "../a2a/a2a-endpoint.js"
import { decodeReply, invokeErrorFromReply } from "../a2a/a2a-reply.js"
import { deadlineError, notConfigured, prepareInvocation } from "../a2a/invocation.js"

/** One inline agent: how it answers (`reply` or `accept`) and its handler. */
export type InlineAgent<R> = Omit<AgentEndpointSpec<R>, "agentId">

export type InlineAgents<R> = { readonly [K in AgentId]?: InlineAgent<R> }

export const makeInlineAgentInvoker = <R = never>(
  agents: InlineAgents<R>,
): Effect.Effect<AgentInvokerService, never, R | Scope.Scope> =>
  Effect.gen(function* () {
    const context = yield* Effect.context<R>()
    const scope = yield* Effect.scope
    const env = makeEndpointEnv(scope)
    const endpoints = new Map<AgentId, A2AEndpoint<R>>()
    yield* Effect.addFinalizer(() => Ref.set(env.closed, true))
    for (const agentId of AgentId.literals) {
      const agent = agents[agentId]
      if (agent !== undefined) endpoints.set(agentId, makeA2AEndpoint({ agentId, ...agent }, env))
    }
    const invoke: AgentInvokerService["invoke"] = (agent, task, deadline) =>
      Effect.gen(function* () {
        const endpoint = endpoints.get(agent)
        if (endpoint === undefined) {
          return yield* notConfigured(agent, `agent ${agent} does not run inline in this process`)
        }
        const call = yield* prepareInvocation(agent, task, deadline)
        const body = yield* endpoint(call.body, call.sessionId).pipe(
          Effect.provide(context),
          Effect.timeoutFail({
            duration: Duration.millis(call.remainingMs),
            onTimeout: () => deadlineError(agent, call.remainingMs),
          }),
        )
        return yield* Either.mapLeft(decodeReply(body), (e) => invokeErrorFromReply(agent, e))
      }).pipe(Effect.withSpan("AgentInvoker.inline", { attributes: { agent } }))
    return AgentInvoker.of({ invoke })
  })

export const inlineAgentInvokerLayer = <R = never>(
  agents: InlineAgents<R>,
): Layer.Layer<AgentInvoker, never, R> => Layer.scoped(AgentInvoker, makeInlineAgentInvoker(agents))
