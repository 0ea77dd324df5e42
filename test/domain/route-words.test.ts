/**
 * A person's word as a served route (route-words.ts): a whole path segment of a path a server
 * logs or labels ties the line to the report; a client's call to a host, a longer word, a word
 * in prose, or a machine alert do not.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { namesReportRoute, namesRoute, routeWordsOf } from "../../src/domain/route-words.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("namesRoute", () => {
  it.each([
    ["ERROR POST /v1/login failed: context deadline exceeded", "login"],
    ['{"level":"error","path":"/v1/logins","status":500}', "login"],
    ["route=/api/payments/charge status=500", "payment"],
    ['10.0.0.9 - - "GET /search?q=shoes HTTP/1.1" 504 0', "search"],
  ])("%s names %s as a route", (text, word) => {
    expect(namesRoute(text, word)).toBe(true)
  })

  it.each([
    ["GET https://authgate.identity/v1/login timed out", "login"],
    ["POST /v1/loginx 500", "login"],
    ["see //login.example.com/x", "login"],
    ["login failed for user bob", "login"],
  ])("%s does not name %s as a served route", (text, word) => {
    expect(namesRoute(text, word)).toBe(false)
  })
})

describe("routeWordsOf", () => {
  it("a person's report gives its subject word; a machine alert and a word on every service give none", () => {
    expect(routeWordsOf(facts("login is really slow for everyone"))).toEqual(["login"])
    expect(namesReportRoute(facts("login is really slow for everyone"), "POST /v1/login 200 5012ms")).toBe(
      true,
    )
    expect(routeWordsOf(facts("[FIRING:1] HighLatency\nservice: login\nnamespace: identity"))).toEqual([])
    expect(routeWordsOf(facts("the api is really slow for everyone"))).toEqual([])
  })
})
