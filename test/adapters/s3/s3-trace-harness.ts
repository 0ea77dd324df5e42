/**
 * What the S3 trace store tests share: one s3rver and one dynalite per test file (`servers`)
 * and, per test, a fresh bucket and index table with a store on them, the raw objects it
 * wrote, and the names of the DynamoDB commands it sent (recorded by a client middleware).
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3"
import { Effect, Layer } from "effect"
import { createTraceTable } from "../../../src/adapters/dynamodb/trace-index.js"
import { makeS3TraceStore } from "../../../src/adapters/s3/s3-trace-store.js"
import { Dynalite, dynaliteLayer, uniqueTableName } from "../../support/dynalite.js"
import { S3rverTag, s3rverLayer } from "../../support/s3rver.js"
import type { StoredObject } from "./trace-fixtures.js"

export const servers = Layer.merge(dynaliteLayer(), s3rverLayer())

let bucketCounter = 0

/** Every DynamoDB command the client sends, by name. */
const recordCommands = (client: DynamoDBClient): Array<string> => {
  const sent: Array<string> = []
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(context.commandName ?? "unknown")
      return next(args)
    },
    { step: "initialize", name: "recordCommands" },
  )
  return sent
}

export const freshParts = Effect.gen(function* () {
  const s3rver = yield* S3rverTag
  const dynalite = yield* Dynalite
  const bucket = `traces-${process.pid}-${++bucketCounter}`
  const tableName = uniqueTableName("traces")
  yield* Effect.promise(() => s3rver.client.send(new CreateBucketCommand({ Bucket: bucket })))
  yield* Effect.orDie(createTraceTable(dynalite.client, tableName))
  const dynamo = dynalite.newClient()
  const commands = recordCommands(dynamo)
  const s3 = s3rver.client
  const store = makeS3TraceStore({ s3, bucket, dynamo, tableName })
  const stored = Effect.promise(async (): Promise<ReadonlyArray<StoredObject>> => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }))
    const keys = (listed.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key]))
    return Promise.all(
      keys.map(async (key) => {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        return { key, text: (await out.Body?.transformToString("utf8")) ?? "" }
      }),
    )
  })
  return { store, stored, s3, bucket, dynamo, tableName, commands }
})
