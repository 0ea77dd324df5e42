/**
 * AgentCore session ids: always 33–256 characters of a safe alphabet (W16), deterministic, and
 * distinct per agent and per investigation; a UUID investigation id stays readable.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { maxSessionIdLength, minSessionIdLength, sessionIdFor } from "../../../src/adapters/a2a/session-id.js"

describe("sessionIdFor", () => {
  it("pads a short investigation id to at least 33 characters, deterministically", () => {
    const id = sessionIdFor("inv-1", "eks")
    expect(id.length).toBeGreaterThanOrEqual(minSessionIdLength)
    expect(id).toMatch(/^inv-1-eks-[0-9a-f]{40}$/)
    expect(sessionIdFor("inv-1", "eks")).toBe(id)
    expect(sessionIdFor("inv-1", "master")).not.toBe(id)
    expect(sessionIdFor("inv-2", "eks")).not.toBe(id)
  })

  it("keeps a UUID-based id readable", () => {
    expect(sessionIdFor("0b6f3c1e-8d2a-4f7b-9c1d-2e3f4a5b6c7d", "cloudwatch_logs")).toBe(
      "0b6f3c1e-8d2a-4f7b-9c1d-2e3f4a5b6c7d-cloudwatch_logs",
    )
  })

  it("is always 33–256 safe characters, and injective in practice (seed 4242)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600, unit: "binary" }), fc.string({ maxLength: 600 }), (a, b) => {
        const x = sessionIdFor(a, "prometheus")
        expect(x.length).toBeGreaterThanOrEqual(minSessionIdLength)
        expect(x.length).toBeLessThanOrEqual(maxSessionIdLength)
        expect(x).toMatch(/^[A-Za-z0-9._-]+$/)
        if (a !== b) expect(sessionIdFor(b, "prometheus")).not.toBe(x)
      }),
      { seed: 4242, numRuns: 300 },
    )
  })
})
