/**
 * Create a table and wait until it is ACTIVE; an existing table is fine. Shared by the dedup,
 * trace-index and incident tables (local set-up, tests on dynalite); in AWS the tables come from
 * the deployment and this is never called.
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb"

/** A PAY_PER_REQUEST table keyed by a string hash key and a string range key. */
export const hashRangeTableInput = (
  tableName: string,
  keys: { readonly hashKey: string; readonly rangeKey: string },
): CreateTableCommandInput => ({
  TableName: tableName,
  AttributeDefinitions: [
    { AttributeName: keys.hashKey, AttributeType: "S" },
    { AttributeName: keys.rangeKey, AttributeType: "S" },
  ],
  KeySchema: [
    { AttributeName: keys.hashKey, KeyType: "HASH" },
    { AttributeName: keys.rangeKey, KeyType: "RANGE" },
  ],
  BillingMode: "PAY_PER_REQUEST",
})

export const createTableIfMissing = async (
  client: DynamoDBClient,
  input: CreateTableCommandInput,
  abortSignal: AbortSignal,
): Promise<void> => {
  try {
    await client.send(new CreateTableCommand(input), { abortSignal })
  } catch (cause) {
    if (!(cause instanceof ResourceInUseException)) throw cause
  }
  // minDelay matters: without it the waiter's default backoff needs maxWaitTime > 20 s.
  await waitUntilTableExists(
    { client, maxWaitTime: 60, minDelay: 1, maxDelay: 5, abortSignal },
    { TableName: input.TableName },
  )
}
