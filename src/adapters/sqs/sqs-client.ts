/**
 * One SQS client per layer (never per request: W19), over HTTP/1 with explicit connection and
 * request timeouts, so a slow queue cannot hold intake past Slack's 3 s. An `endpoint` points it
 * at a replay server on loopback; without one it resolves the regional AWS endpoint and the
 * default credential chain.
 */
import { SQSClient } from "@aws-sdk/client-sqs"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { Effect, type Scope } from "effect"

export interface SqsClientOptions {
  /** e.g. http://127.0.0.1:41234 (a replay server); omit for AWS. */
  readonly endpoint?: string
  readonly region: string
  /** Static credentials (tests, replay); omit for the default provider chain. */
  readonly credentials?: {
    readonly accessKeyId: string
    readonly secretAccessKey: string
    readonly sessionToken?: string
  }
  /** Per request (default 2500 ms). */
  readonly timeoutMs?: number
  /** SDK attempts in all (default 3). */
  readonly maxAttempts?: number
}

/** `extraRequestMs` stretches the request timeout for long polls. */
export const sqsClient = (
  options: SqsClientOptions,
  extraRequestMs = 0,
): Effect.Effect<SQSClient, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const timeoutMs = options.timeoutMs ?? 2500
      return new SQSClient({
        region: options.region,
        maxAttempts: options.maxAttempts ?? 3,
        requestHandler: new NodeHttpHandler({
          connectionTimeout: timeoutMs,
          requestTimeout: timeoutMs + extraRequestMs,
        }),
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
        ...(options.credentials === undefined ? {} : { credentials: { ...options.credentials } }),
      })
    }),
    (client) => Effect.sync(() => client.destroy()),
  )

/** The SDK's error, named without its stack (the cause carries the rest). */
export const describeSqsError = (operation: string, error: unknown): string =>
  error instanceof Error
    ? `SQS ${operation} failed: ${error.name}: ${error.message}`
    : `SQS ${operation} failed`
