/**
 * `cli eval --scenarios DIR`: every scenario in DIR through the whole path, scored with
 * FORMAT.md's rules; prints a pass/fail table (the failed checks under each failing row) and
 * the score. Scenarios run one after another so each gets the machine to itself and its
 * timings mean something.
 */
import { readdir } from "node:fs/promises"
import { join } from "node:path"
import { Effect } from "effect"
import type { AppConfig } from "../domain/config.js"
import { loadScenarioFile } from "../replay/scenario.js"
import { runScenario } from "../replay/scenario-run.js"
import { type Score, scoreRun } from "../replay/score.js"

export const evalUsage = `usage: npm run --silent cli -- eval --scenarios DIR [--json]

Runs every *.yaml in DIR and scores it (scenarios/FORMAT.md): a pass/fail table, then the score.
--json prints one JSON object per scenario instead, then the summary.`

export interface EvalArgs {
  readonly dir: string
  readonly json: boolean
}

export const parseEvalArgs = (args: ReadonlyArray<string>): EvalArgs | string => {
  let dir: string | undefined
  let json = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const value = args[i + 1]
    if (arg === "--json") json = true
    else if (arg === "--scenarios" && value !== undefined) {
      dir = value
      i++
    } else return `bad argument: ${arg}`
  }
  return dir === undefined ? "--scenarios DIR is required" : { dir, json }
}

export interface EvalRow {
  readonly file: string
  readonly name: string
  readonly score: Score
  readonly durationMs: number
  /** Set when the scenario could not be loaded or run: a failure of its own. */
  readonly error: string | null
}

const runOne = (file: string, config: AppConfig): Effect.Effect<EvalRow> =>
  Effect.scoped(
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(file)
      const run = yield* runScenario(scenario, { config })
      return {
        file,
        name: scenario.name,
        score: scoreRun(scenario.expect, run),
        durationMs: run.durationMs,
        error: null,
      }
    }),
  ).pipe(
    Effect.catchAll((e) =>
      Effect.succeed({
        file,
        name: file,
        score: { pass: false, checks: [] },
        durationMs: 0,
        error: e.message,
      }),
    ),
  )

export const scenarioFiles = (dir: string) =>
  Effect.tryPromise({
    try: () => readdir(dir),
    catch: (e) => new Error(`cannot read ${dir}: ${e instanceof Error ? e.message : String(e)}`),
  }).pipe(
    Effect.map((names) =>
      names
        .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
        .sort()
        .map((n) => join(dir, n)),
    ),
  )

export const evalTable = (rows: ReadonlyArray<EvalRow>): string => {
  const width = Math.max(8, ...rows.map((r) => r.name.length))
  const lines = rows.flatMap((r) => {
    const head = `${r.score.pass ? "PASS" : "FAIL"}  ${r.name.padEnd(width)}  ${(r.durationMs / 1000).toFixed(1).padStart(5)} s`
    const why =
      r.error !== null
        ? [`        ${r.error.split("\n").join("\n        ")}`]
        : r.score.checks.filter((c) => !c.ok).map((c) => `        ✗ ${c.name}: ${c.detail}`)
    return [head, ...why]
  })
  const passed = rows.filter((r) => r.score.pass).length
  const share = rows.length === 0 ? 0 : passed / rows.length
  return [...lines, "", `score: ${passed}/${rows.length} = ${share.toFixed(2)}`].join("\n")
}

export const evaluate = (args: EvalArgs, config: AppConfig, out: (line: string) => void) =>
  Effect.gen(function* () {
    const files = yield* scenarioFiles(args.dir)
    if (files.length === 0) return yield* Effect.fail(new Error(`no *.yaml scenarios in ${args.dir}`))
    const rows: Array<EvalRow> = []
    for (const file of files) {
      const row = yield* runOne(file, config)
      rows.push(row)
      if (args.json)
        out(
          JSON.stringify({
            scenario: row.name,
            file: row.file,
            pass: row.score.pass,
            error: row.error,
            failed: row.score.checks.filter((c) => !c.ok),
            durationMs: row.durationMs,
          }),
        )
    }
    const passed = rows.filter((r) => r.score.pass).length
    if (args.json) out(JSON.stringify({ passed, total: rows.length, score: passed / rows.length }))
    else out(evalTable(rows))
    return { passed, total: rows.length }
  })
