/**
 * An AgentInvoker that records every task it is given and answers "accepted". It stands where
 * the master will be (the engine issue) so intake and dispatch run end to end; tests read the
 * recording, and can make the first N calls fail to exercise retries and dead-lettering.
 */
import { Context, type DateTime, Effect, Layer, Ref } from "effect"
import { type AgentId, AgentInvokeError, AgentInvoker, type AgentTask } from "../../ports/agent-invoker.js"

export interface Invocation {
  readonly agent: AgentId
  readonly task: AgentTask
  readonly deadline: DateTime.Utc
}

export class RecordedInvocations extends Context.Tag("sre-on-call/RecordedInvocations")<
  RecordedInvocations,
  Ref.Ref<ReadonlyArray<Invocation>>
>() {}

export interface RecordingOptions {
  /** Fail this many calls (unreachable) before accepting. */
  readonly failFirst?: number
}

export const recordingAgentInvokerLayer = (options: RecordingOptions = {}) =>
  Layer.effectContext(
    Effect.gen(function* () {
      const recorded = yield* Ref.make<ReadonlyArray<Invocation>>([])
      const failures = yield* Ref.make(options.failFirst ?? 0)
      const invoke = (agent: AgentId, task: AgentTask, deadline: DateTime.Utc) =>
        Effect.gen(function* () {
          const left = yield* Ref.getAndUpdate(failures, (n) => Math.max(0, n - 1))
          if (left > 0) {
            return yield* new AgentInvokeError({ agent, reason: "unreachable", message: "scripted failure" })
          }
          yield* Ref.update(recorded, (xs) => [...xs, { agent, task, deadline }])
          yield* Effect.logInfo("task recorded (the master arrives with the engine issue)").pipe(
            Effect.annotateLogs({ agent, task: task.task }),
          )
          return { data: { accepted: true }, text: "accepted" }
        })
      return Context.make(AgentInvoker, AgentInvoker.of({ invoke })).pipe(
        Context.add(RecordedInvocations, recorded),
      )
    }),
  )
