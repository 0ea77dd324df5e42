/**
 * The AgentCore replay on its own, over raw HTTP: the service's invocation route (URL-encoded
 * ARN, qualifier), forwarding to the agent with the session header, JSON and SSE answers,
 * AWS errors for unknown runtimes and routes, and the recording tests rely on.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { sseEvents } from "../../src/adapters/a2a/a2a-reply.js"
import { serveAgentCoreReplay, toSse } from "../../src/replay/agentcore.js"

const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/sre_eks-AbC123"
const answer = JSON.stringify({ jsonrpc: "2.0", id: "r", result: { kind: "message", parts: [] } })

const invoke = (
  base: string,
  target: string,
  init: { body: string; headers?: Record<string, string>; qualifier?: string },
) =>
  Effect.promise(async () => {
    const q = init.qualifier === undefined ? "" : `?qualifier=${init.qualifier}`
    const response = await fetch(`${base}/runtimes/${encodeURIComponent(target)}/invocations${q}`, {
      method: "POST",
      body: init.body,
      headers: { "content-type": "application/json", ...init.headers },
    })
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      errorType: response.headers.get("x-amzn-errortype"),
      text: await response.text(),
    }
  })

describe("AgentCore replay", () => {
  it.scoped("forwards the payload and session header to the agent and answers its JSON", () =>
    Effect.gen(function* () {
      const forwarded: Array<{ path: string; body: string; session: string | null }> = []
      const replay = yield* serveAgentCoreReplay({
        [arn]: {
          handler: async (request) => {
            forwarded.push({
              path: new URL(request.url).pathname,
              body: await request.text(),
              session: request.headers.get("x-amzn-bedrock-agentcore-runtime-session-id"),
            })
            return new Response(answer, { headers: { "content-type": "application/json" } })
          },
        },
      })
      const session = "s".repeat(36)
      const response = yield* invoke(replay.url, arn, {
        body: '{"jsonrpc":"2.0"}',
        qualifier: "DEFAULT",
        headers: { "x-amzn-bedrock-agentcore-runtime-session-id": session },
      })
      expect(response).toMatchObject({ status: 200, type: "application/json", text: answer })
      expect(forwarded).toEqual([{ path: "/", body: '{"jsonrpc":"2.0"}', session }])
      expect(yield* replay.invocations).toEqual([
        expect.objectContaining({
          arn,
          qualifier: "DEFAULT",
          sessionId: session,
          body: '{"jsonrpc":"2.0"}',
          signed: false,
          aborted: false,
        }),
      ])
    }),
  )

  it.scoped("answers as an event stream when configured", () =>
    Effect.gen(function* () {
      const replay = yield* serveAgentCoreReplay({
        [arn]: { handler: () => new Response(answer), format: "sse", chunkBytes: 5 },
      })
      const response = yield* invoke(replay.url, arn, { body: "{}" })
      expect(response.type).toBe("text/event-stream")
      expect(response.text).toBe(toSse(answer))
      const events = sseEvents(response.text).map((e) => JSON.parse(e))
      expect(events).toHaveLength(2)
      expect(events[0]).toMatchObject({ result: { kind: "status-update" } })
      expect(events[1]).toEqual(JSON.parse(answer))
    }),
  )

  it.scoped("answers AWS errors for unknown runtimes, scripted errors and unknown routes", () =>
    Effect.gen(function* () {
      const replay = yield* serveAgentCoreReplay({
        [arn]: {
          handler: () => new Response(answer),
          error: { status: 403, errorType: "AccessDeniedException" },
        },
      })
      const unknown = yield* invoke(replay.url, `${arn}-other`, { body: "{}" })
      expect(unknown).toMatchObject({ status: 404, errorType: "ResourceNotFoundException" })
      const denied = yield* invoke(replay.url, arn, { body: "{}" })
      expect(denied).toMatchObject({ status: 403, errorType: "AccessDeniedException" })
      const route = yield* Effect.promise(() =>
        fetch(`${replay.url}/runtimes/x/commands`, { method: "POST" }),
      )
      expect(route.status).toBe(404)
      expect((yield* replay.invocations).map((i) => i.arn)).toEqual([`${arn}-other`, arn])
    }),
  )
})
