import { describe, expect, it } from "@effect/vitest"
import { retryAfterFromHeaders, secondsToMs } from "../../../src/adapters/fetch/retry-after.js"

const headers = (value?: string) => new Headers(value === undefined ? {} : { "retry-after": value })
const NOW = Date.parse("2026-11-27T13:00:00Z")

describe("retryAfterFromHeaders", () => {
  it("reads delta-seconds, fractional ones rounded up to the millisecond", () => {
    expect(retryAfterFromHeaders(headers("2"), NOW)).toBe(2000)
    expect(retryAfterFromHeaders(headers(" 0.2505 "), NOW)).toBe(251)
  })

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(retryAfterFromHeaders(headers("Fri, 27 Nov 2026 13:00:05 GMT"), NOW)).toBe(5000)
    expect(retryAfterFromHeaders(headers("Fri, 27 Nov 2026 12:59:00 GMT"), NOW)).toBe(0)
  })

  it("is undefined when absent or unreadable", () => {
    expect(retryAfterFromHeaders(headers(), NOW)).toBeUndefined()
    expect(retryAfterFromHeaders(headers("soon"), NOW)).toBeUndefined()
    expect(retryAfterFromHeaders(headers("-3"), NOW)).toBeUndefined()
  })
})

describe("secondsToMs", () => {
  it("converts finite non-negative seconds only", () => {
    expect(secondsToMs(1.5)).toBe(1500)
    expect(secondsToMs(-1)).toBeUndefined()
    expect(secondsToMs(Number.NaN)).toBeUndefined()
  })
})
