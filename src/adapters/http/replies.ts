/**
 * What each platform expects in the HTTP body for an intake outcome. Discord wants an
 * interaction response (1 PONG, 4 message, 5 deferred); Slack wants any 2xx quickly, and a
 * slash command may answer with an ephemeral message body.
 */
import type { IntakeOutcome } from "../../domain/intake-outcome.js"
import type { Platform } from "../../domain/platform.js"

const ephemeralFlag = 64

export const replyBody = (platform: Platform, outcome: IntakeOutcome): Readonly<Record<string, unknown>> => {
  switch (outcome._tag) {
    case "Challenge":
      return outcome.body
    case "Ephemeral":
      return platform === "discord"
        ? { type: 4, data: { content: outcome.text, flags: ephemeralFlag, allowed_mentions: { parse: [] } } }
        : { response_type: "ephemeral", text: outcome.text }
    case "Dispatched":
      return platform === "discord" ? { type: 5 } : { ok: true, investigationId: outcome.investigationId }
    case "Acknowledged":
      // Discord never reaches this with an interaction that needs an answer except "duplicate":
      // a redelivered interaction; answer it privately rather than leave it "thinking".
      return platform === "discord"
        ? { type: 4, data: { content: "Already on it.", flags: ephemeralFlag } }
        : { ok: true, result: outcome.result }
  }
}
