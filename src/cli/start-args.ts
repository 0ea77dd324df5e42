/** The flags of `npm start` (DESIGN.md §6). */
import { defaultDemoScenario } from "./start-demo.js"

export const startUsage = `usage: npm start [-- [--scenario FILE] [--serve [--live]] [--port N] [--verbose]]

  (no flags)          the demo: ${defaultDemoScenario} replayed through the whole path on
                      fresh in-memory stores, the thread printed, exit 0. Never touches the network.
  --scenario FILE     replay FILE instead (scenarios/FORMAT.md)
  --serve             the long-running service on 127.0.0.1:\${PORT:-3000}, state under .sre-on-call/;
                      chat is real when SLACK_BOT_TOKEN / DISCORD_BOT_TOKEN are set. Agents read:
                        with --scenario FILE  the scenario's replayed world, on its clock
                        with --live           the real backends (kubeconfig, AWS credentials, PROMETHEUS_URL)
                        otherwise             nothing: they answer "unhealthy: not configured"
  --port N            port (default: PORT, else ephemeral for the demo and 3000 for --serve)
  --verbose           log lines (JSON, stderr) from info level`

export type StartArgs =
  | { readonly mode: "help" }
  | { readonly mode: "demo"; readonly scenario: string; readonly port: number; readonly verbose: boolean }
  | {
      readonly mode: "serve"
      readonly scenario: string | null
      readonly live: boolean
      readonly port: number
      readonly verbose: boolean
    }

export const parseStartArgs = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): StartArgs | string => {
  let scenario: string | null = null
  let serve = false
  let live = false
  let verbose = false
  let port: number | null = env.PORT === undefined || env.PORT === "" ? null : Number(env.PORT)
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === "--help" || arg === "-h") return { mode: "help" }
    if (arg === "--serve") serve = true
    else if (arg === "--live") live = true
    else if (arg === "--verbose") verbose = true
    else if (arg === "--scenario" && value !== undefined) {
      scenario = value
      i++
    } else if (arg === "--port" && value !== undefined) {
      port = Number(value)
      i++
    } else return `unknown argument: ${arg}`
  }
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) return `invalid port: ${port}`
  if (live && !serve) return "--live goes with --serve (the demo always replays)"
  if (live && scenario !== null)
    return "--live and --scenario are exclusive: real backends or a replayed world"
  return serve
    ? { mode: "serve", scenario, live, port: port ?? 3000, verbose }
    : { mode: "demo", scenario: scenario ?? defaultDemoScenario, port: port ?? 0, verbose }
}
