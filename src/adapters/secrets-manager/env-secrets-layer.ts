/**
 * `Secrets` from environment variables, each holding the value or a Secrets Manager ARN. Fixes
 * the original's two weak points: an unset or blank secret fails closed (a signature is never
 * checked against an empty key), and ARN values expire after a TTL instead of living forever.
 * Resolution goes through Effect's `Cache` (Clock-driven TTL, one lookup for concurrent cold
 * gets). A fetch failure after expiry serves the last good value for a short while rather than
 * turning every webhook into a 503; `refresh` (after a signature failure) re-fetches at most
 * once per TTL per name, so a flood of forged requests cannot hammer Secrets Manager.
 */
import { Cache, Clock, Duration, Effect, Exit, HashMap, Layer, Option, Redacted, Ref } from "effect"
import { type SecretName, Secrets, SecretUnavailable } from "../../ports/secrets.js"
import {
  type ArnResolver,
  type SecretFetchFailed,
  secretsManagerResolver,
} from "./secrets-manager-resolver.js"

export interface EnvSecretsOptions {
  /** default: process.env */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** how long a resolved ARN is trusted; default 300 */
  readonly ttlSeconds?: number
  /** how long a failed (or blank) resolution is remembered before asking again; default 5 */
  readonly failureTtlSeconds?: number
  /** default: `secretsManagerResolver()` over the AWS credential chain */
  readonly resolveArn?: ArnResolver
}

const arnPrefix = "arn:aws:secretsmanager:"

type Source =
  | { readonly _tag: "Plain"; readonly value: string }
  | { readonly _tag: "Arn"; readonly arn: string }

interface Resolved {
  readonly value: string
  /** the last good value, served because a fetch failed */
  readonly stale: boolean
}

const isBlank = (value: string): boolean => value.trim() === ""

const unavailable = (name: SecretName, reason: SecretUnavailable["reason"], message: string) =>
  new SecretUnavailable({ name, reason, message })

const fetchFailed = (name: SecretName, error: SecretFetchFailed) =>
  unavailable(
    name,
    "fetch_failed",
    `${name}: could not read the Secrets Manager secret it names (${error.message})`,
  )

export const envSecretsLayer = (options: EnvSecretsOptions = {}): Layer.Layer<Secrets> =>
  Layer.effect(
    Secrets,
    Effect.gen(function* () {
      const env = options.env ?? process.env
      const ttl = Duration.seconds(options.ttlSeconds ?? 300)
      const failureTtl = Duration.seconds(options.failureTtlSeconds ?? 5)
      const resolve = options.resolveArn ?? secretsManagerResolver()
      const lastGood = yield* Ref.make(HashMap.empty<string, string>())
      const lastRefresh = yield* Ref.make(HashMap.empty<SecretName, number>())

      const remember = (arn: string, value: string) =>
        isBlank(value) ? Effect.void : Ref.update(lastGood, HashMap.set(arn, value))

      const cache = yield* Cache.makeWith({
        capacity: 64,
        lookup: (arn: string) =>
          resolve(arn).pipe(
            Effect.tap((value) => remember(arn, value)),
            Effect.map((value): Resolved => ({ value, stale: false })),
            Effect.catchAll((error) =>
              Ref.get(lastGood).pipe(
                Effect.map(HashMap.get(arn)),
                Effect.flatMap(
                  Option.match({
                    onNone: () => Effect.fail(error),
                    onSome: (value) =>
                      Effect.logWarning("Secrets Manager fetch failed; serving the last good value").pipe(
                        Effect.annotateLogs({ error: error.message }),
                        Effect.as<Resolved>({ value, stale: true }),
                      ),
                  }),
                ),
              ),
            ),
          ),
        timeToLive: (exit) =>
          Exit.isSuccess(exit) && !exit.value.stale && !isBlank(exit.value.value) ? ttl : failureTtl,
      })

      const source = (name: SecretName): Effect.Effect<Source, SecretUnavailable> => {
        const raw = env[name]
        if (raw === undefined) return Effect.fail(unavailable(name, "unset", `${name} is not set`))
        if (isBlank(raw)) return Effect.fail(unavailable(name, "empty", `${name} is empty`))
        const trimmed = raw.trim()
        return Effect.succeed(
          trimmed.startsWith(arnPrefix) ? { _tag: "Arn", arn: trimmed } : { _tag: "Plain", value: raw },
        )
      }

      const nonBlank = (name: SecretName, value: string) =>
        isBlank(value)
          ? Effect.fail(unavailable(name, "empty", `${name} names a Secrets Manager secret that is empty`))
          : Effect.succeed(Redacted.make(value))

      // A plain value is fixed for the life of the process: one Redacted per name, handed out
      // without any Effect steps (this is on every webhook's path). Only ARNs pay for the cache.
      const plainValues = new Map<SecretName, Effect.Effect<Redacted.Redacted<string>>>()
      const get = (name: SecretName): Effect.Effect<Redacted.Redacted<string>, SecretUnavailable> => {
        const known = plainValues.get(name)
        if (known !== undefined) return known
        const raw = env[name]
        if (raw === undefined) return Effect.fail(unavailable(name, "unset", `${name} is not set`))
        if (isBlank(raw)) return Effect.fail(unavailable(name, "empty", `${name} is empty`))
        const trimmed = raw.trim()
        if (!trimmed.startsWith(arnPrefix)) {
          const value = Effect.succeed(Redacted.make(raw))
          plainValues.set(name, value)
          return value
        }
        return cache.get(trimmed).pipe(
          Effect.mapError((e) => fetchFailed(name, e)),
          Effect.flatMap((resolved) => nonBlank(name, resolved.value)),
          Effect.withSpan("Secrets.get", { attributes: { name } }),
        )
      }

      /** Claims this TTL window's one refresh for `name`; false if it is already used. */
      const claimRefresh = (name: SecretName) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          Ref.modify(lastRefresh, (claims) => {
            const last = HashMap.get(claims, name)
            return Option.isSome(last) && now - last.value < Duration.toMillis(ttl)
              ? [false, claims]
              : [true, HashMap.set(claims, name, now)]
          }),
        )

      const refresh = (name: SecretName) =>
        Effect.gen(function* () {
          const src = yield* source(name)
          if (src._tag === "Plain") return false
          if (!(yield* claimRefresh(name))) return false
          const before = HashMap.get(yield* Ref.get(lastGood), src.arn)
          const value = yield* resolve(src.arn).pipe(Effect.mapError((e) => fetchFailed(name, e)))
          yield* remember(src.arn, value)
          yield* cache.set(src.arn, { value, stale: false })
          yield* nonBlank(name, value)
          return Option.match(before, { onNone: () => true, onSome: (old) => old !== value })
        }).pipe(Effect.withSpan("Secrets.refresh", { attributes: { name } }))

      return Secrets.of({ get, refresh })
    }),
  )
