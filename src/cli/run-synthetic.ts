/** `cli synthetic`: send one signed webhook to a running service and print what it answered. */
import { discordPublicKeyFromSeed } from "../adapters/discord/signature.js"
import {
  discordInvestigatePayload,
  type SignedRequest,
  signDiscordRequest,
  signSlackRequest,
  slackMentionPayload,
  targetUrl,
} from "./synthetic.js"

export const syntheticUsage = `usage: npm run cli -- synthetic --platform slack|discord --url URL --text TEXT [--at RFC3339] [--channel ID]

Sends a correctly signed webhook (Slack: an app_mention event, signed with SLACK_SIGNING_SECRET;
Discord: "/investigate text:", signed with DISCORD_SIGNING_KEY, a hex Ed25519 seed) to URL
(the service's base URL or the route). --at signs, and dates the message, at that instant.`

export interface SyntheticArgs {
  readonly platform: "slack" | "discord"
  readonly url: string
  readonly text: string
  readonly at: number
  readonly channel?: string
}

export const parseSyntheticArgs = (args: ReadonlyArray<string>, nowMs: number): SyntheticArgs | string => {
  const flags = new Map<string, string>()
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]
    const value = args[i + 1]
    if (key === undefined || !key.startsWith("--") || value === undefined)
      return `bad arguments near ${key ?? "(end)"}`
    flags.set(key.slice(2), value)
  }
  for (const key of flags.keys()) {
    if (!["platform", "url", "text", "at", "channel"].includes(key)) return `unknown option --${key}`
  }
  const platform = flags.get("platform")
  if (platform !== "slack" && platform !== "discord") return "--platform must be slack or discord"
  const url = flags.get("url")
  if (url === undefined || !URL.canParse(url)) return "--url must be a URL"
  const text = flags.get("text")
  if (text === undefined || text.trim() === "") return "--text is required"
  const atFlag = flags.get("at")
  const at = atFlag === undefined ? nowMs : Date.parse(atFlag)
  if (
    Number.isNaN(at) ||
    (atFlag !== undefined && !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(atFlag))
  ) {
    return "--at must be an RFC 3339 instant, e.g. 2026-11-27T13:05:00Z"
  }
  const channel = flags.get("channel")
  return { platform, url, text, at, ...(channel === undefined ? {} : { channel }) }
}

export const buildSynthetic = async (
  args: SyntheticArgs,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ request: SignedRequest; note: string } | string> => {
  if (args.platform === "slack") {
    const secret = env.SLACK_SIGNING_SECRET ?? ""
    if (secret.trim() === "") return "SLACK_SIGNING_SECRET is not set (use the same value as the service)"
    const payload = slackMentionPayload({
      text: args.text,
      at: args.at,
      ...(args.channel ? { channel: args.channel } : {}),
    })
    return {
      request: signSlackRequest(secret, args.at, JSON.stringify(payload)),
      note: `slack app_mention ts=${payload.event.ts}`,
    }
  }
  const seed = (env.DISCORD_SIGNING_KEY ?? "").trim()
  if (!/^[0-9a-fA-F]{64}$/.test(seed)) return "DISCORD_SIGNING_KEY must be a 64-hex-character Ed25519 seed"
  const payload = discordInvestigatePayload({
    text: args.text,
    at: args.at,
    ...(args.channel ? { channel: args.channel } : {}),
  })
  const publicKey = await discordPublicKeyFromSeed(seed)
  return {
    request: await signDiscordRequest(seed, args.at, JSON.stringify(payload)),
    note: `discord /investigate id=${payload.id}; the service needs DISCORD_PUBLIC_KEY=${publicKey}`,
  }
}

export const runSynthetic = async (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
) => {
  const parsed = parseSyntheticArgs(args, Date.now())
  if (typeof parsed === "string") {
    process.stderr.write(`${parsed}\n${syntheticUsage}\n`)
    return 2
  }
  const built = await buildSynthetic(parsed, env)
  if (typeof built === "string") {
    process.stderr.write(`${built}\n`)
    return 2
  }
  process.stderr.write(`${built.note}\n`)
  const url = targetUrl(parsed.url, built.request.path)
  const response = await fetch(url, {
    method: "POST",
    headers: built.request.headers,
    body: built.request.body,
  }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
  if (response instanceof Error) {
    process.stderr.write(`could not reach ${url}: ${response.message}\n`)
    return 1
  }
  process.stdout.write(`${response.status} ${await response.text()}\n`)
  return response.ok ? 0 : 1
}
