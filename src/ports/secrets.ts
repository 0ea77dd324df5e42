/**
 * Secret values by environment variable name. A variable may hold the value itself or a
 * Secrets Manager ARN (resolved and cached for a TTL). Unset or empty is an error naming the
 * variable: a signature is never checked against an empty key.
 */
import { Context, type Effect, type Redacted, Schema } from "effect"

export const SecretName = Schema.Literal(
  "SLACK_SIGNING_SECRET",
  "SLACK_BOT_TOKEN",
  "DISCORD_PUBLIC_KEY",
  "DISCORD_BOT_TOKEN",
  "DISCORD_SIGNING_KEY",
)
export type SecretName = typeof SecretName.Type

export class SecretUnavailable extends Schema.TaggedError<SecretUnavailable>()("SecretUnavailable", {
  name: SecretName,
  reason: Schema.Literal("unset", "empty", "fetch_failed"),
  message: Schema.String,
}) {}

export interface SecretsService {
  /** The current value (cached; an ARN is re-resolved after the TTL). */
  readonly get: (name: SecretName) => Effect.Effect<Redacted.Redacted<string>, SecretUnavailable>
  /**
   * Re-resolve now, bypassing the cache, at most once per TTL per name: called after a signature
   * failure, in case the secret was rotated. Returns whether the value changed.
   */
  readonly refresh: (name: SecretName) => Effect.Effect<boolean, SecretUnavailable>
}

export class Secrets extends Context.Tag("sre-on-call/Secrets")<Secrets, SecretsService>() {}
