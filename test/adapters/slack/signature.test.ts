import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { slackSignature, verifySlackSignature } from "../../../src/adapters/slack/signature.js"

const secret = "8f742231b10e8888abcd99yyyzzz85a5"
const now = 1_795_784_700
const body = '{"type":"event_callback","event":{"type":"app_mention","text":"hi"}}'

const check = (over: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) => {
  const timestamp = over.timestamp ?? String(now)
  return verifySlackSignature({
    secret,
    timestamp,
    signature: slackSignature(secret, timestamp, body),
    rawBody: body,
    nowSeconds: now,
    windowSeconds: 300,
    ...over,
  })
}

const reason = (r: ReturnType<typeof verifySlackSignature>) => (Either.isLeft(r) ? r.left.reason : "ok")

describe("Slack v0 signature", () => {
  it("accepts a correct signature", () => {
    expect(reason(check())).toBe("ok")
  })

  it("matches Slack's documented example", () => {
    // api.slack.com/authentication/verifying-requests-from-slack
    const documented =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    expect(slackSignature("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", documented)).toBe(
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    )
  })

  it("rejects a tampered body", () => {
    expect(reason(check({ rawBody: body.replace("hi", "ho") }))).toBe("bad_signature")
  })

  it("rejects a signature made with another secret", () => {
    expect(reason(check({ signature: slackSignature("another-secret", String(now), body) }))).toBe(
      "bad_signature",
    )
  })

  it("accepts a timestamp exactly 300 s away and rejects 301 s, in both directions", () => {
    for (const delta of [300, -300]) {
      const ts = String(now + delta)
      expect(reason(check({ timestamp: ts, signature: slackSignature(secret, ts, body) }))).toBe("ok")
    }
    for (const delta of [301, -301]) {
      const ts = String(now + delta)
      expect(reason(check({ timestamp: ts, signature: slackSignature(secret, ts, body) }))).toBe(
        "stale_timestamp",
      )
    }
  })

  it("rejects missing headers and a non-numeric timestamp", () => {
    expect(reason(check({ signature: undefined }))).toBe("missing_signature")
    expect(reason(check({ timestamp: "" }))).toBe("missing_signature")
    expect(reason(check({ timestamp: "12.5e3" }))).toBe("bad_signature")
  })

  it("rejects a signature of another length without throwing", () => {
    expect(reason(check({ signature: "v0=abc" }))).toBe("bad_signature")
  })

  it("property (seed 7): changing any single byte of the body fails verification", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 400 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (text, at, delta) => {
          const raw = Buffer.from(text, "utf8")
          const i = at % raw.length
          const tampered = Buffer.from(raw)
          tampered[i] = ((tampered[i] ?? 0) + delta) % 256
          const ts = String(now)
          const sig = slackSignature(secret, ts, raw.toString("latin1"))
          const result = verifySlackSignature({
            secret,
            timestamp: ts,
            signature: sig,
            rawBody: tampered.toString("latin1"),
            nowSeconds: now,
            windowSeconds: 300,
          })
          expect(Either.isLeft(result)).toBe(true)
        },
      ),
      { seed: 7, numRuns: 300 },
    )
  })

  it("property (seed 8): changing any character of the signature fails verification", () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(..."0123456789abcdef"), (at, c) => {
        const sig = slackSignature(secret, String(now), body)
        const i = 3 + (at % (sig.length - 3))
        fc.pre(sig[i] !== c)
        const bad = `${sig.slice(0, i)}${c}${sig.slice(i + 1)}`
        expect(reason(check({ signature: bad }))).toBe("bad_signature")
      }),
      { seed: 8, numRuns: 300 },
    )
  })
})
