/**
 * IncidentStore on dynalite: the shared contract; the commands each operation sends, recorded
 * by a client middleware — `similar()` is Queries on the partitions the alert names (never a
 * Scan), `record()` one GetItem and one BatchWriteItem; the thread link stored on every item;
 * index copies under names an incident no longer has removed on re-record; the RECENT
 * partitions read when the alert names nothing; damaged items skipped.
 */
import { type DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makeDynamoIncidentStore } from "../../../src/adapters/dynamodb/dynamo-incident-store.js"
import { createIncidentTable, incidentTableInput } from "../../../src/adapters/dynamodb/incident-table.js"
import { at, corpus, current, query, right } from "../../domain/incident-support.js"
import { type DynaliteServer, startDynalite, uniqueTableName } from "../../support/dynalite.js"
import { incidentStoreContract } from "../incident-store-contract.js"

let server: DynaliteServer | undefined
beforeAll(async () => {
  server = await startDynalite()
})
afterAll(() => server?.stop())

const dynalite = Effect.suspend(() =>
  server === undefined ? Effect.dieMessage("dynalite is not running") : Effect.succeed(server),
)

/** Every command name the client sends, in order. */
const recordCommands = (client: DynamoDBClient): Array<string> => {
  const names: Array<string> = []
  client.middlewareStack.add(
    (next, context) => async (args) => {
      names.push(context.commandName ?? "unknown")
      return next(args)
    },
    { step: "initialize", name: "recordCommandNames" },
  )
  return names
}

const freshStore = Effect.gen(function* () {
  const s = yield* dynalite
  const client = s.newClient()
  const tableName = uniqueTableName("incidents")
  yield* Effect.orDie(createIncidentTable(client, tableName))
  const commands = recordCommands(client)
  return { client, tableName, commands, store: makeDynamoIncidentStore({ client, tableName }) }
})

incidentStoreContract(
  "dynamodb",
  Effect.map(freshStore, (f) => f.store),
)

describe("dynamodb incident store", () => {
  it("the table is pk/sk strings, on demand", () => {
    expect(incidentTableInput("incidents").KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ])
  })

  it.effect("similar() on the common path sends Queries on the alert's partitions, never a Scan", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
      const { store, commands } = yield* freshStore
      for (const r of corpus) yield* store.record(r)
      commands.length = 0
      const found = yield* store.similar(query, { limit: 5, exclude: current })
      expect(found.matches[0]?.incident.id).toBe(right.id)
      expect(found.matches.map((m) => m.incident.id)).not.toContain("inv-current")
      // service = workload: SVC#payments-api once, ALERT#…, NS#payments.
      expect(commands).toEqual(["QueryCommand", "QueryCommand", "QueryCommand"])
      expect(commands).not.toContain("ScanCommand")
    }),
  )

  it.effect("record() is one GetItem and one BatchWriteItem", () =>
    Effect.gen(function* () {
      const { store, commands } = yield* freshStore
      yield* store.record(right)
      expect(commands).toEqual(["GetItemCommand", "BatchWriteItemCommand"])
    }),
  )

  it.effect("stores the thread link on the canonical item and on every index copy", () =>
    Effect.gen(function* () {
      const { store, client, tableName } = yield* freshStore
      yield* store.record(right)
      const canonical = yield* Effect.promise(() =>
        client.send(
          new GetItemCommand({ TableName: tableName, Key: { pk: { S: "INC#INC-0412" }, sk: { S: "INC" } } }),
        ),
      )
      const doc = JSON.parse(canonical.Item?.doc?.S ?? "{}")
      expect(doc.link).toBe(right.link)
      for (const pk of ["SVC#payments-api", "ALERT#kubepodcrashlooping", "NS#payments", "RECENT#2026-09"]) {
        const out = yield* Effect.promise(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: "pk = :pk",
              ExpressionAttributeValues: { ":pk": { S: pk } },
            }),
          ),
        )
        expect(out.Items?.length, pk).toBe(1)
        expect(JSON.parse(out.Items?.[0]?.doc?.S ?? "{}").link, pk).toBe(right.link)
        expect(Number(out.Items?.[0]?.ttl?.N)).toBeGreaterThan(0)
      }
    }),
  )

  it.effect("re-recording under another service drops the old service's copy", () =>
    Effect.gen(function* () {
      const { store } = yield* freshStore
      yield* store.record({ ...right, service: "payments-gateway" })
      yield* store.record(right)
      const byOld = yield* store.similar(
        {
          alertName: null,
          service: "payments-gateway",
          workload: null,
          namespace: null,
          cluster: null,
          text: "x",
        },
        { limit: 5, exclude: current },
      )
      expect(byOld.considered).toBe(0)
    }),
  )

  it.effect("an alert that names nothing reads the recent months, still without a Scan", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
      const { store, commands } = yield* freshStore
      for (const r of corpus) yield* store.record(r)
      commands.length = 0
      const human = {
        alertName: null,
        service: null,
        workload: null,
        namespace: null,
        cluster: null,
        text: "search-indexer OOMKilled again during the reindex",
      }
      const found = yield* store.similar(human, { limit: 3, exclude: current })
      expect(found.matches[0]?.incident.id).toBe("INC-0388")
      expect(commands).toEqual(["QueryCommand", "QueryCommand", "QueryCommand"])
    }),
  )

  it.effect("skips an item that does not decode", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(at("2026-11-27T13:10:00Z").epochMillis)
      const { store, client, tableName } = yield* freshStore
      yield* store.record(right)
      yield* Effect.promise(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: {
              pk: { S: "SVC#payments-api" },
              sk: { S: "2026-01-01T00:00:00.000Z#bad" },
              doc: { S: "{oops" },
            },
          }),
        ),
      )
      const found = yield* store.similar(query, { limit: 3, exclude: current })
      expect(found.matches.map((m) => m.incident.id)).toEqual([right.id])
    }),
  )

  it.effect("a missing table is an `unavailable` error", () =>
    Effect.gen(function* () {
      const s = yield* dynalite
      const store = makeDynamoIncidentStore({ client: s.client, tableName: "no-such-table" })
      const outcome = yield* Effect.flip(store.similar(query, { limit: 3, exclude: current }))
      expect(outcome.reason).toBe("unavailable")
    }),
  )
})
