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
