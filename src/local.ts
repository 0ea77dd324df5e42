/**
 * `npm start`: the demo (a scenario replayed through the whole path, the thread printed) or,
 * with `--serve`, the long-running service. Flags: src/cli/start-args.ts.
 */
import { Effect, LogLevel } from "effect"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { parseStartArgs, startUsage } from "./cli/start-args.js"
import { runDemo } from "./cli/start-demo.js"
import { serveWorld } from "./cli/start-world.js"
import { redact } from "./domain/redact.js"
import { loadAgentConfig } from "./layers.js"

const err = (s: string) => process.stderr.write(s)
const args = parseStartArgs(process.argv.slice(2), process.env)
if (typeof args === "string") {
  err(`${args}\n${startUsage}\n`)
  process.exit(2)
}
if (args.mode === "help") {
  process.stdout.write(`${startUsage}\n`)
  process.exit(0)
}
const logger = jsonLoggerLayer(args.verbose ? LogLevel.Info : LogLevel.Warning, redact)
const code = await Effect.runPromise(
  Effect.gen(function* () {
    const config = yield* loadAgentConfig(process.env.CONFIG_PATH ?? "config.yaml")
    return args.mode === "demo"
      ? yield* runDemo(args, config, { out: (s) => process.stdout.write(s), err }).pipe(Effect.as(0))
      : yield* Effect.promise(() => serveWorld(args, config, process.env, logger, err))
  }).pipe(Effect.provide(logger)),
).catch((e: unknown) => {
  err(`${e instanceof Error ? e.message : String(e)}\n`)
  return 1
})
// Exit now: a demo does not wait for the late-results window, and a stopped service is done.
process.exit(code)
