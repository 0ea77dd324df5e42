/**
 * One real intake + dispatch runtime for tests: the production adapters (Slack and Discord
 * platforms, the in-process queue, the Dispatcher) over replay servers on loopback, an
 * in-memory dedup store, a recording master, and a captured JSON log. Deliveries are signed
 * like the platforms sign them and sent through `app.request` (no socket needed).
 */
import { Effect, Exit, Layer, ManagedRuntime, Option, Ref, Scope } from "effect"
import { discordPublicKeyFromSeed } from "../../src/adapters/discord/signature.js"
import { makeHttpApp } from "../../src/adapters/http/app.js"
import { type InlineAgents, inlineAgentInvokerLayer } from "../../src/adapters/local/inline-agent-invoker.js"
import { memoryDedupStoreLayer } from "../../src/adapters/local/memory-dedup-store.js"
import { memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import { offLlmLayer } from "../../src/adapters/local/off-llm.js"
import {
  type Invocation,
  RecordedInvocations,
  type RecordingOptions,
  recordingAgentInvokerLayer,
} from "../../src/adapters/local/recording-agent-invoker.js"
import { captureLoggerLayer } from "../../src/adapters/log/json-logger.js"
import { envSecretsLayer } from "../../src/adapters/secrets-manager/env-secrets-layer.js"
import { signDiscordRequest, signSlackRequest } from "../../src/cli/synthetic.js"
import { type AppConfig, defaultConfig } from "../../src/domain/config.js"
import type { DedupRecord } from "../../src/domain/dedup.js"
import { redact } from "../../src/domain/redact.js"
import { appLayer } from "../../src/layers.js"
import { DedupStore } from "../../src/ports/dedup-store.js"
import type { DispatchQueue } from "../../src/ports/dispatch-queue.js"
import type { Llm } from "../../src/ports/llm.js"
import { type DiscordReplay, makeDiscordReplay } from "../../src/replay/discord.js"
import type { DiscordSeedChannel } from "../../src/replay/discord-state.js"
import { serveLoopback } from "../../src/replay/serve.js"
import { makeSlackReplay, type SlackReplay } from "../../src/replay/slack.js"
import type { SlackSeedChannel } from "../../src/replay/slack-state.js"

export const slackSecret = "test-signing-secret-0123456789"
export const slackBotToken = "xoxb-test-bot-token-0123456789"
export const discordSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
export const discordBotToken = "test-discord-bot-token"
export const slackBotUser = "U0SREBOT"

export interface HarnessOptions {
  readonly config?: AppConfig
  /** Environment for the Secrets adapter; defaults to every secret set. */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly slackChannels?: Readonly<Record<string, SlackSeedChannel>>
  readonly discordChannels?: Readonly<Record<string, DiscordSeedChannel>>
  readonly invoker?: RecordingOptions
  /** Run the real master (this process's Orchestrator) over these inline specialists, instead of recording the task. */
  readonly engine?: { readonly specialists: InlineAgents<never> }
  readonly queue?: Layer.Layer<DispatchQueue>
  readonly llm?: Layer.Layer<Llm>
}

export interface Harness {
  readonly request: (path: string, init: RequestInit) => Promise<Response>
  readonly slack: SlackReplay
  readonly discord: DiscordReplay
  readonly logs: Array<string>
  readonly invocations: () => Promise<ReadonlyArray<Invocation>>
  readonly waitForInvocations: (n: number) => Promise<ReadonlyArray<Invocation>>
  readonly dedupRecord: (key: string) => Promise<DedupRecord | null>
  readonly postSlack: (
    body: unknown,
    opts?: { at?: number; headers?: Record<string, string>; path?: string; contentType?: string },
  ) => Promise<Response>
  readonly postDiscord: (body: unknown, opts?: { at?: number }) => Promise<Response>
  /** The same app served on loopback by @hono/node-server (as `npm start -- --serve` serves it): its base URL. */
  readonly serve: () => Promise<string>
  readonly close: () => Promise<void>
}

export const makeHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const config = options.config ?? defaultConfig
  const scope = Effect.runSync(Scope.make())
  const inScope = <A, E>(effect: Effect.Effect<A, E, Scope.Scope>) =>
    Effect.runPromise(Scope.extend(effect, scope))
  const slack = await inScope(
    makeSlackReplay({
      token: slackBotToken,
      identity: { userId: slackBotUser, botId: "B0SREBOT", teamId: "T0ACME001", team: "acme" },
      channels: options.slackChannels ?? {},
    }),
  )
  const discord = await inScope(
    makeDiscordReplay({ token: discordBotToken, channels: options.discordChannels ?? {} }),
  )
  const env = options.env ?? {
    SLACK_SIGNING_SECRET: slackSecret,
    SLACK_BOT_TOKEN: slackBotToken,
    DISCORD_PUBLIC_KEY: await discordPublicKeyFromSeed(discordSeed),
    DISCORD_BOT_TOKEN: discordBotToken,
  }
  const logs: Array<string> = []
  const recording = recordingAgentInvokerLayer(options.invoker ?? {})
  const layer = Layer.provideMerge(
    Layer.merge(
      appLayer({
        config,
        secrets: envSecretsLayer({ env }),
        dedup: memoryDedupStoreLayer(),
        traces: memoryTraceStoreLayer(),
        llm: options.llm ?? offLlmLayer,
        ...(options.engine === undefined
          ? { invoker: recording }
          : { specialistInvoker: inlineAgentInvokerLayer(options.engine.specialists) }),
        queue: options.queue ?? "in-process",
        chat: { slackApiUrl: slack.apiUrl, discordApiUrl: discord.apiUrl },
      }),
      recording,
    ),
    captureLoggerLayer(logs, redact),
  )
  const runtime = ManagedRuntime.make(layer)
  const app = makeHttpApp(runtime, { bodyLimitBytes: config.limits.request_body_bytes })
  const request = (path: string, init: RequestInit) => Promise.resolve(app.request(path, init))
  const invocations = () => runtime.runPromise(Effect.flatMap(RecordedInvocations, Ref.get))

  return {
    request,
    slack,
    discord,
    logs,
    invocations,
    waitForInvocations: async (n) => {
      const deadline = Date.now() + 10_000
      for (;;) {
        const xs = await invocations()
        if (xs.length >= n) return xs
        if (Date.now() > deadline) throw new Error(`expected ${n} invocations, saw ${xs.length}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    dedupRecord: (key) =>
      runtime.runPromise(
        Effect.flatMap(DedupStore, (d) => d.get(key, Date.now())).pipe(Effect.map(Option.getOrNull)),
      ),
    postSlack: (body, opts = {}) => {
      const raw = typeof body === "string" ? body : JSON.stringify(body)
      const signed = signSlackRequest(
        slackSecret,
        opts.at ?? Date.now(),
        raw,
        opts.path ?? "/slack/events",
        opts.contentType ?? "application/json",
        opts.headers ?? {},
      )
      return request(signed.path, { method: "POST", headers: signed.headers, body: signed.body })
    },
    postDiscord: async (body, opts = {}) => {
      const signed = await signDiscordRequest(discordSeed, opts.at ?? Date.now(), JSON.stringify(body))
      return request(signed.path, { method: "POST", headers: signed.headers, body: signed.body })
    },
    serve: () => Effect.runPromise(Scope.extend(serveLoopback(app), scope)).then((s) => s.url),
    close: async () => {
      await runtime.dispose()
      await Effect.runPromise(Scope.close(scope, Exit.void))
    },
  }
}

/** A Slack ts for "now minus `agoMs`" (alerts are slightly in the past). */
export const tsAgo = (agoMs: number, seq = 200): string => {
  const ms = Date.now() - agoMs
  return `${Math.floor(ms / 1000)}.${String(seq).padStart(6, "0")}`
}

export const mention = (o: {
  text: string
  ts: string
  channel?: string
  user?: string
  botId?: string
  threadTs?: string
  eventId?: string
}) => ({
  type: "event_callback",
  team_id: "T0ACME001",
  event_id: o.eventId ?? `Ev${o.ts.replace(".", "")}`,
  authorizations: [{ team_id: "T0ACME001", user_id: slackBotUser, is_bot: true }],
  event: {
    type: "app_mention",
    user: o.user ?? "U0ONCALL01",
    ...(o.botId === undefined ? {} : { bot_id: o.botId }),
    text: `<@${slackBotUser}> ${o.text}`,
    ts: o.ts,
    ...(o.threadTs === undefined ? {} : { thread_ts: o.threadTs }),
    channel: o.channel ?? "C0ALERTS",
    event_ts: o.ts,
  },
})

export const reaction = (o: {
  channel: string
  ts: string
  user?: string
  name?: string
  eventTs?: string
}) => ({
  type: "event_callback",
  team_id: "T0ACME001",
  event_id: `EvR${o.ts.replace(".", "")}`,
  authorizations: [{ team_id: "T0ACME001", user_id: slackBotUser, is_bot: true }],
  event: {
    type: "reaction_added",
    user: o.user ?? "U0ONCALL01",
    reaction: o.name ?? "sre-on-call",
    item: { type: "message", channel: o.channel, ts: o.ts },
    event_ts: o.eventTs ?? `${Math.floor(Date.now() / 1000)}.000900`,
  },
})

/** The `text` field of a recorded request body ("" when there is none). */
export const bodyText = (body: unknown): string =>
  typeof body === "object" && body !== null && "text" in body && typeof body.text === "string"
    ? body.text
    : ""
