/**
 * The trace index by itself: the table definition as data, table creation (idempotent) on
 * dynalite, TTL in epoch seconds from the start, a lookup that follows Query pages (scripted
 * with a mocked client, since dynalite will not page a handful of items), damaged items and a
 * missing table surfacing as typed errors.
 */
import { DescribeTableCommand, DynamoDBClient, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { mockClient } from "aws-sdk-client-mock"
import { DateTime, Effect, Either, Option } from "effect"
import {
  createTraceTable,
  makeTraceIndex,
  traceTable,
  traceTableInput,
} from "../../../src/adapters/dynamodb/trace-index.js"
import { traceTtlSeconds } from "../../../src/adapters/dynamodb/trace-item.js"
import { type DynaliteServer, startDynalite, uniqueTableName } from "../../support/dynalite.js"
import { BEFORE_MIDNIGHT, headerOf } from "../s3/trace-fixtures.js"

let server: DynaliteServer | undefined
beforeAll(async () => {
  server = await startDynalite()
})
afterAll(() => server?.stop())

const dynalite = Effect.suspend(() =>
  server === undefined ? Effect.dieMessage("dynalite is not running") : Effect.succeed(server),
)

describe("trace table", () => {
  it("is pk/sk strings, on demand, TTL on ttl", () => {
    expect(traceTableInput("traces")).toEqual({
      TableName: "traces",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      BillingMode: "PAY_PER_REQUEST",
    })
    expect(traceTable.ttlAttribute).toBe("ttl")
  })

  it.effect("createTraceTable makes an ACTIVE table, and a second call is fine", () =>
    Effect.gen(function* () {
      const { client } = yield* dynalite
      const tableName = uniqueTableName("traces")
      yield* createTraceTable(client, tableName)
      yield* createTraceTable(client, tableName)
      const out = yield* Effect.promise(() => client.send(new DescribeTableCommand({ TableName: tableName })))
      expect(out.Table?.TableStatus).toBe("ACTIVE")
      expect(out.Table?.KeySchema).toEqual(traceTableInput(tableName).KeySchema)
    }),
  )

  it("ttl is the start (rounded up to a second) plus the retention in days", () => {
    const header = headerOf("inv-1", DateTime.unsafeMake(BEFORE_MIDNIGHT + 1))
    expect(traceTtlSeconds(header, 90)).toBe(BEFORE_MIDNIGHT / 1000 + 1 + 90 * 86_400)
    expect(traceTtlSeconds(header, 1)).toBe(BEFORE_MIDNIGHT / 1000 + 1 + 86_400)
  })
})

describe("trace index", () => {
  it.effect("byMessage follows every Query page, newest first, each page queried backwards", () =>
    Effect.gen(function* () {
      const client = new DynamoDBClient({
        region: "us-east-1",
        credentials: { accessKeyId: "x", secretAccessKey: "x" },
      })
      const mock = mockClient(client)
      const item = (id: string, iso: string) => ({
        pk: { S: "msg#slack#C1#1" },
        investigationId: { S: id },
        startedAt: { S: iso },
      })
      mock
        .on(QueryCommand)
        .resolvesOnce({
          Items: [item("inv-3", "2025-01-03T00:00:00.000Z")],
          LastEvaluatedKey: { pk: { S: "p" }, sk: { S: "s" } },
        })
        .resolvesOnce({
          Items: [item("inv-2", "2025-01-02T00:00:00.000Z"), item("inv-1", "2025-01-01T00:00:00.000Z")],
        })
      const index = makeTraceIndex({ client, tableName: "traces" })
      const found = yield* index.byMessage("slack", "C1", "1")
      expect(found.map((m) => m.investigationId)).toEqual(["inv-3", "inv-2", "inv-1"])
      const calls = mock.commandCalls(QueryCommand).map((c) => c.args[0].input)
      expect(calls).toHaveLength(2)
      expect(calls[0]).toEqual({
        TableName: "traces",
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: "msg#slack#C1#1" } },
        ScanIndexForward: false,
      })
      expect(calls[1]?.ExclusiveStartKey).toEqual({ pk: { S: "p" }, sk: { S: "s" } })
      mock.restore()
    }),
  )

  it.effect("the first claim of an investigation holds: a later header gets the first one back", () =>
    Effect.gen(function* () {
      const { client } = yield* dynalite
      const tableName = uniqueTableName("traces")
      yield* createTraceTable(client, tableName)
      const index = makeTraceIndex({ client, tableName })
      const first = headerOf("inv-1", DateTime.unsafeMake(BEFORE_MIDNIGHT))
      const later = headerOf("inv-1", DateTime.unsafeMake(BEFORE_MIDNIGHT + 20_000))
      expect(yield* index.claim(first)).toBe(first)
      expect(DateTime.formatIso((yield* index.claim(later)).startedAt)).toBe("2025-03-31T23:59:50.000Z")
      const held = yield* index.get("inv-1")
      expect(Option.map(held, (h) => h.prefix)).toEqual(
        Option.some("traces/dt=2025-03-31/investigation_id=inv-1/"),
      )
    }),
  )

  it.effect("a damaged message item is corrupt; a missing table is unavailable", () =>
    Effect.gen(function* () {
      const { client } = yield* dynalite
      const tableName = uniqueTableName("traces")
      yield* createTraceTable(client, tableName)
      yield* Effect.promise(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: {
              pk: { S: "msg#slack#C1#1" },
              sk: { S: "x" },
              investigationId: { S: "../escape" },
              startedAt: { S: "2025-01-01T00:00:00Z" },
            },
          }),
        ),
      )
      const damaged = yield* Effect.either(
        makeTraceIndex({ client, tableName }).byMessage("slack", "C1", "1"),
      )
      expect(Either.isLeft(damaged) && damaged.left.reason).toBe("corrupt")

      const missing = makeTraceIndex({ client, tableName: "no-such-table" })
      const claim = yield* Effect.either(
        missing.claim(headerOf("inv-1", DateTime.unsafeMake(BEFORE_MIDNIGHT))),
      )
      expect(Either.isLeft(claim) && claim.left.reason).toBe("unavailable")
      const put = yield* Effect.either(
        missing.putMessage(headerOf("inv-1", DateTime.unsafeMake(BEFORE_MIDNIGHT))),
      )
      expect(Either.isLeft(put) && put.left.reason).toBe("unavailable")
      const get = yield* Effect.either(missing.get("inv-1"))
      expect(Either.isLeft(get) && get.left.message).toContain("ResourceNotFoundException")
    }),
  )
})
