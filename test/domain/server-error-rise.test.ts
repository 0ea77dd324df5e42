/**
 * Which service's 5xx rose: from about nothing, or ten times its rate before, on any common
 * request counter and status label; decoys: a 5xx series flat at its usual rate, a handful of
 * stray errors, a client's counter of a dependency's answers, a non-5xx status.
 */
import { describe, expect, it } from "vitest"
import {
  isClientCounter,
  judgeServerErrors,
  serverErrorSelectors,
  serverStatusOf,
} from "../../src/domain/server-error-rise.js"

const min = 60_000
const t0 = Date.UTC(2027, 0, 1, 10, 0)
const window = { startMs: t0 + 30 * min, endMs: t0 + 60 * min }
const series = (values: ReadonlyArray<number>) => values.map((v, i) => ({ t: t0 + i * 5 * min, v }))

describe("judgeServerErrors", () => {
  it("a counter from about nothing to thousands in the window", () => {
    const v = judgeServerErrors(series([3, 3, 3, 3, 3, 3, 3, 212, 1488, 2930, 4411, 5902, 7000]), window)
    expect(v.rising).toBe(true)
    expect(v.during).toBeGreaterThan(5000)
    expect(v.firstMs).toBe(t0 + 30 * min)
  })

  it("ten times a small steady rate before", () => {
    const v = judgeServerErrors(series([0, 10, 20, 30, 40, 50, 60, 360, 660, 960, 1260, 1560, 1860]), window)
    expect(v.rising).toBe(true)
  })

  it("a series that only starts inside the window (a person reports late)", () => {
    const late = [3, 3, 212, 1488, 2930].map((v, i) => ({ t: window.startMs + i * 5 * min, v }))
    expect(judgeServerErrors(late, window).rising).toBe(true)
  })

  it("decoy: a 5xx series flat at its usual rate", () => {
    const v = judgeServerErrors(
      series([0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600]),
      window,
    )
    expect(v.rising).toBe(false)
  })

  it("decoy: a handful of stray errors", () => {
    expect(judgeServerErrors(series([0, 0, 0, 0, 0, 0, 0, 2, 4, 5, 6, 6, 6]), window).rising).toBe(false)
  })
})

describe("serverStatusOf / isClientCounter / selectors", () => {
  it("reads the status from any common label, only a 5xx", () => {
    expect(serverStatusOf({ code: "502" })).toEqual({ name: "code", value: "502" })
    expect(serverStatusOf({ status: "503" })?.name).toBe("status")
    expect(serverStatusOf({ http_status_code: "500" })?.value).toBe("500")
    expect(serverStatusOf({ code: "404" })).toBeNull()
  })

  it("a client's counter counts a dependency's answers", () => {
    expect(isClientCounter("entitlements_client_requests_total")).toBe(true)
    expect(isClientCounter("http_client_requests_seconds_count")).toBe(true)
    expect(isClientCounter("http_server_requests_seconds_count")).toBe(false)
  })

  it("asks each status label for a 5xx", () => {
    expect(serverErrorSelectors.some((s) => s.includes('code=~"5.."'))).toBe(true)
    expect(serverErrorSelectors.some((s) => s.includes('status=~"5.."'))).toBe(true)
  })
})
