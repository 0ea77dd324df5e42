import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { redact, redactDeep } from "../../src/domain/redact.js"

/** [what, text, the part that must not survive] */
const secrets: ReadonlyArray<[string, string, string]> = [
  ["AWS access key id", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"],
  ["AWS secret key", "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"],
  ["bearer token", "Authorization: Bearer 0123456789abcdefghij", "0123456789abcdefghij"],
  [
    "JWT",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "dozjgNryP4J3",
  ],
  ["Slack bot token", "xoxb-2210535565-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "AbCdEfGhIjKl"],
  ["Slack webhook", "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX", "XXXXXXXXXXXXXXXX"],
  [
    "Discord bot token",
    "MTA1ODg5NzM0MzI4MzIwMDAwNg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB",
    "abcdefghijklmnop",
  ],
  [
    "Discord interaction token",
    "aW50ZXJhY3Rpb246MTU3NTQ3NDQ1MDkyMzUyMDAwMDpBQkNERUZHSElKS0w",
    "MTU3NTQ3NDQ1MDky",
  ],
  ["password in URL", "postgres://app:hunter2@db.internal:5432/payments", "hunter2"],
  ["password=", "password=s3cr3t!", "s3cr3t!"],
  ["secret:", 'secret: "abc123XYZ"', "abc123XYZ"],
  ["token=", "https://api.example.net/x?token=abcdef123456&page=2", "abcdef123456"],
  [
    "private key",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1\n-----END RSA PRIVATE KEY-----",
    "MIIEowIBAAKCAQEA1",
  ],
]

describe("redact", () => {
  it.each(secrets)("removes a %s", (_, text, mustGo) => {
    const out = redact(`before ${text} after`)
    expect(out).toContain("[REDACTED]")
    expect(out).not.toContain(mustGo)
    expect(out).toMatch(/^before /)
    expect(out).toMatch(/ after$/)
  })

  it("keeps the evidence an SRE needs: pod names, images, digests, ids, URLs without credentials", () => {
    const text =
      "payments/payments-api-6c9f7d8b4-q7x2m OOMKilled (exit 137) image 412345678901.dkr.ecr.us-east-1.amazonaws.com/payments-api:v2.14.0 " +
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef trace=5f1c2d3e4b5a69788796a5b4c3d2e1f0 " +
      "https://grafana.example.net/d/redis/redis-overview?orgId=1 request_id=9b2f6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b tokens=1200"
    expect(redact(text)).toBe(text)
  })

  it("keeps a Secrets Manager ARN, which names a secret and is not its value", () => {
    const arn = "arn:aws:secretsmanager:us-east-2:123456789012:secret:prod/quote-pricer/stripe-key-a1b2c3"
    expect(redact(`failed to fetch secret ${arn} from secrets manager`)).toContain(arn)
    expect(redact("secret: hunter2-value")).not.toContain("hunter2-value")
  })

  it("catches key/value secrets inside escaped JSON (a record quoted in a log line)", () => {
    const line =
      '{"msg":"auth failed","body":"{\\"client_secret\\":\\"s3cr3tvalue123\\",\\"user\\":\\"svc\\"}"}'
    const out = redact(line)
    expect(out).not.toContain("s3cr3tvalue123")
    expect(out).toContain('\\"user\\":\\"svc\\"')
    expect(
      redact('\\"aws_secret_access_key\\": \\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\\"'),
    ).not.toContain("wJalrXUtnFEMI")
  })

  it("masks values under secret-looking keys in structured data, keeps counters", () => {
    expect(
      redactDeep({ password: "hunter2", accessToken: 12345, inputTokens: 1200, dedupKey: "slack#C#1" }),
    ).toEqual({
      password: "[REDACTED]",
      accessToken: "[REDACTED]",
      inputTokens: 1200,
      dedupKey: "slack#C#1",
    })
  })

  it("redacts inside JSON-like values", () => {
    expect(redactDeep({ a: ["password=x1"], b: { c: "xoxb-1234567890-abcdefghijkl" }, n: 3 })).toEqual({
      a: ["password=[REDACTED]"],
      b: { c: "[REDACTED]" },
      n: 3,
    })
  })

  it("property (seed 23): a secret embedded in any text never survives, and redaction is idempotent", () => {
    const secret = fc.oneof(
      fc.stringMatching(/^AKIA[A-Z0-9]{16}$/),
      fc.stringMatching(/^xoxb-[0-9]{10}-[A-Za-z0-9]{12,24}$/),
      fc.stringMatching(/^[A-Za-z0-9]{16,32}$/).map((s) => `password=${s}`),
      fc.stringMatching(/^[A-Za-z0-9]{16,32}$/).map((s) => `Bearer ${s}`),
    )
    const filler = fc.string({ maxLength: 60 }).map((s) => s.replace(/[A-Za-z0-9_=-]/g, " "))
    fc.assert(
      fc.property(filler, secret, filler, (a, s, b) => {
        const out = redact(`${a} ${s} ${b}`)
        const core = s.replace(/^(password=|Bearer )/, "")
        expect(out).not.toContain(core)
        expect(redact(out)).toBe(out)
      }),
      { seed: 23, numRuns: 400 },
    )
  })

  it("is linear on adversarial input (1 MB of near-matches)", () => {
    const nasty = `${"password=".repeat(50_000)}${"eyJ".repeat(100_000)}${"a:".repeat(100_000)}`
    const started = performance.now()
    redact(nasty)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
