/**
 * The AgentCore/URL invoker for the master arrives with the engine (issue #3). Until then the
 * AWS composition uses this one, which fails every call with `not_configured` and says so:
 * dispatch retries, dead-letters and posts "could not start the investigation" in the thread,
 * so the operator sees the gap instead of silence.
 */
import { Effect, Layer } from "effect"
import { AgentInvokeError, AgentInvoker } from "../../ports/agent-invoker.js"

export const pendingAgentInvokerLayer = Layer.succeed(
  AgentInvoker,
  AgentInvoker.of({
    invoke: (agent) =>
      Effect.fail(
        new AgentInvokeError({
          agent,
          reason: "not_configured",
          message:
            "no agent runtime invoker is configured in this build (AgentCore invocation arrives with the engine)",
        }),
      ),
  }),
)
