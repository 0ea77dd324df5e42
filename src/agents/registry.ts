/**
 * The specialists this process can run inline, by id. Each answers with an AgentResult built
 * from its own data source. Until an agent's source lands (Kubernetes and CloudWatch Logs with
 * the scenario issue; the chat scanners, incident history and Prometheus after it), it answers
 * `unhealthy` with that reason — the report shows 🩺 and why, never an invented result.
 */
import { Effect } from "effect"
import type { InlineAgents } from "../adapters/local/inline-agent-invoker.js"
import { type SpecialistId, specialists } from "../domain/agent-id.js"
import { placeholderResult } from "../domain/agent-result.js"

const notInThisBuild = (agent: SpecialistId) => ({
  mode: "reply" as const,
  handle: () =>
    Effect.succeed(placeholderResult(agent, "unhealthy", `the ${agent} agent is not part of this build yet`)),
})

export const specialistAgents = (overrides: InlineAgents<never> = {}): InlineAgents<never> =>
  Object.fromEntries(specialists.map(({ id }) => [id, overrides[id] ?? notInThisBuild(id)]))
