import { Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  discordPublicKeyFromSeed,
  signDiscord,
  verifyDiscordSignature,
} from "../../../src/adapters/discord/signature.js"

const seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
const now = 1_795_784_700
const body = '{"type":1}'

const verify = async (over: Partial<Parameters<typeof verifyDiscordSignature>[0]> = {}) => {
  const timestamp = over.timestamp ?? String(now)
  const publicKeyHex = await discordPublicKeyFromSeed(seed)
  const signature = await signDiscord(seed, timestamp, over.rawBody ?? body)
  const result = await Effect.runPromise(
    Effect.either(
      verifyDiscordSignature({
        publicKeyHex,
        timestamp,
        signature,
        rawBody: body,
        nowSeconds: now,
        windowSeconds: 300,
        ...over,
      }),
    ),
  )
  return Either.isLeft(result) ? result.left.reason : "ok"
}

describe("Discord Ed25519 signature", () => {
  it("derives RFC 8032 test vector 1's public key from its seed", async () => {
    expect(await discordPublicKeyFromSeed(seed)).toBe(
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    )
  })

  it("accepts a valid signature", async () => {
    expect(await verify()).toBe("ok")
  })

  it("rejects a signature over another body", async () => {
    expect(await verify({ rawBody: '{"type":2}' })).toBe("ok")
    const sigOther = await signDiscord(seed, String(now), '{"type":2}')
    expect(await verify({ signature: sigOther })).toBe("bad_signature")
  })

  it("rejects another key", async () => {
    const other = await discordPublicKeyFromSeed("1".repeat(64))
    expect(await verify({ publicKeyHex: other })).toBe("bad_signature")
  })

  it("bounds the timestamp (the original did not): 300 s accepted, 301 s stale", async () => {
    expect(await verify({ timestamp: String(now - 300) })).toBe("ok")
    expect(await verify({ timestamp: String(now - 301) })).toBe("stale_timestamp")
    expect(await verify({ timestamp: String(now + 301) })).toBe("stale_timestamp")
  })

  it("rejects missing headers, malformed hex and a malformed key", async () => {
    expect(await verify({ signature: undefined })).toBe("missing_signature")
    expect(await verify({ timestamp: "" })).toBe("missing_signature")
    expect(await verify({ signature: "zz".repeat(64) })).toBe("bad_signature")
    expect(await verify({ publicKeyHex: "abcd" })).toBe("bad_signature")
  })

  it("property (seed 11): any single-byte change of the body fails", async () => {
    const publicKeyHex = await discordPublicKeyFromSeed(seed)
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (text, at, delta) => {
          const raw = Buffer.from(text, "utf8")
          const i = at % raw.length
          const tampered = Buffer.from(raw)
          tampered[i] = ((tampered[i] ?? 0) + delta) % 256
          const signature = await signDiscord(seed, String(now), raw.toString("latin1"))
          const result = await Effect.runPromise(
            Effect.either(
              verifyDiscordSignature({
                publicKeyHex,
                timestamp: String(now),
                signature,
                rawBody: tampered.toString("latin1"),
                nowSeconds: now,
                windowSeconds: 300,
              }),
            ),
          )
          expect(Either.isLeft(result)).toBe(true)
        },
      ),
      { seed: 11, numRuns: 100 },
    )
  })
})
