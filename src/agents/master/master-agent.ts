/**
 * The master as an A2A agent: it accepts an investigation and answers at once ("accept" mode);
 * the Orchestrator runs it in the background, owned by the agent's scope, so AgentCore's
 * /ping reports HealthyBusy until it is done. Routed by the task's type, never by a model.
 */
import { Effect } from "effect"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { placeholderResult } from "../../domain/agent-result.js"
import { Orchestrator } from "../../domain/orchestrator.js"

export const masterAgent: InlineAgent<Orchestrator> = {
  mode: "accept",
  handle: (task) =>
    Effect.flatMap(Orchestrator, (orchestrator) =>
      task.task === "investigate"
        ? Effect.as(
            orchestrator.investigate(task),
            placeholderResult("master", "skipped", "the master reports in chat"),
          )
        : Effect.succeed(placeholderResult("master", "skipped", `task ${task.task} is not supported yet`)),
    ),
}
