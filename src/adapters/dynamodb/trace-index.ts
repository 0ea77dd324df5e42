/**
 * The trace index on DynamoDB: which S3 prefix holds an investigation, and which
 * investigations answered a message (one Query on `pk`, newest first by `sk`; no GSI, no Scan).
 * The table's shape is data, so infrastructure and the local/test bootstrap describe the same
 * table; TTL on `ttl` is an infrastructure setting (dynalite has no UpdateTimeToLive).
 */
import {
  ConditionalCheckFailedException,
  type CreateTableCommandInput,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandOutput,
} from "@aws-sdk/client-dynamodb"
import { Effect, Option } from "effect"
import type { Platform } from "../../domain/platform.js"
import { messageIndexKey, type TraceHeader } from "../../domain/trace.js"
import { type TraceMatch, TraceStoreError } from "../../ports/trace-store.js"
import { createTableIfMissing, hashRangeTableInput } from "./create-table.js"
import {
  decodeHeaderItem,
  decodeMessageItem,
  type IndexedHeader,
  indexItems,
  investigationKey,
} from "./trace-item.js"

export const traceTable = {
  hashKey: "pk",
  rangeKey: "sk",
  /** epoch seconds: the investigation's start + the retention (default 90 days) */
  ttlAttribute: "ttl",
} as const

export const defaultTraceTtlDays = 90

export const traceTableInput = (tableName: string): CreateTableCommandInput =>
  hashRangeTableInput(tableName, traceTable)

const unavailable = (what: string) => (cause: unknown) =>
  new TraceStoreError({
    reason: "unavailable",
    message: `${what} failed: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`,
    cause,
  })

/** Create the table and wait until it is ACTIVE; an existing table is fine. */
export const createTraceTable = (
  client: DynamoDBClient,
  tableName: string,
): Effect.Effect<void, TraceStoreError> =>
  Effect.tryPromise({
    try: (abortSignal) => createTableIfMissing(client, traceTableInput(tableName), abortSignal),
    catch: unavailable(`creating trace table ${tableName}`),
  })

const isConditionFailure = (cause: unknown): boolean =>
  cause instanceof ConditionalCheckFailedException ||
  (cause instanceof Error && cause.name === "ConditionalCheckFailedException")

export interface TraceIndexOptions {
  readonly client: DynamoDBClient
  readonly tableName: string
  /** Days an index entry lives after the investigation started (default 90). */
  readonly ttlDays?: number
}

export interface TraceIndex {
  /**
   * Write the investigation's item unless it exists (one conditional PutItem): the first
   * header wins. Returns the header that holds: this one, or the one written before.
   */
  readonly claim: (header: TraceHeader) => Effect.Effect<TraceHeader, TraceStoreError>
  /** The message item (idempotent: the same header writes the same item). */
  readonly putMessage: (header: TraceHeader) => Effect.Effect<void, TraceStoreError>
  readonly get: (investigationId: string) => Effect.Effect<Option.Option<IndexedHeader>, TraceStoreError>
  /** Newest first. */
  readonly byMessage: (
    platform: Platform,
    channel: string,
    messageId: string,
  ) => Effect.Effect<ReadonlyArray<TraceMatch>, TraceStoreError>
}

export const makeTraceIndex = (options: TraceIndexOptions): TraceIndex => {
  const { client, tableName } = options
  const ttlDays = options.ttlDays ?? defaultTraceTtlDays

  const putItem = (input: Omit<PutItemCommandInput, "TableName">) =>
    Effect.tryPromise({
      try: (abortSignal) =>
        client.send(new PutItemCommand({ ...input, TableName: tableName }), { abortSignal }),
      catch: (cause) => cause,
    })

  const get = (investigationId: string) =>
    Effect.tryPromise({
      try: (abortSignal) =>
        client.send(
          new GetItemCommand({
            TableName: tableName,
            Key: investigationKey(investigationId),
            ConsistentRead: true,
          }),
          { abortSignal },
        ),
      catch: unavailable(`DynamoDB GetItem on ${tableName}`),
    }).pipe(
      Effect.flatMap((out) =>
        out.Item === undefined ? Effect.succeedNone : Effect.asSome(decodeHeaderItem(out.Item)),
      ),
    )

  const byMessage = (platform: Platform, channel: string, messageId: string) =>
    Effect.gen(function* () {
      const items: Array<QueryCommandOutput["Items"]> = []
      let start: QueryCommandOutput["LastEvaluatedKey"]
      do {
        const exclusiveStart = start
        const page = yield* Effect.tryPromise({
          try: (abortSignal) =>
            client.send(
              new QueryCommand({
                TableName: tableName,
                KeyConditionExpression: "pk = :pk",
                ExpressionAttributeValues: { ":pk": { S: messageIndexKey(platform, channel, messageId) } },
                ScanIndexForward: false,
                ...(exclusiveStart === undefined ? {} : { ExclusiveStartKey: exclusiveStart }),
              }),
              { abortSignal },
            ),
          catch: unavailable(`DynamoDB Query on ${tableName}`),
        })
        items.push(page.Items)
        start = page.LastEvaluatedKey
      } while (start !== undefined)
      return yield* Effect.forEach(
        items.flatMap((page) => page ?? []),
        decodeMessageItem,
      )
    })

  const claim = (header: TraceHeader) =>
    putItem({ Item: indexItems(header, ttlDays)[0], ConditionExpression: "attribute_not_exists(pk)" }).pipe(
      Effect.as(header),
      Effect.catchAll((cause) =>
        isConditionFailure(cause)
          ? Effect.map(
              get(header.investigationId),
              Option.match({ onNone: () => header, onSome: (indexed) => indexed.header }),
            )
          : Effect.fail(unavailable(`DynamoDB PutItem on ${tableName}`)(cause)),
      ),
    )

  const putMessage = (header: TraceHeader) =>
    putItem({ Item: indexItems(header, ttlDays)[1] }).pipe(
      Effect.mapError(unavailable(`DynamoDB PutItem on ${tableName}`)),
      Effect.asVoid,
    )

  return { claim, putMessage, get, byMessage }
}
