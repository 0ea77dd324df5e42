/**
 * IncidentStore on DynamoDB (layout in `incident-item.ts`). `record` reads the canonical item
 * (to drop index copies under names the incident no longer has), then writes the canonical
 * item and its copies in one BatchWriteItem, retrying unprocessed items a bounded number of
 * times. `similar` runs one bounded Query per partition the alert names (newest first), merges
 * by id and ranks in memory with the shared pure ranking: no Scan, whatever the table's size.
 */
import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb"
import { Clock, DateTime, Duration, Effect, Either, Layer } from "effect"
import { type IncidentRecord, isExcluded } from "../../domain/incident-record.js"
import { rankIncidents } from "../../domain/incident-similarity.js"
import { IncidentStore, IncidentStoreError, type IncidentStoreService } from "../../ports/incident-store.js"
import {
  canonicalKey,
  decodeItem,
  type Item,
  indexKeys,
  keyItem,
  partitionsFor,
  toItem,
} from "./incident-item.js"

export interface DynamoIncidentStoreOptions {
  readonly client: DynamoDBClient
  readonly tableName: string
  /** Items read per partition, newest first (default 50). */
  readonly perPartition?: number
  /** Months of `RECENT#` partitions read when the alert names nothing (default 3). */
  readonly recentMonths?: number
  /** Days an incident is kept after it was recorded (default 365). */
  readonly ttlDays?: number
}

const throttlingErrors: ReadonlySet<string> = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
])

const errorName = (cause: unknown): string => (cause instanceof Error ? cause.name : typeof cause)

export const toIncidentStoreError = (
  operation: string,
  tableName: string,
  cause: unknown,
): IncidentStoreError =>
  new IncidentStoreError({
    reason: throttlingErrors.has(errorName(cause)) ? "throttled" : "unavailable",
    message: `DynamoDB ${operation} on ${tableName} failed: ${errorName(cause)}${cause instanceof Error ? `: ${cause.message}` : ""}`,
    cause,
  })

const maxBatchAttempts = 4

export const makeDynamoIncidentStore = (options: DynamoIncidentStoreOptions): IncidentStoreService => {
  const { client, tableName } = options
  const perPartition = Math.max(1, options.perPartition ?? 50)
  const recentMonths = options.recentMonths ?? 3
  const ttlDays = options.ttlDays ?? 365

  const send = <A>(operation: string, call: (signal: AbortSignal) => Promise<A>) =>
    Effect.tryPromise({ try: call, catch: (cause) => toIncidentStoreError(operation, tableName, cause) })

  const writeBatch = (requests: ReadonlyArray<WriteRequest>) =>
    Effect.gen(function* () {
      let pending: Array<WriteRequest> = [...requests]
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > maxBatchAttempts)
          return yield* new IncidentStoreError({
            reason: "throttled",
            message: `BatchWriteItem on ${tableName} left ${pending.length} item(s) unprocessed`,
          })
        if (attempt > 1) yield* Effect.sleep(Duration.millis(50 * 2 ** attempt))
        const batch = pending
        const out = yield* send("BatchWriteItem", (abortSignal) =>
          client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }), { abortSignal }),
        )
        pending = [...(out.UnprocessedItems?.[tableName] ?? [])]
      }
    })

  const record = Effect.fn("DynamoIncidentStore.record")(function* (incident: IncidentRecord) {
    const canonical = canonicalKey(incident.id)
    const previous = yield* send("GetItem", (abortSignal) =>
      client.send(
        new GetItemCommand({ TableName: tableName, Key: keyItem(canonical), ConsistentRead: true }),
        {
          abortSignal,
        },
      ),
    )
    const keys = indexKeys(incident)
    const current = new Set(keys.map((k) => `${k.pk}\u0000${k.sk}`))
    const stale =
      previous.Item === undefined
        ? []
        : Either.match(decodeItem(previous.Item), {
            onLeft: () => [],
            onRight: (old) => indexKeys(old).filter((k) => !current.has(`${k.pk}\u0000${k.sk}`)),
          })
    const nowMs = yield* Clock.currentTimeMillis
    const ttl = Math.ceil(nowMs / 1000) + ttlDays * 86_400
    yield* writeBatch([
      { PutRequest: { Item: toItem(canonical, incident, ttl) } },
      ...keys.map((k) => ({ PutRequest: { Item: toItem(k, incident, ttl) } })),
      ...stale.map((k) => ({ DeleteRequest: { Key: keyItem(k) } })),
    ])
  })

  const queryPartition = (pk: string) =>
    send("Query", (abortSignal) =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": { S: pk } },
          ScanIndexForward: false,
          Limit: perPartition,
        }),
        { abortSignal },
      ),
    ).pipe(Effect.map((out): ReadonlyArray<Item> => out.Items ?? []))

  const similar: IncidentStoreService["similar"] = (query, opts) =>
    Effect.gen(function* () {
      const now = yield* DateTime.now
      const partitions = partitionsFor(query, now, recentMonths)
      const pages = yield* Effect.forEach(partitions, queryPartition, { concurrency: partitions.length })
      const byId = new Map<string, IncidentRecord>()
      let corrupt = 0
      for (const item of pages.flat()) {
        Either.match(decodeItem(item), {
          onLeft: () => {
            corrupt++
          },
          onRight: (r) => {
            byId.set(r.id, r)
          },
        })
      }
      if (corrupt > 0) yield* Effect.logWarning("skipped incident items that do not decode", { corrupt })
      const records = [...byId.values()]
      return {
        matches: rankIncidents(query, records, opts),
        considered: records.filter((r) => !isExcluded(r, opts.exclude)).length,
      }
    }).pipe(Effect.withSpan("DynamoIncidentStore.similar"))

  return IncidentStore.of({ record, similar })
}

export const dynamoIncidentStoreLayer = (options: DynamoIncidentStoreOptions): Layer.Layer<IncidentStore> =>
  Layer.succeed(IncidentStore, makeDynamoIncidentStore(options))
