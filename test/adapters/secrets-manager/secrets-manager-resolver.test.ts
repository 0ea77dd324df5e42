import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import {
  arnRegion,
  secretsManagerResolver,
} from "../../../src/adapters/secrets-manager/secrets-manager-resolver.js"
import { serveSecretsManagerReplay } from "../../../src/replay/secrets-manager.js"

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" }

describe("arnRegion", () => {
  it("is the ARN's fourth field, if any", () => {
    expect(arnRegion("arn:aws:secretsmanager:ap-southeast-2:1:secret:x")).toEqual(
      Option.some("ap-southeast-2"),
    )
    expect(arnRegion("arn:aws:secretsmanager::1:secret:x")).toEqual(Option.none())
    expect(arnRegion("arn:aws:secretsmanager")).toEqual(Option.none())
  })
})

describe("secretsManagerResolver", () => {
  it.scoped("returns SecretString, signed for the ARN's region, per region", () =>
    Effect.gen(function* () {
      const us = "arn:aws:secretsmanager:us-east-1:1:secret:a"
      const eu = "arn:aws:secretsmanager:eu-central-1:1:secret:b"
      const replay = yield* serveSecretsManagerReplay({ [us]: "value-a", [eu]: "value-b" })
      const resolve = secretsManagerResolver({ endpoint: replay.url, credentials })
      expect(yield* resolve(us)).toBe("value-a")
      expect(yield* resolve(eu)).toBe("value-b")
      expect(yield* resolve(us)).toBe("value-a")
      expect((yield* replay.requests).map((r) => r.region)).toEqual([
        "us-east-1",
        "eu-central-1",
        "us-east-1",
      ])
    }),
  )

  it.scoped("describes failures by AWS error name, and never calls out for a malformed ARN", () =>
    Effect.gen(function* () {
      const replay = yield* serveSecretsManagerReplay()
      const resolve = secretsManagerResolver({ endpoint: replay.url, credentials })
      const missing = yield* Effect.flip(resolve("arn:aws:secretsmanager:us-east-1:1:secret:missing"))
      const malformed = yield* Effect.flip(resolve("arn:aws:secretsmanager::1:secret:x"))
      expect(missing.message).toBe("ResourceNotFoundException")
      expect(malformed.message).toBe("malformed ARN (no region)")
      expect(yield* replay.requestCount).toBe(1)
    }),
  )
})
