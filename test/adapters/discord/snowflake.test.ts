import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  compareSnowflakes,
  DISCORD_EPOCH,
  snowflakeFromTime,
  timeFromSnowflake,
} from "../../../src/adapters/discord/snowflake.js"

const SEED = 20_261_127
const ms = fc.integer({ min: DISCORD_EPOCH, max: DISCORD_EPOCH + 2 ** 41 })
const increment = fc.integer({ min: 0, max: 4095 })

describe("snowflake", () => {
  it("reads the time of a recorded Discord id", () => {
    expect(new Date(timeFromSnowflake("1575472311828480000")).toISOString()).toBe("2026-11-26T11:24:30.000Z")
    expect(snowflakeFromTime(Date.parse("2026-11-26T11:24:30Z"))).toBe("1575472311828480000")
    expect(timeFromSnowflake("0")).toBe(DISCORD_EPOCH)
  })

  it(`round-trips every millisecond and increment (seed ${SEED})`, () => {
    fc.assert(
      fc.property(ms, increment, (t, i) => {
        const id = snowflakeFromTime(t, i)
        return timeFromSnowflake(id) === t && BigInt(id) % 4096n === BigInt(i)
      }),
      { seed: SEED, numRuns: 500 },
    )
  })

  it(`orders ids by time, then increment (seed ${SEED})`, () => {
    fc.assert(
      fc.property(ms, increment, ms, increment, (t1, i1, t2, i2) => {
        const c = compareSnowflakes(snowflakeFromTime(t1, i1), snowflakeFromTime(t2, i2))
        return Math.sign(c) === Math.sign(t1 === t2 ? i1 - i2 : t1 - t2)
      }),
      { seed: SEED, numRuns: 500 },
    )
  })

  it(`compares like BigInt on any 64-bit id (seed ${SEED})`, () => {
    const id = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })
    fc.assert(
      fc.property(
        id,
        id,
        (a, b) => Math.sign(compareSnowflakes(a.toString(), b.toString())) === (a < b ? -1 : a > b ? 1 : 0),
      ),
      { seed: SEED, numRuns: 500 },
    )
  })

  it("is total: non-ids read as NaN, times before the epoch clamp to it", () => {
    expect(timeFromSnowflake("not-a-snowflake")).toBeNaN()
    expect(timeFromSnowflake("")).toBeNaN()
    expect(snowflakeFromTime(0)).toBe("0")
    expect(snowflakeFromTime(DISCORD_EPOCH, 4096 + 7)).toBe("7")
  })
})
