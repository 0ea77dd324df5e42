/**
 * `npm start -- --serve`: the long-running service on 127.0.0.1, file-backed state under
 * .sre-on-call/, secrets from the environment. Chat is real when a bot token is set (checked
 * with auth.test at start); agents read the data sources `sources` provides (none, a scenario's
 * replay, or the real backends with --live) and answer `unhealthy: not configured` otherwise.
 */
import { serve } from "@hono/node-server"
import { type Clock, Effect, Layer, ManagedRuntime } from "effect"
import { makeHttpApp } from "../adapters/http/app.js"
import type { AppConfig } from "../domain/config.js"
import { checkSlackToken, localServeLayer, type SourceLayers } from "../layers.js"
import type { Llm } from "../ports/llm.js"

export interface ServeOptions {
  readonly port: number
  readonly config: AppConfig
  readonly env: Readonly<Record<string, string | undefined>>
  /** Where the agents read from; describes itself in the start banner. */
  readonly sources: { readonly layers: SourceLayers; readonly description: string }
  /** The scenario clock when serving a scenario's world. */
  readonly clock?: Clock.Clock
  /** Chat API bases (a scenario's replay, or SLACK_API_URL / DISCORD_API_URL). */
  readonly chat: { readonly slackApiUrl?: string; readonly discordApiUrl?: string }
  readonly logger: Layer.Layer<never>
  readonly err: (s: string) => void
  /** The model client when not config's (a scenario's scripted-model replay). */
  readonly llm?: Layer.Layer<Llm>
}

const secretNames = ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "DISCORD_PUBLIC_KEY", "DISCORD_BOT_TOKEN"]

/** Serves until SIGINT/SIGTERM; resolves with the exit code. */
export const runServe = async (o: ServeOptions): Promise<number> => {
  const identity = await Effect.runPromise(checkSlackToken(o.env, o.chat.slackApiUrl)).catch((e: unknown) => {
    o.err(`SLACK_BOT_TOKEN is set but auth.test failed: ${e instanceof Error ? e.message : String(e)}\n`)
    return "failed" as const
  })
  if (identity === "failed") return 1
  const base = Layer.provideMerge(
    localServeLayer({
      config: o.config,
      env: o.env,
      stateDir: ".sre-on-call",
      sources: o.sources.layers,
      ...(o.llm === undefined ? {} : { llm: o.llm }),
      chat: {
        ...o.chat,
        ...(identity === null ? {} : { slackIdentity: { userId: identity.userId, botId: identity.botId } }),
      },
    }),
    o.logger,
  )
  // provideMerge, not merge: fibers forked while the layers are built (the dispatch worker) must log too.
  const runtime = ManagedRuntime.make(
    o.clock === undefined ? base : Layer.provideMerge(base, Layer.setClock(o.clock)),
  )
  // Build now, so a bad state directory fails at start rather than on the first alert.
  const built = await runtime.runtime().then(
    () => true,
    (e: unknown) => {
      o.err(`cannot start: ${e instanceof Error ? e.message : String(e)}\n`)
      return false
    },
  )
  if (!built) return 1
  const app = makeHttpApp(runtime, { bodyLimitBytes: o.config.limits.request_body_bytes })
  return new Promise<number>((resolve) => {
    const server = serve({ fetch: app.fetch, port: o.port, hostname: "127.0.0.1" }, (info) => {
      const configured = secretNames.map(
        (name) => `${name}=${(o.env[name] ?? "").trim() === "" ? "unset" : "set"}`,
      )
      o.err(
        [
          `sre-on-call intake listening on http://127.0.0.1:${info.port}`,
          "  POST /slack/events  POST /slack/commands  POST /discord/interactions  GET /healthz",
          `  ${configured.join("  ")}${identity === null ? "" : `  (Slack bot ${identity.userId} in ${identity.team})`}`,
          `  data sources: ${o.sources.description}`,
          "  Routes whose secret is unset answer 503 naming the variable.",
          `  Try: SLACK_SIGNING_SECRET=… npm run cli -- synthetic --platform slack --url http://127.0.0.1:${info.port} --text "checkout returning 502s"`,
          "",
        ].join("\n"),
      )
    })
    const stop = (code: number) => {
      server.close()
      void runtime.dispose().then(() => resolve(code))
    }
    server.on("error", (e: NodeJS.ErrnoException) => {
      o.err(
        e.code === "EADDRINUSE"
          ? `port ${o.port} is already in use: stop the other process or set PORT (e.g. PORT=3001 npm start -- --serve)\n`
          : `cannot serve on 127.0.0.1:${o.port}: ${e.message}\n`,
      )
      stop(1)
    })
    process.once("SIGINT", () => stop(0))
    process.once("SIGTERM", () => stop(0))
  })
}
