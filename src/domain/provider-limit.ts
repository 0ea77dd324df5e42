/**
 * A third party (an email, SMS or payment provider, a carrier, any external HTTPS API) refusing
 * our calls for its rate (HTTP 429, "rate_limit_exceeded", Twilio 20429) or failing them (5xx,
 * timeouts from its host), in the words our clients log and the labels our metrics carry. The
 * limit or the outage is the provider's; the service whose calls fail, and what of ours drove the
 * call volume, are what a cause must name beside it. Not an AWS API's throttling
 * (aws-throttling.ts), not a CPU's CFS throttling. Pure.
 */

/** What a provider's answer says: over its rate limit, or failing (5xx, timeouts, errors). */
export type ProviderFailure = "rate_limited" | "errors"

// A status or result label's value for a refusal by rate: 429, `rate_limited`, `throttled`.
const rateLimitedValue =
  /^(?:429|rate[_ -]?limit(?:ed)?|rate[_ -]?limit[_ -]exceeded|throttled|too[_ -]many[_ -]requests)$/i
// …and for a failure: a 5xx, a timeout, a connection error, a plain `error`/`failed`.
const failedValue =
  /^(?:5\d\d|5xx|timeout|timed[_ -]?out|deadline[_ -]exceeded|error|errors|err|failed|failure|fail|unavailable|connection[_ -]?(?:error|refused|reset)|network[_ -]error)$/i

/** The failure a status / result label's value states, or null (a 2xx, a 404, `success`). */
export const providerFailureOf = (value: string): ProviderFailure | null => {
  const v = value.trim()
  if (rateLimitedValue.test(v)) return "rate_limited"
  if (failedValue.test(v)) return "errors"
  return null
}

// Hosts that are ours or AWS's, not a third party's: cluster DNS, private zones, AWS endpoints.
const internalHost =
  /(?:\.svc|\.cluster\.local|\.internal|\.local|\.lan|\.consul|\.amazonaws\.com|\.amazonaws\.com\.cn|\.aws)$|^(?:localhost|\d{1,3}(?:\.\d{1,3}){3})$/i

/** Whether a host name is a third party's (has a domain, not cluster-internal, not AWS, not an IP). */
export const isExternalHost = (host: string): boolean => {
  const h = host.trim().toLowerCase().replace(/:\d+$/, "")
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(h) && !internalHost.test(h)
}

// `"provider":"sendgrid"`, `provider=twilio`, `psp: stripe`: the third party a line names.
// The readable form of a JSON line says it as "(upstream sendgrid, status 429)" (log-structured.ts).
const providerField =
  /["']?\b(?:provider|vendor|psp|carrier|sms_provider|email_provider|payment_provider)["']?\s*[:=]\s*["']?([A-Za-z][\w.-]{1,60})|\(upstream ([A-Za-z][\w.-]{1,60})[,)]/i
// `https://api.sendrelay.io/v3/messages`: the host a line's URL names.
const urlHost = /\bhttps?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?/gi
const awsWords = /^(?:aws|amazon|ses|sns|sqs|s3|dynamodb|kms|lambda|kinesis)$/i

/**
 * The third party a log line names: its provider / vendor / psp / carrier field when that is not
 * AWS, else the first external host a URL in it names; null when it names none.
 */
export const providerOfLine = (line: string): string | null => {
  const m = providerField.exec(line)
  const field = m?.[1] ?? m?.[2]
  if (field !== undefined && !awsWords.test(field)) return field.toLowerCase()
  for (const m of line.matchAll(urlHost)) {
    const host = m[1]
    if (host !== undefined && isExternalHost(host)) return host.toLowerCase()
  }
  return null
}
