/**
 * Investigation ids: UUID v4 drawn from Effect's Random service, so a seeded Random makes a
 * whole run reproducible (the demo) while production gets distinct ids.
 */
import { Effect, Random } from "effect"

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0")

const word = Random.nextIntBetween(0, 0x1_0000_0000)

export const newInvestigationId: Effect.Effect<string> = Effect.map(
  Effect.all([word, word, word, word]),
  ([a, b, c, d]) => {
    const timeHi = ((b & 0x0fff) | 0x4000) >>> 0
    const clockSeq = ((c >>> 16) & 0x3fff) | 0x8000
    return `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(timeHi & 0xffff, 4)}-${hex(clockSeq, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`
  },
)
