/**
 * One agent's A2A endpoint as a function from request body to response body, shared by the
 * HTTP agent server and the inline invoker so an agent behaves the same in-process and behind
 * AgentCore. `reply` mode (specialists) runs the handler bounded by the task's deadline and
 * answers its AgentResult; `accept` mode (the master) starts the handler in a background fiber
 * owned by `scope` and answers `accepted` at once. Every task is metered on its own (token usage
 * from its whole fiber tree lands in its result), requests run concurrently (the original
 * serialised them behind one lock), and a handler defect becomes a JSON-RPC internal error.
 */
import { Cause, Clock, Duration, Effect, Exit, Option, Ref, type Scope } from "effect"
import type { AgentId } from "../../domain/agent-id.js"
import { type AgentResult, placeholderResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { meter, totalsByModel } from "../../domain/usage-meter.js"
import { decodeTaskRequest, encodeErrorResponse, encodeResultResponse } from "./a2a-codec.js"
import { type JsonRpcId, RpcErrorCode } from "./a2a-schema.js"
import { type BusyState, makeBusyState } from "./busy-state.js"

export interface AgentHandlerContext {
  /** AgentCore's runtime session id (from the forwarded header), when there is one. */
  readonly sessionId: string | null
}

export type AgentMode = "reply" | "accept"

export interface AgentEndpointSpec<R> {
  readonly agentId: AgentId
  readonly mode: AgentMode
  readonly handle: (task: AgentTask, ctx: AgentHandlerContext) => Effect.Effect<AgentResult, never, R>
}

export interface EndpointEnv {
  /** Owns accept-mode background work; closing it interrupts that work. */
  readonly scope: Scope.Scope
  readonly busy: BusyState
  /** Set once the owner shuts down: new tasks are refused. */
  readonly closed: Ref.Ref<boolean>
}

export type A2AEndpoint<R> = (body: string, sessionId: string | null) => Effect.Effect<string, never, R>

const tokens = (r: AgentResult) => r.usage.reduce((n, u) => n + u.inputTokens + u.outputTokens, 0)

/** Run one task: metered, and (reply mode) bounded by its deadline — a timeout is a result. */
export const runAgentTask = <R>(
  spec: AgentEndpointSpec<R>,
  task: AgentTask,
  ctx: AgentHandlerContext,
  bounded: boolean,
): Effect.Effect<AgentResult, never, R> =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const budgetMs = task.deadline.epochMillis - started
    const work = bounded
      ? budgetMs <= 0
        ? Effect.succeedNone
        : spec.handle(task, ctx).pipe(Effect.timeoutOption(Duration.millis(budgetMs)))
      : Effect.asSome(spec.handle(task, ctx))
    const [outcome, usage] = yield* meter(work)
    const durationMs = (yield* Clock.currentTimeMillis) - started
    return Option.match(outcome, {
      onNone: (): AgentResult => ({
        ...placeholderResult(
          spec.agentId,
          "timeout",
          `no result within the task deadline (${Math.max(0, budgetMs)} ms)`,
          durationMs,
        ),
        usage,
      }),
      onSome: (result): AgentResult => ({ ...result, usage: totalsByModel([...result.usage, ...usage]) }),
    })
  })

const logOutcome = (result: AgentResult) =>
  Effect.logInfo("agent task finished").pipe(
    Effect.annotateLogs({
      status: result.status,
      findings: result.findings.length,
      tokens: tokens(result),
      durationMs: result.durationMs,
    }),
  )

const serveTask = <R>(
  spec: AgentEndpointSpec<R>,
  env: EndpointEnv,
  id: JsonRpcId,
  task: AgentTask,
  ctx: AgentHandlerContext,
): Effect.Effect<string, never, R> =>
  Effect.gen(function* () {
    if (yield* Ref.get(env.closed)) {
      return encodeErrorResponse(id, RpcErrorCode.internalError, `${spec.agentId} is shutting down`)
    }
    yield* Effect.logInfo("agent task received")
    if (spec.mode === "accept") {
      yield* runAgentTask(spec, task, ctx, false).pipe(
        Effect.tap(logOutcome),
        Effect.catchAllCause((cause) =>
          Cause.isInterruptedOnly(cause)
            ? Effect.logWarning("background task interrupted (shutdown)")
            : Effect.logError("background task died", cause),
        ),
        env.busy.track,
        Effect.forkIn(env.scope),
      )
      return encodeResultResponse(
        id,
        { accepted: true, investigationId: task.investigationId },
        `${spec.agentId} accepted investigation ${task.investigationId}`,
      )
    }
    const exit = yield* env.busy.track(runAgentTask(spec, task, ctx, true)).pipe(Effect.exit)
    if (Exit.isFailure(exit)) {
      yield* Effect.logError("agent task died", exit.cause)
      return encodeErrorResponse(id, RpcErrorCode.internalError, `internal error in agent ${spec.agentId}`)
    }
    yield* logOutcome(exit.value)
    const summary = exit.value.summary === "" ? `${spec.agentId}: ${exit.value.status}` : exit.value.summary
    return encodeResultResponse(id, exit.value, summary)
  }).pipe(Effect.annotateLogs({ investigationId: task.investigationId, task: task.task }))

export const makeA2AEndpoint =
  <R>(spec: AgentEndpointSpec<R>, env: EndpointEnv): A2AEndpoint<R> =>
  (body, sessionId) =>
    Effect.gen(function* () {
      const decoded = decodeTaskRequest(body)
      if (decoded._tag === "Right") {
        return yield* serveTask(spec, env, decoded.right.id, decoded.right.task, { sessionId })
      }
      const { id, code, message } = decoded.left
      yield* Effect.logWarning("A2A request refused").pipe(Effect.annotateLogs({ code, detail: message }))
      return encodeErrorResponse(id, code, message)
    }).pipe(
      Effect.annotateLogs({ agent: spec.agentId, sessionId: sessionId ?? "none" }),
      Effect.withSpan("A2A.endpoint", { attributes: { agent: spec.agentId } }),
    )

/** A fresh scope, busy state and closed flag for an endpoint owner (server app or inline invoker). */
export const makeEndpointEnv = (scope: Scope.Scope): EndpointEnv => ({
  scope,
  busy: makeBusyState(),
  closed: Effect.runSync(Ref.make(false)),
})
