/**
 * Discord snowflakes: 64-bit ids whose top 42 bits are milliseconds since the Discord epoch, so
 * a message id carries its own creation time (the alert time for a Discord message) and ids
 * sort chronologically. Held as decimal strings on the wire and compared as such (by length,
 * then digit by digit), never as JS numbers: they exceed 2^53.
 */
import { Schema } from "effect"

/** 2015-01-01T00:00:00.000Z */
export const DISCORD_EPOCH = 1_420_070_400_000

const EPOCH = BigInt(DISCORD_EPOCH)
const TIME_SHIFT = 22n
const INCREMENT_MASK = 0xfffn

export const Snowflake = Schema.String.pipe(Schema.pattern(/^\d{1,20}$/))

/**
 * The smallest snowflake of millisecond `ms` (clamped to the Discord epoch), with `increment`
 * (0–4095, masked) in its low bits so one millisecond can hold several ids.
 */
export const snowflakeFromTime = (ms: number, increment = 0): string => {
  const offset = BigInt(Math.max(0, Math.floor(ms))) - EPOCH
  const time = offset > 0n ? offset : 0n
  return ((time << TIME_SHIFT) | (BigInt(Math.max(0, Math.floor(increment))) & INCREMENT_MASK)).toString()
}

/** Epoch milliseconds embedded in a snowflake; NaN when `id` is not one (see `Snowflake`). */
export const timeFromSnowflake = (id: string): number =>
  /^\d{1,20}$/.test(id) ? Number((BigInt(id) >> TIME_SHIFT) + EPOCH) : Number.NaN

/** Chronological order of two snowflakes (decimal strings): negative, zero or positive. Never throws. */
export const compareSnowflakes = (a: string, b: string): number => {
  const x = a.replace(/^0+(?=\d)/, "")
  const y = b.replace(/^0+(?=\d)/, "")
  if (x.length !== y.length) return x.length - y.length
  return x < y ? -1 : x > y ? 1 : 0
}
