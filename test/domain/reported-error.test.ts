import { describe, expect, it } from "vitest"
import { reportedErrorCondition, reportedErrorPhrase } from "../../src/domain/reported-error.js"

describe("reportedErrorPhrase", () => {
  it.each([
    ["every wave comes back 'allocation failed, please retry'. pickers are waiting", "allocation failed"],
    ['checkout shows "Payment declined: processor unavailable" for everyone', "payment declined"],
    ["the app says “could not load your basket” since 10:00", "could not load your basket"],
    ["users get `quote engine timeout` on every request", "quote engine timeout"],
  ])("reads %s", (text, want) => expect(reportedErrorPhrase(text)).toBe(want))

  it.each([
    ["can't log in, it's broken"],
    ["the page says 'please try again later'"],
    ["error everywhere, see https://grafana.example.com/d/abc"],
    ["it says 'failed'"],
  ])("finds no quoted error in %s", (text) => expect(reportedErrorPhrase(text)).toBeNull())
})

describe("reportedErrorCondition", () => {
  it("matches the phrase with any spacing and case", () => {
    expect(reportedErrorCondition("allocation failed")).toBe("@message like /(?i)allocation\\s+failed/")
    expect(reportedErrorCondition(null)).toBeNull()
    expect(reportedErrorCondition("a/b failed")).toBeNull()
  })
})
