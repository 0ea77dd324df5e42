/**
 * The dedup table's shape, kept as data so the infrastructure (SST, a later issue) and the
 * local/test bootstrap describe the same table. DynamoDB TTL runs on `ttl` (epoch seconds);
 * dynalite has no UpdateTimeToLive, so TTL is an infrastructure setting, never called here.
 */
import type { CreateTableCommandInput, DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { Effect } from "effect"
import { DedupStoreError } from "../../ports/dedup-store.js"
import { createTableIfMissing } from "./create-table.js"

export const dedupTable = {
  hashKey: "pk",
  hashKeyType: "S",
  /** epoch seconds, rounded up from `expiresAt` so DynamoDB never deletes a live record */
  ttlAttribute: "ttl",
  billingMode: "PAY_PER_REQUEST",
} as const

export const dedupTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  AttributeDefinitions: [{ AttributeName: dedupTable.hashKey, AttributeType: dedupTable.hashKeyType }],
  KeySchema: [{ AttributeName: dedupTable.hashKey, KeyType: "HASH" }],
  BillingMode: dedupTable.billingMode,
})

/** Create the table (PAY_PER_REQUEST) and wait until it is ACTIVE; an existing table is fine. */
export const createDedupTable = (
  client: DynamoDBClient,
  tableName: string,
): Effect.Effect<void, DedupStoreError> =>
  Effect.tryPromise({
    try: (abortSignal) => createTableIfMissing(client, dedupTableInput(tableName), abortSignal),
    catch: (cause) =>
      new DedupStoreError({
        reason: "unavailable",
        message: `could not create dedup table ${tableName}: ${String(cause)}`,
        cause,
      }),
  })
