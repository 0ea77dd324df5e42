import { describe, expect, it } from "vitest"
import { counterIncrease, increaseSince } from "../../src/domain/counter-increase.js"

const at = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * 60_000, v }))

describe("counterIncrease", () => {
  it("sums the rises; a drop is a counter started over, so its value is all rise", () => {
    expect(counterIncrease(at(3, 3, 10, 12))).toBe(9)
    expect(counterIncrease(at(50, 2, 7))).toBe(7)
    expect(counterIncrease(at(5))).toBe(0)
    expect(counterIncrease(at(1, Number.NaN, 4))).toBe(3)
  })

  it("reads the samples in time order, whatever order they came in", () => {
    expect(counterIncrease([...at(0, 4, 9)].reverse())).toBe(9)
  })
})

describe("increaseSince", () => {
  it("counts the step into fromMs and every step after it, not the ones before", () => {
    // 0 → 10 (before), 10 → 15 (into 2 min), 15 → 40 (after).
    expect(increaseSince(at(0, 10, 15, 40), 120_000)).toBe(30)
    expect(increaseSince(at(0, 10, 15, 40), 0)).toBe(40)
  })

  it("is 0 when no sample reaches fromMs, and reads a reset inside the range", () => {
    expect(increaseSince(at(0, 10), 10 * 60_000)).toBe(0)
    expect(increaseSince(at(100, 120, 5, 9), 120_000)).toBe(9)
  })
})
