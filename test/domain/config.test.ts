import { readFileSync } from "node:fs"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { parseConfigText } from "../../src/adapters/local/config-file.js"
import { decodeConfig, defaultConfig } from "../../src/domain/config.js"

const problems = (doc: unknown): ReadonlyArray<string> => {
  const r = decodeConfig(doc)
  return Either.isLeft(r) ? r.left.problems : []
}

describe("config.yaml", () => {
  it("the repository's config.yaml decodes, and spells out exactly the embedded defaults", () => {
    const r = parseConfigText(readFileSync("config.yaml", "utf8"), "config.yaml")
    expect(Either.isRight(r)).toBe(true)
    expect(Either.getOrThrow(r)).toEqual(defaultConfig)
  })

  it("an empty document means the embedded defaults", () => {
    expect(Either.getOrThrow(decodeConfig(null))).toEqual(defaultConfig)
    expect(defaultConfig.windows.evidence_before_minutes).toBe(30)
    expect(defaultConfig.budgets.report_deadline_s).toBe(60)
    expect(defaultConfig.limits.request_body_bytes).toBe(1_048_576)
  })

  it("names the path of an unknown key, at any depth", () => {
    expect(problems({ agents: { eks: { enabeld: true } } })).toEqual([
      expect.stringMatching(/^agents\.eks\.enabeld: is unexpected/),
    ])
    expect(problems({ clasifier: {} })[0]).toMatch(/^clasifier: is unexpected/)
    expect(problems({ agents: { grafana: {} } })[0]).toMatch(/^agents\.grafana: is unexpected/)
    expect(problems({ channels: { slack: [{ id: "C1", nam: "x" }] } })[0]).toMatch(
      /^channels\.slack\[0\]\.nam: is unexpected/,
    )
  })

  it("names the path of a wrong value and reports every problem at once", () => {
    const ps = problems({ windows: { evidence_before_minutes: -5 }, agents: { eks: { runtime: "lambda" } } })
    expect(ps.some((p) => p.startsWith("windows.evidence_before_minutes:"))).toBe(true)
    expect(ps.some((p) => p.startsWith("agents.eks.runtime:"))).toBe(true)
  })

  it("refuses to disable the master", () => {
    expect(problems({ agents: { master: { enabled: false } } })[0]).toMatch(/master.*cannot be disabled/)
  })

  it("reports YAML syntax errors and duplicate keys with the file name", () => {
    const bad = parseConfigText(
      "windows:\n  evidence_before_minutes: 30\n  evidence_before_minutes: 40\n",
      "x.yaml",
    )
    expect(Either.isLeft(bad) && bad.left.message).toMatch(/x\.yaml is invalid[\s\S]*unique/i)
    const broken = parseConfigText("agents: [\n", "y.yaml")
    expect(Either.isLeft(broken) && broken.left.source).toBe("y.yaml")
  })
})
