import { describe, expect, it } from "@effect/vitest"
import { Context, Duration, Effect, Layer, Redacted, TestClock } from "effect"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import { envSecretsLayer } from "../../../src/adapters/secrets-manager/env-secrets-layer.js"
import { secretsManagerResolver } from "../../../src/adapters/secrets-manager/secrets-manager-resolver.js"
import { Secrets, type SecretUnavailable } from "../../../src/ports/secrets.js"
import { serveSecretsManagerReplay } from "../../../src/replay/secrets-manager.js"

const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sre/slack-signing-AbCdEf"
const ttlSeconds = 300

const secretsWith = (
  env: Readonly<Record<string, string | undefined>>,
  initial: Readonly<Record<string, string>> = {},
  logs: Array<string> = [],
) =>
  Effect.gen(function* () {
    const replay = yield* serveSecretsManagerReplay(initial)
    const resolveArn = secretsManagerResolver({
      endpoint: replay.url,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" },
    })
    const context = yield* Layer.build(
      envSecretsLayer({ env, ttlSeconds, failureTtlSeconds: 5, resolveArn }).pipe(
        Layer.provide(captureLoggerLayer(logs)),
      ),
    )
    return { replay, secrets: Context.get(context, Secrets) }
  })

const reveal = (value: Redacted.Redacted<string>) => Redacted.value(value)
const describeError = (e: SecretUnavailable) => ({ name: e.name, reason: e.reason, message: e.message })

describe("envSecretsLayer", () => {
  it.scoped("returns a plain value, redacted, without calling Secrets Manager", () =>
    Effect.gen(function* () {
      const { replay, secrets } = yield* secretsWith({
        SLACK_SIGNING_SECRET: "8f14e45fceea167a5a36dedd4bea2543",
      })
      const value = yield* secrets.get("SLACK_SIGNING_SECRET")
      expect(reveal(value)).toBe("8f14e45fceea167a5a36dedd4bea2543")
      expect(String(value)).not.toContain("8f14e45f")
      expect(yield* secrets.refresh("SLACK_SIGNING_SECRET")).toBe(false)
      expect(yield* replay.requestCount).toBe(0)
    }),
  )

  it.scoped("fails closed on an unset, empty or blank variable, naming it", () =>
    Effect.gen(function* () {
      const { secrets } = yield* secretsWith({ SLACK_BOT_TOKEN: "", DISCORD_PUBLIC_KEY: "  \n" })
      const unset = yield* Effect.flip(secrets.get("SLACK_SIGNING_SECRET"))
      const empty = yield* Effect.flip(secrets.get("SLACK_BOT_TOKEN"))
      const blank = yield* Effect.flip(secrets.get("DISCORD_PUBLIC_KEY"))
      const refreshUnset = yield* Effect.flip(secrets.refresh("SLACK_SIGNING_SECRET"))
      expect(describeError(unset)).toEqual({
        name: "SLACK_SIGNING_SECRET",
        reason: "unset",
        message: "SLACK_SIGNING_SECRET is not set",
      })
      expect(describeError(empty)).toEqual({
        name: "SLACK_BOT_TOKEN",
        reason: "empty",
        message: "SLACK_BOT_TOKEN is empty",
      })
      expect(describeError(blank)).toMatchObject({ reason: "empty", message: "DISCORD_PUBLIC_KEY is empty" })
      expect(refreshUnset.reason).toBe("unset")
    }),
  )

  it.scoped("resolves an ARN in its own region and caches it for the TTL", () =>
    Effect.gen(function* () {
      const { replay, secrets } = yield* secretsWith(
        { SLACK_SIGNING_SECRET: arn },
        { [arn]: "from-secrets-manager" },
      )
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("from-secrets-manager")
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("from-secrets-manager")
      expect(yield* replay.requests).toEqual([{ secretId: arn, region: "eu-west-1" }])

      yield* TestClock.adjust(Duration.seconds(ttlSeconds - 1))
      yield* secrets.get("SLACK_SIGNING_SECRET")
      expect(yield* replay.requestCount).toBe(1)

      yield* TestClock.adjust(Duration.seconds(2))
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("from-secrets-manager")
      expect(yield* replay.requestCount).toBe(2)
    }),
  )

  it.scoped("resolves a cold ARN once for concurrent gets", () =>
    Effect.gen(function* () {
      const { replay, secrets } = yield* secretsWith({ SLACK_BOT_TOKEN: arn }, { [arn]: "xoxb-cold" })
      const values = yield* Effect.all(
        Array.from({ length: 8 }, () => secrets.get("SLACK_BOT_TOKEN")),
        {
          concurrency: "unbounded",
        },
      )
      expect(values.map(reveal)).toEqual(Array.from({ length: 8 }, () => "xoxb-cold"))
      expect(yield* replay.requestCount).toBe(1)
    }),
  )

  it.scoped("picks up a rotation on refresh, which fetches at most once per TTL", () =>
    Effect.gen(function* () {
      const { replay, secrets } = yield* secretsWith({ SLACK_SIGNING_SECRET: arn }, { [arn]: "old-secret" })
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("old-secret")
      yield* replay.setSecret(arn, "new-secret")
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("old-secret")

      expect(yield* secrets.refresh("SLACK_SIGNING_SECRET")).toBe(true)
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("new-secret")
      expect(yield* replay.requestCount).toBe(2)

      yield* replay.setSecret(arn, "newer-secret")
      expect(yield* secrets.refresh("SLACK_SIGNING_SECRET")).toBe(false)
      expect(yield* secrets.refresh("SLACK_SIGNING_SECRET")).toBe(false)
      expect(yield* replay.requestCount).toBe(2)

      yield* TestClock.adjust(Duration.seconds(ttlSeconds))
      expect(yield* secrets.refresh("SLACK_SIGNING_SECRET")).toBe(true)
      expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("newer-secret")
      expect(yield* replay.requestCount).toBe(3)
    }),
  )

  it.scoped("an unchanged value refreshes to false", () =>
    Effect.gen(function* () {
      const { replay, secrets } = yield* secretsWith({ DISCORD_BOT_TOKEN: arn }, { [arn]: "same" })
      yield* secrets.get("DISCORD_BOT_TOKEN")
      expect(yield* secrets.refresh("DISCORD_BOT_TOKEN")).toBe(false)
      expect(yield* replay.requestCount).toBe(2)
    }),
  )

  it.scoped("an unknown ARN is fetch_failed, naming the variable but neither the ARN nor a value", () =>
    Effect.gen(function* () {
      const { replay, secrets } = yield* secretsWith({ SLACK_SIGNING_SECRET: arn, SLACK_BOT_TOKEN: arn }, {})
      const error = yield* Effect.flip(secrets.get("SLACK_SIGNING_SECRET"))
      expect(error.reason).toBe("fetch_failed")
      expect(error.message).toContain("SLACK_SIGNING_SECRET")
      expect(error.message).toContain("ResourceNotFoundException")
      expect(error.message).not.toContain("123456789012")

      // A refresh that fails after a value was known does not leak that value either.
      yield* replay.setSecret(arn, "known-value-9d2f")
      yield* TestClock.adjust(Duration.seconds(6))
      yield* secrets.get("SLACK_BOT_TOKEN")
      yield* replay.deleteSecret(arn)
      const refreshError = yield* Effect.flip(secrets.refresh("SLACK_BOT_TOKEN"))
      expect(refreshError.reason).toBe("fetch_failed")
      expect(JSON.stringify(refreshError)).not.toContain("known-value-9d2f")
    }),
  )

  it.scoped("an ARN whose secret is blank fails closed as empty", () =>
    Effect.gen(function* () {
      const { secrets } = yield* secretsWith({ SLACK_SIGNING_SECRET: arn }, { [arn]: " " })
      const error = yield* Effect.flip(secrets.get("SLACK_SIGNING_SECRET"))
      expect(describeError(error)).toMatchObject({ name: "SLACK_SIGNING_SECRET", reason: "empty" })
      expect(error.message).toContain("SLACK_SIGNING_SECRET")
    }),
  )

  it.scoped(
    "after expiry, a failed fetch serves the last good value and is retried after the failure TTL",
    () =>
      Effect.gen(function* () {
        const logs: Array<string> = []
        const { replay, secrets } = yield* secretsWith(
          { SLACK_SIGNING_SECRET: arn },
          { [arn]: "g00d-v4lue-7c1" },
          logs,
        )
        yield* secrets.get("SLACK_SIGNING_SECRET")
        yield* replay.deleteSecret(arn)
        yield* TestClock.adjust(Duration.seconds(ttlSeconds + 1))

        expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("g00d-v4lue-7c1")
        expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("g00d-v4lue-7c1")
        expect(yield* replay.requestCount).toBe(2)
        expect(logs.some((l) => l.includes("serving the last good value"))).toBe(true)
        expect(logs.join("\n")).not.toContain("g00d-v4lue-7c1")

        yield* replay.setSecret(arn, "restored")
        yield* TestClock.adjust(Duration.seconds(6))
        expect(reveal(yield* secrets.get("SLACK_SIGNING_SECRET"))).toBe("restored")
        expect(yield* replay.requestCount).toBe(3)
      }),
  )
})
