/**
 * The A2A server every agent runs (AgentCore Runtime's A2A contract: `0.0.0.0:9000`):
 * `POST /` takes the JSON-RPC `message/send` that InvokeAgentRuntime passes through unchanged,
 * `GET /.well-known/agent-card.json` describes the agent, `GET /ping` says Healthy or
 * HealthyBusy. Protocol errors are HTTP 200 JSON-RPC error bodies, as A2A servers answer them;
 * only a body over the limit is an HTTP error (413). Requests run concurrently on the one
 * ManagedRuntime; a client that hangs up interrupts its reply-mode task.
 */
import { Effect, Exit, type ManagedRuntime, Ref, Scope } from "effect"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { type AgentEndpointSpec, makeA2AEndpoint, makeEndpointEnv } from "./a2a-endpoint.js"
import { maxA2ABytes } from "./a2a-reply.js"
import { type AgentCard, RpcErrorCode } from "./a2a-schema.js"
import { sessionIdHeader } from "./session-id.js"

export interface AgentServerOptions<R> extends AgentEndpointSpec<R> {
  readonly card: AgentCard
  /** default 1 MiB */
  readonly maxBodyBytes?: number
}

export interface AgentServerApp {
  readonly app: Hono
  /** Refuse new tasks and interrupt background work (SIGTERM); the runtime is the caller's to dispose. */
  readonly close: () => Promise<void>
}

const rpcError = (code: number, message: string) =>
  JSON.stringify({ jsonrpc: "2.0", id: null, error: { code, message } })

const jsonResponse = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "application/json" } })

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const makeAgentServerApp = <R, E>(
  options: AgentServerOptions<R>,
  runtime: ManagedRuntime.ManagedRuntime<R, E>,
): AgentServerApp => {
  const scope = Effect.runSync(Scope.make())
  const env = makeEndpointEnv(scope)
  const endpoint = makeA2AEndpoint(options, env)
  const maxBytes = options.maxBodyBytes ?? maxA2ABytes
  // If the runtime itself cannot be built, say so with Effect's default logger and answer 500.
  const unavailable = (e: unknown) =>
    Effect.runPromise(
      Effect.logError("the agent runtime is unavailable", { agent: options.agentId, error: describe(e) }),
    ).then(() => null)

  const app = new Hono()
  app.post(
    "/",
    bodyLimit({
      maxSize: maxBytes,
      onError: () =>
        jsonResponse(rpcError(RpcErrorCode.invalidRequest, `request body exceeds ${maxBytes} bytes`), 413),
    }),
    async (c) => {
      const body = await c.req.text()
      const sessionId = c.req.header(sessionIdHeader) ?? null
      const signal = c.req.raw.signal
      const answer = await runtime
        .runPromise(endpoint(body, sessionId), { signal })
        // A caller that hung up interrupted its task: nobody reads this answer.
        .catch((e: unknown) =>
          signal.aborted ? rpcError(RpcErrorCode.internalError, "cancelled") : unavailable(e),
        )
      return answer === null
        ? jsonResponse(rpcError(RpcErrorCode.internalError, "agent runtime unavailable"), 500)
        : jsonResponse(answer)
    },
  )
  app.get("/.well-known/agent-card.json", (c) => c.json(options.card))
  app.get("/ping", async (c) => {
    const ping = await runtime.runPromise(env.busy.ping).catch(unavailable)
    return ping === null ? c.json({ status: "Unhealthy" }, 503) : c.json(ping)
  })
  app.notFound((c) => c.json({ error: { code: "not_found", message: "no such route" } }, 404))

  const close = () =>
    Effect.runPromise(Ref.set(env.closed, true).pipe(Effect.zipRight(Scope.close(scope, Exit.void))))
  return { app, close }
}
