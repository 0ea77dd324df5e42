/**
 * Tracing configuration from the environment: both names switch it on, neither (unset or
 * empty) switches it off, one alone is an error naming the other, and the retention must be
 * a positive integer.
 */
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Either, Option } from "effect"
import { tracesConfig } from "../../../src/adapters/s3/trace-store-config.js"

const load = (env: Record<string, string>) =>
  Effect.either(Effect.withConfigProvider(tracesConfig, ConfigProvider.fromMap(new Map(Object.entries(env)))))

describe("tracesConfig", () => {
  it.effect("neither name (unset or empty): tracing off", () =>
    Effect.gen(function* () {
      expect(yield* load({})).toEqual(Either.right(Option.none()))
      expect(yield* load({ TRACES_BUCKET_NAME: "", TRACES_TABLE_NAME: "" })).toEqual(
        Either.right(Option.none()),
      )
    }),
  )

  it.effect("both names: on, with the default retention and the region when set", () =>
    Effect.gen(function* () {
      expect(yield* load({ TRACES_BUCKET_NAME: "b", TRACES_TABLE_NAME: "t" })).toEqual(
        Either.right(Option.some({ bucket: "b", tableName: "t", ttlDays: 90 })),
      )
      expect(
        yield* load({
          TRACES_BUCKET_NAME: "b",
          TRACES_TABLE_NAME: "t",
          TRACES_TTL_DAYS: "30",
          AWS_REGION: "eu-west-1",
        }),
      ).toEqual(Either.right(Option.some({ bucket: "b", tableName: "t", ttlDays: 30, region: "eu-west-1" })))
    }),
  )

  it.effect("one name alone, or a retention below a day, is an error naming the variable", () =>
    Effect.gen(function* () {
      for (const [env, missing] of [
        [{ TRACES_BUCKET_NAME: "b" }, "TRACES_TABLE_NAME"],
        [{ TRACES_TABLE_NAME: "t" }, "TRACES_BUCKET_NAME"],
        [{ TRACES_BUCKET_NAME: "b", TRACES_TABLE_NAME: "" }, "TRACES_TABLE_NAME"],
        [{ TRACES_BUCKET_NAME: "b", TRACES_TABLE_NAME: "t", TRACES_TTL_DAYS: "0" }, "TRACES_TTL_DAYS"],
      ] as const) {
        const result = yield* load(env)
        expect(Either.isLeft(result) && String(result.left)).toContain(missing)
      }
    }),
  )
})
