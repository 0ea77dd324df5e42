/**
 * The `Llm` port over Bedrock Converse. One client per layer (never per call), the AWS
 * credential chain unless credentials are given, and no SDK retries by default: callers own
 * retries and budgets (a Schedule around `converse`), so one call is one HTTP request. The
 * per-call timeout interrupts the request, and interruption aborts it through `abortSignal`.
 */
import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime"
import { Duration, Effect, Layer } from "effect"
import { type ConverseRequest, Llm, LlmError } from "../../ports/llm.js"
import { fromConverseOutput, llmErrorFromBedrock, toConverseInput } from "./converse-codec.js"

export interface BedrockLlmOptions {
  readonly region: string
  /** e.g. a loopback replay server; default: the regional Bedrock endpoint */
  readonly endpoint?: string
  /** static keys or a provider; default: the AWS credential provider chain */
  readonly credentials?: BedrockRuntimeClientConfig["credentials"]
  /** e.g. an HTTP/1 `NodeHttpHandler` for a loopback server (the SDK defaults to HTTP/2) */
  readonly requestHandler?: BedrockRuntimeClientConfig["requestHandler"]
  /** SDK-level attempts per call; default 1 (retry with a Schedule where the budget is known) */
  readonly maxAttempts?: number
}

const makeClient = (options: BedrockLlmOptions): BedrockRuntimeClient =>
  new BedrockRuntimeClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 1,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.requestHandler === undefined ? {} : { requestHandler: options.requestHandler }),
  })

export const bedrockLlmLayer = (options: BedrockLlmOptions): Layer.Layer<Llm> =>
  Layer.scoped(
    Llm,
    Effect.gen(function* () {
      const client = yield* Effect.acquireRelease(
        Effect.sync(() => makeClient(options)),
        (c) => Effect.sync(() => c.destroy()),
      )
      const converse = (req: ConverseRequest) =>
        Effect.gen(function* () {
          const input = yield* toConverseInput(req)
          const output = yield* Effect.tryPromise({
            try: (signal) => client.send(new ConverseCommand(input), { abortSignal: signal }),
            catch: llmErrorFromBedrock,
          }).pipe(
            Effect.timeoutFail({
              duration: Duration.millis(req.timeoutMs),
              onTimeout: () =>
                new LlmError({ reason: "timeout", message: `no Converse reply within ${req.timeoutMs} ms` }),
            }),
          )
          return yield* fromConverseOutput(output)
        }).pipe(Effect.withSpan("Llm.converse", { attributes: { modelId: req.modelId } }))
      return Llm.of({ converse })
    }),
  )
