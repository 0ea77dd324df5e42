/**
 * Bedrock AgentCore Runtime's data plane on loopback, so the real
 * `@aws-sdk/client-bedrock-agentcore` adapter runs in tests and the demo. It speaks
 * `POST /runtimes/{url-encoded ARN}/invocations?qualifier=…` as the SDK sends it, forwards the
 * payload unchanged to the agent's `POST /` (an in-process handler or an agent server app's
 * `fetch`) with the session id header, as the service does, and answers with the agent's JSON —
 * or, per runtime, as Server-Sent Events (a `working` status event, then the answer as
 * multi-line `data:` split across small chunks), after an optional delay (to test aborts at the
 * deadline), or with an AWS error. Every call is recorded: ARN, qualifier, session id, headers,
 * body, and whether the client hung up before the answer.
 */
import { Effect, type Scope } from "effect"
import { Hono } from "hono"
import { sessionIdHeader } from "../adapters/a2a/session-id.js"
import { type LoopbackServer, serveLoopback } from "./serve.js"

export interface ReplayRuntime {
  /** The agent container: AgentCore's forwarded `POST /` → the agent's answer. */
  readonly handler: (request: Request) => Response | Promise<Response>
  /** How the service answers; default "json" (the agent's body as is). */
  readonly format?: "json" | "sse"
  /** SSE chunk size in bytes (default 64), so events straddle chunk boundaries. */
  readonly chunkBytes?: number
  /** Wait this long before calling the agent; ends early when the client hangs up. */
  readonly delayMs?: number
  /** Answer with this AWS error instead of calling the agent. */
  readonly error?: { readonly status: number; readonly errorType: string; readonly message?: string }
}

export interface RecordedInvocation {
  readonly arn: string
  readonly qualifier: string | null
  readonly sessionId: string | null
  /** lower-cased request headers */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly signed: boolean
  /** the client went away before the answer (e.g. it aborted at its deadline) */
  readonly aborted: boolean
}

export interface AgentCoreReplay extends LoopbackServer {
  readonly invocations: Effect.Effect<ReadonlyArray<RecordedInvocation>>
}

const awsError = (status: number, errorType: string, message: string): Response =>
  new Response(JSON.stringify({ __type: errorType, message }), {
    status,
    headers: { "content-type": "application/json", "x-amzn-ErrorType": errorType },
  })

/** Resolves after `ms`, or as soon as the client gives up on the request. */
const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener("abort", () => {
      clearTimeout(timer)
      resolve()
    })
  })

const working = JSON.stringify({
  jsonrpc: "2.0",
  id: null,
  result: { kind: "status-update", taskId: "replay", contextId: "replay", status: { state: "working" } },
})

/** The agent's JSON answer as an event stream: a status event, then the answer over several `data:` lines. */
export const toSse = (json: string): string => {
  let pretty = json
  try {
    pretty = JSON.stringify(JSON.parse(json), null, 1)
  } catch {
    // not JSON: stream it as it is
  }
  const event = (payload: string) =>
    `${payload
      .split("\n")
      .map((line) => `data: ${line}`)
      .join("\n")}\n\n`
  return `: replay\n\n${event(working)}${event(pretty)}`
}

const chunked = (text: string, size: number): ReadableStream<Uint8Array> => {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close()
        return
      }
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
    },
  })
}

const invocationPath = /^\/runtimes\/([^/]+)\/invocations$/

export const serveAgentCoreReplay = (
  runtimes: Readonly<Record<string, ReplayRuntime>>,
): Effect.Effect<AgentCoreReplay, never, Scope.Scope> =>
  Effect.gen(function* () {
    const recorded: Array<RecordedInvocation> = []
    const app = new Hono()
    app.post("/runtimes/*", async (c) => {
      const url = new URL(c.req.url)
      const match = invocationPath.exec(url.pathname)
      if (match === null) return awsError(404, "UnknownOperationException", `no route for ${url.pathname}`)
      const arn = decodeURIComponent(match[1] ?? "")
      const headers: Record<string, string> = {}
      c.req.raw.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value
      })
      const body = await c.req.text()
      const signal = c.req.raw.signal
      const index = recorded.length
      const base = {
        arn,
        qualifier: url.searchParams.get("qualifier"),
        sessionId: headers[sessionIdHeader] ?? null,
        headers,
        body,
        signed: (headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256"),
      }
      recorded.push({ ...base, aborted: false })
      const runtime = runtimes[arn]
      if (runtime === undefined) return awsError(404, "ResourceNotFoundException", `no agent runtime ${arn}`)
      if (runtime.delayMs !== undefined && runtime.delayMs > 0) await wait(runtime.delayMs, signal)
      if (signal.aborted) {
        recorded[index] = { ...base, aborted: true }
        return awsError(499, "ClientClosedRequest", "the client went away")
      }
      if (runtime.error !== undefined) {
        const { status, errorType, message } = runtime.error
        return awsError(status, errorType, message ?? errorType)
      }
      const forwarded = await runtime.handler(
        new Request("http://agent.replay/", {
          method: "POST",
          body,
          headers: {
            "content-type": headers["content-type"] ?? "application/json",
            accept: headers.accept ?? "application/json",
            ...(base.sessionId === null ? {} : { [sessionIdHeader]: base.sessionId }),
          },
        }),
      )
      const answer = await forwarded.text()
      const common = { "x-amzn-bedrock-agentcore-runtime-session-id": base.sessionId ?? "" }
      if (runtime.format === "sse") {
        return new Response(chunked(toSse(answer), runtime.chunkBytes ?? 64), {
          status: 200,
          headers: { ...common, "content-type": "text/event-stream" },
        })
      }
      return new Response(answer, {
        status: 200,
        headers: { ...common, "content-type": forwarded.headers.get("content-type") ?? "application/json" },
      })
    })
    app.all("*", (c) => awsError(404, "UnknownOperationException", `no replay route for ${c.req.path}`))
    const server = yield* serveLoopback(app)
    return { ...server, invocations: Effect.sync(() => [...recorded]) }
  })
