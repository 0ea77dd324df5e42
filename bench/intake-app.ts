/**
 * Our intake as the benchmark runs it: the production Hono app (`makeHttpApp`) over the
 * production composition (`appLayer`: Slack platform, Intake, Dispatcher, env secrets, the
 * off model), with the DedupStore under test and two bench-only stand-ins:
 *
 * - BENCH-ONLY DispatchQueue: `enqueue` only counts. The measured path is intake (verify →
 *   decode → classify → claim → enqueue → answer); no Dispatcher fiber runs and nothing queues
 *   up unboundedly, so dispatch never competes for the CPU. The count proves each delivery
 *   was dispatched (not a duplicate, not gated).
 * - Slack Web API at an unused loopback URL with our bot identity given up front (as `npm start`
 *   learns it from auth.test): an alert `app_mention` makes no Slack call at all.
 *
 * Logging: "off" is `Logger.minimumLogLevel(LogLevel.None)`; "json" is the production JSON
 * logger (`makeJsonLogger` + `redact`, at Info as in src/lambda.ts) writing to a no-op sink, so
 * the cost of building log lines counts but no stderr I/O does.
 */
import { Effect, Layer, Logger, LogLevel, ManagedRuntime } from "effect"
import { makeHttpApp } from "../src/adapters/http/app.js"
import { noTraceStoreLayer } from "../src/adapters/local/no-trace-store.js"
import { offLlmLayer } from "../src/adapters/local/off-llm.js"
import { recordingAgentInvokerLayer } from "../src/adapters/local/recording-agent-invoker.js"
import { makeJsonLogger } from "../src/adapters/log/json-logger.js"
import { envSecretsLayer } from "../src/adapters/secrets-manager/env-secrets-layer.js"
import { defaultConfig } from "../src/domain/config.js"
import { redact } from "../src/domain/redact.js"
import { appLayer } from "../src/layers.js"
import type { DedupStore } from "../src/ports/dedup-store.js"
import { DispatchQueue } from "../src/ports/dispatch-queue.js"
import { benchBotId, benchBotUser, benchSigningSecret } from "./slack-deliveries.js"

export type LogMode = "off" | "json"

export interface OursApp {
  readonly app: ReturnType<typeof makeHttpApp>
  /** investigation requests handed to the (counting) queue so far */
  readonly enqueued: () => number
  /** JSON log lines built so far (0 when logging is off) */
  readonly logLines: () => number
  readonly close: () => Promise<void>
}

const loggerLayer = (mode: LogMode, count: () => void) =>
  mode === "off"
    ? Logger.minimumLogLevel(LogLevel.None)
    : Layer.merge(
        Logger.replace(
          Logger.defaultLogger,
          makeJsonLogger(() => count(), redact),
        ),
        Logger.minimumLogLevel(LogLevel.Info),
      )

/** The production composition with the bench's queue, identity and logger (see the module comment). */
export const makeOursRuntime = async (options: {
  readonly dedup: Layer.Layer<DedupStore>
  readonly log: LogMode
}) => {
  let enqueued = 0
  let logLines = 0
  // BENCH-ONLY: a queue that counts and drops (see the module comment).
  const countingQueue = Layer.succeed(
    DispatchQueue,
    DispatchQueue.of({
      enqueue: () =>
        Effect.sync(() => {
          enqueued++
        }),
    }),
  )
  // provideMerge, as src/lambda.ts composes it: every fiber logs through the chosen logger.
  const layer = Layer.provideMerge(
    appLayer({
      config: defaultConfig,
      secrets: envSecretsLayer({ env: { SLACK_SIGNING_SECRET: benchSigningSecret } }),
      dedup: options.dedup,
      traces: noTraceStoreLayer,
      llm: offLlmLayer,
      invoker: recordingAgentInvokerLayer(),
      queue: countingQueue,
      chat: {
        slackApiUrl: "http://127.0.0.1:9/api",
        discordApiUrl: "http://127.0.0.1:9/api/v10",
        slackIdentity: { userId: benchBotUser, botId: benchBotId },
      },
    }),
    loggerLayer(options.log, () => {
      logLines++
    }),
  )
  const runtime = ManagedRuntime.make(layer)
  await runtime.runtime()
  return { runtime, enqueued: () => enqueued, logLines: () => logLines }
}

export const makeOursApp = async (options: {
  readonly dedup: Layer.Layer<DedupStore>
  readonly log: LogMode
}): Promise<OursApp> => {
  const { runtime, enqueued, logLines } = await makeOursRuntime(options)
  const app = makeHttpApp(runtime, { bodyLimitBytes: defaultConfig.limits.request_body_bytes })
  return { app, enqueued, logLines, close: () => runtime.dispose() }
}
