/**
 * One pure redaction pass, applied before text reaches chat, a model, a trace or a log line.
 * Patterns are anchored on a recognisable shape or a key name (so ordinary hashes and ids
 * survive) and every regex is linear: no nested quantifiers over the same characters.
 */

const MASK = "[REDACTED]"

type Rule = readonly [pattern: RegExp, replace: string | ((...groups: Array<string>) => string)]

const rules: ReadonlyArray<Rule> = [
  // PEM private keys, whole block.
  [
    /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|$)/g,
    `${MASK} private key`,
  ],
  // Credentials inside URLs: scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,200}:)[^\s@/]{1,200}@/gi, `$1${MASK}@`],
  // Slack / Discord webhook URLs carry their secret in the path.
  [
    /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g,
    `https://hooks.slack.com/${MASK}`,
  ],
  [
    /(https:\/\/(?:\w+\.)?discord(?:app)?\.com\/api\/(?:v\d+\/)?(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9._-]+/g,
    `$1${MASK}`,
  ],
  // Slack tokens (bot, user, app, refresh, config).
  [/\bxox[abposre]-[A-Za-z0-9-]{10,}/g, MASK],
  [/\bxapp-\d-[A-Za-z0-9-]{10,}/g, MASK],
  // JWTs (also Discord interaction tokens' JWT-like cousins are caught by the webhook rule).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, MASK],
  // Discord bot tokens: base64 user id . timestamp . hmac
  [/\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, MASK],
  // Discord interaction tokens are base64 of "interaction:<id>:…".
  [/\baW50ZXJhY3Rpb246[A-Za-z0-9_-]{20,}/g, MASK],
  // Bearer / Basic authorization values.
  [/\b(Bearer|Basic|Bot)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`],
  // AWS access key ids and secret keys next to their names.
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, MASK],
  [
    /\b(aws_?secret_?access_?key|secret_?access_?key|aws_?session_?token)(\\?["']?\s{0,3}[:=]\s{0,3}\\?["']?)[A-Za-z0-9/+=]{16,}/gi,
    `$1$2${MASK}`,
  ],
  // GitHub, OpenAI/Anthropic-style and generic API keys with a recognisable prefix.
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/g, MASK],
  [/\bsk-(?:ant-)?[A-Za-z0-9_-]{20,}/g, MASK],
  // key=value / key: value for secret-ish keys (query strings, env dumps, JSON, logs). Not the
  // `secret:<name>` of a Secrets Manager ARN: that names the secret, it is not its value.
  [
    /(?<!:secretsmanager:[a-z0-9-]{1,30}:\d{12}:)\b(password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|api[_-]?key|apikey|auth[_-]?token|private[_-]?key|signing[_-]?secret)(\\?["']?\s{0,3}[:=]\s{0,3}\\?["']?)(?!\[REDACTED\])[^\s"'&,;}\\]{1,500}/gi,
    `$1$2${MASK}`,
  ],
]

export const redact = (text: string): string => {
  let out = text
  for (const [pattern, replace] of rules) {
    out = typeof replace === "string" ? out.replace(pattern, replace) : out.replace(pattern, replace)
  }
  return out
}

/** `accessToken` → `access_token`, `X-Api-Key` → `x_api_key`. */
const snakeCase = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase()

const secretKeyPattern =
  /(?:^|_)(?:password|passwd|pwd|secret|token|api_?key|private_key|authorization|cookie|secret_access_key|session_token|credentials?)$/

/**
 * A key whose value is a secret whatever the value looks like (`{"password": "hunter2"}`): the
 * text rules cannot see it once the value is a string of its own. `tokens`, `inputTokens`,
 * `dedupKey` are not secret keys.
 */
export const isSecretKey = (key: string): boolean => secretKeyPattern.test(snakeCase(key))

/**
 * Redact a JSON-like value for traces and structured logs: every string by `redact`, every key
 * too, and any scalar under a secret-looking key masked outright.
 */
export const redactDeep = (value: unknown): unknown => {
  if (typeof value === "string") return redact(value)
  if (Array.isArray(value)) return value.map(redactDeep)
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        redact(k),
        isSecretKey(k) && (typeof v === "string" || typeof v === "number") ? MASK : redactDeep(v),
      ]),
    )
  }
  return value
}
