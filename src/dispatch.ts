/** AWS Lambda (SQS consumer): hands queued investigations to the master; `deadLetterHandler` consumes the DLQ. */
import { Effect, Layer, LogLevel, ManagedRuntime } from "effect"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { deadLetterBatch, dispatchBatch } from "./adapters/sqs/lambda-batch.js"
import { redact } from "./domain/redact.js"
import { awsLayer, loadConfig } from "./layers.js"

const config = await Effect.runPromise(loadConfig(process.env.CONFIG_PATH ?? "config.yaml"))
const runtime = ManagedRuntime.make(
  Layer.provideMerge(awsLayer(config), jsonLoggerLayer(LogLevel.Info, redact)),
)

export const handler = (event: unknown) => runtime.runPromise(dispatchBatch(event))
export const deadLetterHandler = (event: unknown) => runtime.runPromise(deadLetterBatch(event))
