/** `npm run cli -- <command>`: the same domain, driven from the shell. */
import { Effect, LogLevel } from "effect"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { runClassify } from "./cli/classify.js"
import { runSynthetic, syntheticUsage } from "./cli/run-synthetic.js"
import { loadConfig } from "./layers.js"

const usage = `usage: npm run --silent cli -- <command>

  classify    JSON lines on stdin ({"text": …, "trigger"?: …}) → one verdict per line on stdout
  synthetic   send a correctly signed webhook to a running service

${syntheticUsage}`

const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const [command, ...rest] = argv
  switch (command) {
    case "classify": {
      // Logs go to stderr: stdout carries exactly one JSON line per input line.
      const config = await Effect.runPromise(
        loadConfig(process.env.CONFIG_PATH ?? "config.yaml").pipe(
          Effect.provide(jsonLoggerLayer(LogLevel.Warning)),
        ),
      )
      await runClassify(config.classifier, process.stdin, (line) => process.stdout.write(`${line}\n`))
      return 0
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
