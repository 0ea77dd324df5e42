/** The words incidents are compared by: identifiers whole and split, endings cut, filler dropped. */
import { describe, expect, it } from "vitest"
import { mentions, normalName, stem, termBag, termsOf } from "../../src/domain/incident-terms.js"

describe("incident terms", () => {
  it("keeps identifiers whole and split, camel case too", () => {
    expect(termsOf("payments-api")).toEqual(["payments-api", "payment"])
    expect(termsOf("KubeNodeNotReady")).toEqual(["kubenodenotready", "node", "ready"])
  })

  it("lets OOMKilled and 'oom killed' meet, and drops filler and numbers", () => {
    expect(termsOf("OOMKilled")).toEqual(expect.arrayContaining(["oomkill", "oom", "kill"]))
    expect(termsOf("oom killed")).toEqual(["oom", "kill"])
    expect(termsOf("the pod in prod is firing 137")).toEqual([])
  })

  it("cuts endings only when a stem remains", () => {
    expect(stem("timeouts")).toBe("timeout")
    expect(stem("retries")).toBe("retry")
    expect(stem("status")).toBe("status")
    expect(stem("bed")).toBe("bed")
  })

  it("counts repeats in a bag", () => {
    expect(termBag("timeout timeout error").filter((t) => t === "timeout")).toHaveLength(2)
  })

  it("matches names as whole words only", () => {
    expect(mentions("payments-api keeps restarting", "payments-api")).toBe(true)
    expect(mentions("payments-api-worker is fine", "payments-api")).toBe(false)
    expect(mentions("api down", "api")).toBe(false)
    expect(normalName("  Payments  API ")).toBe("payments api")
    expect(normalName("   ")).toBeNull()
  })
})
