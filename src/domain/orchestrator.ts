/**
 * The master's investigation, start to finish. Deterministic selection, the started notice,
 * parallel fan-out, and the release rule: the report goes out as soon as every agent has
 * settled, or at the deadline (60 s, minus the synthesis reserve when a model is configured),
 * whichever comes first. Later results update the report in place, with a short note in the
 * thread, until the 300 s cutoff; whatever still runs then is interrupted and marked so. A crash
 * posts "investigation failed" with the id. Every step is traced; chat and traces are fail-open.
 */
import {
  Cause,
  Clock,
  Context,
  DateTime,
  Duration,
  Effect,
  Fiber,
  FiberSet,
  Layer,
  Option,
  Queue,
  Ref,
} from "effect"
import { AgentInvoker } from "../ports/agent-invoker.js"
import { ChatPlatforms } from "../ports/chat-platform.js"
import { DedupStore } from "../ports/dedup-store.js"
import { IncidentStore } from "../ports/incident-store.js"
import { Llm } from "../ports/llm.js"
import { TraceStore } from "../ports/trace-store.js"
import type { SpecialistId } from "./agent-id.js"
import { type AgentResult, placeholderResult } from "./agent-result.js"
import type { AgentTask } from "./agent-task.js"
import { AppSettings } from "./app-settings.js"
import { buildReport } from "./build-report.js"
import { agentsToRescope, followUpScope, withScope } from "./follow-up-scope.js"
import type { AnalysisDraft } from "./incident-report.js"
import { callAgent } from "./orchestrator-agents.js"
import { type Delivery, makeDelivery } from "./orchestrator-delivery.js"
import { makeRecorder } from "./orchestrator-record.js"
import { synthesise } from "./orchestrator-synthesis.js"
import { ReportTap, type ReportTapService } from "./report-tap.js"
import { selectAgents } from "./select-agents.js"
import type { TraceHeader } from "./trace.js"

export interface OrchestratorService {
  /** Runs the whole investigation; never fails (a crash is reported in the thread). */
  readonly investigate: (task: AgentTask) => Effect.Effect<void>
  /** Starts it in the background (owned by the layer) and returns at once: the master's A2A answer. */
  readonly accept: (task: AgentTask) => Effect.Effect<void>
}

export class Orchestrator extends Context.Tag("sre-on-call/Orchestrator")<
  Orchestrator,
  OrchestratorService
>() {}

const seconds = (s: number) => Duration.seconds(s)

/** The least time before the release worth a follow-up: an agent's queries take a few seconds. */
const followUpMinMs = 3_000

export const OrchestratorLive = Layer.scoped(
  Orchestrator,
  Effect.gen(function* () {
    const invoker = yield* AgentInvoker
    const chats = yield* ChatPlatforms
    const dedup = yield* DedupStore
    const llm = yield* Llm
    const traces = yield* TraceStore
    const settings = yield* AppSettings
    const background = yield* FiberSet.make<void, never>()
    const tap = yield* Effect.serviceOption(ReportTap)
    // Optional: without a store (some tests, a trimmed deployment) incidents are simply not remembered.
    const incidents = yield* Effect.serviceOption(IncidentStore)
    const tell = (f: (t: ReportTapService) => Effect.Effect<void>) =>
      Option.match(tap, { onNone: () => Effect.void, onSome: f })
    const budgets = settings.budgets

    const run = (task: AgentTask) =>
      Effect.gen(function* () {
        const startedAt = yield* DateTime.now
        const header: TraceHeader = {
          investigationId: task.investigationId,
          // The trace lives under the alert's receipt date, as dispatch already opened it.
          startedAt: task.alert.receivedAt,
          platform: task.alert.platform,
          channel: task.alert.channel,
          messageId: task.alert.messageId,
          dedupKey: task.dedupKey,
        }
        // Dispatch wrote seq 0 and 1 of this investigation's trace; the master's events follow.
        const seq = yield* Ref.make(10)
        const trace = (step: Parameters<typeof traces.append>[1]["step"], data: unknown) =>
          Effect.flatMap(
            Effect.zip(
              Ref.getAndUpdate(seq, (n) => n + 1),
              DateTime.now,
            ),
            ([n, at]) =>
              traces.append(header, { investigationId: task.investigationId, seq: n, at, step, data }),
          )
        yield* traces.begin(header)
        const delivery: Delivery = yield* makeDelivery({ chats, settings, task, trace })

        const selection = selectAgents(settings, task.alert)
        yield* trace("plan", selection)
        const synthesisOn = settings.agents.master.model !== null
        const releaseAt = DateTime.min(
          task.deadline,
          DateTime.addDuration(
            startedAt,
            seconds(budgets.report_deadline_s - (synthesisOn ? budgets.synthesis_reserve_s : 0)),
          ),
        )
        const cutoffAt = DateTime.addDuration(startedAt, seconds(budgets.late_results_s))

        // Fan out first, then say so: the notice must not delay the agents.
        const results = yield* Ref.make(new Map<SpecialistId, AgentResult>())
        const settled = yield* Queue.unbounded<SpecialistId>()
        const fibers = new Map<SpecialistId, Fiber.RuntimeFiber<void>>()
        for (const agent of selection.dispatch) {
          const fiber = yield* callAgent({ invoker, task, agent, releaseAt, cutoffAt, trace }).pipe(
            Effect.flatMap((result) =>
              Effect.zipRight(
                Ref.update(results, (m) => new Map(m).set(agent, result)),
                Queue.offer(settled, agent),
              ),
            ),
            Effect.asVoid,
            Effect.fork,
          )
          fibers.set(agent, fiber)
        }
        yield* delivery
          .started(selection.dispatch)
          .pipe(Effect.timeout(Duration.millis(budgets.started_notice_ms)), Effect.ignore)

        const untilAt = (at: DateTime.Utc) =>
          Effect.map(Clock.currentTimeMillis, (now) => Duration.millis(Math.max(0, at.epochMillis - now)))
        /** The next agent to settle, or none when `at` comes first. */
        const nextSettled = (at: DateTime.Utc) =>
          Effect.flatMap(untilAt(at), (left) => Queue.take(settled).pipe(Effect.timeoutOption(left)))

        /**
         * A second look before the release (follow-up-scope.ts): an agent skipped because the alert
         * names no scope is asked again, scoped to the workload the cluster agent found, when there
         * is time; its answer replaces the "skipped" one when the agent could look (status ok), and
         * one not in by the release is dropped (the report is never held for it).
         */
        const followUp = Effect.gen(function* () {
          if (task.task !== "investigate") return
          const firstWave = [...(yield* Ref.get(results)).values()]
          const scope = followUpScope(task.facts, firstWave)
          const again = scope === null ? [] : agentsToRescope(firstWave, task.facts)
          const left = releaseAt.epochMillis - (yield* Clock.currentTimeMillis)
          if (scope === null || again.length === 0 || left < followUpMinMs) return
          yield* trace("follow_up", { agents: again, scope })
          const scopedTask: AgentTask = { ...task, facts: withScope(task.facts, scope) }
          const answers = yield* Effect.forEach(
            again,
            (agent) => callAgent({ invoker, task: scopedTask, agent, releaseAt, cutoffAt, trace }),
            { concurrency: "unbounded" },
          ).pipe(Effect.timeoutOption(Duration.millis(left)))
          for (const answer of Option.getOrElse(answers, () => [])) {
            // Looked and found nothing says more than "skipped"; an error or a timeout says less.
            if (answer.status !== "ok") continue
            const agent = answer.agent
            const id = selection.dispatch.find((a) => a === agent)
            if (id !== undefined) yield* Ref.update(results, (m) => new Map(m).set(id, answer))
          }
        })

        // Release: every agent settled, or the deadline.
        let waiting = selection.dispatch.length
        while (waiting > 0) {
          const next = yield* nextSettled(releaseAt)
          if (Option.isNone(next)) break
          waiting--
        }
        if (waiting === 0) yield* followUp

        const snapshot = (stillRunning: (agent: SpecialistId) => AgentResult) =>
          Effect.map(Ref.get(results), (done) => [
            ...selection.dispatch.map((agent) => done.get(agent) ?? stillRunning(agent)),
            ...selection.disabled.map((agent) =>
              placeholderResult(agent, "disabled", "disabled in config.yaml"),
            ),
            ...selection.skipped.map(({ agent, reason }) => placeholderResult(agent, "skipped", reason)),
          ])
        const pendingNote = (agent: SpecialistId) =>
          placeholderResult(
            agent,
            "timeout",
            "still running at the report deadline; a late result updates this report",
          )

        const build = (
          revision: number,
          all: ReadonlyArray<AgentResult>,
          analysis: AnalysisDraft | null,
          masterUsage: Parameters<typeof buildReport>[0]["masterUsage"],
        ) =>
          Effect.map(DateTime.now, (builtAt) =>
            buildReport({
              investigationId: task.investigationId,
              revision,
              context: task.alert,
              facts: task.facts,
              results: all,
              analysis,
              startedAt,
              builtAt,
              prices: settings.models.prices,
              masterUsage,
            }),
          )

        const initial = yield* snapshot(pendingNote)
        const synthesis = synthesisOn
          ? yield* synthesise({ llm, settings, task, results: initial, trace })
          : { analysis: null, usage: [] }
        let revision = 1
        let report = yield* build(revision, initial, synthesis.analysis, synthesis.usage)
        const posted = yield* delivery.report(report)
        yield* trace("report", { revision, severity: report.severity, causes: report.causes })
        yield* tell((t) => t.released(report, posted))
        if (task.dedupKey !== null) {
          const now = yield* Clock.currentTimeMillis
          const first = posted[0]
          yield* dedup
            .transition({
              key: task.dedupKey,
              investigationId: task.investigationId,
              to: "DONE",
              now,
              ...(first === undefined ? {} : { report: first }),
            })
            .pipe(
              Effect.catchAll((e) =>
                Effect.logWarning("could not mark the claim DONE", { error: e.message }),
              ),
            )
        }
        // Remember the incident (fail-open), again below if a late result revises the report.
        const remember = Option.match(incidents, {
          onNone: () => () => Effect.void,
          onSome: (store) =>
            makeRecorder({ incidents: store, chats, task, timeoutMs: settings.limits.outbound_timeout_ms }),
        })
        yield* remember(report, posted)

        // Late results until the cutoff: each one updates the report in place.
        while (waiting > 0) {
          const next = yield* nextSettled(cutoffAt)
          if (Option.isNone(next)) break
          waiting--
          revision++
          report = yield* build(revision, yield* snapshot(pendingNote), synthesis.analysis, synthesis.usage)
          yield* delivery.update(posted, report)
          yield* tell((t) => t.updated(report))
          yield* delivery.lateNote(next.value, revision)
          yield* trace("late_update", { agent: next.value, revision })
        }

        if (waiting > 0) {
          const done = yield* Ref.get(results)
          const hung = selection.dispatch.filter((agent) => !done.has(agent))
          yield* Fiber.interruptAll(
            hung.flatMap((agent) => Option.toArray(Option.fromNullable(fibers.get(agent)))),
          )
          revision++
          report = yield* build(
            revision,
            yield* snapshot((agent) =>
              placeholderResult(
                agent,
                "timeout",
                `no answer within ${budgets.late_results_s} s: interrupted`,
              ),
            ),
            synthesis.analysis,
            synthesis.usage,
          )
          yield* delivery.update(posted, report)
          yield* tell((t) => t.updated(report))
          yield* delivery.interruptedNote(hung)
          yield* trace("interrupted", { agents: hung })
        }
        if (revision > 1) yield* remember(report, posted)
      }).pipe(
        Effect.catchAllCause((cause) =>
          Cause.isInterruptedOnly(cause)
            ? Effect.void
            : Effect.gen(function* () {
                yield* Effect.logError("investigation crashed", {
                  investigationId: task.investigationId,
                  cause: Cause.pretty(cause),
                })
                const delivery = yield* makeDelivery({ chats, settings, task, trace: () => Effect.void })
                yield* delivery.failure()
              }),
        ),
        Effect.annotateLogs({ investigationId: task.investigationId }),
      )

    return Orchestrator.of({
      investigate: run,
      accept: (task) => FiberSet.run(background, run(task)).pipe(Effect.asVoid),
    })
  }),
)
