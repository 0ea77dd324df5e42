/**
 * Builds a correctly signed webhook like Slack's Events API (`app_mention`) or Discord's
 * interactions endpoint (`/investigate text:`) would send, signed at a chosen instant. Used by
 * `cli synthetic` against a running service, and by the tests to make real deliveries.
 */
import { randomBytes } from "node:crypto"
import { signDiscord } from "../adapters/discord/signature.js"
import { snowflakeFromTime } from "../adapters/discord/snowflake.js"
import { slackSignature } from "../adapters/slack/signature.js"

export interface SignedRequest {
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export interface SlackMentionOptions {
  readonly text: string
  /** epoch ms: the message's own time (its ts) and the signature's timestamp */
  readonly at: number
  readonly channel?: string
  readonly user?: string
  readonly botUserId?: string
  readonly team?: string
  readonly threadTs?: string
  /** override the message ts (default: derived from `at`) */
  readonly ts?: string
  readonly eventId?: string
}

export const slackTs = (ms: number, sequence = 100): string =>
  `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + sequence).padStart(6, "0")}`

export const slackMentionPayload = (o: SlackMentionOptions) => {
  const ts = o.ts ?? slackTs(o.at)
  const bot = o.botUserId ?? "U0SREBOT"
  return {
    type: "event_callback",
    team_id: o.team ?? "T0SYNTHETIC",
    api_app_id: "A0SYNTHETIC",
    event_id: o.eventId ?? `Ev${randomBytes(6).toString("hex").toUpperCase()}`,
    event_time: Math.floor(o.at / 1000),
    authorizations: [{ team_id: o.team ?? "T0SYNTHETIC", user_id: bot, is_bot: true }],
    event: {
      type: "app_mention",
      user: o.user ?? "U0SYNTHETIC",
      text: `<@${bot}> ${o.text}`,
      ts,
      ...(o.threadTs === undefined ? {} : { thread_ts: o.threadTs }),
      channel: o.channel ?? "C0SYNTHETIC",
      event_ts: ts,
    },
  }
}

/** Sign any Slack body (JSON event or form command) at `atMs`. */
export const signSlackRequest = (
  secret: string,
  atMs: number,
  body: string,
  path = "/slack/events",
  contentType = "application/json",
  extraHeaders: Readonly<Record<string, string>> = {},
): SignedRequest => {
  const timestamp = String(Math.floor(atMs / 1000))
  return {
    path,
    body,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": slackSignature(secret, timestamp, body),
      ...extraHeaders,
    },
  }
}

export interface DiscordInvestigateOptions {
  readonly text: string
  readonly at: number
  readonly channel?: string
  readonly guild?: string
  readonly user?: string
  readonly applicationId?: string
  readonly token?: string
}

export const discordInvestigatePayload = (o: DiscordInvestigateOptions) => ({
  id: snowflakeFromTime(o.at),
  application_id: o.applicationId ?? "1246387765248000004",
  type: 2,
  guild_id: o.guild ?? "1246387765248000003",
  channel_id: o.channel ?? "1345319652556800001",
  member: { user: { id: o.user ?? "1058897343283200006", username: "synthetic" }, roles: [] },
  token: o.token ?? `synthetic-${randomBytes(16).toString("hex")}`,
  version: 1,
  data: {
    id: "1345319652556800006",
    name: "investigate",
    type: 1,
    options: [{ name: "text", type: 3, value: o.text }],
  },
})

/** Sign any Discord body at `atMs` with a hex Ed25519 seed. */
export const signDiscordRequest = async (
  seedHex: string,
  atMs: number,
  body: string,
): Promise<SignedRequest> => {
  const timestamp = String(Math.floor(atMs / 1000))
  return {
    path: "/discord/interactions",
    body,
    headers: {
      "content-type": "application/json",
      "x-signature-timestamp": timestamp,
      "x-signature-ed25519": await signDiscord(seedHex, timestamp, body),
    },
  }
}

/** `--url` may be the service's base URL or the route itself. */
export const targetUrl = (url: string, path: string): string => {
  const u = new URL(url)
  if (u.pathname === "/" || u.pathname === "") u.pathname = path
  return u.toString()
}
