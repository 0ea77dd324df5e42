/**
 * The DynamoDB adapter against a real DynamoDB wire protocol (dynalite, one per file, a fresh
 * table per test): the shared contract, including 50 concurrent conditional puts, plus the
 * item layout (TTL in epoch seconds), corrupt items and an unreachable endpoint.
 */
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Context, Effect, Either, Layer } from "effect"
import { createDedupTable, dedupTable, dedupTableInput } from "../../../src/adapters/dynamodb/dedup-table.js"
import {
  dynamoDedupStoreLayer,
  makeDynamoDedupStore,
} from "../../../src/adapters/dynamodb/dynamo-dedup-store.js"
import type { ClaimPolicy } from "../../../src/domain/dedup.js"
import {
  Dynalite,
  type DynaliteServer,
  dynaliteLayer,
  makeDynamoClient,
  startDynalite,
  uniqueTableName,
} from "../../support/dynalite.js"
import { claimRequest, contractPolicy, dedupStoreContract, T0 } from "../dedup-store-contract.js"

// One dynalite for the whole file, started with the plain async API.
let server: DynaliteServer | undefined
beforeAll(async () => {
  server = await startDynalite()
})
afterAll(() => server?.stop())

const sharedDynalite = Layer.effect(
  Dynalite,
  Effect.suspend(() =>
    server === undefined ? Effect.dieMessage("dynalite is not running") : Effect.succeed(server),
  ),
)

const freshTable = Effect.gen(function* () {
  const { client } = yield* Dynalite
  const tableName = uniqueTableName("dedup")
  yield* createDedupTable(client, tableName)
  return { client, tableName }
})

const freshDynamoStore = (policy: ClaimPolicy) =>
  Layer.unwrapEffect(
    Effect.map(freshTable, ({ client, tableName }) => dynamoDedupStoreLayer({ client, tableName, policy })),
  )

dedupStoreContract({
  name: "dynamodb (dynalite)",
  shared: sharedDynalite,
  fresh: freshDynamoStore,
  // every operation is a real HTTP round trip; the local twins run the property 100-300 times
  propertyRuns: 25,
})

describe("dynamodb dedup store", () => {
  const withTable = <A, E>(f: (t: Effect.Effect.Success<typeof freshTable>) => Effect.Effect<A, E>) =>
    Effect.flatMap(freshTable, f).pipe(Effect.provide(sharedDynalite))

  it.effect("items mirror the record, with ttl in epoch seconds rounded up from expiresAt", () =>
    withTable(({ client, tableName }) =>
      Effect.gen(function* () {
        const policy = { ttlMs: 90_500, reclaimAfterMs: 1_000 }
        const store = makeDynamoDedupStore({ client, tableName, policy })
        const now = T0 + 123
        yield* store.claim(claimRequest("slack#C1#1", "inv-1", now, { triggerId: "t-1" }))
        const raw = () =>
          Effect.promise(() =>
            client.send(
              new GetItemCommand({
                TableName: tableName,
                Key: { pk: { S: "slack#C1#1" } },
                ConsistentRead: true,
              }),
            ),
          ).pipe(Effect.map((out) => out.Item))
        expect(yield* raw()).toEqual({
          pk: { S: "slack#C1#1" },
          state: { S: "RECEIVED" },
          investigationId: { S: "inv-1" },
          claimedAt: { N: String(now) },
          updatedAt: { N: String(now) },
          expiresAt: { N: String(now + 90_500) },
          triggerId: { S: "t-1" },
          report: { NULL: true },
          ttl: { N: String(Math.ceil((now + 90_500) / 1000)) },
        })
        const report = { channel: "C1", messageId: "1700000000.000200" }
        yield* store.transition({
          key: "slack#C1#1",
          investigationId: "inv-1",
          to: "DONE",
          now: now + 1,
          report,
        })
        expect(yield* raw()).toMatchObject({
          state: { S: "DONE" },
          updatedAt: { N: String(now + 1) },
          report: { M: { channel: { S: "C1" }, messageId: { S: report.messageId } } },
        })
      }),
    ),
  )

  it.effect("a corrupt item is a corrupt error on get and on a claim that collides with it", () =>
    withTable(({ client, tableName }) =>
      Effect.gen(function* () {
        const store = makeDynamoDedupStore({ client, tableName, policy: contractPolicy })
        yield* Effect.promise(() =>
          client.send(
            new PutItemCommand({ TableName: tableName, Item: { pk: { S: "k" }, state: { S: "LOST" } } }),
          ),
        )
        const got = yield* Effect.either(store.get("k", T0))
        expect(Either.isLeft(got) && got.left.reason).toBe("corrupt")
        const claimed = yield* Effect.either(store.claim(claimRequest("k", "inv-1", T0)))
        expect(Either.isLeft(claimed) && claimed.left.reason).toBe("corrupt")
      }),
    ),
  )

  it.effect("createDedupTable accepts an existing table; the table is described as data", () =>
    withTable(({ client, tableName }) =>
      Effect.gen(function* () {
        yield* createDedupTable(client, tableName)
        expect(dedupTableInput(tableName)).toEqual({
          TableName: tableName,
          AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
          KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
          BillingMode: "PAY_PER_REQUEST",
        })
        expect(dedupTable.ttlAttribute).toBe("ttl")
      }),
    ),
  )

  it.scoped("an unreachable endpoint is an unavailable error, not a defect", () =>
    Effect.gen(function* () {
      // a second, short-lived dynalite through the Effect API; stopped early, stop is idempotent
      const gone = Context.get(yield* Layer.build(dynaliteLayer()), Dynalite)
      const client = makeDynamoClient(gone.endpoint, { maxAttempts: 1 })
      const tableName = uniqueTableName("gone")
      yield* createDedupTable(client, tableName)
      const store = makeDynamoDedupStore({ client, tableName })
      yield* Effect.promise(() => gone.stop())
      const claimed = yield* Effect.either(store.claim(claimRequest("k", "inv-1", T0)))
      expect(Either.isLeft(claimed) && claimed.left.reason).toBe("unavailable")
      const got = yield* Effect.either(store.get("k", T0))
      expect(Either.isLeft(got) && got.left.reason).toBe("unavailable")
      client.destroy()
    }),
  )
})
