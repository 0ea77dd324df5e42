/**
 * Bedrock AgentCore Runtime container: one agent (AGENT_ID) as an A2A server on 0.0.0.0:9000 —
 * `POST /` JSON-RPC from InvokeAgentRuntime, `/.well-known/agent-card.json`, `/ping`.
 */
import { serve } from "@hono/node-server"
import { Effect, Layer, LogLevel, ManagedRuntime, Schema } from "effect"
import { makeAgentCard } from "./adapters/a2a/a2a-schema.js"
import { makeAgentServerApp } from "./adapters/a2a/agent-server-app.js"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { describeAgent, skillsOf } from "./agents/cards.js"
import { masterAgent } from "./agents/master/master-agent.js"
import { specialistAgents } from "./agents/registry.js"
import { loadSkills } from "./agents/skill-files.js"
import { AgentId, agentInfo } from "./domain/agent-id.js"
import { redact } from "./domain/redact.js"
import { loadConfig, masterRuntimeLayer, specialistRuntimeLayer } from "./layers.js"

const decoded = Schema.decodeUnknownEither(AgentId)(process.env.AGENT_ID)
if (decoded._tag === "Left") {
  process.stderr.write(
    `AGENT_ID must be one of ${AgentId.literals.join(", ")} (got ${JSON.stringify(process.env.AGENT_ID)})\n`,
  )
  process.exit(2)
}
const agentId = decoded.right
const port = Number(process.env.PORT ?? 9000)
const logger = jsonLoggerLayer(LogLevel.Info, redact)
// The start-up skill check: a skill config.yaml lists that is missing or names no tool stops here.
const { config, skills } = await Effect.runPromise(
  Effect.gen(function* () {
    const config = yield* loadConfig(process.env.CONFIG_PATH ?? "config.yaml")
    return { config, skills: yield* loadSkills(config) }
  }).pipe(Effect.provide(logger)),
)
const card = makeAgentCard({
  name: `sre-on-call ${agentInfo(agentId).name}`,
  description: describeAgent(agentId),
  version: "0.1.0",
  url: process.env.AGENT_PUBLIC_URL ?? `http://0.0.0.0:${port}/`,
  skills: skillsOf(agentId, skills[agentId] ?? []),
})

const start = () => {
  if (agentId === "master") {
    const runtime = ManagedRuntime.make(Layer.provideMerge(masterRuntimeLayer(config), logger))
    return {
      runtime,
      server: makeAgentServerApp(
        { agentId, card, ...masterAgent, maxBodyBytes: config.limits.request_body_bytes },
        runtime,
      ),
    }
  }
  const spec = specialistAgents(config)[agentId]
  if (spec === undefined) throw new Error(`no handler for agent ${agentId}`)
  const runtime = ManagedRuntime.make(Layer.provideMerge(specialistRuntimeLayer(config), logger))
  return {
    runtime,
    server: makeAgentServerApp(
      { agentId, card, ...spec, maxBodyBytes: config.limits.request_body_bytes },
      runtime,
    ),
  }
}

const { runtime, server } = start()
const http = serve({ fetch: server.app.fetch, port, hostname: "0.0.0.0" })
process.on("SIGTERM", () => {
  http.close()
  void server
    .close()
    .then(() => runtime.dispose())
    .then(() => process.exit(0))
})
