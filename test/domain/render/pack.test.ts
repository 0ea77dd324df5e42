/**
 * Splitting text to a limit loses nothing and breaks nothing: every piece fits, the content
 * survives in order, a hard wrap prefers a space and never cuts an entity, a link or a code
 * point, and sections stay whole when they fit.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { discordDialect, slackDialect } from "../../../src/domain/render/markup.js"
import { hardWrap, packSections } from "../../../src/domain/render/pack.js"

const atom = slackDialect.atom
const squash = (s: string) => s.replace(/\s+/g, "")

describe("hardWrap", () => {
  it("a line that fits is one piece", () => {
    expect(hardWrap("short line", 20, atom)).toEqual(["short line"])
  })

  it("breaks at the last space in the second half of the limit", () => {
    expect(hardWrap("aaaa bbbb cccc dddd", 12, atom)).toEqual(["aaaa bbbb ", "cccc dddd"])
  })

  it("never cuts an entity, a link or an emoji", () => {
    const line = `${"x".repeat(8)}&amp;<https://e.x/a|view>🚀🚀`
    for (const max of [20, 21, 24, 27, 30]) {
      const pieces = hardWrap(line, max, atom)
      expect(pieces.join("")).toBe(line)
      expect(pieces.filter((p) => p.includes("&")).every((p) => p.includes("&amp;"))).toBe(true)
      expect(pieces.filter((p) => p.includes("<")).every((p) => p.includes("<https://e.x/a|view>"))).toBe(
        true,
      )
    }
    expect(hardWrap("🚀🚀🚀", 3, atom)).toEqual(["🚀", "🚀", "🚀"])
  })

  it("property (seed 7): pieces fit, keep the content in order, and cut no entity, link or surrogate pair", () => {
    const unit = fc.oneof(
      fc.constantFrom("&amp;", "&lt;", "&gt;", " ", "  ", "<https://e.x/p?a=1&amp;b=2|view>", "🚀", "é"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }).map((s) => s.replace(/[&<>]/g, "")),
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 300 }), fc.integer({ min: 40, max: 400 }), (units, max) => {
        const line = units.join("")
        const pieces = hardWrap(line, max, atom)
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max)
          expect(/&(?!amp;|lt;|gt;)/.test(p)).toBe(false)
          expect(/<(?![^<>]*>)/.test(p) || /^[^<]*>/.test(p)).toBe(false)
          expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)).toBe(false)
        }
        expect(squash(pieces.join(""))).toBe(squash(line))
      }),
      { seed: 7, numRuns: 300 },
    )
  })

  it("a unit longer than the limit is cut by code points and still progresses", () => {
    const link = `[view](<https://e.x/${"a".repeat(50)}>)`
    const pieces = hardWrap(link, 20, discordDialect.atom)
    expect(pieces.join("")).toBe(link)
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(20)
  })
})

describe("packSections", () => {
  it("joins sections with a blank line while they fit, and starts a new chunk for one that does not", () => {
    expect(packSections([["a", "b"], ["c"]], 20, atom)).toEqual(["a\nb\n\nc"])
    expect(
      packSections(
        [
          ["aaaa", "bbbb"],
          ["cccc", "dddd"],
        ],
        12,
        atom,
      ),
    ).toEqual(["aaaa\nbbbb", "cccc\ndddd"])
  })

  it("a section longer than a chunk flows line by line", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`)
    const chunks = packSections([lines], 20, atom)
    expect(chunks).toEqual([
      "line 0\nline 1\nline 2",
      "line 3\nline 4\nline 5",
      "line 6\nline 7\nline 8",
      "line 9",
    ])
  })

  it("property (seed 11): chunks fit, are never blank, and keep every line's content in order", () => {
    const line = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 120 }),
      fc.constant(""),
      fc.constant("y".repeat(500)),
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(line, { maxLength: 12 }), { maxLength: 12 }),
        fc.integer({ min: 50, max: 600 }),
        (sections, max) => {
          const chunks = packSections(sections, max, atom)
          for (const c of chunks) {
            expect(c.length).toBeLessThanOrEqual(max)
            expect(c.trim()).not.toBe("")
          }
          expect(squash(chunks.join(""))).toBe(squash(sections.flat().join("")))
        },
      ),
      { seed: 11, numRuns: 300 },
    )
  })
})
