/**
 * A scenario's expectations as YAML writes them: a bare `403` or `true` in a term list is that
 * word (YAML reads it as a number or a boolean), so the scenario still runs; a term that is no
 * word at all (a map, an empty string) is still an error naming its path.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { parseScenarioText } from "../../src/replay/scenario.js"

const scenario = (expectYaml: string) => `name: bare-terms
description: d
now: "2026-11-27T13:10:00Z"
alert:
  platform: slack
  channel: C0ALERTS
  message_id: "1795784700.000200"
  posted_at: "2026-11-27T13:05:00Z"
  author: Alertmanager
  bot: true
  trigger: mention
  text: "<@U0SREBOT> checkout-api 403 from the payments provider"
expect:
  decision: investigate
${expectYaml}
`

describe("ScenarioExpect terms", () => {
  it("reads bare numbers and booleans in cause_terms and must_not_contain as the words written", () => {
    const decoded = parseScenarioText(
      scenario(`  cause_terms:
    - [AccessDenied, 403, 1.5]
    - [checkout-api, true]
  must_not_contain: [502, legacy-api]`),
      "bare.yaml",
    )
    expect(Either.isRight(decoded)).toBe(true)
    if (Either.isLeft(decoded)) return
    expect(decoded.right.expect.cause_terms).toEqual([
      ["AccessDenied", "403", "1.5"],
      ["checkout-api", "true"],
    ])
    expect(decoded.right.expect.must_not_contain).toEqual(["502", "legacy-api"])
  })

  it("still rejects a term that is no word, naming its path", () => {
    const decoded = parseScenarioText(
      scenario(`  cause_terms:
    - [AccessDenied, { code: 403 }]`),
      "map.yaml",
    )
    expect(Either.isLeft(decoded)).toBe(true)
    if (Either.isRight(decoded)) return
    expect(decoded.left.message).toContain("expect.cause_terms[0][1]")
  })

  it("still rejects an empty term", () => {
    const decoded = parseScenarioText(scenario(`  must_not_contain: [""]`), "empty.yaml")
    expect(Either.isLeft(decoded)).toBe(true)
  })
})
