/**
 * A Secrets Manager endpoint on loopback speaking awsJson1.1 (`X-Amz-Target:
 * secretsmanager.GetSecretValue`), so the real SDK client runs in tests. Secrets are a mutable
 * map (ARN → value) to exercise rotation; unknown ids answer ResourceNotFoundException like AWS.
 * Every request is recorded with the region it was signed for, to check ARN → region routing.
 */
import { Effect, Schema, type Scope } from "effect"
import { Hono } from "hono"
import { type LoopbackServer, serveLoopback } from "./serve.js"

export interface RecordedSecretRequest {
  readonly secretId: string
  /** the region in the SigV4 credential scope, if the request was signed */
  readonly region: string | undefined
}

export interface SecretsManagerReplay extends LoopbackServer {
  readonly setSecret: (arn: string, value: string) => Effect.Effect<void>
  readonly deleteSecret: (arn: string) => Effect.Effect<void>
  /** well-formed GetSecretValue calls so far, not-found ones included */
  readonly requestCount: Effect.Effect<number>
  readonly requests: Effect.Effect<ReadonlyArray<RecordedSecretRequest>>
}

const GetSecretValue = Schema.parseJson(Schema.Struct({ SecretId: Schema.String }))
const decodeGetSecretValue = Schema.decodeUnknownOption(GetSecretValue)

const awsJson = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/x-amz-json-1.1" } })

const awsError = (type: string, message: string): Response => awsJson(400, { __type: type, message })

const signedRegion = (authorization: string | undefined): string | undefined =>
  /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization ?? "")?.[1]

export const serveSecretsManagerReplay = (
  initial: Readonly<Record<string, string>> = {},
): Effect.Effect<SecretsManagerReplay, never, Scope.Scope> =>
  Effect.gen(function* () {
    const secrets = new Map<string, { value: string; version: number }>(
      Object.entries(initial).map(([arn, value]) => [arn, { value, version: 1 }]),
    )
    const recorded: Array<RecordedSecretRequest> = []
    const app = new Hono()
    app.post("/", async (c) => {
      const target = c.req.header("x-amz-target")
      if (target !== "secretsmanager.GetSecretValue") {
        return awsError("UnknownOperationException", `replay does not implement ${target ?? "(no target)"}`)
      }
      const input = decodeGetSecretValue(await c.req.text())
      if (input._tag === "None") return awsError("InvalidParameterException", "SecretId is required")
      const secretId = input.value.SecretId
      recorded.push({ secretId, region: signedRegion(c.req.header("authorization")) })
      const secret = secrets.get(secretId)
      if (secret === undefined) {
        return awsError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
      }
      return awsJson(200, {
        ARN: secretId,
        Name: secretId.split(":").slice(6).join(":"),
        SecretString: secret.value,
        VersionId: `v${secret.version}`,
        VersionStages: ["AWSCURRENT"],
        CreatedDate: 1_767_225_600,
      })
    })
    const server = yield* serveLoopback(app)
    return {
      ...server,
      setSecret: (arn, value) =>
        Effect.sync(() => {
          secrets.set(arn, { value, version: (secrets.get(arn)?.version ?? 0) + 1 })
        }),
      deleteSecret: (arn) =>
        Effect.sync(() => {
          secrets.delete(arn)
        }),
      requestCount: Effect.sync(() => recorded.length),
      requests: Effect.sync(() => [...recorded]),
    }
  })
