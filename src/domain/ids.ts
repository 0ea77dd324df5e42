/**
 * Investigation ids: UUID v4 drawn from Effect's Random service, so a seeded Random makes a
 * whole run reproducible (the demo) while production gets distinct ids.
 */
import { Effect } from "effect"

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0")

const format = (a: number, b: number, c: number, d: number): string => {
  const timeHi = ((b & 0x0fff) | 0x4000) >>> 0
  const clockSeq = ((c >>> 16) & 0x3fff) | 0x8000
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(timeHi & 0xffff, 4)}-${hex(clockSeq, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`
}

// The Random service is looked up once, then four draws in plain flatMaps rather than
// `Effect.all`: this runs on every webhook, and `all`'s generic collection machinery costs
// several times the draws themselves.
export const newInvestigationId: Effect.Effect<string> = Effect.randomWith((random) => {
  const word = random.nextIntBetween(0, 0x1_0000_0000)
  return Effect.flatMap(word, (a) =>
    Effect.flatMap(word, (b) => Effect.flatMap(word, (c) => Effect.map(word, (d) => format(a, b, c, d)))),
  )
})
