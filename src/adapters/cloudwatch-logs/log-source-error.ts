/**
 * SDK failures → LogSourceError, by the exception's name (the SDK maps the service's `__type`
 * to it) and, failing that, its HTTP status. The distinction matters to the agent: missing
 * credentials or region make it `unhealthy` (a deployment problem), a refusal makes it `error`,
 * throttling is retried. Messages name the operation and the exception, never a credential.
 */
import { Option, Schema } from "effect"
import { LogSourceError, type LogSourceFailure } from "../../ports/log-source.js"

const byName: ReadonlyArray<readonly [LogSourceFailure, ReadonlySet<string>]> = [
  ["not_found", new Set(["ResourceNotFoundException"])],
  [
    "forbidden",
    new Set([
      "AccessDeniedException",
      "AccessDenied",
      "UnrecognizedClientException",
      "InvalidSignatureException",
      "IncompleteSignatureException",
      "ExpiredTokenException",
      "InvalidClientTokenId",
      "MissingAuthenticationTokenException",
    ]),
  ],
  [
    "throttled",
    new Set([
      "ThrottlingException",
      "Throttling",
      "LimitExceededException",
      "ServiceQuotaExceededException",
      "TooManyRequestsException",
      "RequestLimitExceeded",
    ]),
  ],
  [
    "invalid",
    new Set([
      "InvalidParameterException",
      "MalformedQueryException",
      "ValidationException",
      "InvalidOperationException",
      "SerializationException",
    ]),
  ],
  ["not_configured", new Set(["CredentialsProviderError", "CredentialsError"])],
]

const Metadata = Schema.Struct({ $metadata: Schema.Struct({ httpStatusCode: Schema.Number }) })
const statusOf = (error: unknown): number | null =>
  Option.match(Schema.decodeUnknownOption(Metadata)(error), {
    onNone: () => null,
    onSome: (e) => e.$metadata.httpStatusCode,
  })

const reasonOf = (name: string, message: string, status: number | null): LogSourceFailure => {
  for (const [reason, names] of byName) if (names.has(name)) return reason
  if (/region is missing|could not load credentials|credential/i.test(message)) return "not_configured"
  if (status === 403 || status === 401) return "forbidden"
  if (status === 429) return "throttled"
  if (status === 404) return "not_found"
  return "unavailable"
}

/** The LogSourceError for an SDK (or network) failure of `operation`. */
export const logSourceErrorFrom = (operation: string, error: unknown): LogSourceError => {
  const name = error instanceof Error ? error.name : "UnknownError"
  const message = error instanceof Error ? error.message : String(error)
  const reason = reasonOf(name, message, statusOf(error))
  const detail = message === "" ? name : `${name}: ${message.split("\n")[0] ?? ""}`
  return new LogSourceError({ reason, message: `CloudWatch Logs ${operation} failed (${detail})` })
}
