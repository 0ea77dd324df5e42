/**
 * One CloudWatch Logs client per layer (never per request), over HTTP/1 with explicit
 * connection and request timeouts and the SDK's own retries off: our Schedule retries
 * throttling with jitter, bounded, on Effect's Clock. An `endpoint` points it at the replay on
 * loopback; without one it resolves the regional endpoint and the default credential chain.
 */
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { Effect, type Scope } from "effect"

export interface CloudWatchLogsClientOptions {
  readonly region: string
  /** e.g. http://127.0.0.1:41234 (a replay server); omit for AWS. */
  readonly endpoint?: string
  /** Static credentials (tests, replay); omit for the default provider chain. */
  readonly credentials?: {
    readonly accessKeyId: string
    readonly secretAccessKey: string
    readonly sessionToken?: string
  }
  /** Per request (default 5000 ms). */
  readonly timeoutMs?: number
}

export const defaultTimeoutMs = 5000

export const cloudWatchLogsClient = (
  options: CloudWatchLogsClientOptions,
): Effect.Effect<CloudWatchLogsClient, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
      return new CloudWatchLogsClient({
        region: options.region,
        maxAttempts: 1,
        requestHandler: new NodeHttpHandler({ connectionTimeout: timeoutMs, requestTimeout: timeoutMs }),
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
        ...(options.credentials === undefined ? {} : { credentials: { ...options.credentials } }),
      })
    }),
    (client) => Effect.sync(() => client.destroy()),
  )
