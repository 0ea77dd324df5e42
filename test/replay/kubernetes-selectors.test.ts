/**
 * Selector laws, over generated labels and selectors (fast-check, fixed seeds): a rendered
 * requirement parses back to itself; `!=` is the negation of `=`, `notin` of `in`, `!k` of `k`;
 * a conjunction matches exactly when each of its parts does. Plus the parse errors a real API
 * server gives.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  type LabelRequirement,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  supportedFieldPaths,
} from "../../src/replay/kubernetes-selectors.js"

const run = { seed: 20261127, numRuns: 300 } as const

const word = fc.constantFrom("app", "tier", "track", "example.com/team", "env")
const value = fc.constantFrom("api", "web", "canary", "stable", "prod", "a.b-c_d")
const labels = fc.dictionary(word, value, { maxKeys: 4 })

const requirement: fc.Arbitrary<LabelRequirement> = fc.oneof(
  fc.record({ op: fc.constantFrom("eq" as const, "ne" as const), key: word, value }),
  fc.record({
    op: fc.constantFrom("in" as const, "notin" as const),
    key: word,
    values: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ op: fc.constantFrom("exists" as const, "absent" as const), key: word }),
)

const render = (r: LabelRequirement): string => {
  switch (r.op) {
    case "eq":
      return `${r.key}=${r.value}`
    case "ne":
      return `${r.key}!=${r.value}`
    case "in":
      return `${r.key} in (${r.values.join(",")})`
    case "notin":
      return `${r.key} notin (${r.values.join(", ")})`
    case "exists":
      return r.key
    case "absent":
      return `!${r.key}`
  }
}

const negate = (r: LabelRequirement): LabelRequirement => {
  switch (r.op) {
    case "eq":
      return { ...r, op: "ne" }
    case "ne":
      return { ...r, op: "eq" }
    case "in":
      return { ...r, op: "notin" }
    case "notin":
      return { ...r, op: "in" }
    case "exists":
      return { ...r, op: "absent" }
    case "absent":
      return { ...r, op: "exists" }
  }
}

describe("label selectors", () => {
  it("rendered requirements parse back to themselves (seed 20261127)", () => {
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 4 }), (rs) => {
        expect(parseLabelSelector(rs.map(render).join(","))).toEqual({ ok: true, value: rs })
      }),
      run,
    )
  })

  it("each operator is the negation of its pair, and a conjunction is every part (seed 20261127)", () => {
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 3 }), labels, (rs, ls) => {
        for (const r of rs) expect(matchesLabels([negate(r)], ls)).toBe(!matchesLabels([r], ls))
        expect(matchesLabels(rs, ls)).toBe(rs.every((r) => matchesLabels([r], ls)))
      }),
      run,
    )
  })

  it("rejects what the API server rejects", () => {
    for (const bad of ["app in api", "app=(x)", "=x", "app==a b"])
      expect(parseLabelSelector(bad).ok).toBe(false)
    expect(parseLabelSelector("")).toEqual({ ok: true, value: [] })
  })
})

describe("field selectors", () => {
  it("accepts the kind's fields, with escaped commas in values", () => {
    expect(
      parseFieldSelector("involvedObject.name=a\\,b,type!=Normal", supportedFieldPaths("Event")),
    ).toEqual({
      ok: true,
      value: [
        { op: "eq", path: "involvedObject.name", value: "a,b" },
        { op: "ne", path: "type", value: "Normal" },
      ],
    })
    expect(parseFieldSelector("spec.nodeName=n1", supportedFieldPaths("Event"))).toEqual({
      ok: false,
      message: "field label not supported: spec.nodeName",
    })
    expect(parseFieldSelector("nonsense", supportedFieldPaths("Pod")).ok).toBe(false)
  })
})
