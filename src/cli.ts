/** `npm run cli -- <command>`: the same domain, driven from the shell. */
import { Effect, LogLevel } from "effect"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { runClassify } from "./cli/classify.js"
import { evalUsage, evaluate, parseEvalArgs } from "./cli/eval.js"
import { investigate, investigateUsage, parseInvestigateArgs } from "./cli/investigate.js"
import { runSynthetic, syntheticUsage } from "./cli/run-synthetic.js"
import { loadAgentConfig } from "./layers.js"

const usage = `usage: npm run --silent cli -- <command>

  classify    JSON lines on stdin ({"text": …, "trigger"?: …}) → one verdict per line on stdout
  synthetic   send a correctly signed webhook to a running service
  investigate replay one scenario through the whole path and print the report
  eval        replay every scenario in a directory and print the score

${syntheticUsage}

${investigateUsage}

${evalUsage}`

// Logs go to stderr, so stdout carries only the result.
const config = () =>
  Effect.runPromise(
    loadAgentConfig(process.env.CONFIG_PATH ?? "config.yaml").pipe(
      Effect.provide(jsonLoggerLayer(LogLevel.Warning)),
    ),
  )

const badArgs = (message: string, help: string) => {
  process.stderr.write(`${message}\n${help}\n`)
  return 2
}

const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const [command, ...rest] = argv
  switch (command) {
    case "classify": {
      const { classifier } = await config()
      await runClassify(classifier, process.stdin, (line) => process.stdout.write(`${line}\n`))
      return 0
    }
    case "investigate": {
      const args = parseInvestigateArgs(rest)
      if (typeof args === "string") return badArgs(args, investigateUsage)
      await Effect.runPromise(
        investigate(args, await config(), {
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
        }),
      )
      return 0
    }
    case "eval": {
      const args = parseEvalArgs(rest)
      if (typeof args === "string") return badArgs(args, evalUsage)
      const { passed, total } = await Effect.runPromise(
        evaluate(args, await config(), (line) => process.stdout.write(`${line}\n`)),
      )
      return passed === total ? 0 : 1
    }
    case "synthetic":
      return runSynthetic(rest, process.env)
    case "--help":
    case "-h":
    case undefined:
      process.stdout.write(`${usage}\n`)
      return command === undefined ? 2 : 0
    default:
      process.stderr.write(`unknown command: ${command}\n${usage}\n`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
