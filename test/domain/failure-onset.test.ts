import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { onsetOf, onsetPhrase } from "../../src/domain/failure-onset.js"
import { spec } from "./causes-support.js"

const base = { agent: "eks", kind: "crash_loop", severity: "high", at: "13:00" } as const

describe("a finding's stated onset", () => {
  it("round-trips the phrase agents write, in the detail or the title", () => {
    const t = DateTime.unsafeMake("2027-01-11T11:41:02Z")
    expect(onsetPhrase(t)).toBe("failing since 2027-01-11T11:41:02Z")
    const inDetail = spec({
      ...base,
      title: "x",
      detail: `Now CrashLoopBackOff. F${onsetPhrase(t).slice(1)}.`,
    })
    expect(onsetOf(inDetail)?.epochMillis).toBe(t.epochMillis)
    expect(onsetOf(spec({ ...base, title: "x failing since 2027-01-11T11:41Z" }))?.epochMillis).toBe(
      Date.parse("2027-01-11T11:41:00Z"),
    )
  })

  it("is null without one (a clock time alone, or no phrase)", () => {
    expect(onsetOf(spec({ ...base, title: "x: failing since 11:41" }))).toBeNull()
    expect(onsetOf(spec({ ...base, title: "x: CrashLoopBackOff, 3 restarts" }))).toBeNull()
  })
})
