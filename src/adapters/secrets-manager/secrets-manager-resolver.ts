/**
 * Resolves a Secrets Manager ARN to its `SecretString` (the region is the ARN's 4th field). One
 * client per region, built on first use and kept. Every call is bounded by a timeout (intake has
 * 3 s to answer), and failures are described by the AWS error name only: SDK messages can
 * carry ARNs and role names, and nothing here ever carries the value.
 */
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  type SecretsManagerClientConfig,
} from "@aws-sdk/client-secrets-manager"
import { Duration, Effect, Option, Schema } from "effect"

export class SecretFetchFailed extends Schema.TaggedError<SecretFetchFailed>()("SecretFetchFailed", {
  message: Schema.String,
}) {}

/** ARN → the secret's string ("" when it has none). */
export type ArnResolver = (arn: string) => Effect.Effect<string, SecretFetchFailed>

export interface SecretsManagerResolverOptions {
  /** e.g. a loopback replay server; default: the regional endpoint */
  readonly endpoint?: string
  /** static keys or a provider; default: the AWS credential provider chain */
  readonly credentials?: SecretsManagerClientConfig["credentials"]
  readonly requestHandler?: SecretsManagerClientConfig["requestHandler"]
  /** per call, all SDK attempts included; default 2000 */
  readonly timeoutMs?: number
}

/** The region of a Secrets Manager ARN (`arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME`). */
export const arnRegion = (arn: string): Option.Option<string> =>
  Option.liftPredicate(arn.split(":")[3] ?? "", (region) => region.length > 0)

const ErrorName = Schema.Struct({ name: Schema.String })
const errorName = (cause: unknown): string =>
  Option.match(Schema.decodeUnknownOption(ErrorName)(cause), {
    onNone: () => "unknown error",
    onSome: ({ name }) => name,
  })

export const secretsManagerResolver = (options: SecretsManagerResolverOptions = {}): ArnResolver => {
  const clients = new Map<string, SecretsManagerClient>()
  const clientFor = (region: string): SecretsManagerClient => {
    const existing = clients.get(region)
    if (existing !== undefined) return existing
    const client = new SecretsManagerClient({
      region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      ...(options.requestHandler === undefined ? {} : { requestHandler: options.requestHandler }),
    })
    clients.set(region, client)
    return client
  }
  const timeoutMs = options.timeoutMs ?? 2_000

  return (arn) =>
    Effect.gen(function* () {
      const region = yield* Option.match(arnRegion(arn), {
        onNone: () => Effect.fail(new SecretFetchFailed({ message: "malformed ARN (no region)" })),
        onSome: Effect.succeed,
      })
      const client = yield* Effect.sync(() => clientFor(region))
      const output = yield* Effect.tryPromise({
        try: (signal) => client.send(new GetSecretValueCommand({ SecretId: arn }), { abortSignal: signal }),
        catch: (cause) => new SecretFetchFailed({ message: errorName(cause) }),
      }).pipe(
        Effect.timeoutFail({
          duration: Duration.millis(timeoutMs),
          onTimeout: () => new SecretFetchFailed({ message: `no answer within ${timeoutMs} ms` }),
        }),
      )
      return output.SecretString ?? ""
    }).pipe(Effect.withSpan("SecretsManager.getSecretValue"))
}
