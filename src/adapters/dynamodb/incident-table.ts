/**
 * The incident table's shape, kept as data so the infrastructure (SST, a later issue) and the
 * local/test bootstrap describe the same table: `pk`/`sk` strings, PAY_PER_REQUEST, TTL on
 * `ttl` (an infrastructure setting; dynalite has no UpdateTimeToLive). See `incident-item.ts`
 * for what lives under which key.
 */
import type { CreateTableCommandInput, DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { Effect } from "effect"
import { IncidentStoreError } from "../../ports/incident-store.js"
import { createTableIfMissing, hashRangeTableInput } from "./create-table.js"

export const incidentTable = {
  hashKey: "pk",
  rangeKey: "sk",
  ttlAttribute: "ttl",
} as const

export const incidentTableInput = (tableName: string): CreateTableCommandInput =>
  hashRangeTableInput(tableName, incidentTable)

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
