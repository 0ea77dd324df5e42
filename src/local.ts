/**
 * `npm start`: the service on this machine. Until the scenario demo lands (a later issue) plain
 * `npm start` and `npm start -- --serve` both serve the intake routes on 127.0.0.1:${PORT:-3000}
 * with file-backed state under .sre-on-call/ and secrets from the environment.
 */
import { serve } from "@hono/node-server"
import { Effect, Layer, LogLevel, ManagedRuntime } from "effect"
import { makeHttpApp } from "./adapters/http/app.js"
import { jsonLoggerLayer } from "./adapters/log/json-logger.js"
import { redact } from "./domain/redact.js"
import { checkSlackToken, loadConfig, localServeLayer } from "./layers.js"

const usage = `usage: npm start [-- --serve] [--port N]

Serves POST /slack/events, POST /slack/commands, POST /discord/interactions and GET /healthz
on 127.0.0.1 (PORT, default 3000). Environment: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN,
DISCORD_PUBLIC_KEY, DISCORD_BOT_TOKEN (values or Secrets Manager ARNs), CONFIG_PATH,
SLACK_API_URL / DISCORD_API_URL (API base overrides).`

const parsePort = (args: ReadonlyArray<string>): number => {
  let port = Number(process.env.PORT ?? 3000)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === "--serve") continue
    if (arg === "--port") {
      port = Number(args[++i])
      continue
    }
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${usage}\n`)
      process.exit(0)
    }
    process.stderr.write(`unknown argument: ${arg}\n${usage}\n`)
    process.exit(2)
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid port: ${port}\n`)
    process.exit(2)
  }
  return port
}

const port = parsePort(process.argv.slice(2))
const env = process.env
const logger = jsonLoggerLayer(LogLevel.Info, redact)
const config = await Effect.runPromise(
  loadConfig(env.CONFIG_PATH ?? "config.yaml").pipe(Effect.provide(logger)),
).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
const slackApiUrl = env.SLACK_API_URL || undefined
const identity = await Effect.runPromise(checkSlackToken(env, slackApiUrl)).catch((e: unknown) => {
  process.stderr.write(
    `SLACK_BOT_TOKEN is set but auth.test failed: ${e instanceof Error ? e.message : String(e)}\n`,
  )
  process.exit(1)
})
// provideMerge, not merge: fibers forked while the layers are built (the dispatch worker) must log here too.
const runtime = ManagedRuntime.make(
  Layer.provideMerge(
    localServeLayer({
      config,
      env,
      stateDir: ".sre-on-call",
      chat: {
        ...(slackApiUrl === undefined ? {} : { slackApiUrl }),
        ...(env.DISCORD_API_URL ? { discordApiUrl: env.DISCORD_API_URL } : {}),
        ...(identity === null ? {} : { slackIdentity: { userId: identity.userId, botId: identity.botId } }),
      },
    }),
    logger,
  ),
)
// Build now, so a bad state directory fails at start rather than on the first alert.
await runtime.runtime()
const app = makeHttpApp(runtime, { bodyLimitBytes: config.limits.request_body_bytes })
const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) => {
  const configured = [
    "SLACK_SIGNING_SECRET",
    "SLACK_BOT_TOKEN",
    "DISCORD_PUBLIC_KEY",
    "DISCORD_BOT_TOKEN",
  ].map((name) => `${name}=${(env[name] ?? "").trim() === "" ? "unset" : "set"}`)
  process.stderr.write(
    [
      `sre-on-call intake listening on http://127.0.0.1:${info.port}`,
      "  POST /slack/events  POST /slack/commands  POST /discord/interactions  GET /healthz",
      `  ${configured.join("  ")}${identity === null ? "" : `  (Slack bot ${identity.userId} in ${identity.team})`}`,
      "  Routes whose secret is unset answer 503 naming the variable.",
      `  Try: SLACK_SIGNING_SECRET=… npm run cli -- synthetic --platform slack --url http://127.0.0.1:${info.port} --text "checkout returning 502s"`,
      "",
    ].join("\n"),
  )
})
server.on("error", (e: NodeJS.ErrnoException) => {
  process.stderr.write(
    e.code === "EADDRINUSE"
      ? `port ${port} is already in use: stop the other process or set PORT (e.g. PORT=3001 npm start)\n`
      : `cannot serve on 127.0.0.1:${port}: ${e.message}\n`,
  )
  void runtime.dispose().then(() => process.exit(1))
})
const shutdown = () => {
  server.close()
  void runtime.dispose().then(() => process.exit(0))
}
process.on("SIGINT", shutdown)
process.on("SIGTERM", shutdown)
