/**
 * The AWS TraceStore against real wire protocols: s3rver (S3) and dynalite (DynamoDB), one of
 * each per file, a fresh bucket and table per test. The shared contract (its broken store has
 * no bucket and no table), plus what only this adapter has: the exact object keys and index
 * items it writes, and `findByMessage` as exactly one Query (no Scan, no GSI).
 */
import { GetItemCommand } from "@aws-sdk/client-dynamodb"
import { expect, layer } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { traceTable, traceTableInput } from "../../../src/adapters/dynamodb/trace-index.js"
import { makeS3TraceStore } from "../../../src/adapters/s3/s3-trace-store.js"
import { TraceStep } from "../../../src/domain/trace.js"
import { Dynalite } from "../../support/dynalite.js"
import { S3rverTag } from "../../support/s3rver.js"
import { freshParts, servers } from "./s3-trace-harness.js"
import { BEFORE_MIDNIGHT, eventsOfEveryStep, headerOf } from "./trace-fixtures.js"
import { traceStoreContract } from "./trace-store-contract.js"

traceStoreContract({
  name: "s3 + dynamodb (s3rver + dynalite)",
  shared: servers,
  fresh: freshParts,
  // no such bucket, no such table
  broken: Effect.gen(function* () {
    const s3rver = yield* S3rverTag
    const dynalite = yield* Dynalite
    return makeS3TraceStore({
      s3: s3rver.client,
      bucket: "no-such-bucket",
      dynamo: dynalite.client,
      tableName: "no-such-table",
    })
  }),
})

layer(servers)("s3 trace store: layout", (it) => {
  it.effect(
    "objects live under traces/dt=<start date>/investigation_id=<id>/, events as <seq>-<step>.json",
    () =>
      Effect.gen(function* () {
        const { store, stored } = yield* freshParts
        const header = headerOf("inv-layout", DateTime.unsafeMake(BEFORE_MIDNIGHT))
        yield* store.begin(header)
        for (const event of yield* eventsOfEveryStep(header.investigationId, 7))
          yield* store.append(header, event)
        const objects = yield* stored
        const prefix = "traces/dt=2025-03-31/investigation_id=inv-layout/"
        expect(objects.map((o) => o.key).sort()).toEqual(
          [
            `${prefix}header.json`,
            ...TraceStep.literals.map(
              (step, i) => `${prefix}events/${String(7 + i).padStart(6, "0")}-${step}.json`,
            ),
          ].sort(),
        )
        const headerText = objects.find((o) => o.key.endsWith("header.json"))?.text ?? ""
        expect(JSON.parse(headerText)).toEqual({
          investigationId: "inv-layout",
          startedAt: "2025-03-31T23:59:50.000Z",
          platform: "slack",
          channel: "C0ALERTS",
          messageId: "1711929590.000100",
          dedupKey: "slack#C0ALERTS#1711929590.000100",
        })
      }),
  )

  it.effect(
    "the index holds inv#<id>/header and msg#…/<startedAt>#<id>, both with ttl = start + 90 days",
    () =>
      Effect.gen(function* () {
        const { store, dynamo, tableName } = yield* freshParts
        const header = headerOf("inv-index", DateTime.unsafeMake(BEFORE_MIDNIGHT))
        yield* store.begin(header)
        const get = (pk: string, sk: string) =>
          Effect.promise(() =>
            dynamo.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk }, sk: { S: sk } } })),
          ).pipe(Effect.map((out) => out.Item))
        const ttl = { N: String(BEFORE_MIDNIGHT / 1000 + 90 * 86_400) }
        expect(yield* get("inv#inv-index", "header")).toEqual({
          pk: { S: "inv#inv-index" },
          sk: { S: "header" },
          investigationId: { S: "inv-index" },
          startedAt: { S: "2025-03-31T23:59:50.000Z" },
          partition: { S: "dt=2025-03-31" },
          prefix: { S: "traces/dt=2025-03-31/investigation_id=inv-index/" },
          platform: { S: "slack" },
          channel: { S: "C0ALERTS" },
          messageId: { S: "1711929590.000100" },
          dedupKey: { S: "slack#C0ALERTS#1711929590.000100" },
          ttl,
        })
        expect(
          yield* get("msg#slack#C0ALERTS#1711929590.000100", "2025-03-31T23:59:50.000Z#inv-index"),
        ).toEqual({
          pk: { S: "msg#slack#C0ALERTS#1711929590.000100" },
          sk: { S: "2025-03-31T23:59:50.000Z#inv-index" },
          investigationId: { S: "inv-index" },
          startedAt: { S: "2025-03-31T23:59:50.000Z" },
          prefix: { S: "traces/dt=2025-03-31/investigation_id=inv-index/" },
          ttl,
        })
        expect(traceTableInput("t").KeySchema).toEqual([
          { AttributeName: traceTable.hashKey, KeyType: "HASH" },
          { AttributeName: traceTable.rangeKey, KeyType: "RANGE" },
        ])
      }),
  )

  it.effect("findByMessage is exactly one Query (no Scan, no GSI); read is one GetItem", () =>
    Effect.gen(function* () {
      const { store, commands } = yield* freshParts
      for (const [id, minute] of [
        ["inv-1", 0],
        ["inv-2", 1],
        ["inv-3", 2],
      ] as const) {
        yield* store.begin(headerOf(id, DateTime.unsafeMake(BEFORE_MIDNIGHT + minute * 60_000)))
      }
      commands.length = 0
      const found = yield* store.findByMessage("slack", "C0ALERTS", "1711929590.000100")
      expect(found.map((m) => m.investigationId)).toEqual(["inv-3", "inv-2", "inv-1"])
      expect(commands).toEqual(["QueryCommand"])
      commands.length = 0
      yield* store.read("inv-2")
      expect(commands).toEqual(["GetItemCommand"])
    }),
  )
})
