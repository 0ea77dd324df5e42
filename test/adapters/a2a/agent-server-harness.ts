/**
 * Helpers for agent server app tests: start an app on a runtime (closed and disposed after the
 * test), post A2A requests through `app.request`, and read JSON-RPC answers and results.
 */
import { Effect, type ManagedRuntime, Schema } from "effect"
import { encodeTaskRequest } from "../../../src/adapters/a2a/a2a-codec.js"
import { decodeReply } from "../../../src/adapters/a2a/a2a-reply.js"
import { makeAgentCard } from "../../../src/adapters/a2a/a2a-schema.js"
import {
  type AgentServerApp,
  type AgentServerOptions,
  makeAgentServerApp,
} from "../../../src/adapters/a2a/agent-server-app.js"
import { AgentResult } from "../../../src/domain/agent-result.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"

export const card = makeAgentCard({
  name: "eks",
  description: "Kubernetes state of the alerting workload",
  version: "0.1.0",
  url: "http://127.0.0.1:9000/",
  skills: [{ id: "gather_eks_state", name: "Gather EKS state", description: "pods, events", tags: ["k8s"] }],
})

export const makeStarter =
  (cleanups: Array<() => Promise<void>>) =>
  <R, E>(
    options: Omit<AgentServerOptions<R>, "card">,
    runtime: ManagedRuntime.ManagedRuntime<R, E>,
  ): AgentServerApp => {
    const server = makeAgentServerApp({ ...options, card }, runtime)
    cleanups.push(() => server.close().then(() => runtime.dispose()))
    return server
  }

export const post = (server: AgentServerApp, body: string, headers: Record<string, string> = {}) =>
  server.app.request("/", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  })

export const rpc = async (response: Response) => {
  const json: unknown = await response.json()
  return { status: response.status, json }
}

export const replyData = async (response: Response) => {
  const decoded = decodeReply(await response.text())
  if (decoded._tag === "Left") return Effect.runPromise(Effect.dieMessage(decoded.left.message))
  return decoded.right.data
}

export const decodeResult = Schema.decodeUnknownPromise(AgentResult)

export const requestFor = (task: AgentTask) => encodeTaskRequest(task, `req-${task.investigationId}`, "m-1")
