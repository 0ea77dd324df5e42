/**
 * `npm start` (no flags): the demo. One scenario (the OOM-after-deploy one unless `--scenario`)
 * replayed on fresh in-memory stores: its alert is posted as a signed webhook to the local
 * service over a real loopback socket (an ephemeral port unless PORT is set), the agents read
 * the scenario's cluster, logs and channels from the replay servers, and the thread is printed
 * as it was posted. Nothing leaves the machine: every endpoint is a loopback replay and the
 * machine's kubeconfig and AWS credentials are never read.
 */
import { Effect, LogLevel } from "effect"
import type { AppConfig } from "../domain/config.js"
import { loadScenarioFile } from "../replay/scenario.js"
import { threadText } from "../replay/scenario-output.js"
import { runScenario } from "../replay/scenario-run.js"

export const defaultDemoScenario = "examples/scenarios/oom-after-deploy.yaml"

export interface DemoOptions {
  readonly scenario: string
  readonly port: number
  readonly verbose: boolean
}

export const runDemo = (
  options: DemoOptions,
  config: AppConfig,
  io: { readonly out: (s: string) => void; readonly err: (s: string) => void },
) =>
  Effect.scoped(
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(options.scenario)
      io.err(`replaying ${options.scenario} (${scenario.description})\n`)
      const run = yield* runScenario(scenario, {
        config,
        serve: { port: options.port },
        log: (line) => io.err(`${line}\n`),
        logLevel: options.verbose ? LogLevel.Info : LogLevel.Warning,
      })
      const title = `${scenario.alert.channel_name ?? scenario.alert.channel} · ${scenario.alert.platform} thread of ${scenario.alert.author}'s alert`
      io.out(`${threadText(run.messages, title)}\n`)
      const outcome =
        run.report === null
          ? "gated: the message did not look like an alert, so only the nudge was posted"
          : `report released after ${(run.durationMs / 1000).toFixed(1)} s (${run.report.evidence.length} agents)`
      io.err(`\n${outcome}\n`)
      return run
    }),
  )
