/**
 * An in-process S3 (s3rver) on 127.0.0.1:<ephemeral> with its files in a fresh temp directory,
 * for adapter tests. Usable as an Effect scoped resource (`s3rverResource`, `s3rverLayer`) or as
 * plain async start/stop (`startS3rver`). Clients use path-style URLs, checksums only when
 * required (with the default, s3rver stores streamed bodies with their aws-chunked framing),
 * dummy credentials and HTTP/1, and never reach the network.
 */
import { mkdtemp, rm } from "node:fs/promises"
import { Agent } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { S3Client } from "@aws-sdk/client-s3"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { Context, Effect, Layer, type Scope } from "effect"
import S3rver from "s3rver"

export interface S3rverOptions {
  /** Buckets that exist from the start (default ["traces"]). */
  readonly buckets?: ReadonlyArray<string>
}

export interface S3ClientOptions {
  /** SDK attempts per call (default 3, the SDK's own default). */
  readonly maxAttempts?: number
}

export interface S3rverServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string
  readonly port: number
  /** The first configured bucket. */
  readonly bucket: string
  /** A client shared by whoever needs no connection pool of its own. */
  readonly client: S3Client
  /** A separate client; destroyed on stop. */
  readonly newClient: (options?: S3ClientOptions) => S3Client
  /** Where s3rver keeps the objects (deleted on stop). */
  readonly directory: string
  /** Closes every client made here, then the server, then deletes its directory. Idempotent. */
  readonly stop: () => Promise<void>
}

/** An S3 client for a local endpoint (s3rver or nothing at all, for outage tests). */
export const makeS3Client = (endpoint: string, options: S3ClientOptions = {}): S3Client =>
  new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 32 }) }),
  })

export const startS3rver = async (options: S3rverOptions = {}): Promise<S3rverServer> => {
  const buckets = options.buckets ?? ["traces"]
  const bucket = buckets[0]
  if (bucket === undefined) throw new Error("s3rver needs at least one bucket")
  const directory = await mkdtemp(join(tmpdir(), "s3rver-"))
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const clients: Array<S3Client> = []
  const newClient = (clientOptions?: S3ClientOptions) => {
    const client = makeS3Client(endpoint, clientOptions)
    clients.push(client)
    return client
  }
  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= (async () => {
      for (const client of clients.splice(0)) client.destroy()
      await server.close()
      await rm(directory, { recursive: true, force: true })
    })()
    return stopped
  }
  return { endpoint, port, bucket, client: newClient(), newClient, directory, stop }
}

export const s3rverResource = (
  options: S3rverOptions = {},
): Effect.Effect<S3rverServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() => startS3rver(options)),
    (server) => Effect.promise(() => server.stop()),
  )

export class S3rverTag extends Context.Tag("test/S3rver")<S3rverTag, S3rverServer>() {}

/** One s3rver for the lifetime of the layer. */
export const s3rverLayer = (options: S3rverOptions = {}): Layer.Layer<S3rverTag> =>
  Layer.scoped(S3rverTag, s3rverResource(options))
