/**
 * Secrets of every class we promise to keep out of traces, embedded the ways they reach an
 * investigation: as JSON values under revealing keys, inside JSON text, inside log lines,
 * URLs and PEM blocks. `secretValues` are the parts that must not appear in anything stored.
 */

export const secrets = {
  awsAccessKeyId: "AKIAQ7TRACETESTKEY12",
  awsSecretKey: "wJalrXUtnFEMIxK7MDENGxbPxRfiCYTRACEKEY01",
  bearer: "tr4ceBearerValue0123456789",
  jwtSignature: "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  slackBot: "xoxb-2210535565-1234567890123-TraceSlackBotTokenZz",
  slackWebhook: "T000TRACE/B000TRACE/XXtraceWebhookXX",
  discordBot: "MTA1ODg5NzM0MzI4MzIwMDAwNg.GhIjKl.tracediscordbottokenvalue0123456789",
  discordInteraction: "aW50ZXJhY3Rpb246MTU3NTQ3NDQ1MDkyMzUyMDAwMDpUUkFDRQ",
  urlPassword: "hunter2TraceUrl",
  pemBody: "MIIEowIBAAKCAQEAtraceprivatekeybody",
  passwordValue: "s3cr3tTracePassword",
  tokenValue: "tokTraceQueryValue123456",
  jsonPassword: "jsonKeyedPassword42",
  camelToken: "camelCaseAccessTokenValue99",
  apiKey: "apiKeyValueTrace7777",
  clientSecret: "clientSecretTrace8888",
  passwordInJsonText: "passwordInsideJsonText55",
} as const

const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmFjZSJ9.${secrets.jwtSignature}`

/** One event's data per shape. */
export const secretCorpus: ReadonlyArray<unknown> = [
  // JSON values under revealing keys (text patterns alone cannot see these)
  {
    password: secrets.jsonPassword,
    credentials: {
      accessToken: secrets.camelToken,
      "x-api-key": secrets.apiKey,
      client_secret: secrets.clientSecret,
    },
    AWS_SECRET_ACCESS_KEY: secrets.awsSecretKey,
    tokens: 1200,
    pod: "payments/payments-api-6c9f7d8b4-q7x2m",
  },
  // log lines, as an agent reply would quote them
  {
    lines: [
      `2025-03-31T23:59:58Z ERROR login failed password=${secrets.passwordValue} user=svc-payments`,
      `GET https://api.example.net/v1/orders?token=${secrets.tokenValue}&page=2 -> 401`,
      `Authorization: Bearer ${secrets.bearer}`,
      `id_token=${jwt}`,
      `aws_secret_access_key=${secrets.awsSecretKey} aws_access_key_id=${secrets.awsAccessKeyId}`,
    ],
  },
  // chat tokens and webhook URLs
  {
    text: `posting with ${secrets.slackBot} to https://hooks.slack.com/services/${secrets.slackWebhook}`,
    discord: `Bot ${secrets.discordBot}`,
    interaction: `https://discord.com/api/v10/webhooks/1234567890/${secrets.discordInteraction}/messages/@original`,
    rawToken: secrets.discordInteraction,
  },
  // credentials in URLs and a private key
  {
    dsn: `postgres://app:${secrets.urlPassword}@db.internal:5432/payments`,
    key: `-----BEGIN RSA PRIVATE KEY-----\n${secrets.pemBody}\n-----END RSA PRIVATE KEY-----`,
  },
  // JSON text inside a string (a tool's raw output)
  JSON.stringify({ config: { password: secrets.passwordInJsonText, user: "app" } }),
  // a bare JWT and an AWS key id as the whole value
  [jwt, secrets.awsAccessKeyId],
]

export const secretValues: ReadonlyArray<string> = Object.values(secrets).map((value) =>
  value === secrets.slackWebhook ? "XXtraceWebhookXX" : value,
)
