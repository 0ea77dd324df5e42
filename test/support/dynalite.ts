/**
 * An in-process DynamoDB (dynalite) on 127.0.0.1:<ephemeral>, for adapter tests, multi-runtime
 * concurrency tests and benchmarks. Usable as an Effect scoped resource (`dynaliteResource`,
 * `dynaliteLayer`) or as plain async start/stop for non-Effect callers (`startDynalite`).
 * Clients use dummy credentials and HTTP/1 (`NodeHttpHandler`), and never reach the network.
 * dynalite has no UpdateTimeToLive: expiry must be (and is) filtered by the code under test.
 */
import { Agent } from "node:http"
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import dynalite from "dynalite"
import { Context, Effect, Layer, type Scope } from "effect"

export interface DynaliteOptions {
  /** LevelDB directory, for data that must outlive the server; in-memory when absent. */
  readonly path?: string
}

export interface ClientOptions {
  /** Concurrent sockets of this client (default 64). */
  readonly maxSockets?: number
  /** SDK attempts per call (default 3, the SDK's own default). */
  readonly maxAttempts?: number
}

export interface DynaliteServer {
  /** e.g. http://127.0.0.1:41234 — hand it to other processes as their endpoint */
  readonly endpoint: string
  readonly port: number
  /** A client shared by whoever needs no connection pool of its own. */
  readonly client: DynamoDBClient
  /** A separate client (own sockets, e.g. one per simulated runtime); destroyed on stop. */
  readonly newClient: (options?: ClientOptions) => DynamoDBClient
  /** Closes every client made here, open connections, then the server. Idempotent. */
  readonly stop: () => Promise<void>
}

/** A DynamoDB client for a local endpoint: dummy credentials, HTTP/1, no network beyond it. */
export const makeDynamoClient = (endpoint: string, options: ClientOptions = {}): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      httpAgent: new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    }),
  })

export const startDynalite = async (options: DynaliteOptions = {}): Promise<DynaliteServer> => {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path === undefined ? {} : { path: options.path }),
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("dynalite did not bind a TCP port")
  const { port } = address
  const endpoint = `http://127.0.0.1:${port}`
  const clients: Array<DynamoDBClient> = []
  const newClient = (clientOptions?: ClientOptions) => {
    const client = makeDynamoClient(endpoint, clientOptions)
    clients.push(client)
    return client
  }
  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= new Promise<void>((resolve, reject) => {
      for (const client of clients.splice(0)) client.destroy()
      // Idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections()
      server.close((error) => (error ? reject(error) : resolve()))
    })
    return stopped
  }
  return { endpoint, port, client: newClient(), newClient, stop }
}

export const dynaliteResource = (
  options: DynaliteOptions = {},
): Effect.Effect<DynaliteServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() => startDynalite(options)),
    (server) => Effect.promise(() => server.stop()),
  )

export class Dynalite extends Context.Tag("test/Dynalite")<Dynalite, DynaliteServer>() {}

/** One dynalite for the lifetime of the layer (e.g. `layer(dynaliteLayer())` per test file). */
export const dynaliteLayer = (options: DynaliteOptions = {}): Layer.Layer<Dynalite> =>
  Layer.scoped(Dynalite, dynaliteResource(options))

let tableCounter = 0

/** A table name not used before in this process (fresh table per test, same server). */
export const uniqueTableName = (prefix = "test"): string => `${prefix}-${process.pid}-${++tableCounter}`

/** Create any table and wait until it is ACTIVE (createTableMs is 0, so this is quick). */
export const createTable = async (client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> => {
  const TableName = input.TableName
  if (TableName === undefined) throw new Error("createTable needs a TableName")
  await client.send(new CreateTableCommand(input))
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName })
}

/** A PAY_PER_REQUEST table with one string hash key (`pk` unless named). */
export const createHashKeyTable = (
  client: DynamoDBClient,
  tableName: string,
  hashKey = "pk",
): Promise<void> =>
  createTable(client, {
    TableName: tableName,
    AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: "S" }],
    KeySchema: [{ AttributeName: hashKey, KeyType: "HASH" }],
    BillingMode: "PAY_PER_REQUEST",
  })

export const createTableEffect = (
  client: DynamoDBClient,
  input: CreateTableCommandInput,
): Effect.Effect<void> => Effect.promise(() => createTable(client, input))
