/** AWS Lambda (function URL): the intake routes. One runtime per container, built at cold start. */
import { Effect, Layer, LogLevel, ManagedRuntime } from "effect"
import { handle } from "hono/aws-lambda"
import { makeHttpApp } from "./adapters/http/app.js"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { redact } from "./domain/redact.js"
import { awsLayer, loadConfig } from "./layers.js"

const config = await Effect.runPromise(loadConfig(process.env.CONFIG_PATH ?? "config.yaml"))
const runtime = ManagedRuntime.make(
  Layer.provideMerge(awsLayer(config), jsonLoggerLayer(LogLevel.Info, redact)),
)

export const handler = handle(makeHttpApp(runtime, { bodyLimitBytes: config.limits.request_body_bytes }))
