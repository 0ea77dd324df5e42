/**
 * Where AWS traces go, from the environment, as in the original: TRACES_BUCKET_NAME and
 * TRACES_TABLE_NAME together switch tracing on; neither switches it off (none; empty counts as
 * unset); only one of them is a configuration error naming the missing one, rather than a
 * silently lost archive.
 * TRACES_TTL_DAYS (default 90) is the index entries' lifetime; the bucket's lifecycle rule is
 * infrastructure.
 */
import { Config, ConfigError, Either, Option } from "effect"
import { defaultTraceTtlDays } from "../dynamodb/trace-index.js"
import type { AwsTraceStoreConfig } from "./s3-trace-store.js"

const optionalName = (name: string) =>
  Config.option(Config.nonEmptyString(name)).pipe(Config.map(Option.getOrUndefined))

export const tracesConfig: Config.Config<Option.Option<AwsTraceStoreConfig>> = Config.all({
  bucket: optionalName("TRACES_BUCKET_NAME"),
  tableName: optionalName("TRACES_TABLE_NAME"),
  ttlDays: Config.integer("TRACES_TTL_DAYS").pipe(
    Config.validate({ message: "must be at least 1", validation: (days) => days >= 1 }),
    Config.withDefault(defaultTraceTtlDays),
  ),
  region: optionalName("AWS_REGION"),
}).pipe(
  Config.mapOrFail(({ bucket, tableName, ttlDays, region }) => {
    if (bucket === undefined && tableName === undefined) return Either.right(Option.none())
    if (bucket === undefined || tableName === undefined) {
      const missing = bucket === undefined ? "TRACES_BUCKET_NAME" : "TRACES_TABLE_NAME"
      return Either.left(
        ConfigError.MissingData([missing], `${missing} is required when tracing is on (both are needed)`),
      )
    }
    return Either.right(
      Option.some<AwsTraceStoreConfig>({
        bucket,
        tableName,
        ttlDays,
        ...(region === undefined ? {} : { region }),
      }),
    )
  }),
)
