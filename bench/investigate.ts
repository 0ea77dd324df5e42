/**
 * bench/investigate — every public scenario through the whole path in deterministic mode (no
 * model), as `cli investigate` runs it: signed webhook → intake → queue → master → agents over
 * the replay servers → report released.
 *
 * Per scenario:
 *   wall         from the start of the run (replay servers up) to the report's release
 *   invest.      the investigation itself: the master's start to the report's release (the
 *                report footer's duration)
 *   slowest      the slowest agent's own time, as the master measured its call
 *   fan-out      invest. ÷ slowest: what selecting, fanning out, waiting, correlating, rendering
 *                and posting add on top of the agent that had to be waited for. Target ≤ 1.1×.
 *
 * Then every scenario at once (one process, all concurrently): the same ratios under load, and
 * the batch's wall time against the sum of the sequential walls.
 *
 *   npm run bench:investigate                    5 rounds (≈ 30 s on 2 cores)
 *   npm run bench:investigate -- --rounds 20     more rounds
 *   npm run bench:investigate -- --scenarios DIR another directory of scenarios
 */
import { cpus, loadavg } from "node:os"
import { Effect } from "effect"
import { loadConfigFile } from "../src/adapters/local/config-file.js"
import { scenarioFiles } from "../src/cli/eval.js"
import type { AppConfig } from "../src/domain/config.js"
import { loadScenarioFile, type Scenario } from "../src/replay/scenario.js"
import { runScenario } from "../src/replay/scenario-run.js"

interface Sample {
  readonly wallMs: number
  readonly investigationMs: number
  readonly slowestMs: number
  readonly slowest: string
}

const usage = "usage: npm run bench:investigate [-- --rounds N] [--scenarios DIR]"

const parseArgs = (argv: ReadonlyArray<string>) => {
  let rounds = 5
  let dir = "examples/scenarios"
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === "--rounds" && value !== undefined && Number.isInteger(Number(value)) && Number(value) > 0) {
      rounds = Number(value)
      i++
    } else if (arg === "--scenarios" && value !== undefined) {
      dir = value
      i++
    } else {
      process.stderr.write(`${usage}\n`)
      process.exit(arg === "--help" ? 0 : 2)
    }
  }
  return { rounds, dir }
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length === 0
    ? Number.NaN
    : s.length % 2 === 1
      ? (s[mid] ?? 0)
      : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

const once = (scenario: Scenario, config: AppConfig): Effect.Effect<Sample | null, Error> =>
  Effect.scoped(runScenario(scenario, { config })).pipe(
    Effect.map((run) => {
      if (run.report === null) return null
      const agents = run.report.evidence.filter((b) => b.status !== "skipped" && b.status !== "disabled")
      const slowest = agents.reduce<(typeof agents)[number] | null>(
        (a, b) => (a === null || b.durationMs > a.durationMs ? b : a),
        null,
      )
      return {
        wallMs: run.durationMs,
        investigationMs: run.report.footer.durationMs,
        slowestMs: slowest?.durationMs ?? 0,
        slowest: slowest?.agent ?? "-",
      }
    }),
  )

const row = (name: string, samples: ReadonlyArray<Sample>) => {
  const ratio = median(samples.map((s) => s.investigationMs / Math.max(1, s.slowestMs)))
  return {
    name,
    wall: median(samples.map((s) => s.wallMs)),
    investigation: median(samples.map((s) => s.investigationMs)),
    slowest: median(samples.map((s) => s.slowestMs)),
    agent: samples[0]?.slowest ?? "-",
    ratio,
  }
}

const print = (title: string, rows: ReadonlyArray<ReturnType<typeof row>>) => {
  const width = Math.max(8, ...rows.map((r) => r.name.length))
  process.stdout.write(`\n${title}\n`)
  process.stdout.write(
    `${"scenario".padEnd(width)}  ${"wall ms".padStart(8)}  ${"invest. ms".padStart(10)}  ${"slowest ms".padStart(10)}  ${"(agent)".padEnd(16)}  fan-out\n`,
  )
  for (const r of rows)
    process.stdout.write(
      `${r.name.padEnd(width)}  ${r.wall.toFixed(0).padStart(8)}  ${r.investigation.toFixed(0).padStart(10)}  ${r.slowest.toFixed(0).padStart(10)}  ${r.agent.padEnd(16)}  ${r.ratio.toFixed(3)}×\n`,
    )
  const ratios = rows.map((r) => r.ratio)
  process.stdout.write(
    `median fan-out ${median(ratios).toFixed(3)}×, worst ${Math.max(...ratios).toFixed(3)}× (target ≤ 1.1×)\n`,
  )
}

const main = Effect.gen(function* () {
  const { rounds, dir } = parseArgs(process.argv.slice(2))
  const config = yield* loadConfigFile("config.yaml")
  const files = yield* scenarioFiles(dir)
  const scenarios = yield* Effect.forEach(files, loadScenarioFile)
  process.stdout.write(
    `bench/investigate: ${scenarios.length} scenarios from ${dir}, ${rounds} rounds; node ${process.version}, ${cpus().length} cpus, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}\n`,
  )
  // Warm-up: module loading, JIT, first sockets.
  yield* Effect.forEach(scenarios, (s) => once(s, config), { discard: true })

  const sequential = new Map<string, Array<Sample>>()
  for (let round = 0; round < rounds; round++) {
    for (const s of scenarios) {
      const sample = yield* once(s, config)
      if (sample !== null) sequential.set(s.name, [...(sequential.get(s.name) ?? []), sample])
    }
  }
  print(
    "one at a time (median of rounds)",
    [...sequential].map(([name, samples]) => row(name, samples)),
  )

  const concurrent = new Map<string, Array<Sample>>()
  const batchWalls: Array<number> = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    const samples = yield* Effect.forEach(scenarios, (s) => once(s, config), { concurrency: "unbounded" })
    batchWalls.push(performance.now() - started)
    samples.forEach((sample, i) => {
      const name = scenarios[i]?.name
      if (sample !== null && name !== undefined)
        concurrent.set(name, [...(concurrent.get(name) ?? []), sample])
    })
  }
  print(
    `all ${scenarios.length} at once (median of rounds)`,
    [...concurrent].map(([name, samples]) => row(name, samples)),
  )
  const sumSequential = [...sequential.values()].reduce(
    (sum, samples) => sum + median(samples.map((s) => s.wallMs)),
    0,
  )
  const batch = median(batchWalls)
  process.stdout.write(
    `batch wall ${batch.toFixed(0)} ms vs ${sumSequential.toFixed(0)} ms one after another: ${(batch / sumSequential).toFixed(3)}× of the sequential time\n`,
  )
})

Effect.runPromise(main).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
