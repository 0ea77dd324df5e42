/**
 * AgentInvoker over Bedrock AgentCore Runtime (`InvokeAgentRuntime`). The A2A request bytes are
 * the payload (AgentCore passes them unchanged to the agent's `POST /`), the session id is
 * derived from the investigation and the agent (≥ 33 chars), and the call — sending and
 * reading the streamed answer — is aborted at the caller's deadline, computed from Effect's
 * Clock (weak point 17: the original used botocore defaults in uncancellable worker threads).
 * One client per layer, no SDK retries (a retry would re-run the agent). The answer is JSON or
 * raw SSE bytes, read with a 1 MiB cap.
 */
import {
  BedrockAgentCoreClient,
  type BedrockAgentCoreClientConfig,
  InvokeAgentRuntimeCommand,
} from "@aws-sdk/client-bedrock-agentcore"
import { Duration, Effect, Either, Layer, type Scope } from "effect"
import type { AgentId } from "../../domain/agent-id.js"
import { AgentInvoker, type AgentInvokerService } from "../../ports/agent-invoker.js"
import { A2AReplyError, decodeReplyBody, invokeErrorFromReply, maxA2ABytes } from "../a2a/a2a-reply.js"
import { deadlineError, notConfigured, prepareInvocation } from "../a2a/invocation.js"
import { invokeErrorFromAgentCore } from "./agentcore-errors.js"
import { readBounded } from "./bounded-body.js"

export interface AgentCoreClientOptions {
  readonly region: string
  /** e.g. a loopback replay server; default: the regional AgentCore endpoint */
  readonly endpoint?: string
  /** static keys or a provider; default: the AWS credential provider chain */
  readonly credentials?: BedrockAgentCoreClientConfig["credentials"]
  readonly requestHandler?: BedrockAgentCoreClientConfig["requestHandler"]
}

export interface AgentCoreInvokerOptions extends AgentCoreClientOptions {
  /** The agent's runtime ARN, or null when none is configured. */
  readonly arnFor: (agent: AgentId) => string | null
  /** Named in the not_configured message (e.g. `EKS_AGENT_RUNTIME_ARN is not set`). */
  readonly describeMissing?: (agent: AgentId) => string
  /** The runtime endpoint; default "DEFAULT". */
  readonly qualifier?: string
  readonly maxReplyBytes?: number
}

export const makeAgentCoreClient = (options: AgentCoreClientOptions): BedrockAgentCoreClient =>
  new BedrockAgentCoreClient({
    region: options.region,
    maxAttempts: 1,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.requestHandler === undefined ? {} : { requestHandler: options.requestHandler }),
  })

export const agentCoreInvokerWith = (
  client: BedrockAgentCoreClient,
  options: AgentCoreInvokerOptions,
): AgentInvokerService => {
  const maxBytes = options.maxReplyBytes ?? maxA2ABytes
  return {
    invoke: (agent, task, deadline) =>
      Effect.gen(function* () {
        const arn = options.arnFor(agent)
        if (arn === null) {
          return yield* notConfigured(
            agent,
            options.describeMissing?.(agent) ?? `no AgentCore runtime ARN is configured for agent ${agent}`,
          )
        }
        const call = yield* prepareInvocation(agent, task, deadline)
        const answer = yield* Effect.tryPromise({
          try: async (signal) => {
            const output = await client.send(
              new InvokeAgentRuntimeCommand({
                agentRuntimeArn: arn,
                qualifier: options.qualifier ?? "DEFAULT",
                runtimeSessionId: call.sessionId,
                contentType: "application/json",
                accept: "application/json, text/event-stream",
                payload: new TextEncoder().encode(call.body),
              }),
              { abortSignal: signal },
            )
            const body = await readBounded(output.response, maxBytes, signal)
            return { contentType: output.contentType, body }
          },
          catch: (cause) => invokeErrorFromAgentCore(agent, cause),
        }).pipe(
          Effect.timeoutFail({
            duration: Duration.millis(call.remainingMs),
            onTimeout: () => deadlineError(agent, call.remainingMs),
          }),
        )
        if (answer.body._tag === "TooLarge") {
          const tooLarge = new A2AReplyError({
            reason: "too_large",
            message: `the reply exceeds ${maxBytes} bytes (read ${answer.body.bytesRead} before stopping)`,
          })
          return yield* invokeErrorFromReply(agent, tooLarge)
        }
        return yield* Either.mapLeft(decodeReplyBody(answer.body.text, answer.contentType, maxBytes), (e) =>
          invokeErrorFromReply(agent, e),
        )
      }).pipe(Effect.withSpan("AgentInvoker.agentcore", { attributes: { agent } })),
  }
}

/** The client (built once, destroyed with the scope) and the invoker over it. */
export const makeAgentCoreInvoker = (
  options: AgentCoreInvokerOptions,
): Effect.Effect<AgentInvokerService, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => makeAgentCoreClient(options)),
    (client) => Effect.sync(() => client.destroy()),
  ).pipe(Effect.map((client) => agentCoreInvokerWith(client, options)))

export const agentCoreInvokerLayer = (options: AgentCoreInvokerOptions): Layer.Layer<AgentInvoker> =>
  Layer.scoped(AgentInvoker, makeAgentCoreInvoker(options))
