/**
 * Discord interaction signing: Ed25519 over `{timestamp}{rawBody}`, hex signature in
 * `X-Signature-Ed25519`, verified against the application's hex public key. Unlike the
 * original we also bound the timestamp (±window seconds), so a captured interaction cannot be
 * replayed. `signDiscord` exists for `cli synthetic` and tests (DISCORD_SIGNING_KEY is a seed).
 */
import * as ed from "@noble/ed25519"
import { Effect } from "effect"
import { WebhookRejected } from "../../ports/chat-platform.js"

export interface DiscordSignatureInput {
  readonly publicKeyHex: string
  readonly timestamp: string | undefined
  readonly signature: string | undefined
  readonly rawBody: string
  readonly nowSeconds: number
  readonly windowSeconds: number
}

const isHex = (s: string, length: number): boolean => s.length === length && /^[0-9a-fA-F]+$/.test(s)

const reject = (reason: WebhookRejected["reason"], message: string) =>
  Effect.fail(new WebhookRejected({ reason, message }))

export const verifyDiscordSignature = (
  input: DiscordSignatureInput,
): Effect.Effect<void, WebhookRejected> => {
  const { timestamp, signature } = input
  if (timestamp === undefined || timestamp === "" || signature === undefined || signature === "") {
    return reject("missing_signature", "missing X-Signature-Ed25519 or X-Signature-Timestamp header")
  }
  if (!/^\d{1,12}$/.test(timestamp))
    return reject("bad_signature", "X-Signature-Timestamp is not a Unix time")
  if (Math.abs(input.nowSeconds - Number(timestamp)) > input.windowSeconds) {
    return reject("stale_timestamp", `request timestamp is more than ${input.windowSeconds} s from now`)
  }
  if (!isHex(signature, 128))
    return reject("bad_signature", "X-Signature-Ed25519 is not a 64-byte hex signature")
  if (!isHex(input.publicKeyHex, 64))
    return reject("bad_signature", "DISCORD_PUBLIC_KEY is not a 32-byte hex key")
  const message = new TextEncoder().encode(`${timestamp}${input.rawBody}`)
  return Effect.tryPromise(() =>
    ed.verifyAsync(Buffer.from(signature, "hex"), message, Buffer.from(input.publicKeyHex, "hex")),
  ).pipe(
    Effect.orElseSucceed(() => false),
    Effect.flatMap((ok) => (ok ? Effect.void : reject("bad_signature", "invalid Discord signature"))),
  )
}

/** Sign like Discord does, with a hex Ed25519 seed (32 bytes). */
export const signDiscord = async (seedHex: string, timestamp: string, rawBody: string): Promise<string> => {
  const signature = await ed.signAsync(
    new TextEncoder().encode(`${timestamp}${rawBody}`),
    Buffer.from(seedHex, "hex"),
  )
  return Buffer.from(signature).toString("hex")
}

export const discordPublicKeyFromSeed = async (seedHex: string): Promise<string> =>
  Buffer.from(await ed.getPublicKeyAsync(Buffer.from(seedHex, "hex"))).toString("hex")
