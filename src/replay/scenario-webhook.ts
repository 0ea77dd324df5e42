/**
 * The alert of a scenario as the platform would deliver it, signed at the scenario clock's
 * instant: a Slack app_mention (top level or inside a thread), a reaction, or a Discord
 * message command / `/investigate`. Also the alert message itself, for the replay to serve
 * (reaction and thread triggers fetch it).
 */
import { DateTime } from "effect"
import { snowflakeFromTime } from "../adapters/discord/snowflake.js"
import { type SignedRequest, signDiscordRequest, signSlackRequest, slackTs } from "../cli/synthetic.js"
import type { ScenarioAlert } from "./scenario.js"

export const scenarioBotUser = "U0SREBOT"
export const scenarioBotId = "B0SREBOT"
export const scenarioTeam = "T0SCENARIO"
export const scenarioApplicationId = "1246387765248000004"
export const scenarioGuildId = "1246387765248000003"
const operator = "U0ONCALL01"

const idOf = (prefix: string, name: string) =>
  `${prefix}${
    name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")
      .slice(0, 9) || "AUTHOR"
  }`

/** The alert message as the Slack replay should hold it. */
export const slackAlertMessage = (a: ScenarioAlert) => ({
  ts: a.message_id,
  user: idOf("U0", a.author),
  bot: a.bot,
  ...(a.bot ? { botId: idOf("B0", a.author) } : {}),
  username: a.author,
  text: a.text,
})

/** The alert message as the Discord replay should hold it. */
export const discordAlertMessage = (a: ScenarioAlert) => ({
  id: a.message_id,
  timestamp: DateTime.formatIso(a.posted_at),
  user: a.author,
  bot: a.bot,
  text: a.text,
})

const slackDelivery = (a: ScenarioAlert, atMs: number, secret: string, reaction: string): SignedRequest => {
  const ts = slackTs(atMs, 900)
  const envelope = (event: Record<string, unknown>) =>
    JSON.stringify({
      type: "event_callback",
      team_id: scenarioTeam,
      event_id: `Ev${ts.replace(".", "")}`,
      event_time: Math.floor(atMs / 1000),
      authorizations: [{ team_id: scenarioTeam, user_id: scenarioBotUser, is_bot: true }],
      event,
    })
  const inThread = a.thread_id !== null && a.thread_id !== a.message_id
  switch (a.trigger) {
    case "reaction":
      return signSlackRequest(
        secret,
        atMs,
        envelope({
          type: "reaction_added",
          user: operator,
          reaction,
          item: { type: "message", channel: a.channel, ts: a.message_id },
          item_user: idOf("U0", a.author),
          event_ts: ts,
        }),
      )
    case "thread_mention":
      return signSlackRequest(
        secret,
        atMs,
        envelope({
          type: "app_mention",
          user: operator,
          text: `<@${scenarioBotUser}> ${a.note ?? "investigate"}`,
          ts,
          thread_ts: a.message_id,
          channel: a.channel,
          event_ts: ts,
        }),
      )
    default: {
      const m = slackAlertMessage(a)
      return signSlackRequest(
        secret,
        atMs,
        envelope({
          type: "app_mention",
          user: m.user,
          ...(a.bot ? { bot_id: idOf("B0", a.author), username: a.author } : {}),
          text: a.text,
          ts: a.message_id,
          ...(inThread && a.thread_id !== null ? { thread_ts: a.thread_id } : {}),
          channel: a.channel,
          event_ts: a.message_id,
        }),
      )
    }
  }
}

export interface DiscordDelivery {
  readonly request: SignedRequest
  readonly interaction: { readonly applicationId: string; readonly token: string; readonly channelId: string }
}

const discordDelivery = async (
  a: ScenarioAlert,
  atMs: number,
  seed: string,
  messageCommand: string,
  slash: string,
): Promise<DiscordDelivery> => {
  const id = snowflakeFromTime(atMs)
  const token = `scenario-interaction-${id}`
  const member = { user: { id: "1058897343283200006", username: "oncall" }, roles: [] }
  const base = {
    id,
    application_id: scenarioApplicationId,
    type: 2,
    guild_id: scenarioGuildId,
    channel_id: a.channel,
    member,
    token,
    version: 1,
  }
  const body =
    a.trigger === "command"
      ? {
          ...base,
          data: {
            id: "1345319652556800006",
            name: slash,
            type: 1,
            options: [{ name: "text", type: 3, value: a.text }],
          },
        }
      : {
          ...base,
          data: {
            id: "1345319652556800005",
            name: messageCommand,
            type: 3,
            target_id: a.message_id,
            resolved: {
              messages: {
                [a.message_id]: {
                  id: a.message_id,
                  channel_id: a.channel,
                  author: { id: "1058897343283200007", username: a.author, bot: a.bot },
                  content: a.text,
                  timestamp: DateTime.formatIso(a.posted_at),
                  embeds: [],
                  attachments: [],
                  mentions: [],
                  type: 0,
                },
              },
            },
          },
        }
  return {
    request: await signDiscordRequest(seed, atMs, JSON.stringify(body)),
    interaction: { applicationId: scenarioApplicationId, token, channelId: a.channel },
  }
}

export const scenarioDelivery = async (
  a: ScenarioAlert,
  atMs: number,
  secrets: { readonly slackSecret: string; readonly discordSeed: string },
  triggers: { readonly reaction: string; readonly messageCommand: string; readonly slash: string },
): Promise<{
  readonly request: SignedRequest
  readonly interaction: DiscordDelivery["interaction"] | null
}> =>
  a.platform === "slack"
    ? { request: slackDelivery(a, atMs, secrets.slackSecret, triggers.reaction), interaction: null }
    : discordDelivery(a, atMs, secrets.discordSeed, triggers.messageCommand, triggers.slash)
