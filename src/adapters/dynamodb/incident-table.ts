/**
 * The incident table's shape, kept as data so the infrastructure (SST, a later issue) and the
 * local/test bootstrap describe the same table: `pk`/`sk` strings, PAY_PER_REQUEST, TTL on
 * `ttl` (an infrastructure setting; dynalite has no UpdateTimeToLive). See `incident-item.ts`
 * for what lives under which key.
 */
import type { CreateTableCommandInput, DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { Effect } from "effect"
import { IncidentStoreError } from "../../ports/incident-store.js"
import { createTableIfMissing } from "./create-table.js"

export const incidentTable = {
  hashKey: "pk",
  rangeKey: "sk",
  keyType: "S",
  ttlAttribute: "ttl",
  billingMode: "PAY_PER_REQUEST",
} as const

export const incidentTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  AttributeDefinitions: [
    { AttributeName: incidentTable.hashKey, AttributeType: incidentTable.keyType },
    { AttributeName: incidentTable.rangeKey, AttributeType: incidentTable.keyType },
  ],
  KeySchema: [
    { AttributeName: incidentTable.hashKey, KeyType: "HASH" },
    { AttributeName: incidentTable.rangeKey, KeyType: "RANGE" },
  ],
  BillingMode: incidentTable.billingMode,
})

/** Create the table and wait until it is ACTIVE; an existing table is fine. */
export const createIncidentTable = (
  client: DynamoDBClient,
  tableName: string,
): Effect.Effect<void, IncidentStoreError> =>
  Effect.tryPromise({
    try: (abortSignal) => createTableIfMissing(client, incidentTableInput(tableName), abortSignal),
    catch: (cause) =>
      new IncidentStoreError({
        reason: "unavailable",
        message: `could not create incident table ${tableName}: ${String(cause)}`,
        cause,
      }),
  })
