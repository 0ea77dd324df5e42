/**
 * One scenario through the whole path: its world on loopback (scenario-world.ts), the real
 * intake, dispatch, master and agents on fresh in-memory stores and the scenario clock, the
 * alert delivered as a signed webhook (in process, or over a real socket for the demo). Resolves
 * as soon as the report is released (or the message is gated); it does not wait for the
 * late-results window.
 */
import {
  Deferred,
  Duration,
  Effect,
  Layer,
  Logger,
  LogLevel,
  ManagedRuntime,
  Random,
  Schema,
  type Scope,
} from "effect"
import { makeHttpApp } from "../adapters/http/app.js"
import { makeJsonLogger } from "../adapters/log/json-logger.js"
import type { AppConfig } from "../domain/config.js"
import type { IncidentReport } from "../domain/incident-report.js"
import { redact } from "../domain/redact.js"
import { ReportTap } from "../domain/report-tap.js"
import { scenarioAppLayer } from "../layers.js"
import type { RecordedConverse } from "./bedrock.js"
import type { Scenario } from "./scenario.js"
import { historyRecords } from "./scenario-history.js"
import type { PostedMessage } from "./scenario-output.js"
import { scenarioDelivery } from "./scenario-webhook.js"
import { makeScenarioWorld, scenarioCredentials } from "./scenario-world.js"
import { serveLoopback } from "./serve.js"

export class ScenarioRunFailed extends Schema.TaggedError<ScenarioRunFailed>()("ScenarioRunFailed", {
  scenario: Schema.String,
  message: Schema.String,
}) {}

export interface ScenarioRun {
  readonly scenario: Scenario
  readonly decision: "investigate" | "gate"
  readonly nudge: string | null
  readonly report: IncidentReport | null
  /** What the bot posted (and edited) in the alert's channel, in order. */
  readonly messages: ReadonlyArray<PostedMessage>
  /** Converse requests the scenario's scripted models received (empty without a `model:` section). */
  readonly modelRequests: ReadonlyArray<RecordedConverse>
  readonly durationMs: number
}

export interface ScenarioRunOptions {
  readonly config: AppConfig
  /** Give up waiting for the report after this long (default 100 s). */
  readonly timeoutMs?: number
  /** Deliver over a real socket (the demo) instead of in-process `app.request`. */
  readonly serve?: { readonly port: number } | null
  /** Where log lines go (default: nowhere); each is a JSON line. */
  readonly log?: (line: string) => void
  readonly logLevel?: LogLevel.LogLevel
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const textOf = (m: PostedMessage | undefined): string | null => {
  if (m === undefined || !isRecord(m.body)) return null
  const text = m.platform === "slack" ? m.body.text : m.body.content
  return typeof text === "string" ? text : null
}

export const runScenario = (
  scenario: Scenario,
  options: ScenarioRunOptions,
): Effect.Effect<ScenarioRun, ScenarioRunFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const fail = (message: string) => new ScenarioRunFailed({ scenario: scenario.name, message })
    const started = Date.now()
    const world = yield* makeScenarioWorld(scenario, options.config).pipe(
      Effect.mapError((e) => fail(e.message)),
    )
    const config = world.config
    const released = yield* Deferred.make<IncidentReport>()
    const tap = Layer.succeed(ReportTap, {
      released: (report) => Deferred.succeed(released, report).pipe(Effect.asVoid),
      updated: () => Effect.void,
    })
    const sink = options.log ?? (() => {})
    const logging = Layer.merge(
      Logger.replace(Logger.defaultLogger, makeJsonLogger(sink, redact)),
      Logger.minimumLogLevel(options.logLevel ?? LogLevel.Warning),
    )
    // The tap is provided into the app layer (not merged beside it): the Orchestrator looks it up while it is built.
    const layer = scenarioAppLayer({
      config,
      env: world.env,
      chat: world.chat,
      sources: world.sources.endpoints,
      model: world.model,
      history: historyRecords(scenario),
    }).pipe(
      Layer.provideMerge(tap),
      Layer.provideMerge(
        Layer.mergeAll(logging, Layer.setClock(world.clock), Layer.setRandom(Random.make(scenario.name))),
      ),
    )
    const runtime = yield* Effect.acquireRelease(
      Effect.sync(() => ManagedRuntime.make(layer)),
      (rt) => Effect.promise(() => rt.dispose()),
    )
    yield* Effect.tryPromise({
      try: () => runtime.runtime(),
      catch: (e) => fail(`could not start: ${String(e)}`),
    })
    const app = makeHttpApp(runtime, { bodyLimitBytes: config.limits.request_body_bytes })
    const served = options.serve ? yield* serveLoopback(app, options.serve.port) : null

    const delivery = yield* Effect.promise(() =>
      scenarioDelivery(
        scenario.alert,
        world.now(),
        { slackSecret: scenarioCredentials.slackSigningSecret, discordSeed: scenarioCredentials.discordSeed },
        {
          reaction: config.triggers.slack_reaction,
          messageCommand: config.triggers.discord_message_command,
          slash: config.triggers.discord_slash_command,
        },
      ),
    )
    if (delivery.interaction !== null) world.discord.registerInteraction(delivery.interaction)
    const { path, headers, body } = delivery.request
    const response = yield* Effect.tryPromise({
      try: () =>
        served === null
          ? Promise.resolve(app.request(path, { method: "POST", headers, body }))
          : fetch(`${served.url}${path}`, { method: "POST", headers, body }),
      catch: (e) => fail(`the intake did not answer: ${String(e)}`),
    })
    const answer = yield* Effect.tryPromise({
      try: () => response.json(),
      catch: () => fail("the intake's answer is not JSON"),
    }).pipe(Effect.map((a): Record<string, unknown> => (isRecord(a) ? a : {})))
    if (response.status !== 200)
      return yield* fail(`the intake answered ${response.status}: ${JSON.stringify(answer)}`)

    if (answer.result === "gated") {
      return {
        scenario,
        decision: "gate" as const,
        nudge: textOf(world.posted().at(-1)),
        report: null,
        messages: world.posted(),
        modelRequests: world.model === null ? [] : yield* world.model.requests,
        durationMs: Date.now() - started,
      }
    }
    const dispatched = typeof answer.investigationId === "string" || answer.type === 5
    if (!dispatched)
      return yield* fail(`the intake did not start an investigation: ${JSON.stringify(answer)}`)
    const report = yield* Deferred.await(released).pipe(
      Effect.timeoutFail({
        duration: Duration.millis(options.timeoutMs ?? 100_000),
        onTimeout: () => fail("no report was released in time"),
      }),
    )
    return {
      scenario,
      decision: "investigate" as const,
      nudge: null,
      report,
      messages: world.posted(),
      modelRequests: world.model === null ? [] : yield* world.model.requests,
      durationMs: Date.now() - started,
    }
  })
