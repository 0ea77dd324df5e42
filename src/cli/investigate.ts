/**
 * `cli investigate --scenario FILE --format json|slack|discord|text`: one scenario through the
 * whole path (signed webhook → intake → queue → master → agents over replay). stdout carries
 * only the result, printed as soon as the report is released; logs go to stderr.
 */
import { Effect, LogLevel } from "effect"
import type { AppConfig } from "../domain/config.js"
import { presenterFor } from "../domain/presenter.js"
import type { ChatMessage } from "../ports/chat-platform.js"
import { loadScenarioFile } from "../replay/scenario.js"
import { jsonContract, threadText } from "../replay/scenario-output.js"
import { runScenario, type ScenarioRun } from "../replay/scenario-run.js"

export const investigateUsage = `usage: npm run --silent cli -- investigate --scenario FILE [--format json|slack|discord|text]

Replays FILE (scenarios/FORMAT.md) through the whole path and prints the result: json (default)
is the report contract, one object; slack / discord print the messages as posted (Block Kit /
Discord message JSON), one per line; text prints the thread as a person reads it.`

export type OutputFormat = "json" | "slack" | "discord" | "text"

export interface InvestigateArgs {
  readonly scenario: string
  readonly format: OutputFormat
  readonly verbose: boolean
}

export const parseInvestigateArgs = (args: ReadonlyArray<string>): InvestigateArgs | string => {
  let scenario: string | undefined
  let format: OutputFormat = "json"
  let verbose = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const value = args[i + 1]
    if (arg === "--verbose") {
      verbose = true
    } else if (arg === "--scenario" && value !== undefined) {
      scenario = value
      i++
    } else if (arg === "--format" && value !== undefined) {
      if (value !== "json" && value !== "slack" && value !== "discord" && value !== "text")
        return `--format must be json, slack, discord or text (got ${value})`
      format = value
      i++
    } else {
      return `bad argument: ${arg}`
    }
  }
  return scenario === undefined ? "--scenario FILE is required" : { scenario, format, verbose }
}

const wireBody = (platform: "slack" | "discord", m: ChatMessage): unknown =>
  platform === "slack"
    ? { text: m.text, ...(m.blocks === undefined ? {} : { blocks: m.blocks }) }
    : { content: m.text }

/**
 * The lines to print. Slack/Discord formats print what was posted when the scenario is on that
 * platform; for the other platform the report is rendered as it would have been posted there.
 */
export const formatRun = (
  run: ScenarioRun,
  format: OutputFormat,
  config: AppConfig,
): ReadonlyArray<string> => {
  switch (format) {
    case "json":
      return [jsonContract(run)]
    case "text":
      return [threadText(run.messages, `${run.scenario.name} · ${run.scenario.alert.platform}`)]
    case "slack":
    case "discord": {
      if (run.scenario.alert.platform === format) return run.messages.map((m) => JSON.stringify(m.body))
      if (run.report === null)
        return run.nudge === null ? [] : [JSON.stringify(wireBody(format, { text: run.nudge }))]
      return presenterFor(format, config.limits)
        .report(run.report)
        .map((m) => JSON.stringify(wireBody(format, m)))
    }
  }
}

export interface InvestigateIo {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

/** Runs one scenario; fails with a message for the operator when the scenario or the system fails. */
export const investigate = (args: InvestigateArgs, config: AppConfig, io: InvestigateIo) =>
  Effect.scoped(
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(args.scenario)
      const run = yield* runScenario(scenario, {
        config,
        log: io.err,
        logLevel: args.verbose ? LogLevel.Debug : LogLevel.Warning,
      })
      for (const line of formatRun(run, args.format, config)) io.out(line)
      return run
    }),
  )
