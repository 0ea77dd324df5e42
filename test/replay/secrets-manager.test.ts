import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { serveSecretsManagerReplay } from "../../src/replay/secrets-manager.js"

const call = (url: string, target: string, body: string) =>
  Effect.promise(async () => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
      body,
    })
    const json: unknown = await res.json()
    return { status: res.status, json }
  })

describe("serveSecretsManagerReplay", () => {
  it.scoped("serves GetSecretValue from a mutable map and counts requests", () =>
    Effect.gen(function* () {
      const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:sre/slack-AbCdEf"
      const replay = yield* serveSecretsManagerReplay({ [arn]: "first" })
      const get = call(replay.url, "secretsmanager.GetSecretValue", JSON.stringify({ SecretId: arn }))

      expect(yield* get).toEqual({
        status: 200,
        json: {
          ARN: arn,
          Name: "sre/slack-AbCdEf",
          SecretString: "first",
          VersionId: "v1",
          VersionStages: ["AWSCURRENT"],
          CreatedDate: 1_767_225_600,
        },
      })
      yield* replay.setSecret(arn, "second")
      expect((yield* get).json).toMatchObject({ SecretString: "second", VersionId: "v2" })
      yield* replay.deleteSecret(arn)
      expect(yield* get).toEqual({
        status: 400,
        json: {
          __type: "ResourceNotFoundException",
          message: "Secrets Manager can't find the specified secret.",
        },
      })
      expect(yield* replay.requestCount).toBe(3)
      expect((yield* replay.requests)[0]).toEqual({ secretId: arn, region: undefined })
    }),
  )

  it.scoped("rejects other operations and bodies without a SecretId, without counting them", () =>
    Effect.gen(function* () {
      const replay = yield* serveSecretsManagerReplay()
      const other = yield* call(replay.url, "secretsmanager.PutSecretValue", "{}")
      const noId = yield* call(replay.url, "secretsmanager.GetSecretValue", "{}")
      expect(other).toMatchObject({ status: 400, json: { __type: "UnknownOperationException" } })
      expect(noId).toMatchObject({ status: 400, json: { __type: "InvalidParameterException" } })
      expect(yield* replay.requestCount).toBe(0)
    }),
  )
})
